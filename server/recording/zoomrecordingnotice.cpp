#include "recording/zoomrecordingnotice.h"

#include "json/jsonobjectreader.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

constexpr qsizetype kMaxText = 2048;
constexpr qsizetype kMaxFiles = 100;

// Zoom writes times as "2026-11-23T15:00:12Z".
std::optional<qint64> readTime(JsonObjectReader &in, const QString &key, Presence presence)
{
    const std::optional<QString> text = in.string(key, presence);
    if (!text)
        return std::nullopt;
    const QDateTime time = QDateTime::fromString(*text, Qt::ISODate);
    if (!time.isValid() || text->size() > 64) {
        in.addError(key, ZoomRecordingNotice::tr("must be an ISO 8601 time such as 2026-11-23T15:00:12Z"));
        return std::nullopt;
    }
    return time.toMSecsSinceEpoch();
}

std::optional<QString> readText(JsonObjectReader &in, const QString &key, Presence presence)
{
    std::optional<QString> text = in.string(key, presence);
    if (text && text->size() > kMaxText) {
        in.addError(key, ZoomRecordingNotice::tr("is longer than %1 characters").arg(kMaxText));
        return std::nullopt;
    }
    return text;
}

// The meeting number comes as a JSON number; a string of digits is taken too.
std::optional<QString> readMeetingNumber(JsonObjectReader &in)
{
    const std::optional<JsonNode> node = in.node(u"id"_s);
    if (!node)
        return std::nullopt;
    QString number;
    if (node->value.isDouble()) {
        const double value = node->value.toDouble();
        if (value >= 1 && value <= 999999999999.0 && value == double(qint64(value)))
            number = QString::number(qint64(value));
    } else if (node->value.isString()) {
        number = node->value.toString();
        for (const QChar c : std::as_const(number)) {
            if (c < u'0' || c > u'9' || number.size() > 12) {
                number.clear();
                break;
            }
        }
    }
    if (number.isEmpty()) {
        in.addError(u"id"_s, ZoomRecordingNotice::tr("must be the meeting number"));
        return std::nullopt;
    }
    return number;
}

std::optional<ZoomRecordingFile> readFile(const JsonNode &node, ValidationErrors &errors)
{
    JsonObjectReader in(node, errors);
    in.ignoreRest();
    if (!in.isObject())
        return std::nullopt;
    ZoomRecordingFile file;
    file.id = readText(in, u"id"_s, Presence::Optional).value_or(QString());
    const auto type = readText(in, u"file_type"_s, Presence::Required);
    file.extension = readText(in, u"file_extension"_s, Presence::Optional).value_or(QString());
    const auto url = readText(in, u"download_url"_s, Presence::Required);
    file.status = readText(in, u"status"_s, Presence::Optional).value_or(QString());
    file.recordingType = readText(in, u"recording_type"_s, Presence::Optional).value_or(QString());
    const auto started = readTime(in, u"recording_start"_s, Presence::Optional);
    const auto ended = readTime(in, u"recording_end"_s, Presence::Optional);
    const auto size = in.integer(u"file_size"_s, Presence::Optional, 0, std::numeric_limits<qint64>::max());
    if (url) {
        const QUrl parsed(*url, QUrl::StrictMode);
        if (!parsed.isValid() || (parsed.scheme() != u"https"_s && parsed.scheme() != u"http"_s)
            || parsed.host().isEmpty())
            in.addError(u"download_url"_s, ZoomRecordingNotice::tr("must be an http(s) address"));
    }
    if (!type || !url)
        return std::nullopt;
    file.fileType = type->toUpper();
    file.downloadUrl = *url;
    file.startedAt = started.value_or(0);
    file.endedAt = ended.value_or(0);
    file.sizeBytes = size.value_or(-1);
    return file;
}

} // namespace

std::optional<ZoomRecordingNotice> ZoomRecordingNotice::read(const QJsonObject &body, ValidationErrors &errors)
{
    const qsizetype errorsBefore = errors.count();
    ZoomRecordingNotice notice;
    JsonObjectReader top(JsonNode{ body, QString() }, errors);
    top.ignoreRest();
    notice.event = readText(top, u"event"_s, Presence::Required).value_or(QString());
    // Current documentation puts the token at the top level, older at
    // payload.download_token; both are read.
    notice.downloadToken = readText(top, u"download_token"_s, Presence::Optional).value_or(QString());
    const std::optional<JsonNode> payloadNode = top.node(u"payload"_s);
    if (!payloadNode)
        return std::nullopt;
    JsonObjectReader payload(*payloadNode, errors);
    payload.ignoreRest();
    if (!payload.isObject())
        return std::nullopt;
    if (notice.downloadToken.isEmpty())
        notice.downloadToken = readText(payload, u"download_token"_s, Presence::Optional).value_or(QString());
    const std::optional<JsonNode> objectNode = payload.node(u"object"_s);
    if (!objectNode)
        return std::nullopt;
    JsonObjectReader object(*objectNode, errors);
    object.ignoreRest();
    if (!object.isObject())
        return std::nullopt;
    notice.meetingUuid = readText(object, u"uuid"_s, Presence::Required).value_or(QString());
    notice.meetingNumber = readMeetingNumber(object).value_or(QString());
    notice.topic = readText(object, u"topic"_s, Presence::Optional).value_or(QString());
    notice.startedAt = readTime(object, u"start_time"_s, Presence::Optional).value_or(0);
    for (const JsonNode &fileNode : object.array(u"recording_files"_s, Presence::Required, 0, kMaxFiles)) {
        if (std::optional<ZoomRecordingFile> file = readFile(fileNode, errors))
            notice.files.append(std::move(*file));
    }
    if (errors.count() != errorsBefore)
        return std::nullopt;
    return notice;
}

QString ZoomRecordingNotice::dedupeKey() const
{
    QStringList fileIds;
    for (const ZoomRecordingFile &file : files)
        fileIds.append(file.id.isEmpty() ? file.fileType : file.id);
    fileIds.sort();
    const QString key = event + u'\n' + meetingUuid + u'\n' + fileIds.join(u'\n');
    return QString::fromLatin1(QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex());
}

const ZoomRecordingFile *ZoomRecordingNotice::audioFile() const
{
    const auto completed = [](const ZoomRecordingFile &file) {
        return file.status.isEmpty() || file.status.compare(u"completed"_s, Qt::CaseInsensitive) == 0;
    };
    for (const QString &type : { u"M4A"_s, u"MP4"_s }) {
        for (const ZoomRecordingFile &file : files) {
            if (file.fileType == type && completed(file))
                return &file;
        }
    }
    return nullptr;
}

} // namespace callos::server
