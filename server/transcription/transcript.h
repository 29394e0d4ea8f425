#pragma once

#include <QList>
#include <QString>

namespace callos::server {

// One recognised word, its times in ms from the start of the recording.
struct TranscriptWord
{
    QString text;
    qint64 startMs = 0;
    qint64 endMs = 0;
    double confidence = 0; // 0..1

    bool operator==(const TranscriptWord &) const = default;
};

// What one speaker said without pause, as AssemblyAI's utterances.
struct Utterance
{
    QString speaker; // "A", "B", ... (who is the agent is decided later)
    qint64 startMs = 0;
    qint64 endMs = 0;
    QString text;
    double confidence = 0; // 0..1
    QList<TranscriptWord> words;

    bool operator==(const Utterance &) const = default;
};

// A recording's transcript, whichever engine made it.
struct Transcript
{
    // "assemblyai" or "pocketsphinx" (offline): shown in the app, so an
    // agent knows how far to trust it.
    QString engine;
    QString language; // "en", "en_us", ...
    qint64 durationMs = 0; // of the audio
    QList<Utterance> utterances; // in time order

    bool operator==(const Transcript &) const = default;
};

} // namespace callos::server
