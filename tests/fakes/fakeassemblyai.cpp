#include "fakeassemblyai.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUuid>

#include <cmath>

using namespace Qt::StringLiterals;

namespace callos::test {

namespace {

FakeResponse error(int status, const QString &message)
{
    return FakeResponse::json(
        status, QJsonDocument(QJsonObject { { u"error"_s, message } }).toJson(QJsonDocument::Compact));
}

FakeResponse ok(const QJsonObject &body)
{
    return FakeResponse::json(200, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

bool isWholeNumber(const QJsonValue &value)
{
    return value.isDouble() && std::trunc(value.toDouble()) == value.toDouble();
}

bool isHttpUrl(const QString &text, bool httpsOnly)
{
    const QUrl url(text, QUrl::StrictMode);
    return url.isValid() && !url.host().isEmpty()
        && (url.scheme() == u"https"_s || (!httpsOnly && url.scheme() == u"http"_s));
}

// What POST /v2/transcript takes of the spec's TranscriptParams: those the
// integrations page names. The spec forbids other properties
// (additionalProperties: false), so a typo is refused, not ignored.
const QStringList &knownParameters()
{
    static const QStringList keys { u"audio_url"_s, u"speech_models"_s, u"speaker_labels"_s, u"speakers_expected"_s,
        u"language_code"_s, u"webhook_url"_s, u"webhook_auth_header_name"_s, u"webhook_auth_header_value"_s };
    return keys;
}

// Empty when the body is what the spec allows, else AssemblyAI-style text.
QString parameterError(const QJsonObject &body, const QHash<QString, QByteArray> &uploads)
{
    for (auto it = body.constBegin(); it != body.constEnd(); ++it) {
        if (!knownParameters().contains(it.key()))
            return u"%1 is not a valid parameter"_s.arg(it.key());
    }
    const QJsonValue audioUrl = body.value(u"audio_url"_s);
    if (!audioUrl.isString())
        return u"audio_url is required and must be a string"_s;
    if (!uploads.contains(audioUrl.toString()) && !isHttpUrl(audioUrl.toString(), true))
        return u"audio_url must be an upload_url of this account or an https URL"_s;
    const QJsonValue models = body.value(u"speech_models"_s);
    if (!models.isArray() || models.toArray().isEmpty())
        return u"speech_models is required and must be a non-empty list"_s;
    for (const QJsonValue &model : models.toArray()) {
        if (!model.isString() || model.toString().isEmpty())
            return u"speech_models must be a list of model names"_s;
    }
    if (body.contains(u"speaker_labels"_s) && !body.value(u"speaker_labels"_s).isBool())
        return u"speaker_labels must be a Boolean"_s;
    if (const QJsonValue n = body.value(u"speakers_expected"_s); !n.isUndefined() && !n.isNull() && !isWholeNumber(n))
        return u"speakers_expected must be an integer"_s;
    if (const QJsonValue code = body.value(u"language_code"_s);
        !code.isUndefined() && !code.isNull() && !code.isString())
        return u"language_code must be a string"_s;
    if (const QJsonValue hook = body.value(u"webhook_url"_s);
        !hook.isUndefined() && (!hook.isString() || !isHttpUrl(hook.toString(), false))) {
        return u"webhook_url must be a URL"_s;
    }
    for (const QString &key : { u"webhook_auth_header_name"_s, u"webhook_auth_header_value"_s }) {
        if (const QJsonValue value = body.value(key); !value.isUndefined() && !value.isNull() && !value.isString())
            return u"%1 must be a string"_s.arg(key);
    }
    return {};
}

} // namespace

FakeAssemblyAi::FakeAssemblyAi(QByteArray apiKey) : m_apiKey(std::move(apiKey)), m_utterances(defaultUtterances()) { }

FakeAssemblyAi::~FakeAssemblyAi()
{
    // Timers and webhook replies call back into this object: they go first,
    // on their thread, before the members they use do.
    if (QObject *thread = threadContext()) {
        QMetaObject::invokeMethod(
            thread,
            [this] {
                delete m_context;
                m_context = nullptr;
                m_network = nullptr;
            },
            Qt::BlockingQueuedConnection);
    }
}

QJsonObject FakeAssemblyAi::utterance(
    const QString &speaker, qint64 startMs, qint64 endMs, const QString &text, double confidence)
{
    const QStringList words = text.split(u' ', Qt::SkipEmptyParts);
    const qint64 slot = words.isEmpty() ? 0 : (endMs - startMs) / words.size();
    QJsonArray wordArray;
    for (qsizetype i = 0; i < words.size(); ++i) {
        wordArray.append(QJsonObject { { u"text"_s, words.at(i) }, { u"start"_s, startMs + i * slot },
            { u"end"_s, i + 1 == words.size() ? endMs : startMs + (i + 1) * slot }, { u"confidence"_s, confidence },
            { u"speaker"_s, speaker } });
    }
    return QJsonObject { { u"speaker"_s, speaker }, { u"start"_s, startMs }, { u"end"_s, endMs }, { u"text"_s, text },
        { u"confidence"_s, confidence }, { u"words"_s, wordArray } };
}

QJsonArray FakeAssemblyAi::defaultUtterances()
{
    return QJsonArray {
        utterance(u"A"_s, 240, 2400, u"Thanks for making the time today."_s, 0.96),
        utterance(u"B"_s, 2700, 4500, u"Happy to, go ahead."_s, 0.91),
        utterance(u"A"_s, 4800, 7200, u"What made you reach out?"_s, 0.94),
    };
}

void FakeAssemblyAi::setUtterances(const QJsonArray &utterances, const QJsonValue &audioDurationSeconds)
{
    const QMutexLocker lock(&m_mutex);
    m_utterances = utterances;
    m_audioDuration = audioDurationSeconds;
}

void FakeAssemblyAi::setLanguageCode(const QString &languageCode)
{
    const QMutexLocker lock(&m_mutex);
    m_languageCode = languageCode;
}

void FakeAssemblyAi::setError(const QString &message)
{
    const QMutexLocker lock(&m_mutex);
    m_error = message;
}

void FakeAssemblyAi::setPolls(int queued, int processing)
{
    const QMutexLocker lock(&m_mutex);
    m_queuedPolls = queued;
    m_processingPolls = processing;
}

void FakeAssemblyAi::setFinishesAfterMs(int ms)
{
    const QMutexLocker lock(&m_mutex);
    m_finishesAfterMs = ms;
}

void FakeAssemblyAi::setWebhookRetryDelayMs(int ms)
{
    const QMutexLocker lock(&m_mutex);
    m_webhookRetryDelayMs = ms;
}

void FakeAssemblyAi::finish(const QString &transcriptId)
{
    QObject *thread = threadContext();
    if (!thread)
        return;
    QMetaObject::invokeMethod(
        thread, [this, transcriptId] { finishNow(transcriptId); }, Qt::BlockingQueuedConnection);
}

QByteArray FakeAssemblyAi::uploadedBytes(const QString &uploadUrl) const
{
    const QMutexLocker lock(&m_mutex);
    return m_uploads.value(uploadUrl);
}

QStringList FakeAssemblyAi::transcriptIds() const
{
    const QMutexLocker lock(&m_mutex);
    return m_order;
}

QJsonObject FakeAssemblyAi::transcriptRequest(const QString &transcriptId) const
{
    const QMutexLocker lock(&m_mutex);
    return m_transcripts.value(transcriptId).request;
}

QList<FakeAssemblyAi::WebhookAttempt> FakeAssemblyAi::webhookAttempts() const
{
    const QMutexLocker lock(&m_mutex);
    return m_webhookAttempts;
}

FakeResponse FakeAssemblyAi::respond(const FakeRequest &request)
{
    if (!request.path.startsWith(u"/v2/"_s))
        return error(404, u"Not found"_s);
    if (request.header("Authorization") != m_apiKey || m_apiKey.isEmpty())
        return error(401, QString::fromLatin1(kUnauthorised));
    if (request.method == "POST" && request.path == u"/v2/upload"_s)
        return upload(request);
    if (request.method == "POST" && request.path == u"/v2/transcript"_s)
        return createTranscript(request);
    const QString prefix = u"/v2/transcript/"_s;
    if (request.method == "GET" && request.path.startsWith(prefix) && request.path.count(u'/') == 3)
        return getTranscript(request.path.mid(prefix.size()));
    return error(404, u"Not found"_s);
}

FakeResponse FakeAssemblyAi::upload(const FakeRequest &request)
{
    if (request.header("Content-Type") != "application/octet-stream")
        return error(400, u"Content-Type must be application/octet-stream"_s);
    if (request.body.isEmpty())
        return error(400, u"The uploaded file is empty"_s);
    const QString uploadUrl = url(u"/upload/"_s + QUuid::createUuid().toString(QUuid::WithoutBraces));
    const QMutexLocker lock(&m_mutex);
    m_uploads.insert(uploadUrl, request.body);
    return ok(QJsonObject { { u"upload_url"_s, uploadUrl } });
}

FakeResponse FakeAssemblyAi::createTranscript(const FakeRequest &request)
{
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return error(400, u"The request body must be a JSON object"_s);
    const QJsonObject body = document.object();
    Transcript transcript;
    int finishesAfterMs = -1;
    {
        const QMutexLocker lock(&m_mutex);
        if (const QString why = parameterError(body, m_uploads); !why.isEmpty())
            return error(400, why);
        transcript.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        transcript.request = body;
        transcript.queuedPolls = m_queuedPolls;
        transcript.processingPolls = m_processingPolls;
        transcript.utterances = m_utterances;
        transcript.audioDuration = m_audioDuration;
        transcript.languageCode = body.value(u"language_code"_s).toString(m_languageCode);
        transcript.error = m_error;
        m_transcripts.insert(transcript.id, transcript);
        m_order.append(transcript.id);
        finishesAfterMs = m_finishesAfterMs;
    }
    if (finishesAfterMs >= 0) {
        QTimer::singleShot(finishesAfterMs, context(), [this, id = transcript.id] { finishNow(id); });
    }
    const QMutexLocker lock(&m_mutex);
    return ok(transcriptJson(transcript));
}

FakeResponse FakeAssemblyAi::getTranscript(const QString &id)
{
    bool webhookDue = false;
    FakeResponse response;
    {
        const QMutexLocker lock(&m_mutex);
        const auto found = m_transcripts.find(id);
        if (found == m_transcripts.end())
            return error(404, u"Transcript not found"_s);
        Transcript &transcript = *found;
        if (transcript.status == u"queued"_s || transcript.status == u"processing"_s) {
            ++transcript.polls;
            if (transcript.polls <= transcript.queuedPolls)
                transcript.status = u"queued"_s;
            else if (transcript.polls <= transcript.queuedPolls + transcript.processingPolls)
                transcript.status = u"processing"_s;
            else
                webhookDue = finishLocked(transcript);
        }
        response = ok(transcriptJson(transcript));
    }
    if (webhookDue) {
        QTimer::singleShot(0, context(), [this, id] { deliverWebhook(id, 1); });
    }
    return response;
}

bool FakeAssemblyAi::finishLocked(Transcript &transcript)
{
    if (transcript.status == u"completed"_s || transcript.status == u"error"_s)
        return false;
    transcript.status = transcript.error.isEmpty() ? u"completed"_s : u"error"_s;
    return transcript.request.contains(u"webhook_url"_s);
}

void FakeAssemblyAi::finishNow(const QString &transcriptId)
{
    bool webhookDue = false;
    {
        const QMutexLocker lock(&m_mutex);
        const auto found = m_transcripts.find(transcriptId);
        if (found != m_transcripts.end())
            webhookDue = finishLocked(*found);
    }
    if (webhookDue)
        deliverWebhook(transcriptId, 1);
}

QJsonObject FakeAssemblyAi::transcriptJson(const Transcript &transcript) const
{
    const QJsonObject &asked = transcript.request;
    QJsonObject out {
        { u"id"_s, transcript.id },
        { u"status"_s, transcript.status },
        { u"audio_url"_s, asked.value(u"audio_url"_s) },
        { u"speech_models"_s, asked.value(u"speech_models"_s) },
        { u"speech_model"_s, QJsonValue::Null },
        { u"language_code"_s, transcript.languageCode },
        { u"speaker_labels"_s, asked.value(u"speaker_labels"_s).toBool(false) },
        { u"speakers_expected"_s,
            asked.value(u"speakers_expected"_s).isUndefined() ? QJsonValue(QJsonValue::Null)
                                                              : asked.value(u"speakers_expected"_s) },
        { u"webhook_auth"_s, asked.contains(u"webhook_auth_header_name"_s) },
        { u"webhook_status_code"_s,
            transcript.webhookStatusCode.isUndefined() ? QJsonValue(QJsonValue::Null) : transcript.webhookStatusCode },
        { u"auto_highlights"_s, false },
        { u"redact_pii"_s, false },
        { u"summarization"_s, false },
        { u"text"_s, QJsonValue::Null },
        { u"words"_s, QJsonValue::Null },
        { u"utterances"_s, QJsonValue::Null },
        { u"confidence"_s, QJsonValue::Null },
        { u"audio_duration"_s, QJsonValue::Null },
    };
    if (asked.contains(u"webhook_url"_s)) {
        out.insert(u"webhook_url"_s, asked.value(u"webhook_url"_s));
        out.insert(u"webhook_auth_header_name"_s, asked.value(u"webhook_auth_header_name"_s).toString());
    }
    if (transcript.status == u"error"_s) {
        out.insert(u"error"_s, transcript.error);
        return out;
    }
    if (transcript.status != u"completed"_s)
        return out;
    // The whole text and the flat word list are made from the utterances,
    // as AssemblyAI's are; whatever a test put in them passes as it is.
    QStringList texts;
    QJsonArray words;
    double lastEnd = 0;
    double confidence = 0;
    for (const QJsonValue &value : transcript.utterances) {
        const QJsonObject utterance = value.toObject();
        texts.append(utterance.value(u"text"_s).toString());
        for (const QJsonValue &word : utterance.value(u"words"_s).toArray())
            words.append(word);
        lastEnd = qMax(lastEnd, utterance.value(u"end"_s).toDouble());
        confidence += utterance.value(u"confidence"_s).toDouble();
    }
    out.insert(u"text"_s, texts.join(u' '));
    out.insert(u"words"_s, words);
    out.insert(u"utterances"_s, transcript.utterances);
    out.insert(u"confidence"_s, transcript.utterances.isEmpty() ? 0.0 : confidence / transcript.utterances.size());
    out.insert(u"audio_duration"_s,
        transcript.audioDuration.isUndefined() ? QJsonValue(qint64(std::ceil(lastEnd / 1000)))
                                               : transcript.audioDuration);
    return out;
}

QObject *FakeAssemblyAi::context()
{
    // Only ever called on the fake's thread.
    if (!m_context) {
        m_context = new QObject(threadContext());
        m_network = new QNetworkAccessManager(m_context);
        // Straight to loopback, whatever the environment's proxy says.
        m_network->setProxy(QNetworkProxy::NoProxy);
    }
    return m_context;
}

void FakeAssemblyAi::deliverWebhook(const QString &transcriptId, int attempt)
{
    QString target;
    QByteArray headerName;
    QByteArray headerValue;
    QByteArray body;
    {
        const QMutexLocker lock(&m_mutex);
        const Transcript transcript = m_transcripts.value(transcriptId);
        target = transcript.request.value(u"webhook_url"_s).toString();
        headerName = transcript.request.value(u"webhook_auth_header_name"_s).toString().toUtf8();
        headerValue = transcript.request.value(u"webhook_auth_header_value"_s).toString().toUtf8();
        body = QJsonDocument(QJsonObject { { u"transcript_id"_s, transcriptId }, { u"status"_s, transcript.status } })
                   .toJson(QJsonDocument::Compact);
    }
    context();
    QNetworkRequest request { QUrl(target) };
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    if (!headerName.isEmpty())
        request.setRawHeader(headerName, headerValue);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    // AssemblyAI waits 10 s for an answer.
    request.setTransferTimeout(10000);
    QNetworkReply *reply = m_network->post(request, body);
    QObject::connect(reply, &QNetworkReply::finished, m_context, [this, reply, transcriptId, target, attempt] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        int retryDelayMs = 0;
        {
            const QMutexLocker lock(&m_mutex);
            m_webhookAttempts.append(WebhookAttempt { transcriptId, target, status });
            if (const auto found = m_transcripts.find(transcriptId); found != m_transcripts.end() && status != 0)
                found->webhookStatusCode = status;
            retryDelayMs = m_webhookRetryDelayMs;
        }
        // A 2xx is delivered; a 4xx means the receiver will never take it.
        const bool done = (status >= 200 && status < 300) || (status >= 400 && status < 500);
        if (!done && attempt < kMaxWebhookAttempts) {
            QTimer::singleShot(
                retryDelayMs, m_context, [this, transcriptId, attempt] { deliverWebhook(transcriptId, attempt + 1); });
        }
    });
}

} // namespace callos::test
