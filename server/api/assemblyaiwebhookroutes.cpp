#include "api/assemblyaiwebhookroutes.h"

#include "http/httprouter.h"
#include "jobs/jobqueue.h"
#include "storage/database.h"
#include "storage/transaction.h"
#include "transcription/transcriptcollecthandler.h"
#include "transcription/transcripts.h"

using namespace Qt::StringLiterals;

namespace callos::server {

AssemblyAiWebhookRoutes::AssemblyAiWebhookRoutes(
    Database &database, Transcripts &transcripts, JobQueue &jobs, const QByteArray &secret)
    : m_database(database)
    , m_transcripts(transcripts)
    , m_jobs(jobs)
{
    if (!secret.isEmpty())
        m_webhook.emplace(QByteArray(kHeaderName), secret);
}

void AssemblyAiWebhookRoutes::addTo(HttpRouter &router)
{
    router.addSync(HttpExchange::Method::Post, QString::fromLatin1(kPath), { Access::Public, 16 * 1024 },
        [this](HttpExchange &exchange) { return receive(exchange); });
}

ApiAnswer AssemblyAiWebhookRoutes::receive(HttpExchange &exchange)
{
    if (!m_webhook)
        return ApiFailure{ Refusal{ u"assemblyai.not_configured"_s, tr("This server does not use AssemblyAI.") },
            ApiFailure::Status::ServiceUnavailable, {}, {} };
    const Result<AssemblyAiNotification> notification
        = m_webhook->read(exchange.header(kHeaderName), exchange.body());
    if (!notification) {
        if (notification.refusal().code == u"webhook.unauthorised"_s)
            return ApiFailure{ notification.refusal(), ApiFailure::Status::Unauthorized, {}, {} };
        return ApiFailure{ notification.refusal(), ApiFailure::Status::BadRequest, {}, {} };
    }
    const QString transcriptId = notification.value().transcriptId;
    const Result<std::optional<TranscriptRow>> found = m_transcripts.findByExternalId(u"assemblyai"_s, transcriptId);
    if (!found)
        return ApiFailure::internal(found.refusal());
    if (!found.value())
        return ApiFailure::notFound(u"transcript.unknown"_s, tr("No transcript %1 was asked for.").arg(transcriptId));
    const TranscriptRow &row = *found.value();
    const TenantScope::Entered scope = m_database.tenantScope().enterOrganisation(row.orgId);
    Transaction transaction(m_database, tr("Collecting transcript %1").arg(transcriptId));
    if (auto refusal = transaction.begin())
        return ApiFailure::internal(*refusal);
    const Result<bool> woken = m_jobs.runNow(
        transaction, row.orgId, QString::fromLatin1(TranscriptCollectHandler::kKind), row.recordingId);
    if (!woken)
        return ApiFailure::internal(woken.refusal());
    if (auto refusal = transaction.commit())
        return ApiFailure::internal(*refusal);
    return QHttpServerResponse(QJsonObject{ { u"status"_s, u"collecting"_s } });
}

} // namespace callos::server
