#include "api/visiblecall.h"

#include "api/visibility.h"
#include "prospects/entityid.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace callos::server {

ApiFailure callNotFound()
{
    return ApiFailure::notFound(u"call.not_found"_s,
        QCoreApplication::translate("callos::server::CallRoutes", "There is no such call."));
}

ApiResult<CallRow> findVisibleCall(const CallRepository &calls, const Principal &who, const QString &id)
{
    if (!isEntityId(id))
        return callNotFound();
    const Result<std::optional<CallRow>> found = calls.find(who.orgId, id);
    if (!found)
        return ApiFailure::internal(found.refusal());
    if (!found.value() || !canSee(who, found.value()->agentUserId))
        return callNotFound();
    return *found.value();
}

ApiResult<RecordingRow> findVisibleRecording(
    const CallRepository &calls, Recordings &recordings, const Principal &who, const QString &id)
{
    const ApiFailure notFound = ApiFailure::notFound(u"recording.not_found"_s,
        QCoreApplication::translate("callos::server::ReviewRoutes", "There is no such recording."));
    if (!isEntityId(id))
        return notFound;
    const Result<std::optional<RecordingRow>> recording = recordings.find(id);
    if (!recording)
        return ApiFailure::internal(recording.refusal());
    if (!recording.value() || recording.value()->orgId != who.orgId)
        return notFound;
    if (!findVisibleCall(calls, who, recording.value()->callId))
        return notFound;
    return *recording.value();
}

} // namespace callos::server
