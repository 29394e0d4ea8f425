#pragma once

#include "http/httpexchange.h"
#include "transcription/assemblyaiwebhook.h"

#include <QCoreApplication>

#include <optional>

namespace callos::server {

class Database;
class HttpRouter;
class JobQueue;
class Transcripts;

// AssemblyAI's webhook: POST /webhooks/assemblyai {"transcript_id",
// "status"} with the auth header CallOS asked for (public route).
//   401 webhook.unauthorised: the header is missing or wrong (a 4xx stops
//       AssemblyAI's retries: a forged call gets nothing more);
//   400 for a body that is not the documented one;
//   404 transcript.unknown: no transcript of that id was asked for;
//   200 {"status":"collecting"}: the transcript's collection job runs now
//       instead of at its next poll (it fetches the result itself, so the
//       webhook's own body is never trusted with more than a wake-up);
//   503 assemblyai.not_configured: no AssemblyAI key on this server.
class AssemblyAiWebhookRoutes
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::AssemblyAiWebhookRoutes)

public:
    static constexpr auto kHeaderName = "X-CallOS-Webhook-Token";
    static constexpr auto kPath = "/webhooks/assemblyai";

    // `secret` empty: not configured.
    AssemblyAiWebhookRoutes(Database &database, Transcripts &transcripts, JobQueue &jobs, const QByteArray &secret);

    void addTo(HttpRouter &router);

private:
    ApiAnswer receive(HttpExchange &exchange);

    Database &m_database;
    Transcripts &m_transcripts;
    JobQueue &m_jobs;
    std::optional<AssemblyAiWebhook> m_webhook;
};

} // namespace callos::server
