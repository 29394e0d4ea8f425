#include "api/auditroutes.h"

#include "api/queryreader.h"
#include "audit/auditlog.h"
#include "http/httprouter.h"

#include <QJsonArray>

#include <limits>

using namespace Qt::StringLiterals;

namespace callos::server {

AuditRoutes::AuditRoutes(AuditLog &audit) : m_audit(audit) { }

void AuditRoutes::addTo(HttpRouter &router)
{
    router.addSync(HttpExchange::Method::Get, u"/api/v1/audit"_s, { Access::Admin, 0 },
        [this](HttpExchange &exchange) { return read(exchange); });
}

ApiAnswer AuditRoutes::read(HttpExchange &exchange)
{
    // The same reader as the other lists, so a bad or unknown parameter gets
    // the same 400 request.invalid naming it.
    QueryReader query(exchange.query());
    const QString action = query.text(u"action"_s, kMaximumActionLength);
    // The next_before of the page read last; absent (0 below): the newest page.
    const qint64 before = query.optionalInteger(u"before"_s, 1, std::numeric_limits<qint64>::max()).value_or(0);
    const int limit = int(query.integer(u"limit"_s, 1, kMaximumLimit, kDefaultLimit));
    if (std::optional<ApiFailure> failure = query.finish())
        return std::move(*failure);

    const Result<AuditLog::Page> page = m_audit.read(exchange.principal().orgId, action, before, limit);
    if (!page)
        return ApiFailure::internal(page.refusal());
    QJsonArray entries;
    for (const AuditEntry &entry : page.value().entries) {
        entries.append(QJsonObject{ { u"id"_s, entry.id }, { u"at"_s, entry.at },
            { u"actor_user_id"_s, entry.actorUserId.isEmpty() ? QJsonValue() : QJsonValue(entry.actorUserId) },
            { u"action"_s, entry.action }, { u"target"_s, entry.target }, { u"details"_s, entry.details } });
    }
    return QHttpServerResponse(QJsonObject{ { u"entries"_s, entries },
        { u"next_before"_s, page.value().nextBeforeId > 0 ? QJsonValue(page.value().nextBeforeId) : QJsonValue() } });
}

} // namespace callos::server
