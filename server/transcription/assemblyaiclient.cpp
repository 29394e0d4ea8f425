#include "transcription/assemblyaiclient.h"

#include "common/clock.h"
#include "jobs/httpjobfailure.h"
#include "net/httpclient.h"
#include "json/jsonobjectreader.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

#include <cmath>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

// A transcript of hours of talk is tens of MB of JSON: every word comes
// twice (in `words` and in its utterance), each with times and confidence.
constexpr qint64 kMaxTranscriptBytes = 256LL * 1024 * 1024;
constexpr qint64 kMaxAnswerBytes = 1024 * 1024;
// Of AssemblyAI's error text quoted in a message: a proxy's HTML page is
// not worth an admin's screen.
constexpr qsizetype kMaxQuotedChars = 300;
constexpr qsizetype kMaxListedErrors = 5;
// No recording is this long; a time beyond it is a unit mix-up.
constexpr double kMaxMs = 100.0 * 60 * 60 * 1000;

JobFailure retryLater(const QString &message)
{
    return JobFailure { message, std::nullopt, false };
}

JobFailure permanent(const QString &message)
{
    return JobFailure { message, std::nullopt, true };
}

// Ids go into a URL path: only what AssemblyAI's ids (UUIDs) are made of.
bool isTranscriptId(const QString &id)
{
    if (id.isEmpty() || id.size() > 128)
        return false;
    for (const QChar c : id) {
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'-'
            || c == u'_';
        if (!ok)
            return false;
    }
    return true;
}

// The {"error": "..."} of a refused request, shortened; empty when the
// body is something else.
QString errorText(const QJsonObject &answer)
{
    QString text = answer.value(u"error"_s).toString().simplified();
    if (text.size() > kMaxQuotedChars)
        text = text.left(kMaxQuotedChars) + u"..."_s;
    return text;
}

QString listed(const ValidationErrors &errors)
{
    const QStringList messages = errors.messages();
    QString out = messages.mid(0, kMaxListedErrors).join(u"; "_s);
    if (messages.size() > kMaxListedErrors)
        out += u' ' + AssemblyAiClient::tr("(and %n more)", nullptr, int(messages.size() - kMaxListedErrors));
    return out;
}

// A time in ms from the start of the recording.
std::optional<qint64> readMs(JsonObjectReader &in, const QString &key)
{
    const std::optional<double> value = in.number(key, Presence::Required);
    if (!value)
        return std::nullopt;
    if (std::trunc(*value) != *value) {
        in.addError(key, AssemblyAiClient::tr("must be a whole number of milliseconds, not %1").arg(*value));
        return std::nullopt;
    }
    if (*value < 0) {
        in.addError(key, AssemblyAiClient::tr("must not be negative, but is %1").arg(qint64(*value)));
        return std::nullopt;
    }
    if (*value > kMaxMs) {
        in.addError(
            key, AssemblyAiClient::tr("is %1 ms, more than 100 hours into the recording").arg(*value, 0, 'f', 0));
        return std::nullopt;
    }
    return qint64(*value);
}

std::optional<double> readConfidence(JsonObjectReader &in, const QString &key)
{
    const std::optional<double> value = in.number(key, Presence::Required);
    if (value && (*value < 0 || *value > 1)) {
        in.addError(key, AssemblyAiClient::tr("must be between 0 and 1, but is %1").arg(*value));
        return std::nullopt;
    }
    return value;
}

// A string that may be empty (an utterance of a cough).
std::optional<QString> readText(JsonObjectReader &in, const QString &key)
{
    const std::optional<JsonNode> node = in.node(key, Presence::Required);
    if (!node)
        return std::nullopt;
    if (!node->value.isString()) {
        in.addError(key, AssemblyAiClient::tr("must be a string"));
        return std::nullopt;
    }
    return node->value.toString();
}

// Each start must not come before the one before it; an end not before
// its own start.
void checkOrder(JsonObjectReader &in, qint64 startMs, qint64 endMs, std::optional<qint64> previousStartMs,
    const QString &previousWhat)
{
    if (endMs < startMs)
        in.addError(u"end"_s, AssemblyAiClient::tr("%1 is before the start %2").arg(endMs).arg(startMs));
    if (previousStartMs && startMs < *previousStartMs) {
        in.addError(u"start"_s,
            AssemblyAiClient::tr("%1 is before the start %2 of the %3 before it: not in time order")
                .arg(startMs)
                .arg(*previousStartMs)
                .arg(previousWhat));
    }
}

