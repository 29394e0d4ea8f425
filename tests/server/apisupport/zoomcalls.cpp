#include "zoomcalls.h"

#include "agentcall.h"
#include "apiharness.h"
#include "recording/zoomwebhooksignature.h"

#include <QDateTime>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace callos::test::zoomcalls {

namespace {

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

} // namespace

QJsonArray recordingFiles(const QString &uuid, qint64 startMs, const QString &downloadBase)
{
    const auto file = [&](const QString &type, const QString &kind) {
        const QString id = uuid + u'-' + type.toLower();
        QJsonObject out{ { u"meeting_id"_s, uuid }, { u"recording_start"_s, isoTime(startMs) },
            { u"recording_end"_s, isoTime(startMs + 52 * 60000) }, { u"file_type"_s, type },
            { u"file_extension"_s, type == u"TIMELINE"_s ? u"JSON"_s : type },
            { u"download_url"_s, QString(downloadBase + id) } };
        if (!kind.isEmpty()) {
            out.insert(u"id"_s, id);
            out.insert(u"status"_s, u"completed"_s);
            out.insert(u"file_size"_s, 24993120);
            out.insert(u"recording_type"_s, kind);
        }
        return out;
    };
    return QJsonArray{ file(u"M4A"_s, u"audio_only"_s), file(u"MP4"_s, u"shared_screen_with_speaker_view"_s),
        file(u"TIMELINE"_s, QString()) };
}

QJsonObject recordingCompleted(const QString &meeting, const QString &uuid, qint64 startMs, const QJsonArray &files,
    const QString &downloadToken)
{
    QJsonObject body{ { u"event"_s, u"recording.completed"_s }, { u"event_ts"_s, startMs + 53 * 60000 },
        { u"payload"_s,
            QJsonObject{ { u"account_id"_s, u"AcCt1234"_s },
                { u"object"_s,
                    QJsonObject{ { u"uuid"_s, uuid }, { u"id"_s, meeting.toLongLong() },
                        { u"host_email"_s, u"alice@acme.example"_s }, { u"topic"_s, u"Discovery call"_s },
                        { u"start_time"_s, isoTime(startMs) }, { u"duration"_s, 52 },
                        { u"recording_files"_s, files } } } } } };
    if (!downloadToken.isEmpty())
        body.insert(u"download_token"_s, downloadToken);
    return body;
}

ApiReply deliver(ApiHarness &api, const QByteArray &body, const QByteArray &secret, std::optional<qint64> timestampSeconds)
{
    const QByteArray seconds = QByteArray::number(timestampSeconds.value_or(api.clock().nowMs() / 1000));
    return api.send("POST", u"/webhooks/zoom"_s, body,
        { { "Content-Type", "application/json" },
            { "x-zm-signature", server::ZoomWebhookSignature(secret).sign(seconds, body) },
            { "x-zm-request-timestamp", seconds } });
}

QString consentWording()
{
    return AgentCall::consentWording();
}

QString pushCall(ApiHarness &api, const Playbook &playbook, const QString &token, const QString &prefix,
    const QString &zoomLink, bool consent, qint64 startMs)
{
    AgentCall call(api, playbook, token, prefix);
    return call.start(zoomLink, startMs, consent);
}

} // namespace callos::test::zoomcalls
