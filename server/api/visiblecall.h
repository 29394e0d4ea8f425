#pragma once

#include "calls/callrepository.h"
#include "http/apifailure.h"
#include "recording/recordings.h"
#include "sessions/principal.h"

namespace callos::server {

// 404 call.not_found: also what a call one may not see answers.
ApiFailure callNotFound();

// The call `id` when `who` may see it (an agent their own, a manager or an
// admin the organisation's); otherwise 404 as for no call at all.
ApiResult<CallRow> findVisibleCall(const CallRepository &calls, const Principal &who, const QString &id);

// The recording `id` when `who` may see its call; otherwise 404
// recording.not_found, as for no recording at all.
ApiResult<RecordingRow> findVisibleRecording(
    const CallRepository &calls, Recordings &recordings, const Principal &who, const QString &id);

} // namespace callos::server
