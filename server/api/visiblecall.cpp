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

} // namespace callos::server