std::optional<TranscriptWord> readWord(
    const JsonNode &node, ValidationErrors &errors, std::optional<qint64> previousStartMs)
{
    JsonObjectReader in(node, errors);
    in.ignoreRest(); // speaker, channel: the utterance says who
    if (!in.isObject())
        return std::nullopt;
    const qsizetype before = errors.count();
    const std::optional<QString> text = readText(in, u"text"_s);
    const std::optional<qint64> start = readMs(in, u"start"_s);
    const std::optional<qint64> end = readMs(in, u"end"_s);
    const std::optional<double> confidence = readConfidence(in, u"confidence"_s);
    if (start && end)
        checkOrder(in, *start, *end, previousStartMs, AssemblyAiClient::tr("word"));
    if (errors.count() != before)
        return std::nullopt;
    return TranscriptWord { *text, *start, *end, *confidence };
}

std::optional<Utterance> readUtterance(
    const JsonNode &node, ValidationErrors &errors, std::optional<qint64> previousStartMs)
{
    JsonObjectReader in(node, errors);
    in.ignoreRest(); // channel, translated_texts
    if (!in.isObject())
        return std::nullopt;
    const qsizetype before = errors.count();
    Utterance utterance;
    // Without a speaker the transcript cannot tell the agent from the
    // prospect, which is what it is for.
    utterance.speaker = in.string(u"speaker"_s).value_or(QString());
    const std::optional<QString> text = readText(in, u"text"_s);
    const std::optional<qint64> start = readMs(in, u"start"_s);
    const std::optional<qint64> end = readMs(in, u"end"_s);
    const std::optional<double> confidence = readConfidence(in, u"confidence"_s);
    if (start && end)
        checkOrder(in, *start, *end, previousStartMs, AssemblyAiClient::tr("utterance"));
    std::optional<qint64> previousWord;
    for (const JsonNode &wordNode : in.array(u"words"_s, Presence::Required, 0, 1000000)) {
        if (std::optional<TranscriptWord> word = readWord(wordNode, errors, previousWord)) {
            previousWord = word->startMs;
            utterance.words.append(std::move(*word));
        }
    }
    if (errors.count() != before)
        return std::nullopt;
    utterance.text = *text;
    utterance.startMs = *start;
    utterance.endMs = *end;
    utterance.confidence = *confidence;
    return utterance;
}

// A completed transcript's answer; `in` reads its top level.
std::optional<Transcript> readTranscript(JsonObjectReader &in, ValidationErrors &errors, const QString &language)
{
    const qsizetype before = errors.count();
    Transcript transcript;
    transcript.engine = QString::fromLatin1(AssemblyAiClient::kEngine);
    transcript.language = in.string(u"language_code"_s, Presence::Optional).value_or(language);
    // Present because every transcript is asked for with speaker labels.
    std::optional<qint64> previousStart;
    for (const JsonNode &node : in.array(u"utterances"_s, Presence::Required, 0, 1000000)) {
        if (std::optional<Utterance> utterance = readUtterance(node, errors, previousStart)) {
            previousStart = utterance->startMs;
            transcript.utterances.append(std::move(*utterance));
        }
    }
    // Whole seconds in the spec; a fraction is taken too. Absent (null):
    // the last utterance's end is the best there is.
    if (const std::optional<JsonNode> duration = in.node(u"audio_duration"_s, Presence::Optional)) {
        const double seconds = duration->value.toDouble(-1);
        if (!duration->value.isDouble() || !std::isfinite(seconds) || seconds < 0 || seconds * 1000 > kMaxMs)
            in.addError(u"audio_duration"_s, AssemblyAiClient::tr("must be a number of seconds from 0 to 360000"));
        else
            transcript.durationMs = std::llround(seconds * 1000);
    } else {
        for (const Utterance &utterance : std::as_const(transcript.utterances))
            transcript.durationMs = qMax(transcript.durationMs, utterance.endMs);
    }
    if (errors.count() != before)
        return std::nullopt;
    return transcript;
}

} // namespace

AssemblyAiClient::AssemblyAiClient(AssemblyAiSettings settings, HttpClient &http, const Clock &clock)
    : m_settings(std::move(settings)), m_http(http), m_clock(clock)
{
    // An environment variable often ends in a newline.
    m_settings.apiKey = m_settings.apiKey.trimmed();
}

