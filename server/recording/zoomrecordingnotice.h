#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace callos {
class ValidationErrors;
}

namespace callos::server {

// One file of a Zoom cloud recording. CC and TIMELINE files have no id,
// status, size or recording type: those read as empty (or -1).
struct ZoomRecordingFile
{
    QString id;
    QString fileType; // MP4, M4A, TIMELINE, TRANSCRIPT, CHAT, CC, CSV
    QString extension;
    QString downloadUrl;
    QString status;
    QString recordingType;
    qint64 startedAt = 0; // UTC ms
    qint64 endedAt = 0;
    qint64 sizeBytes = -1;
};

// Zoom's recording.completed webhook, the parts CallOS uses. The body has
// many more fields (integrations page, "Zoom"); they are left alone, since
// Zoom adds fields without notice.
struct ZoomRecordingNotice
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::ZoomRecordingNotice)

public:
    QString event;
    QString meetingUuid;   // this meeting instance
    QString meetingNumber; // what the agent's Zoom link holds
    QString topic;
    qint64 startedAt = 0; // the meeting's start_time, UTC ms
    QList<ZoomRecordingFile> files;
    // Valid for 24 h; a secret: never logged. Empty when the delivery has
    // none (the account's OAuth token is then needed to download).
    QString downloadToken;

    // Reads `body`; each problem goes to `errors` with its path, and then
    // there is no notice.
    static std::optional<ZoomRecordingNotice> read(const QJsonObject &body, ValidationErrors &errors);

    // What makes a delivery the same as one seen before: the event, the
    // meeting instance and its file ids (sorted; Zoom may list them in any
    // order), as a SHA-256 hex digest.
    QString dedupeKey() const;
    // The file to transcribe: the audio-only M4A when there is one, else the
    // video (MP4); only completed files. nullptr for none.
    const ZoomRecordingFile *audioFile() const;
};

} // namespace callos::server
