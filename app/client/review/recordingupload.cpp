#include "client/review/recordingupload.h"

#include "client/sync/apiclient.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace callos::client {

namespace {

// The server's message with the fields it named ("file_name: must be an
// audio or video file: ..."), so the agent knows what to change.
QString explain(const ApiResponse &response)
{
    QStringList parts{ response.problem->message };
    const QJsonArray fields =
        response.json.value(u"error"_s).toObject().value(u"details"_s).toObject().value(u"fields"_s).toArray();
    for (const QJsonValue &field : fields) {
        const QJsonObject named = field.toObject();
        parts.append(u"%1: %2"_s.arg(named.value(u"path"_s).toString(), named.value(u"message"_s).toString()));
    }
    return parts.join(u' ');
}

} // namespace

RecordingUpload::RecordingUpload(ApiClient &api, QObject *parent)
    : RecordingUpload(api, Options(), parent)
{
}

RecordingUpload::RecordingUpload(ApiClient &api, const Options &options, QObject *parent)
    : QObject(parent), m_api(api), m_options(options)
{
    if (m_options.retryMs.isEmpty())
        m_options.retryMs = Options().retryMs;
    if (m_options.maxPartBytes <= 0)
        m_options.maxPartBytes = Options().maxPartBytes;
    m_again.setSingleShot(true);
    connect(&m_again, &QTimer::timeout, this, &RecordingUpload::askWhereItStands);
}

RecordingUpload::~RecordingUpload() = default;

QString RecordingUpload::uploadKeyOf(const QString &filePath)
{
    const QFileInfo info(filePath);
    const QString identity = u"%1|%2|%3"_s.arg(info.fileName()).arg(info.size()).arg(
        info.lastModified().toMSecsSinceEpoch());
    return QString::fromLatin1(QCryptographicHash::hash(identity.toUtf8(), QCryptographicHash::Sha256).toHex().left(40));
}

void RecordingUpload::start(const QString &callId, const QString &filePath)
{
    if (isBusy())
        return;
    reset();
    m_callId = callId;
    m_fileName = QFileInfo(filePath).fileName();
    m_file.setFileName(filePath);
    if (!m_file.open(QIODevice::ReadOnly)) {
        fail(tr("%1 cannot be read: %2").arg(m_fileName, m_file.errorString()));
        return;
    }
    m_totalBytes = m_file.size();
    if (m_totalBytes == 0) {
        fail(tr("%1 is empty.").arg(m_fileName));
        return;
    }
    m_uploadKey = uploadKeyOf(filePath);
    m_chunkBytes = m_options.maxPartBytes;
    setState(State::Sending);
    begin();
}

void RecordingUpload::cancel()
{
    if (!isBusy())
        return;
    reset();
}

void RecordingUpload::reset()
{
    ++m_generation;
    m_api.cancel(this);
    m_again.stop();
    m_file.close();
    m_callId.clear();
    m_fileName.clear();
    m_uploadKey.clear();
    m_recordingId.clear();
    m_sentBytes = 0;
    m_totalBytes = 0;
    m_attempt = 0;
    setState(State::Idle);
}

void RecordingUpload::begin()
{
    const quint64 generation = m_generation;
    m_api.post(u"/calls/%1/recording-uploads"_s.arg(m_callId),
        QJsonObject{ { u"upload_key"_s, m_uploadKey }, { u"file_name"_s, m_fileName },
            { u"size_bytes"_s, m_totalBytes } },
        this, [this, generation](const ApiResponse &response) { onProgress(generation, response); });
}

void RecordingUpload::askWhereItStands()
{
    // Before the server answered the beginning there is nothing to ask about;
    // beginning again with the same key finds the upload if it was begun.
    if (m_recordingId.isEmpty()) {
        begin();
        return;
    }
    const quint64 generation = m_generation;
    m_api.get(u"/recordings/%1/upload"_s.arg(m_recordingId), this,
        [this, generation](const ApiResponse &response) { onProgress(generation, response); });
}

void RecordingUpload::sendNextPart()
{
    // A file that grew or shrank since it was attached would arrive as
    // neither the old one nor the new one.
    if (QFileInfo(m_file.fileName()).size() != m_totalBytes) {
        fail(tr("%1 changed while it was being sent. Attach it again.").arg(m_fileName));
        return;
    }
    QByteArray part;
    if (m_file.seek(m_sentBytes))
        part = m_file.read(qMin(m_chunkBytes, m_totalBytes - m_sentBytes));
    if (part.isEmpty()) {
        fail(tr("%1 cannot be read: %2").arg(m_fileName, m_file.errorString()));
        return;
    }
    ApiClient::Request request;
    request.method = "PUT";
    request.path = u"/recordings/%1/upload"_s.arg(m_recordingId);
    request.query.addQueryItem(u"offset"_s, QString::number(m_sentBytes));
    request.payload = ApiClient::Payload{ "application/octet-stream", part };
    const quint64 generation = m_generation;
    m_api.send(request, this, [this, generation](const ApiResponse &response) { onProgress(generation, response); });
}

void RecordingUpload::onProgress(quint64 generation, const ApiResponse &response)
{
    if (generation != m_generation)
        return;
    if (!response.ok()) {
        const ApiProblem &problem = *response.problem;
        if (problem.code == u"upload.offset_mismatch"_s) {
            // The server has more (an answer was lost) or less (it lost a
            // part): it says where to go on.
            m_sentBytes = response.json.value(u"error"_s)
                              .toObject()
                              .value(u"details"_s)
                              .toObject()
                              .value(u"received_bytes"_s)
                              .toInteger(0);
            Q_EMIT changed();
            if (generation == m_generation) // not cancelled by whoever heard it
                sendNextPart();
        } else if (problem.code == u"upload.finished"_s) {
            m_sentBytes = m_totalBytes;
            m_file.close();
            setState(State::Done);
        } else if (problem.isTransient() || problem.code == u"upload.in_progress"_s) {
            onTrouble(problem);
        } else {
            fail(explain(response));
        }
        return;
    }
    m_attempt = 0;
    m_recordingId = response.json.value(u"recording_id"_s).toString();
    m_sentBytes = response.json.value(u"received_bytes"_s).toInteger(0);
    const qint64 chunk = response.json.value(u"chunk_bytes"_s).toInteger(0);
    m_chunkBytes = chunk > 0 ? qMin(chunk, m_options.maxPartBytes) : m_options.maxPartBytes;
    if (m_recordingId.isEmpty()) {
        fail(ApiProblem::badAnswer(tr("the upload's recording id")).message);
        return;
    }
    if (response.json.value(u"complete"_s).toBool() || m_sentBytes >= m_totalBytes) {
        m_sentBytes = m_totalBytes;
        m_file.close();
        setState(State::Done);
        return;
    }
    if (m_state != State::Sending)
        setState(State::Sending);
    else
        Q_EMIT changed();
    if (generation == m_generation) // not cancelled by whoever heard it
        sendNextPart();
}

void RecordingUpload::onTrouble(const ApiProblem &problem)
{
    const int delay = m_options.retryMs.at(qMin(m_attempt, int(m_options.retryMs.size()) - 1));
    ++m_attempt;
    // The server may ask for a longer pause (429, 503).
    m_again.start(int(qMax<qint64>(delay, problem.retryAfterMs)));
    setState(State::Waiting, problem.message);
}

void RecordingUpload::fail(const QString &reason)
{
    m_again.stop();
    m_file.close();
    setState(State::Failed, reason);
}

void RecordingUpload::setState(State state, const QString &reason)
{
    m_state = state;
    m_reason = reason;
    Q_EMIT changed();
}

} // namespace callos::client