std::optional<JobFailure> AssemblyAiClient::prepare(
    HttpRequest &request, const QByteArray &method, const QString &path) const
{
    if (m_settings.apiKey.isEmpty())
        return permanent(tr("No AssemblyAI API key is set."));
    if (m_settings.apiKey.contains('\r') || m_settings.apiKey.contains('\n'))
        return permanent(tr("The AssemblyAI API key is not valid: it holds a line break."));
    QString base = m_settings.baseUrl.trimmed();
    while (base.endsWith(u'/'))
        base.chop(1);
    const QUrl baseUrl(base, QUrl::StrictMode);
    if (!baseUrl.isValid() || (baseUrl.scheme() != u"https"_s && baseUrl.scheme() != u"http"_s)
        || baseUrl.host().isEmpty()) {
        return permanent(tr("The AssemblyAI address \"%1\" is not an http(s) URL.").arg(m_settings.baseUrl));
    }
    request.method = method;
    request.url = base + path;
    request.headers = { { "Authorization", m_settings.apiKey } };
    request.connectTimeoutMs = m_settings.connectTimeoutMs;
    request.totalTimeoutMs = m_settings.requestTimeoutMs;
    request.stallTimeoutMs = m_settings.requestTimeoutMs; // the total limit is what counts
    request.maxBodyBytes = kMaxAnswerBytes;
    return std::nullopt;
}

JobResult<QJsonObject> AssemblyAiClient::send(
    const HttpRequest &request, const QString &action, const QString &otherSecret)
{
    const HttpResponse response = m_http.send(request);
    if (std::optional<JobFailure> failure = HttpJobFailure::of(response, u"AssemblyAI"_s, m_clock.nowMs())) {
        QString message = failure->message;
        if (response.error.isEmpty()) {
            if (const QString reason = errorText(QJsonDocument::fromJson(response.body).object()); !reason.isEmpty())
                message += u' ' + tr("AssemblyAI says: %1").arg(reason);
        }
        failure->message = tr("%1 failed: %2").arg(action, message);
        return withoutSecrets(*failure, otherSecret);
    }
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(response.body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return retryLater(
            tr("%1 failed: AssemblyAI's answer is not valid JSON (%2, after %3 bytes); a proxy may have cut it short.")
                .arg(action, parseError.errorString())
                .arg(response.body.size()));
    }
    if (!document.isObject())
        return permanent(tr("%1 failed: AssemblyAI's answer is JSON but not an object.").arg(action));
    return document.object();
}

JobFailure AssemblyAiClient::withoutSecrets(JobFailure failure, const QString &otherSecret) const
{
    const QString hidden = u"[secret]"_s;
    if (!m_settings.apiKey.isEmpty())
        failure.message.replace(QString::fromUtf8(m_settings.apiKey), hidden);
    if (!otherSecret.isEmpty())
        failure.message.replace(otherSecret, hidden);
    return failure;
}

JobResult<QString> AssemblyAiClient::upload(const QString &filePath)
{
    const QString action = tr("Uploading the recording to AssemblyAI");
    QFile file(filePath);
    if (!QFileInfo(file).isFile())
        return permanent(tr("%1 failed: the file %2 does not exist.").arg(action, filePath));
    if (!file.open(QIODevice::ReadOnly))
        return retryLater(tr("%1 failed: cannot read %2: %3").arg(action, filePath, file.errorString()));
    if (file.size() == 0)
        return permanent(tr("%1 failed: %2 is empty.").arg(action, filePath));

    HttpRequest request;
    if (std::optional<JobFailure> failure = prepare(request, "POST", u"/v2/upload"_s))
        return *failure;
    request.headers.append({ QByteArray("Content-Type"), QByteArray("application/octet-stream") });
    request.bodySource = &file;
    request.bodySourceSize = file.size();
    request.totalTimeoutMs = 0; // hours of audio on a slow link: only a stall ends it
    request.stallTimeoutMs = m_settings.uploadStallTimeoutMs;
    const JobResult<QJsonObject> answer = send(request, action);
    if (!answer)
        return answer.failure();

    ValidationErrors errors(QString {});
    JsonObjectReader in(JsonNode { answer.value(), QString() }, errors);
    in.ignoreRest();
    const QString uploadUrl = in.string(u"upload_url"_s).value_or(QString());
    const QUrl url(uploadUrl, QUrl::StrictMode);
    if (!uploadUrl.isEmpty() && (!url.isValid() || !(url.scheme() == u"https"_s || url.scheme() == u"http"_s)))
        in.addError(u"upload_url"_s, tr("must be an http(s) URL"));
    if (!errors.isEmpty())
        return permanent(tr("%1 failed: AssemblyAI's answer is not usable: %2").arg(action, listed(errors)));
    return uploadUrl;
}

