#include "fakebot.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QTimer>
#include <QUrl>
#include <QUuid>

#include <algorithm>
#include <atomic>
#include <memory>

using namespace Qt::StringLiterals;

namespace callos::test {

namespace {

// The fields of Attendee's CreateBotRequest, so a typo in the client's
// body is caught here and not in production.
const QStringList kCreateFields { u"meeting_url"_s, u"bot_name"_s, u"bot_image"_s, u"bot_chat_message"_s, u"join_at"_s,
    u"calendar_event_id"_s, u"deduplication_key"_s, u"webhooks"_s, u"metadata"_s, u"transcription_settings"_s,
    u"recording_settings"_s, u"automatic_leave_settings"_s, u"callback_settings"_s, u"debug_settings"_s,
    u"external_media_storage_settings"_s, u"google_meet_settings"_s, u"zoom_settings"_s, u"teams_settings"_s,
    u"rtmp_settings"_s, u"websocket_settings"_s };
const QStringList kTriggers { u"bot.state_change"_s, u"transcript.update"_s, u"chat_messages.update"_s,
    u"participant_events.join_leave"_s, u"participant_events.speech_start_stop"_s, u"calendar.events_update"_s,
    u"calendar.state_change"_s, u"bot_logs.update"_s };
const QStringList kEnded { u"ended"_s, u"fatal_error"_s, u"data_deleted"_s };

FakeResponse fieldError(const QString &field, const QString &message)
{
    return FakeResponse::json(
        400, QJsonDocument(QJsonObject { { field, QJsonArray { message } } }).toJson(QJsonDocument::Compact));
}

FakeResponse notFound()
{
    return FakeResponse::json(404, R"({"error": "Bot not found"})");
}

// Keys in code point order, as Python sorts str.
QStringList sortedKeys(const QJsonObject &object)
{
    QStringList keys = object.keys();
    std::sort(keys.begin(), keys.end(), [](const QString &a, const QString &b) { return a.toUcs4() < b.toUcs4(); });
    return keys;
}

// A string as Python's json.dumps writes it: with ensure_ascii (what
// Attendee posts) every non-ASCII character as \uXXXX (UTF-16 units);
// without it (what Attendee signs) as UTF-8.
void writeString(const QString &text, bool asciiOnly, QByteArray &out)
{
    const auto escaped = [&out](char32_t unit) {
        out.append("\\u").append(QByteArray::number(uint(unit), 16).rightJustified(4, '0'));
    };
    out.append('"');
    for (const char32_t code : text.toUcs4()) {
        switch (code) {
        case U'"':
            out.append("\\\"");
            continue;
        case U'\\':
            out.append("\\\\");
            continue;
        case U'\n':
            out.append("\\n");
            continue;
        case U'\r':
            out.append("\\r");
            continue;
        case U'\t':
            out.append("\\t");
            continue;
        case U'\b':
            out.append("\\b");
            continue;
        case U'\f':
            out.append("\\f");
            continue;
        default:
            break;
        }
        if (code < 0x20) {
            escaped(code);
        } else if (asciiOnly && code > 0x7E) {
            // Beyond the BMP as its UTF-16 surrogate pair, as Python does.
            if (code > 0xFFFF) {
                escaped(0xD800 + ((code - 0x10000) >> 10));
                escaped(0xDC00 + ((code - 0x10000) & 0x3FF));
            } else {
                escaped(code);
            }
        } else if (code < 0x80) {
            out.append(char(code));
        } else {
            out.append(QString::fromUcs4(&code, 1).toUtf8());
        }
    }
    out.append('"');
}

void writeJson(const QJsonValue &value, bool posted, QByteArray &out)
{
    const QByteArray comma = posted ? ", " : ",";
    const QByteArray colon = posted ? ": " : ":";
    switch (value.type()) {
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        QStringList keys = sortedKeys(object);
        // Attendee posts its dict in its own order; reversed, it is surely
        // not the signed one.
        if (posted)
            std::reverse(keys.begin(), keys.end());
        out.append('{');
        for (qsizetype i = 0; i < keys.size(); ++i) {
            if (i > 0)
                out.append(comma);
            writeString(keys[i], posted, out);
            out.append(colon);
            writeJson(object.value(keys[i]), posted, out);
        }
        out.append('}');
        return;
    }
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        out.append('[');
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (i > 0)
                out.append(comma);
            writeJson(array.at(i), posted, out);
        }
        out.append(']');
        return;
    }
    case QJsonValue::String:
        writeString(value.toString(), posted, out);
        return;
    case QJsonValue::Double:
        // The fake sends whole numbers only (times in ms).
        out.append(QByteArray::number(value.toInteger()));
        return;
    case QJsonValue::Bool:
        out.append(value.toBool() ? "true" : "false");
        return;
    default:
        out.append("null");
        return;
    }
}

