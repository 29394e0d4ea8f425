#pragma once

#include "transcription/transcript.h"

#include <QJsonArray>

#include <optional>

namespace callos {
class ValidationErrors;
}

namespace callos::server {

// The utterances as the transcripts table keeps them and the API shows
// them: [{speaker, start, end, text, confidence, words: [[text, start,
// end, confidence], ...]}] (words as arrays: an hour has ten thousand).
class TranscriptJson
{
public:
    static QJsonArray utterancesToJson(const QList<Utterance> &utterances);
    // Each problem goes to `errors` with its path; then std::nullopt.
    static std::optional<QList<Utterance>> utterancesFromJson(const QJsonArray &json, ValidationErrors &errors);
};

} // namespace callos::server