JobResult<QString> AssemblyAiClient::createTranscript(
    const QString &audioUrl, const AssemblyAiTranscriptOptions &options)
{
    const QString action = tr("Creating the AssemblyAI transcript");
    if (audioUrl.isEmpty())
        return permanent(tr("%1 failed: there is no audio URL.").arg(action));
    if (m_settings.speechModels.isEmpty())
        return permanent(tr("%1 failed: no speech model is set.").arg(action));

    QJsonObject body {
        { u"audio_url"_s, audioUrl },
        { u"speech_models"_s, QJsonArray::fromStringList(m_settings.speechModels) },
        { u"speaker_labels"_s, true },
    };
    if (options.speakersExpected > 0)
        body.insert(u"speakers_expected"_s, options.speakersExpected);
    if (!m_settings.languageCode.isEmpty())
        body.insert(u"language_code"_s, m_settings.languageCode);
    if (!options.webhookUrl.isEmpty()) {
        body.insert(u"webhook_url"_s, options.webhookUrl);
        if (!options.webhookAuthHeaderName.isEmpty()) {
            body.insert(u"webhook_auth_header_name"_s, options.webhookAuthHeaderName);
            body.insert(u"webhook_auth_header_value"_s, options.webhookAuthHeaderValue);
        }
    }

    HttpRequest request;
    if (std::optional<JobFailure> failure = prepare(request, "POST", u"/v2/transcript"_s))
        return *failure;
    request.headers.append({ QByteArray("Content-Type"), QByteArray("application/json") });
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    const JobResult<QJsonObject> answer = send(request, action, options.webhookAuthHeaderValue);
    if (!answer)
        return answer.failure();

    ValidationErrors errors(QString {});
    JsonObjectReader in(JsonNode { answer.value(), QString() }, errors);
    in.ignoreRest();
    const QString id = in.string(u"id"_s).value_or(QString());
    if (!id.isEmpty() && !isTranscriptId(id))
        in.addError(u"id"_s, tr("must be letters, digits, '-' or '_' (at most 128)"));
    if (!errors.isEmpty())
        return permanent(tr("%1 failed: AssemblyAI's answer is not usable: %2").arg(action, listed(errors)));
    return id;
}

JobResult<AssemblyAiTranscriptStatus> AssemblyAiClient::fetchTranscript(const QString &transcriptId)
{
    const QString action = tr("Fetching AssemblyAI transcript %1").arg(transcriptId);
    if (!isTranscriptId(transcriptId))
        return permanent(tr("\"%1\" is not an AssemblyAI transcript id.").arg(transcriptId));

    HttpRequest request;
    if (std::optional<JobFailure> failure = prepare(request, "GET", u"/v2/transcript/"_s + transcriptId))
        return *failure;
    request.maxBodyBytes = kMaxTranscriptBytes;
    const JobResult<QJsonObject> answer = send(request, action);
    if (!answer)
        return answer.failure();

    ValidationErrors errors(QString {});
    JsonObjectReader in(JsonNode { answer.value(), QString() }, errors);
    in.ignoreRest(); // dozens of fields CallOS does not use
    if (const std::optional<QString> id = in.string(u"id"_s, Presence::Optional); id && *id != transcriptId)
        in.addError(u"id"_s, tr("is another transcript's"));
    AssemblyAiTranscriptStatus status;
    const QString state = in.string(u"status"_s).value_or(QString());
    if (state == u"queued"_s) {
        status.state = AssemblyAiTranscriptStatus::State::Queued;
    } else if (state == u"processing"_s) {
        status.state = AssemblyAiTranscriptStatus::State::Processing;
    } else if (state == u"completed"_s) {
        status.state = AssemblyAiTranscriptStatus::State::Completed;
        status.transcript = readTranscript(in, errors, m_settings.languageCode);
    } else if (state == u"error"_s) {
        status.state = AssemblyAiTranscriptStatus::State::Error;
        status.error = errorText(answer.value());
        if (status.error.isEmpty())
            status.error = tr("AssemblyAI gave no reason.");
    } else if (!state.isEmpty()) {
        in.addError(u"status"_s, tr("must be queued, processing, completed or error"));
    }
    if (!errors.isEmpty()) {
        return permanent(tr("AssemblyAI's transcript %1 is not usable: %2").arg(transcriptId, listed(errors)));
    }
    return status;
}

} // namespace callos::server
