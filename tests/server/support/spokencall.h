#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace callos::test {

// Two espeak-ng voices far apart in pitch (measured: 101 and 197 Hz):
// the agent the Klatt synthesiser's male voice, which pocketsphinx's
// generic model understands best of espeak's, the prospect the female
// variant f2.
extern const QString kAgentVoice;
extern const QString kProspectVoice;

// One line of a call, said by the agent or the prospect.
struct Line
{
    bool agent = true;
    QString text;
};

// Audio as the test makes it: mono 16-bit samples.
struct Pcm
{
    int rate = 0;
    QList<qint16> samples;

    qint64 durationMs() const { return rate ? qint64(samples.size()) * 1000 / rate : 0; }
    void appendSilence(int ms) { samples.resize(samples.size() + qsizetype(qint64(rate) * ms / 1000)); }
};

// Where each line of the call lies in the recording.
struct Placed
{
    Line line;
    qint64 startMs = 0;
    qint64 endMs = 0;
};

QByteArray wavFile(const Pcm &pcm);
// The samples of a 16-bit mono WAV as espeak-ng writes it.
Pcm readWav(const QByteArray &wav);
// `text` said by espeak-ng in `voice`; empty when espeak-ng fails.
Pcm speak(const QString &voice, const QString &text);

// A sales call spoken by espeak-ng, the agent and the prospect in their
// two voices, `pauseMs` of silence between the turns and `leadMs` before
// and after: real speech for the offline transcription's tests.
struct SpokenCall
{
    Pcm audio;
    QList<Placed> placed;

    // std::nullopt when espeak-ng is missing or fails.
    static std::optional<SpokenCall> speak(const QList<Line> &lines, int pauseMs, int leadMs);
};

} // namespace callos::test