QString isoMicros(qint64 ms)
{
    // Attendee writes microseconds.
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(u"yyyy-MM-ddTHH:mm:ss.zzz"_s) + u"000Z"_s;
}

QString randomId(int length)
{
    static const QString alphabet = u"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"_s;
    QString out;
    for (int i = 0; i < length; ++i)
        out.append(alphabet.at(QRandomGenerator::global()->bounded(int(alphabet.size()))));
    return out;
}

} // namespace

FakeBot::FakeBot(QByteArray apiKey, QByteArray webhookSecretBase64)
    : m_apiKey(std::move(apiKey)), m_secret(QByteArray::fromBase64(webhookSecretBase64))
{ }

FakeBot::~FakeBot()
{
    // Webhook replies call back into this object: they go first, on their
    // thread, before the members they use do.
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

QByteArray FakeBot::canonicalJson(const QJsonValue &value)
{
    QByteArray out;
    writeJson(value, false, out);
    return out;
}

QByteArray FakeBot::postedJson(const QJsonValue &value)
{
    QByteArray out;
    writeJson(value, true, out);
    return out;
}

QStringList FakeBot::botIds() const
{
    const QMutexLocker lock(&m_botsMutex);
    return m_order;
}

QJsonObject FakeBot::createRequest(const QString &botId) const
{
    const QMutexLocker lock(&m_botsMutex);
    return m_bots.value(botId).request;
}

QString FakeBot::state(const QString &botId) const
{
    const QMutexLocker lock(&m_botsMutex);
    return m_bots.value(botId).state;
}

int FakeBot::leaveRequests(const QString &botId) const
{
    const QMutexLocker lock(&m_botsMutex);
    return m_bots.value(botId).leaveRequests;
}

void FakeBot::setRecording(const QString &botId, const QByteArray &bytes, qint64 startTimestampMs)
{
    const QMutexLocker lock(&m_botsMutex);
    Bot &bot = m_bots[botId];
    bot.id = botId;
    bot.recording = bytes;
    bot.recordingStartMs = startTimestampMs;
    bot.hasRecording = true;
}

void FakeBot::expireRecordingLinks()
{
    const QMutexLocker lock(&m_botsMutex);
    m_linkSignatures.clear();
}

void FakeBot::redirectNextDownload()
{
    const QMutexLocker lock(&m_botsMutex);
    m_redirectNextDownload = true;
}

void FakeBot::setClock(std::function<qint64()> nowMs)
{
    const QMutexLocker lock(&m_botsMutex);
    m_nowMs = std::move(nowMs);
}

void FakeBot::loseNextCreateAnswer()
{
    const QMutexLocker lock(&m_botsMutex);
    m_loseNextCreateAnswer = true;
}

FakeBot::Delivery FakeBot::lastDelivery() const
{
    const QMutexLocker lock(&m_botsMutex);
    return m_lastDelivery;
}

QJsonObject FakeBot::botJson(const Bot &bot) const
{
    return QJsonObject { { u"id"_s, bot.id }, { u"meeting_url"_s, bot.request.value(u"meeting_url"_s) },
        { u"state"_s, bot.state }, { u"events"_s, QJsonArray() }, { u"transcription_state"_s, u"not_started"_s },
        { u"recording_state"_s, bot.hasRecording ? u"complete"_s : u"not_started"_s }, { u"join_at"_s, QJsonValue() },
        { u"metadata"_s, bot.request.value(u"metadata"_s) },
        { u"deduplication_key"_s, bot.request.value(u"deduplication_key"_s) } };
}

FakeResponse FakeBot::respond(const FakeRequest &request)
{
    if (request.method == "GET"
        && (request.path.startsWith(u"/media/"_s) || request.path.startsWith(u"/storage/media/"_s)))
        return media(request);
    if (!request.path.startsWith(u"/api/v1/bots"_s))
        return FakeResponse::json(404, R"({"detail": "Not found."})");
    if (request.header("Authorization") != "Token " + m_apiKey)
        return FakeResponse::json(401, kUnauthorised);

    const QStringList parts = request.path.split(u'/', Qt::SkipEmptyParts); // api v1 bots {id} {action}
    if (parts.size() == 3 && request.method == "POST")
        return createBot(request);
    if (parts.size() != 5)
        return FakeResponse::json(404, R"({"detail": "Not found."})");
    const QString botId = parts[3];
    if (parts[4] == u"recording"_s && request.method == "GET")
        return recordingLink(botId);
    if (parts[4] == u"leave"_s && request.method == "POST") {
        const QMutexLocker lock(&m_botsMutex);
        const auto bot = m_bots.find(botId);
        if (bot == m_bots.end() || bot->request.isEmpty())
            return notFound();
        ++bot->leaveRequests;
        if (!kEnded.contains(bot->state))
            bot->state = u"leaving"_s;
        return FakeResponse::json(200, QJsonDocument(botJson(*bot)).toJson(QJsonDocument::Compact));
    }
    return FakeResponse::json(405, R"({"detail": "Method not allowed."})");
}

FakeResponse FakeBot::createBot(const FakeRequest &request)
{
    if (!request.header("Content-Type").startsWith("application/json"))
        return FakeResponse::json(415, R"({"detail": "Unsupported media type."})");
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return FakeResponse::json(400, R"({"detail": "JSON parse error."})");
    const QJsonObject body = document.object();
    for (const QString &key : body.keys()) {
        if (!kCreateFields.contains(key))
            return fieldError(key, u"Unknown field."_s);
    }
    for (const QString &required : { u"meeting_url"_s, u"bot_name"_s }) {
        if (!body.value(required).isString() || body.value(required).toString().trimmed().isEmpty())
            return fieldError(required, u"This field is required."_s);
    }
    if (body.contains(u"metadata"_s) && !body.value(u"metadata"_s).isObject())
        return fieldError(u"metadata"_s, u"Must be an object."_s);
    if (body.contains(u"deduplication_key"_s) && !body.value(u"deduplication_key"_s).isString())
        return fieldError(u"deduplication_key"_s, u"Must be a string."_s);
    if (body.contains(u"recording_settings"_s)) {
        const QString format = body.value(u"recording_settings"_s).toObject().value(u"format"_s).toString();
        if (!QStringList { u"mp4"_s, u"mp3"_s, u"none"_s }.contains(format))
            return fieldError(u"recording_settings"_s, u"format must be mp4, mp3 or none."_s);
    }
    const QJsonArray webhooks = body.value(u"webhooks"_s).toArray();
    if (body.contains(u"webhooks"_s) && (!body.value(u"webhooks"_s).isArray() || webhooks.size() > 2))
        return fieldError(u"webhooks"_s, u"At most 2 webhooks."_s);
    for (const QJsonValue &hook : webhooks) {
        const QUrl target(hook[u"url"_s].toString(), QUrl::StrictMode);
        if (!target.isValid() || !(target.scheme() == u"https"_s || target.scheme() == u"http"_s))
            return fieldError(u"webhooks"_s, u"url must be a URL."_s);
        const QJsonArray triggers = hook[u"triggers"_s].toArray();
        if (triggers.isEmpty())
            return fieldError(u"webhooks"_s, u"triggers must not be empty."_s);
        for (const QJsonValue &trigger : triggers) {
            if (!kTriggers.contains(trigger.toString()))
                return fieldError(u"webhooks"_s, u"Unknown trigger."_s);
        }
    }

    const QMutexLocker lock(&m_botsMutex);
    const QString dedupe = body.value(u"deduplication_key"_s).toString();
    for (const Bot &other : std::as_const(m_bots)) {
        if (!dedupe.isEmpty() && other.request.value(u"deduplication_key"_s).toString() == dedupe
            && !kEnded.contains(other.state))
            return FakeResponse::json(400,
                R"({"error": "A bot with this deduplication key already exists and is not in a terminal state."})");
    }
    Bot bot;
    bot.id = u"bot_"_s + randomId(16);
    bot.request = body;
    m_bots.insert(bot.id, bot);
    m_order.append(bot.id);
    if (m_loseNextCreateAnswer) {
        m_loseNextCreateAnswer = false;
        FakeResponse lost;
        lost.hangUp = true;
        return lost;
    }
    return FakeResponse::json(201, QJsonDocument(botJson(bot)).toJson(QJsonDocument::Compact));
}

FakeResponse FakeBot::recordingLink(const QString &botId)
{
    const QMutexLocker lock(&m_botsMutex);
    const auto bot = m_bots.constFind(botId);
    if (bot == m_bots.constEnd() || bot->request.isEmpty())
        return notFound();
    if (!bot->hasRecording)
        return FakeResponse::json(404, R"({"error": "Recording not found"})");
    const QString signature = u"sig%1"_s.arg(++m_linkCount);
    m_linkSignatures.insert(botId, signature);
    const QJsonObject answer { { u"url"_s, url(u"/media/%1.mp4?signature=%2"_s.arg(botId, signature)) },
        { u"start_timestamp_ms"_s, bot->recordingStartMs } };
    return FakeResponse::json(200, QJsonDocument(answer).toJson(QJsonDocument::Compact));
}

FakeResponse FakeBot::media(const FakeRequest &request)
{
    const bool redirected = request.path.startsWith(u"/storage/"_s);
    QString botId = request.path.mid(request.path.indexOf(u"/media/"_s) + int(qstrlen("/media/")));
    botId.chop(int(qstrlen(".mp4")));
    const QMutexLocker lock(&m_botsMutex);
    const QString signature = request.query.queryItemValue(u"signature"_s);
    if (signature.isEmpty() || m_linkSignatures.value(botId) != signature) {
        FakeResponse denied;
        denied.status = 403;
        denied.headers = { { "Content-Type", "application/xml" } };
        denied.body = "<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>";
        return denied;
    }
    if (m_redirectNextDownload && !redirected) {
        m_redirectNextDownload = false;
        FakeResponse moved;
        moved.status = 302;
        moved.headers = { { "Location",
            url(u"/storage"_s + request.path + u'?' + request.query.toString(QUrl::FullyEncoded)).toUtf8() } };
        return moved;
    }
    FakeResponse file;
    file.headers = { { "Content-Type", "video/mp4" } };
    file.body = m_bots.value(botId).recording;
    return file;
}

int FakeBot::sendStateChange(
    const QString &botId, const QString &newState, const QString &eventType, const QString &eventSubType, qint64 atMs)
{
    Delivery delivery;
    {
        const QMutexLocker lock(&m_botsMutex);
        if (atMs <= 0)
            atMs = m_nowMs ? m_nowMs() : QDateTime::currentMSecsSinceEpoch();
        const auto bot = m_bots.find(botId);
        if (bot == m_bots.end() || bot->request.isEmpty())
            return 0;
        const QJsonArray hooks = bot->request.value(u"webhooks"_s).toArray();
        if (hooks.isEmpty())
            return 0;
        delivery.url = hooks.first()[u"url"_s].toString();
        const QJsonValue metadata = bot->request.value(u"metadata"_s);
        delivery.payload = QJsonObject { { u"idempotency_key"_s, QUuid::createUuid().toString(QUuid::WithoutBraces) },
            { u"bot_id"_s, botId }, { u"bot_metadata"_s, metadata.isObject() ? metadata : QJsonValue() },
            { u"trigger"_s, u"bot.state_change"_s },
            { u"data"_s,
                QJsonObject { { u"new_state"_s, newState }, { u"old_state"_s, bot->state },
                    { u"created_at"_s, isoMicros(atMs) },
                    { u"event_type"_s, eventType },
                    { u"event_sub_type"_s, eventSubType.isEmpty() ? QJsonValue() : QJsonValue(eventSubType) } } } };
        bot->state = newState;
    }
    delivery.body = postedJson(delivery.payload);
    delivery.signature
        = QMessageAuthenticationCode::hash(canonicalJson(delivery.payload), m_secret, QCryptographicHash::Sha256)
              .toBase64();
    return post(delivery);
}

int FakeBot::sendRecordingReady(const QString &botId, qint64 atMs)
{
    {
        const QMutexLocker lock(&m_botsMutex);
        if (m_bots.contains(botId))
            m_bots[botId].state = u"post_processing"_s;
    }
    return sendStateChange(botId, u"ended"_s, u"post_processing_completed"_s, QString(), atMs);
}

int FakeBot::redeliver(const Delivery &delivery)
{
    return post(delivery);
}

int FakeBot::post(const Delivery &delivery)
{
    QObject *thread = threadContext();
    if (!thread)
        return 0;
    {
        const QMutexLocker lock(&m_botsMutex);
        m_lastDelivery = delivery;
    }
    auto status = std::make_shared<std::atomic<int>>(-1);
    QMetaObject::invokeMethod(thread, [this, delivery, status] {
        if (!m_context) {
            m_context = new QObject(threadContext());
            m_network = new QNetworkAccessManager(m_context);
            // Straight to loopback, whatever the environment's proxy says.
            m_network->setProxy(QNetworkProxy::NoProxy);
        }
        QNetworkRequest request { QUrl(delivery.url) };
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        request.setRawHeader("X-Webhook-Signature", delivery.signature);
        request.setHeader(QNetworkRequest::UserAgentHeader, QByteArray("Attendee-Webhook/1.0"));
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        request.setTransferTimeout(10000);
        QNetworkReply *reply = m_network->post(request, delivery.body);
        QObject::connect(reply, &QNetworkReply::finished, m_context, [reply, status] {
            reply->deleteLater();
            status->store(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt());
        });
    });
    // The server may live on this very thread: keep its events going.
    QEventLoop loop;
    QTimer poll;
    QDeadlineTimer deadline(15000);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (status->load() >= 0 || deadline.hasExpired())
            loop.quit();
    });
    poll.start(5);
    loop.exec();
    return qMax(0, status->load());
}

} // namespace callos::test
