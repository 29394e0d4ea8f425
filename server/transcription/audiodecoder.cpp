#include "transcription/audiodecoder.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QThread>
#include <QtEndian>

#include <vector>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

// ffmpeg with -loglevel error says little; a broken file can still make it
// repeat itself, and only the start is worth showing.
constexpr qsizetype kMaxErrorBytes = 4096;
constexpr qsizetype kMaxShownErrorChars = 600;
// How long one wait for ffmpeg lasts at most: the stall timeout and a
// request to stop are looked at in between.
constexpr int kWaitSliceMs = 200;

void stop(QProcess &ffmpeg)
{
    ffmpeg.kill();
    ffmpeg.waitForFinished(5000);
}

} // namespace

AudioDecoder::AudioDecoder(QString ffmpegProgram)
    : m_ffmpegProgram(std::move(ffmpegProgram))
{
}

Result<qint64> AudioDecoder::decode(const QString &path, const ChunkSink &sink) const
{
    const QFileInfo file(path);
    if (!file.exists())
        return Refusal{ u"audio.missing"_s, tr("The recording %1 does not exist.").arg(path) };
    if (!file.isFile() || !file.isReadable())
        return Refusal{ u"audio.unreadable"_s, tr("The recording %1 cannot be read.").arg(path) };

    const QString program
        = m_ffmpegProgram.contains(u'/') ? m_ffmpegProgram : QStandardPaths::findExecutable(m_ffmpegProgram);
    const auto missing = [this] {
        return Refusal{
            u"audio.decoder_missing"_s,
            tr("%1 cannot be started: install ffmpeg to transcribe recordings without AssemblyAI.").arg(m_ffmpegProgram)
        };
    };
    if (program.isEmpty())
        return missing();

    // "file:" and the protocol whitelist: a path is only ever a local file,
    // never a URL ffmpeg would fetch, nor one a playlist inside the file
    // points it to.
    const QString input = u"file:"_s + file.absoluteFilePath();
    QProcess ffmpeg;
    ffmpeg.setProgram(program);
    ffmpeg.setArguments(
        { u"-nostdin"_s, u"-hide_banner"_s, u"-loglevel"_s, u"error"_s, u"-protocol_whitelist"_s, u"file"_s, u"-i"_s,
            input, u"-vn"_s, u"-ac"_s, u"1"_s, u"-ar"_s, QString::number(kSampleRate), u"-f"_s, u"s16le"_s, u"-"_s });
    ffmpeg.setProcessChannelMode(QProcess::SeparateChannels);
    ffmpeg.start(QIODevice::ReadOnly);
    if (!ffmpeg.waitForStarted(qMax(1000, m_stallTimeoutMs)))
        return missing();

    QByteArray errors;
    QByteArray oddByte; // a sample split between two reads
    std::vector<qint16> samples;
    qint64 sampleCount = 0;
    QElapsedTimer sinceProgress;
    sinceProgress.start();
    for (;;) {
        if (errors.size() < kMaxErrorBytes)
            errors += ffmpeg.readAllStandardError().left(kMaxErrorBytes - errors.size());
        else
            ffmpeg.readAllStandardError();
        QByteArray bytes = ffmpeg.readAllStandardOutput();
        if (!bytes.isEmpty()) {
            if (!oddByte.isEmpty())
                bytes.prepend(oddByte);
            oddByte = bytes.size() % 2 ? bytes.right(1) : QByteArray();
            const qsizetype count = bytes.size() / 2;
            samples.resize(size_t(count));
            qFromLittleEndian<qint16>(bytes.constData(), count, samples.data());
            sampleCount += count;
            if (std::optional<Refusal> refusal = sink(std::span<const qint16>(samples.data(), samples.size()))) {
                stop(ffmpeg);
                return *refusal;
            }
            sinceProgress.restart();
            continue;
        }
        if (ffmpeg.state() == QProcess::NotRunning)
            break;
        if (QThread::currentThread()->isInterruptionRequested()) {
            stop(ffmpeg);
            return Refusal{ u"audio.cancelled"_s, tr("Decoding %1 was stopped.").arg(path) };
        }
        const qint64 left = m_stallTimeoutMs - sinceProgress.elapsed();
        if (left <= 0) {
            stop(ffmpeg);
            return Refusal{ u"audio.timeout"_s,
                tr("ffmpeg made no progress decoding %1 for %2 s.").arg(path).arg(m_stallTimeoutMs / 1000.0) };
        }
        ffmpeg.waitForReadyRead(int(qMin<qint64>(left, kWaitSliceMs)));
    }

    if (ffmpeg.exitStatus() != QProcess::NormalExit || ffmpeg.exitCode() != 0) {
        QString said = QString::fromUtf8(errors).replace(input, file.absoluteFilePath()).trimmed();
        if (said.size() > kMaxShownErrorChars)
            said = said.left(kMaxShownErrorChars) + u"..."_s;
        if (said.isEmpty())
            said = ffmpeg.exitStatus() == QProcess::NormalExit ? tr("ffmpeg ended with code %1.").arg(ffmpeg.exitCode())
                                                               : tr("ffmpeg crashed.");
        return Refusal{ u"audio.undecodable"_s,
            tr("The recording %1 is not audio ffmpeg can decode: %2").arg(path, said) };
    }
    return sampleCount;
}

} // namespace callos::server
