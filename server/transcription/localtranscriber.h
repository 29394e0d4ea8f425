#pragma once

#include "common/result.h"
#include "transcription/transcript.h"

namespace callos::server {

// Transcribes a recording file on this machine, blocking (job workers
// only). A refusal with code "transcription.cancelled" means the worker is
// stopping: the job runs again later; any other refusal is about the file
// and will not change.
class LocalTranscriber
{
public:
    virtual ~LocalTranscriber() = default;
    virtual Result<Transcript> transcribe(const QString &audioPath) = 0;
};

} // namespace callos::server
