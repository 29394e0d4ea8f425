#pragma once

#include "accounts/secondfactor.h"
#include "accounts/userdirectory.h"
#include "analysis/analyses.h"
#include "analysis/promptregistry.h"
#include "api/assemblyaiwebhookroutes.h"
#include "api/auditroutes.h"
#include "api/authroutes.h"
#include "api/botwebhookroutes.h"
#include "api/callroutes.h"
#include "api/eventroutes.h"
#include "api/jobroutes.h"
#include "api/mfaroutes.h"
#include "api/openapiroutes.h"
#include "api/organisationroutes.h"
#include "api/playbookroutes.h"
#include "api/promptroutes.h"
#include "api/prospectroutes.h"
#include "api/reviewroutes.h"
#include "api/uploadroutes.h"
#include "api/userroutes.h"
#include "api/zoomwebhookroutes.h"
#include "recording/waitingzoomrecordings.h"
#include "recording/zoomrecordingintake.h"
#include "audit/auditlog.h"
#include "auth/loginthrottle.h"
#include "auth/passwordgenerator.h"
#include "auth/passwordhasher.h"
#include "calls/callingest.h"
#include "calls/callplaybooks.h"
#include "config/integrationsettings.h"
#include "content/playbookstore.h"
#include "http/httpservice.h"
#include "jobs/jobqueue.h"
#include "live/livehub.h"
#include "meetingbot/meetingbots.h"
#include "meetingbot/meetingbotscheduler.h"
#include "meetingbot/meetingbotwebhook.h"
#include "net/httpclient.h"
#include "pipeline/pipelinestatus.h"
#include "recording/recordings.h"
#include "recording/recordingstore.h"
#include "recording/uploadedparts.h"
#include "sessions/sessionstore.h"
#include "transcription/transcripts.h"
#include "viewer/sharelinks.h"
#include "viewer/viewerroutes.h"

#include <QRandomGenerator>

#include <memory>

namespace callos {
class Clock;
class IdGenerator;
} // namespace callos

namespace callos::server {

class Database;
class JsonLog;
class SodiumRuntime;

// The serving server's object graph, built in one place: main runs it, and
// the API tests build the very same graph on a test database and clock, so
// what they test is what ships.
class ServerApp
{
public:
    struct Settings
    {
        SessionPolicy sessions;
        LoginThrottlePolicy throttle;
        LiveSettings live;
        IntegrationSettings integrations;
        // The recording store on disk (<data dir>/recordings), or its
        // staging folder when integrations.s3 puts the recordings in S3;
        // the job workers write it, the review routes read it.
        QString recordingsDirectory;
        // How often Zoom recordings that came before their call look for it.
        std::chrono::milliseconds waitingRecordingsSweep{ 60000 };
    };

    ServerApp(Database &database, const SodiumRuntime &sodium, const Clock &clock, IdGenerator &ids, JsonLog &log,
        const Settings &settings);

    HttpService &http() { return m_http; }
    SessionStore &sessions() { return m_sessions; }
    LiveHub &live() { return m_live; }
    AuditLog &audit() { return m_audit; }
    JobQueue &jobs() { return m_jobs; }
    WaitingZoomRecordings &waitingZoomRecordings() { return m_waitingZoomRecordings; }
    const PasswordHasher &hasher() const { return m_hasher; }
    // Tests: the next batch of every call replays it from the database, as
    // after a restart or when another node wrote the call.
    void dropIngestCache() { m_ingest.dropCache(); }

private:
    PasswordHasher m_hasher;
    SessionStore m_sessions;
    AuditLog m_audit;
    LoginThrottle m_throttle;
    HttpService m_http;
    ShareLinks m_shareLinks;
    CallRepository m_liveCalls;
    // Before the hub, which follows the pipelines.
    // Retry jitter: seeded from the system, so the nodes' retries spread.
    QRandomGenerator m_jobJitter;
    JobQueue m_jobs;
    Recordings m_recordings;
    Transcripts m_transcripts;
    Analyses m_analyses;
    MeetingBots m_meetingBots;
    PipelineStatus m_pipelineStatus;
    LiveHub m_live;
    SecondFactor m_secondFactor;
    PasswordGenerator m_passwordGenerator;
    UserDirectory m_users;
    AuthRoutes m_authRoutes;
    MfaRoutes m_mfaRoutes;
    UserRoutes m_userRoutes;
    AuditRoutes m_auditRoutes;
    OrganisationRoutes m_organisationRoutes;
    ProspectRoutes m_prospectRoutes;
    CallRoutes m_callRoutes;
    PlaybookRoutes m_playbookRoutes;
    PlaybookStore m_playbookStore;
    CallPlaybooks m_callPlaybooks;
    // Before the ingest, which queues the bots' jobs in its transactions.
    MeetingBotScheduler m_botScheduler;
    CallIngest m_ingest;
    EventRoutes m_eventRoutes;
    OpenApiRoutes m_openApiRoutes;
    ViewerRoutes m_viewerRoutes;
    JobRoutes m_jobRoutes;
    ZoomRecordingIntake m_zoomIntake;
    WaitingZoomRecordings m_waitingZoomRecordings;
    ZoomWebhookRoutes m_zoomWebhookRoutes;
    // For the store's own transfers; playback from S3 needs none (the
    // player follows a presigned link), so this thread never waits on it.
    HttpClient m_recordingStoreHttp;
    std::unique_ptr<RecordingStore> m_recordingStore;
    ReviewRoutes m_reviewRoutes;
    UploadedParts m_uploadedParts;
    UploadRoutes m_uploadRoutes;
    PromptRegistry m_prompts;
    PromptRoutes m_promptRoutes;
    AssemblyAiWebhookRoutes m_assemblyAiWebhookRoutes;
    // Null without a usable webhook secret: the route then answers 503.
    std::unique_ptr<MeetingBotWebhook> m_botWebhook;
    BotWebhookRoutes m_botWebhookRoutes;
};

} // namespace callos::server
