#include "spokencall.h"

#include <QProcess>
#include <QtEndian>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace callos::test {

const QString kAgentVoice = u"en-us+klatt"_s;
const QString kProspectVoice = u"en-us+f2"_s;

QByteArray wavFile(const Pcm &pcm)
{
    const quint32 dataBytes = quint32(pcm.samples.size() * 2);
    QByteArray wav;
    const auto u32 = [&wav](quint32 value) {
        char bytes[4];
        qToLittleEndian(value, bytes);
        wav.append(bytes, 4);
    };
    const auto u16 = [&wav](quint16 value) {
        char bytes[2];
        qToLittleEndian(value, bytes);
        wav.append(bytes, 2);
    };
    wav.append("RIFF");
    u32(36 + dataBytes);
    wav.append("WAVEfmt ");
    u32(16);
    u16(1); // PCM
    u16(1); // mono
    u32(quint32(pcm.rate));
    u32(quint32(pcm.rate * 2));
    u16(2);
    u16(16);
    wav.append("data");
    u32(dataBytes);
    for (const qint16 sample : pcm.samples)
        u16(quint16(sample));
    return wav;
}

// The samples of a 16-bit mono WAV as espeak-ng writes it (to stdout its
// sizes are placeholders: the data runs to the end).
Pcm readWav(const QByteArray &wav)
{
    Pcm pcm;
    if (!wav.startsWith("RIFF") || wav.mid(8, 4) != "WAVE")
        return pcm;
    qsizetype at = 12;
    while (at + 8 <= wav.size()) {
        const QByteArray id = wav.mid(at, 4);
        const qsizetype size = qFromLittleEndian<quint32>(wav.constData() + at + 4);
        at += 8;
        if (id == "fmt ") {
            pcm.rate = int(qFromLittleEndian<quint32>(wav.constData() + at + 4));
        } else if (id == "data") {
            const qsizetype bytes = qMin(size, wav.size() - at) / 2 * 2;
            pcm.samples.resize(bytes / 2);
            qFromLittleEndian<qint16>(wav.constData() + at, bytes / 2, pcm.samples.data());
            return pcm;
        }
        at += size + (size % 2);
    }
    return pcm;
}

Pcm speak(const QString &voice, const QString &text)
{
    QProcess espeak;
    espeak.start(u"espeak-ng"_s, { u"-v"_s, voice, u"-s"_s, u"150"_s, u"--stdout"_s, text });
    if (!espeak.waitForFinished(30000) || espeak.exitCode() != 0)
        return {};
    return readWav(espeak.readAllStandardOutput());
}

std::optional<SpokenCall> SpokenCall::speak(const QList<Line> &lines, int pauseMs, int leadMs)
{
    SpokenCall call;
    Pcm &audio = call.audio;
    QList<Placed> &placed = call.placed;
    for (const Line &line : lines) {
        Pcm spoken = test::speak(line.agent ? kAgentVoice : kProspectVoice, line.text);
        // Without espeak's own silence around the speech (some 400 ms at
        // the end): the line is placed where it is heard.
        const QList<qint16> &samples = spoken.samples;
        const auto heard = [](qint16 sample) { return qAbs(int(sample)) > 100; };
        const qsizetype first = std::find_if(samples.cbegin(), samples.cend(), heard) - samples.cbegin();
        const qsizetype last = std::find_if(samples.crbegin(), samples.crend(), heard) - samples.crbegin();
        spoken.samples = samples.mid(first, qMax<qsizetype>(0, samples.size() - first - last));
        if (spoken.samples.isEmpty() || (audio.rate && spoken.rate != audio.rate))
            return std::nullopt;
        if (!audio.rate) {
            audio.rate = spoken.rate;
            audio.appendSilence(leadMs);
        } else {
            audio.appendSilence(pauseMs);
        }
        Placed at{ line, audio.durationMs(), 0 };
        audio.samples.append(spoken.samples);
        at.endMs = audio.durationMs();
        placed.append(at);
    }
    audio.appendSilence(leadMs);
    return call;
}

} // namespace callos::test
