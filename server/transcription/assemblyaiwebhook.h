#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace callos::server {

// What AssemblyAI's webhook says: a transcript has finished.
struct AssemblyAiNotification
{
    QString transcriptId;
    QString status; // "completed" or "error"

    bool operator==(const AssemblyAiNotification &) const = default;
};

// AssemblyAI's transcript webhook (integrations page, "AssemblyAI"): a POST
// of {"transcript_id", "status"} that carries the header CallOS chose when
// it created the transcript (webhook_auth_header_name/_value). AssemblyAI
// does not sign its body, so that header is all that tells its deliveries
// from anyone else's; the route answers 2xx within 10 s, or 4xx to stop
// AssemblyAI's retries of a delivery it will never take.
//
// The body says only which transcript is done: what it holds comes from
// AssemblyAiClient::fetchTranscript, never from the delivery.
class AssemblyAiWebhook
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::AssemblyAiWebhook)

public:
    static constexpr qsizetype kMaxBodyBytes = 16 * 1024;

    AssemblyAiWebhook(QByteArray headerName, QByteArray secret);

    // The header to look for in a delivery (what was sent as
    // webhook_auth_header_name).
    const QByteArray &headerName() const { return m_headerName; }

    // Whether `headerValue` is the secret. Compares digests of both in
    // constant time, so neither the time an answer takes nor its length
    // tells a forger how close a guess came. With no secret set, nothing
    // passes.
    bool verify(const QByteArray &headerValue) const;
    // The body, read: "webhook.invalid_body" with what is wrong.
    Result<AssemblyAiNotification> parse(const QByteArray &body) const;
    // Both: "webhook.unauthorised" when the header is wrong (the body is
    // not even looked at), else parse().
    Result<AssemblyAiNotification> read(const QByteArray &headerValue, const QByteArray &body) const;

private:
    QByteArray m_headerName;
    QByteArray m_secret;
};

} // namespace callos::server
