#pragma once

#include "client/sync/apiresponse.h"

#include <QFile>
#include <QObject>
#include <QTimer>

namespace callos::client {

class ApiClient;

// Sends a recording made elsewhere (a phone, another meeting tool) to the
// server for a call, in parts, so the agent sees how far it got and a
// dropped connection costs one part, not the file:
//   POST /calls/{id}/recording-uploads, then PUT /recordings/{id}/upload
//   ?offset=N part by part. After trouble on the wire it waits, asks the
//   server where the upload stands (GET) and goes on from there.
// The upload's key comes from the file (name, size, time of change), so the
// same file attached again, even after the app was closed, goes on where it
// stopped instead of starting over.
class RecordingUpload : public QObject
{
    Q_OBJECT

public:
    enum class State {
        Idle, // nothing attached yet
        Sending, // parts are on their way
        Waiting, // the server could not be reached; trying again (reason())
        Done, // the server has all of it
        Failed, // stopped for good (reason()); attach again to go on
    };
    Q_ENUM(State)

    struct Options
    {
        // Pauses before asking again after trouble on the wire; the last
        // repeats.
        QList<int> retryMs{ 1000, 2000, 5000, 10000, 30000 };
        // The largest part sent (the server may take less): a part lost on a
        // slow line costs this much again.
        qint64 maxPartBytes = 4 * 1024 * 1024;
    };

    explicit RecordingUpload(ApiClient &api, QObject *parent = nullptr);
    RecordingUpload(ApiClient &api, const Options &options, QObject *parent = nullptr);
    ~RecordingUpload() override;

    // Starts sending `filePath` as the recording of `callId`. Ignored while
    // another upload is under way.
    void start(const QString &callId, const QString &filePath);
    // Stops sending; the server keeps what it has, so attaching the same
    // file again goes on from there.
    void cancel();
    // Back to Idle (another call is on the page).
    void reset();

    State state() const { return m_state; }
    bool isBusy() const { return m_state == State::Sending || m_state == State::Waiting; }
    const QString &callId() const { return m_callId; }
    const QString &fileName() const { return m_fileName; }
    qint64 sentBytes() const { return m_sentBytes; }
    qint64 totalBytes() const { return m_totalBytes; }
    // Why it waits or failed, for the agent.
    const QString &reason() const { return m_reason; }

    // "file name|size|modified" hashed: the same file, the same upload.
    static QString uploadKeyOf(const QString &filePath);

Q_SIGNALS:
    void changed();

private:
    void begin();
    void askWhereItStands();
    void sendNextPart();
    void onProgress(quint64 generation, const ApiResponse &response);
    void onTrouble(const ApiProblem &problem);
    void fail(const QString &reason);
    void setState(State state, const QString &reason = {});

    ApiClient &m_api;
    Options m_options;
    State m_state = State::Idle;
    QString m_callId;
    QString m_fileName;
    QString m_uploadKey;
    QFile m_file;
    QString m_recordingId;
    qint64 m_sentBytes = 0;
    qint64 m_totalBytes = 0;
    qint64 m_chunkBytes = 0;
    QString m_reason;
    int m_attempt = 0;
    // Answers to a cancelled upload are dropped.
    quint64 m_generation = 0;
    QTimer m_again;
};

} // namespace callos::client
