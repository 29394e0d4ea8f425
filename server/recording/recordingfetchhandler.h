#pragma once

#include "jobs/jobhandler.h"

#include <QCoreApplication>

namespace callos::server {

class RecordingIntake;

// The job "recording.fetch" {recording_id, url, download_token?, file_type}:
// a Zoom cloud recording's audio, from Zoom's download URL with the
// webhook's download token as bearer (following redirects to the storage
// link), taken in by RecordingIntake (stored, then its transcription
// queued). A refused token ends the job: it lasts 24 h, and no retry
// brings it back.
class RecordingFetchHandler final : public JobHandler
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::RecordingFetchHandler)

public:
    static constexpr auto kKind = "recording.fetch";

    explicit RecordingFetchHandler(RecordingIntake &intake);

    QString kind() const override { return QString::fromLatin1(kKind); }
    std::optional<JobFailure> run(const Job &job) override;

private:
    RecordingIntake &m_intake;
};

} // namespace callos::server
