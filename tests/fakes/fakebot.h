#pragma once

#include "fakehttpserver.h"

#include <QHash>
#include <QJsonObject>
#include <QStringList>

#include <functional>

class QNetworkAccessManager;

namespace callos::test {

// Attendee's meeting-bot API, as the integrations page ("Meeting bot") and
// Attendee's API reference document it:
//   every /api/v1 request needs "Authorization: Token <api key>", else
//     401 {"detail": "Invalid token."};
//   POST /api/v1/bots {meeting_url, bot_name (both required, non-empty),
//     webhooks: [{url (http(s)), triggers: [known triggers]}] (at most 2),
//     deduplication_key, metadata (object), recording_settings
//     {format: mp4 | mp3 | none}, ...} -> 201 the bot {id: "bot_...",
//     state: "joining", ...}; a field Attendee does not document, or of the
//     wrong type -> 400 {"<field>": ["..."]}; a deduplication_key of a bot
//     that has not ended -> 400 (the status is unconfirmed: "an error");
//   POST /api/v1/bots/{id}/leave -> 200 the bot, state "leaving";
//   GET /api/v1/bots/{id}/recording -> 200 {url, start_timestamp_ms} once
//     the bot has a recording (setRecording), else 404; the url is a
//     short-lived link on the fake itself (/media/{id}.mp4?signature=...),
//     valid until the next such GET or expireRecordingLinks(), that takes
//     no credentials (403 for a stale signature); redirectNextDownload()
//     has it answer once with a redirect to the same file elsewhere
//     (/storage/...), as a storage service may;
//   unknown bot -> 404 {"error": "Bot not found"}.
// It posts webhooks as Attendee does (no redirects followed, 10 s timeout): {idempotency_key, bot_id,
// bot_metadata, trigger, data} spaced and in its own key order (Python's
// default json.dumps), signed over the canonical JSON (sorted keys, no
// spaces, UTF-8 unescaped) with X-Webhook-Signature = base64(HMAC-SHA256(
// base64decode(secret), canonical)).
class FakeBot : public FakeHttpServer
{
public:
    static constexpr auto kUnauthorised = R"({"detail": "Invalid token."})";

    // A webhook as the fake sent it, to send again or to alter.
    struct Delivery
    {
        QString url;
        QByteArray body;
        QByteArray signature;
        QJsonObject payload;
    };

    FakeBot(QByteArray apiKey, QByteArray webhookSecretBase64);
    ~FakeBot() override;

    QString baseUrl() const { return url(QString()); }

    // Bots in the order they were created, and what each was created with.
    QStringList botIds() const;
    QJsonObject createRequest(const QString &botId) const;
    QString state(const QString &botId) const;
    int leaveRequests(const QString &botId) const;
    // The bytes the bot's recording link serves, and when it began.
    void setRecording(const QString &botId, const QByteArray &bytes, qint64 startTimestampMs);
    // Every recording link handed out so far stops working.
    void expireRecordingLinks();
    // The next download of a recording is answered with a redirect (302)
    // to the same file under /storage/.
    void redirectNextDownload();
    // Where the webhooks' times (data.created_at) come from when a send
    // names none: the test's clock, so they agree with the server's.
    // Default: the system's.
    void setClock(std::function<qint64()> nowMs);
    // The next bot is created, but its answer is lost (the connection
    // closes without a word), as after a network failure.
    void loseNextCreateAnswer();

    // Sends the bot's webhook bot.state_change to the URL it was created
    // with: the state it moves to, and why (Attendee's event type and sub
    // type). Waits for the answer while running the caller's event loop,
    // so a server on the caller's thread can answer. The HTTP status; 0 for
    // none.
    int sendStateChange(const QString &botId, const QString &newState, const QString &eventType,
        const QString &eventSubType = QString(), qint64 atMs = 0);
    // The meeting ended and the recording is done: post_processing ->
    // ended with event type post_processing_completed.
    int sendRecordingReady(const QString &botId, qint64 atMs = 0);
    // Posts `delivery` as it is (body and signature), e.g. again.
    int redeliver(const Delivery &delivery);
    Delivery lastDelivery() const;

    // The payload as Attendee signs it, and as it posts it.
    static QByteArray canonicalJson(const QJsonValue &value);
    static QByteArray postedJson(const QJsonValue &value);

protected:
    FakeResponse respond(const FakeRequest &request) override;

private:
    struct Bot
    {
        QString id;
        QJsonObject request;
        QString state = QStringLiteral("joining");
        int leaveRequests = 0;
        QByteArray recording;
        qint64 recordingStartMs = 0;
        bool hasRecording = false;
    };

    FakeResponse createBot(const FakeRequest &request);
    FakeResponse recordingLink(const QString &botId);
    FakeResponse media(const FakeRequest &request);
    // With m_mutex held.
    QJsonObject botJson(const Bot &bot) const;
    int post(const Delivery &delivery);

    const QByteArray m_apiKey;
    const QByteArray m_secret; // decoded
    mutable QMutex m_botsMutex;
    QHash<QString, Bot> m_bots;
    QStringList m_order;
    QHash<QString, QString> m_linkSignatures; // bot id -> the valid one
    bool m_loseNextCreateAnswer = false;
    bool m_redirectNextDownload = false;
    std::function<qint64()> m_nowMs;
    Delivery m_lastDelivery;
    int m_linkCount = 0;
    // On the fake's thread, made there when first needed.
    QObject *m_context = nullptr;
    QNetworkAccessManager *m_network = nullptr;
};

} // namespace callos::test
