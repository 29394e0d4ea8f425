#include "app/serverapp.h"

#include "meetingbot/attendeewebhook.h"
#include "recording/makerecordingstore.h"

namespace callos::server {

namespace {

std::unique_ptr<MeetingBotWebhook> attendeeWebhook(const IntegrationSettings &settings, const Clock &clock)
{
    const std::optional<QByteArray> secret = settings.attendeeWebhookSecret();
    return secret ? std::make_unique<AttendeeWebhook>(*secret, clock) : nullptr;
}

} // namespace

ServerApp::ServerApp(Database &database, const SodiumRuntime &sodium, const Clock &clock, IdGenerator &ids,
    JsonLog &log, const Settings &settings)
    : m_hasher(sodium)
    , m_sessions(database, clock, ids, settings.sessions)
    , m_audit(database, clock)
    , m_throttle(clock, settings.throttle)
    , m_http(database, m_sessions, log)
    , m_shareLinks(database, clock, ids)
    , m_liveCalls(database, ids)
    , m_jobJitter(QRandomGenerator::system()->generate())
    , m_jobs(database, clock, ids, m_jobJitter)
    , m_recordings(database, clock, ids)
    , m_transcripts(database, clock)
    , m_analyses(database, clock, ids)
    , m_meetingBots(database, clock, ids)
    , m_pipelineStatus(m_jobs, m_recordings, m_transcripts, m_analyses, m_meetingBots)
    , m_live(m_http.server(), database, m_sessions, m_liveCalls, m_shareLinks, m_pipelineStatus, log, settings.live)
    , m_secondFactor(database, sodium, clock, ids)
    , m_passwordGenerator(sodium)
    , m_users(database, clock, ids)
    , m_authRoutes(database, m_sessions, m_audit, m_hasher, m_throttle, m_secondFactor, clock)
    , m_mfaRoutes(database, m_audit, m_hasher, m_throttle, m_secondFactor)
    , m_userRoutes(database, m_users, m_sessions, m_audit, m_hasher, m_passwordGenerator)
    , m_auditRoutes(m_audit)
    , m_organisationRoutes(database, m_audit)
    , m_prospectRoutes(database, clock, ids)
    , m_callRoutes(database, m_audit, m_live, clock, ids)
    , m_playbookRoutes(database, m_audit, clock)
    , m_playbookStore(database, clock, PlaybookStore::readEmbeddedDefault().value())
    , m_callPlaybooks(m_playbookStore)
    , m_botScheduler(m_jobs, settings.integrations.hasMeetingBot())
    , m_ingest(database, m_callPlaybooks, m_audit, &m_botScheduler, clock)
    , m_eventRoutes(m_ingest, m_live)
    , m_viewerRoutes(database, m_audit, m_shareLinks, m_live, ids)
    , m_jobRoutes(database, m_jobs, m_audit)
    , m_zoomIntake(database, m_recordings, m_jobs, clock)
    , m_waitingZoomRecordings(database, m_zoomIntake, log, clock)
    , m_zoomWebhookRoutes(m_zoomIntake, m_waitingZoomRecordings, log, clock, settings.integrations.zoom.webhookSecret)
    , m_recordingStore(
          makeRecordingStore(settings.integrations.s3, settings.recordingsDirectory, m_recordingStoreHttp, clock))
    , m_reviewRoutes(ReviewRoutes::Parts{ database, m_liveCalls, m_callPlaybooks, m_recordings, m_transcripts,
          m_analyses, m_pipelineStatus, m_jobs, *m_recordingStore, m_audit })
    , m_uploadedParts(m_recordingStore->stagingDirectory())
    , m_uploadRoutes(UploadRoutes::Parts{ database, m_liveCalls, m_recordings, m_uploadedParts, m_jobs, m_audit })
    , m_prompts(database, clock)
    , m_promptRoutes(database, m_prompts, m_audit)
    , m_assemblyAiWebhookRoutes(database, m_transcripts, m_jobs, settings.integrations.assemblyAiWebhookSecret())
    , m_botWebhook(attendeeWebhook(settings.integrations, clock))
    , m_botWebhookRoutes(database, m_meetingBots, m_recordings, m_jobs, log, m_botWebhook.get(),
          QString::fromLatin1(AttendeeSettings::kProvider),
          QString::fromLatin1(IntegrationSettings::kAttendeeSecretVariable))
{
    m_authRoutes.addTo(m_http.router());
    m_mfaRoutes.addTo(m_http.router());
    m_userRoutes.addTo(m_http.router());
    m_auditRoutes.addTo(m_http.router());
    m_organisationRoutes.addTo(m_http.router());
    m_prospectRoutes.addTo(m_http.router());
    m_callRoutes.addTo(m_http.router());
    m_playbookRoutes.addTo(m_http.router());
    m_eventRoutes.addTo(m_http.router());
    m_openApiRoutes.addTo(m_http.router());
    m_viewerRoutes.addTo(m_http.router());
    m_jobRoutes.addTo(m_http.router());
    m_zoomWebhookRoutes.addTo(m_http.router());
    m_reviewRoutes.addTo(m_http.router());
    m_uploadRoutes.addTo(m_http.router());
    m_promptRoutes.addTo(m_http.router());
    m_assemblyAiWebhookRoutes.addTo(m_http.router());
    m_botWebhookRoutes.addTo(m_http.router());
    m_waitingZoomRecordings.sweepEvery(settings.waitingRecordingsSweep);
    // Queued: the sessions end inside a transaction; the check must read
    // what it committed.
    m_sessions.onSessionsEnded(
        [this] { QMetaObject::invokeMethod(&m_live, &LiveHub::recheckSessions, Qt::QueuedConnection); });
}

} // namespace callos::server
