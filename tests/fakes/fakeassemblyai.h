#pragma once

#include "fakehttpserver.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

class QNetworkAccessManager;

namespace callos::test {

// AssemblyAI's pre-recorded transcription, as the integrations page and
// its OpenAPI spec (../shared/reference/assemblyai/openapi.yml) document it:
//   every /v2 request needs "Authorization: <api key>" (no "Bearer"), else
//     401 {"error": "Authentication error, API token missing/invalid"};
//   POST /v2/upload (application/octet-stream, raw bytes) -> {"upload_url"},
//     a URL on the fake itself;
//   POST /v2/transcript {audio_url, speech_models, speaker_labels, ...} ->
//     the transcript, queued; audio_url must be one of the fake's uploads or
//     an https URL, and every field of the spec's type (400 {"error"} else,
//     also for a field the spec does not have);
//   GET /v2/transcript/{id} -> queued, then processing, then completed (or
//     error) over successive GETs;
//   when a transcript finishes and it was created with webhook_url, the
//     fake POSTs {"transcript_id","status"} there with the auth header,
//     trying again (up to 10 attempts) until an answer is 2xx or 4xx.
// What a transcript ends with is set before it is created; the utterances
// are kept as JSON, as given, so tests can also hand out what AssemblyAI
// should never send.
class FakeAssemblyAi : public FakeHttpServer
{
public:
    static constexpr auto kUnauthorised = "Authentication error, API token missing/invalid";
    static constexpr int kMaxWebhookAttempts = 10;

    explicit FakeAssemblyAi(QByteArray apiKey);
    ~FakeAssemblyAi() override;

    QString baseUrl() const { return url(QString()); }

    // An utterance as AssemblyAI writes it: its words share its time
    // evenly (one word, one slot) and its confidence.
    static QJsonObject utterance(
        const QString &speaker, qint64 startMs, qint64 endMs, const QString &text, double confidence);
    // A short exchange of speakers A and B: what transcripts end with unless
    // a test sets otherwise.
    static QJsonArray defaultUtterances();

    // For the transcripts created from now on: completed with these
    // utterances; audio_duration is the given value (JSON: a test may send
    // nonsense), or else the last end rounded up to whole seconds.
    void setUtterances(const QJsonArray &utterances, const QJsonValue &audioDurationSeconds = QJsonValue::Undefined);
    void setLanguageCode(const QString &languageCode);
    // Non-empty: they end with status "error" and this text instead.
    void setError(const QString &error);
    // How many GETs each new transcript answers "queued" and then
    // "processing" before it finishes (1 and 1 unless set).
    void setPolls(int queued, int processing);
    // >= 0: new transcripts also finish on their own this long after they
    // were created, as the service's do; -1 (the default): only by polls or
    // finish().
    void setFinishesAfterMs(int ms);
    // Between webhook attempts (AssemblyAI's own wait is longer).
    void setWebhookRetryDelayMs(int ms);

    // Finishes the transcript now (and sends its webhook), as when the
    // service is done with it; nothing if it already has.
    void finish(const QString &transcriptId);

    // What the fake was given.
    QByteArray uploadedBytes(const QString &uploadUrl) const;
    QStringList transcriptIds() const; // in the order they were created
    QJsonObject transcriptRequest(const QString &transcriptId) const;

    struct WebhookAttempt
    {
        QString transcriptId;
        QString url;
        int httpStatus = 0; // 0: no answer
    };
    QList<WebhookAttempt> webhookAttempts() const;

protected:
    FakeResponse respond(const FakeRequest &request) override;

private:
    struct Transcript
    {
        QString id;
        QJsonObject request;
        QString status = QStringLiteral("queued");
        int polls = 0;
        int queuedPolls = 1;
        int processingPolls = 1;
        QJsonArray utterances;
        QJsonValue audioDuration;
        QString languageCode;
        QString error;
        QJsonValue webhookStatusCode; // null until a delivery was answered
    };

    FakeResponse upload(const FakeRequest &request);
    FakeResponse createTranscript(const FakeRequest &request);
    FakeResponse getTranscript(const QString &id);
    // With m_mutex held: the transcript's JSON as GET returns it.
    QJsonObject transcriptJson(const Transcript &transcript) const;
    // With m_mutex held: marks it finished; whether a webhook is due.
    bool finishLocked(Transcript &transcript);
    // On the fake's thread.
    void finishNow(const QString &transcriptId);
    void deliverWebhook(const QString &transcriptId, int attempt);
    QObject *context();

    const QByteArray m_apiKey;
    mutable QMutex m_mutex;
    QHash<QString, QByteArray> m_uploads; // by upload_url
    QHash<QString, Transcript> m_transcripts;
    QStringList m_order;
    QList<WebhookAttempt> m_webhookAttempts;
    QJsonArray m_utterances;
    QJsonValue m_audioDuration = QJsonValue::Undefined;
    QString m_languageCode = QStringLiteral("en_us");
    QString m_error;
    int m_queuedPolls = 1;
    int m_processingPolls = 1;
    int m_finishesAfterMs = -1;
    int m_webhookRetryDelayMs = 100;
    // On the fake's thread, made there when first needed; the webhook
    // sender and the timers hang on it.
    QObject *m_context = nullptr;
    QNetworkAccessManager *m_network = nullptr;
};

} // namespace callos::test
