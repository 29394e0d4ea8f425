#pragma once

#include "jobs/jobresult.h"
#include "transcription/transcript.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace callos {
class Clock;
}

namespace callos::server {

class HttpClient;
struct HttpRequest;

// How CallOS reaches AssemblyAI (integrations page, "AssemblyAI").
struct AssemblyAiSettings
{
    // A secret: sent as is in Authorization (no "Bearer"), never in a
    // message or a log. Empty: there is no AssemblyAI, every call fails.
    QByteArray apiKey;
    // https://api.eu.assemblyai.com keeps recordings in the EU.
    QString baseUrl = QStringLiteral("https://api.assemblyai.com");
    // In priority order: AssemblyAI takes the first one it can run.
    QStringList speechModels { QStringLiteral("universal-3-pro"), QStringLiteral("universal-2") };
    // Empty: not sent, AssemblyAI's default (en_us) applies.
    QString languageCode;
    int connectTimeoutMs = 10000;
    // Creating and fetching transcripts; a long call's transcript is a few
    // MB of JSON.
    int requestTimeoutMs = 120000;
    // An upload of hours of audio has no total limit: only a stall of this
    // long ends it.
    int uploadStallTimeoutMs = 60000;
};

// What a new transcript is asked for besides its audio.
struct AssemblyAiTranscriptOptions
{
    // A sales call has an agent and a prospect. 0: not sent, AssemblyAI
    // guesses.
    int speakersExpected = 2;
    // Set: AssemblyAI POSTs {"transcript_id","status"} there when done,
    // with the header below (see AssemblyAiWebhook). Empty: poll instead.
    QString webhookUrl;
    QString webhookAuthHeaderName;
    QString webhookAuthHeaderValue; // a secret, like the API key
};

// Where a transcript is, as GET /v2/transcript/{id} tells.
struct AssemblyAiTranscriptStatus
{
    enum class State { Queued, Processing, Completed, Error };

    State state = State::Queued;
    // AssemblyAI's reason, when state is Error (the audio had no speech,
    // could not be downloaded, ...).
    QString error;
    // The result, when state is Completed (engine "assemblyai").
    std::optional<Transcript> transcript;

    bool isFinished() const { return state == State::Completed || state == State::Error; }
};

// AssemblyAI's pre-recorded transcription: upload the audio, create a
// transcript of it, fetch the result (after its webhook or by polling).
// Blocking, for the job workers, on the worker's own HttpClient (one
// client per thread).
//
// Every call returns its value or a JobFailure that the job handler can
// hand to the queue as it is: no answer, 408, 429 (after its Retry-After)
// and 5xx are tried again, as is an answer that is not valid JSON (a proxy
// may have cut it); any other 4xx is permanent and quotes AssemblyAI's
// {"error"}, as is an answer that is JSON but not what the API documents -
// asking again gives the same answer. No message ever holds the API key or
// the webhook's secret, even if AssemblyAI quotes them back.
class AssemblyAiClient
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::AssemblyAiClient)

public:
    static constexpr auto kEngine = "assemblyai";

    AssemblyAiClient(AssemblyAiSettings settings, HttpClient &http, const Clock &clock);

    // POST /v2/upload: streams the file (never all of it in memory); its
    // upload_url, which only AssemblyAI can read.
    JobResult<QString> upload(const QString &filePath);
    // POST /v2/transcript of `audioUrl` (an upload_url or any https URL the
    // service can download) with speaker labels; the transcript's id.
    JobResult<QString> createTranscript(const QString &audioUrl, const AssemblyAiTranscriptOptions &options);
    // GET /v2/transcript/{id}. A completed transcript is checked before it
    // is returned (speakers present, times not negative and in order), and
    // what is wrong is named by its path ("utterances[3].end: ...").
    JobResult<AssemblyAiTranscriptStatus> fetchTranscript(const QString &transcriptId);

    const AssemblyAiSettings &settings() const { return m_settings; }

private:
    std::optional<JobFailure> prepare(HttpRequest &request, const QByteArray &method, const QString &path) const;
    // The answer's JSON object, or why there is none; `action` starts the
    // message ("Uploading the recording to AssemblyAI").
    JobResult<QJsonObject> send(
        const HttpRequest &request, const QString &action, const QString &otherSecret = QString());
    // The failure with the API key (and `otherSecret`) blanked out.
    JobFailure withoutSecrets(JobFailure failure, const QString &otherSecret = QString()) const;

    AssemblyAiSettings m_settings;
    HttpClient &m_http;
    const Clock &m_clock;
};

} // namespace callos::server
