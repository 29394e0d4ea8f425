#include "meetingbot/attendeebotservice.h"

#include "common/clock.h"
#include "jobs/httpjobfailure.h"
#include "net/httpclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

// Of Attendee's answer quoted in a message: enough for its reason
// ({"meeting_url": ["Invalid meeting URL"]}), not a proxy's HTML page.
constexpr qsizetype kMaxQuotedChars = 300;
constexpr qint64 kMaxAnswerBytes = 1024 * 1024;

bool isHttpUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    return url.isValid() && (url.scheme() == u"https"_s || url.scheme() == u"http"_s) && !url.host().isEmpty();
}

} // namespace

AttendeeBotService::AttendeeBotService(AttendeeSettings settings, HttpClient &http, const Clock &clock)
    : m_settings(std::move(settings)), m_http(http), m_clock(clock)
{
    // An environment variable often ends in a newline.
    m_settings.apiKey = m_settings.apiKey.trimmed();
}

bool AttendeeBotService::isBotId(const QString &id)
{
    if (id.isEmpty() || id.size() > 128)
        return false;
    return std::all_of(id.cbegin(), id.cend(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'-'
            || c == u'_';
    });
}

std::optional<JobFailure> AttendeeBotService::prepare(
    HttpRequest &request, const QByteArray &method, const QString &path) const
{
    if (m_settings.apiKey.isEmpty())
        return JobFailure::givingUp(tr("No Attendee API key is set."));
    if (m_settings.apiKey.contains('\r') || m_settings.apiKey.contains('\n'))
        return JobFailure::givingUp(tr("The Attendee API key is not valid: it holds a line break."));
    QString base = m_settings.baseUrl.trimmed();
    while (base.endsWith(u'/'))
        base.chop(1);
    if (!isHttpUrl(base))
        return JobFailure::givingUp(tr("The Attendee address \"%1\" is not an http(s) URL.").arg(m_settings.baseUrl));
    request.method = method;
    request.url = base + path;
    request.headers = { { "Authorization", "Token " + m_settings.apiKey }, { "Accept", "application/json" } };
    request.connectTimeoutMs = m_settings.connectTimeoutMs;
    request.totalTimeoutMs = m_settings.requestTimeoutMs;
    request.stallTimeoutMs = m_settings.requestTimeoutMs;
    request.maxBodyBytes = kMaxAnswerBytes;
    return std::nullopt;
}

JobResult<QJsonObject> AttendeeBotService::send(const HttpRequest &request, const QString &action)
{
    const HttpResponse response = m_http.send(request);
    if (std::optional<JobFailure> failure = HttpJobFailure::of(response, u"Attendee"_s, m_clock.nowMs())) {
        QString message = tr("%1 failed: %2").arg(action, failure->message);
        if (response.error.isEmpty() && !response.body.isEmpty()) {
            // Attendee explains a refusal in its JSON body; quote it (not
            // the key, should it ever come back).
            QString quoted = QString::fromUtf8(response.body).simplified();
            if (quoted.size() > kMaxQuotedChars)
                quoted = quoted.left(kMaxQuotedChars) + u"..."_s;
            message += u' ' + tr("Attendee says: %1").arg(quoted);
        }
        message.replace(QString::fromUtf8(m_settings.apiKey), u"[secret]"_s);
        failure->message = message;
        return *failure;
    }
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(response.body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return JobFailure::retryLater(
            tr("%1 failed: Attendee's answer is not valid JSON (%2, after %3 bytes); a proxy may have cut it short.")
                .arg(action, parseError.errorString())
                .arg(response.body.size()));
    if (!document.isObject())
        return JobFailure::givingUp(tr("%1 failed: Attendee's answer is JSON but not an object.").arg(action));
    return document.object();
}

JobResult<QString> AttendeeBotService::join(const BotJoinRequest &join)
{
    const QString action = tr("Sending the bot to the meeting");
    if (join.meetingUrl.isEmpty() || join.webhookUrl.isEmpty())
        return JobFailure::givingUp(tr("%1 failed: there is no meeting URL or no webhook URL.").arg(action));
    QJsonObject body { { u"meeting_url"_s, join.meetingUrl },
        { u"bot_name"_s, join.botName.isEmpty() ? m_settings.botName : join.botName },
        { u"webhooks"_s,
            QJsonArray { QJsonObject {
                { u"url"_s, join.webhookUrl }, { u"triggers"_s, QJsonArray { u"bot.state_change"_s } } } } },
        // MP4 whatever Attendee's default: the store and the transcriber
        // know what they get.
        { u"recording_settings"_s, QJsonObject { { u"format"_s, u"mp4"_s } } } };
    if (!join.dedupeKey.isEmpty())
        body.insert(u"deduplication_key"_s, join.dedupeKey);
    if (!join.metadata.isEmpty())
        body.insert(u"metadata"_s, join.metadata);

    HttpRequest request;
    if (std::optional<JobFailure> failure = prepare(request, "POST", u"/api/v1/bots"_s))
        return *failure;
    request.headers.append({ QByteArray("Content-Type"), QByteArray("application/json") });
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    const JobResult<QJsonObject> answer = send(request, action);
    if (!answer)
        return answer.failure();
    const QString id = answer.value().value(u"id"_s).toString();
    if (!isBotId(id))
        return JobFailure::givingUp(
            tr("%1 failed: Attendee's answer has no usable bot id (letters, digits, '-' or '_').").arg(action));
    return id;
}

std::optional<JobFailure> AttendeeBotService::leave(const QString &botId)
{
    const QString action = tr("Asking bot %1 to leave the meeting").arg(botId);
    if (!isBotId(botId))
        return JobFailure::givingUp(tr("\"%1\" is not an Attendee bot id.").arg(botId));
    HttpRequest request;
    if (std::optional<JobFailure> failure = prepare(request, "POST", u"/api/v1/bots/%1/leave"_s.arg(botId)))
        return failure;
    request.headers.append({ QByteArray("Content-Type"), QByteArray("application/json") });
    request.body = "{}";
    const JobResult<QJsonObject> answer = send(request, action);
    if (!answer)
        return answer.failure();
    return std::nullopt;
}

JobResult<BotRecordingLink> AttendeeBotService::recording(const QString &botId)
{
    const QString action = tr("Asking Attendee where bot %1's recording is").arg(botId);
    if (!isBotId(botId))
        return JobFailure::givingUp(tr("\"%1\" is not an Attendee bot id.").arg(botId));
    HttpRequest request;
    if (std::optional<JobFailure> failure = prepare(request, "GET", u"/api/v1/bots/%1/recording"_s.arg(botId)))
        return *failure;
    const JobResult<QJsonObject> answer = send(request, action);
    if (!answer)
        return answer.failure();
    BotRecordingLink link;
    link.url = answer.value().value(u"url"_s).toString();
    if (!isHttpUrl(link.url))
        return JobFailure::givingUp(tr("%1 failed: the answer's url is not an http(s) URL.").arg(action));
    // Milliseconds since the epoch; null when Attendee does not know.
    const QJsonValue start = answer.value().value(u"start_timestamp_ms"_s);
    if (start.isDouble() && start.toDouble() > 0)
        link.startedAtMs = qint64(start.toDouble());
    else if (!start.isNull() && !start.isUndefined())
        return JobFailure::givingUp(tr("%1 failed: start_timestamp_ms is not a time in ms.").arg(action));
    return link;
}

} // namespace callos::server
