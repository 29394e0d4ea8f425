#pragma once

#include "jobs/jobhandler.h"

#include <QCoreApplication>

namespace callos::server {

class RecordingDownload;
class RecordingHandoff;

// The job "recording.fetch" {recording_id, url, download_token?, file_type}:
// a Zoom cloud recording's audio, from Zoom's download URL with the
// webhook's download token as bearer (following redirects to the storage
// link), downloaded by RecordingDownload and handed on by RecordingHandoff
// (stored, then its transcription queued, in one transaction). A refused
// token ends the job: it lasts 24 h, and no retry brings it back.
//
// Idempotent: a recording already stored is only handed on again (the
// transcription stays one job).
class RecordingFetchHandler final : public JobHandler
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::RecordingFetchHandler)

public:
    static constexpr auto kKind = "recording.fetch";

    RecordingFetchHandler(RecordingDownload &download, RecordingHandoff &handoff);

    QString kind() const override { return QString::fromLatin1(kKind); }
    std::optional<JobFailure> run(const Job &job) override;

private:
    RecordingDownload &m_download;
    RecordingHandoff &m_handoff;
};

} // namespace callos::server
