#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QString>

#include <functional>
#include <optional>
#include <span>

namespace callos::server {

// Turns a recording of any format ffmpeg reads (m4a, mp4, wav, mp3, webm,
// ...) into 16 kHz mono 16-bit samples, what the recognizer takes, by
// running the ffmpeg program. Streams: the samples are handed over chunk by
// chunk as ffmpeg makes them (at most a few seconds each), so hours of
// audio are never in memory at once; ffmpeg waits while a chunk is used.
//
// Refusals: "audio.missing" / "audio.unreadable" (the file),
// "audio.decoder_missing" (no ffmpeg), "audio.undecodable" (not audio, or
// no audio in it; with ffmpeg's own words), "audio.timeout" (ffmpeg made
// no progress for the stall timeout), "audio.cancelled" (the thread was
// asked to stop), or whatever the chunk sink refused.
class AudioDecoder
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::AudioDecoder)

public:
    static constexpr int kSampleRate = 16000;

    // Takes one chunk of samples (valid only during the call). A Refusal
    // stops the decoding, and decode() returns it.
    using ChunkSink = std::function<std::optional<Refusal>(std::span<const qint16> samples)>;

    // `ffmpegProgram`: a name looked up in PATH, or a path.
    explicit AudioDecoder(QString ffmpegProgram = QStringLiteral("ffmpeg"));

    // ffmpeg may run that long without making a sample (reading a stuck
    // file system, say) before it is given up. Time the sink takes does not
    // count: a slow recognizer behind it is no stall.
    void setStallTimeoutMs(int ms) { m_stallTimeoutMs = ms; }
    int stallTimeoutMs() const { return m_stallTimeoutMs; }

    // Blocking. The number of samples decoded (0 for an empty recording).
    Result<qint64> decode(const QString &path, const ChunkSink &sink) const;

private:
    QString m_ffmpegProgram;
    int m_stallTimeoutMs = 30000;
};

} // namespace callos::server
