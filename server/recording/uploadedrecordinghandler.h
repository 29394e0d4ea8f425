#pragma once

#include "jobs/jobhandler.h"

#include <QCoreApplication>

namespace callos::server {

class RecordingHandoff;
class RecordingStore;
class Recordings;
class UploadedParts;

// The job "recording.upload" {recording_id}: a recording uploaded from the
// desktop has arrived whole in the staging folder (UploadRoutes); it goes
// into the recording store, and on to transcription (RecordingHandoff).
//
// Idempotent: a recording stored already only makes sure the transcription
// is queued. The part file lives on the node that took the upload; a
// worker of another node does not find it and gives up saying so.
class UploadedRecordingHandler final : public JobHandler
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::UploadedRecordingHandler)

public:
    static constexpr auto kKind = "recording.upload";

    UploadedRecordingHandler(Recordings &recordings, RecordingStore &store, UploadedParts &parts,
        RecordingHandoff &handoff);

    QString kind() const override { return QString::fromLatin1(kKind); }
    std::optional<JobFailure> run(const Job &job) override;

private:
    Recordings &m_recordings;
    RecordingStore &m_store;
    UploadedParts &m_parts;
    RecordingHandoff &m_handoff;
};

} // namespace callos::server
