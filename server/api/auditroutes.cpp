#include "api/auditroutes.h"

#include "audit/auditlog.h"
#include "http/httprouter.h"
#include "json/validationerrors.h"

#include <QJsonArray>

#include <limits>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

// A whole number from `minimum` to `maximum` in plain ASCII digits.
std::optional<qint64> wholeNumber(const QString &text, qint64 minimum, qint64 maximum)
{
    if (text.isEmpty() || text.size() > 18)
        return std::nullopt;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
    }
    const qint64 value = text.toLongLong();
    if (value < minimum || value > maximum)
        return std::nullopt;
    return value;
}

} // namespace

AuditRoutes::AuditRoutes(AuditLog &audit) : m_audit(audit) { }

void AuditRoutes::addTo(HttpRouter &router)
{
    router.addSync(HttpExchange::Method::Get, u"/api/v1/audit"_s, { Access::Admin, 0 },
        [this](HttpExchange &exchange) { return read(exchange); });
}

ApiAnswer AuditRoutes::read(HttpExchange &exchange)
{
    const QUrlQuery &query = exchange.query();
    ValidationErrors errors{ QString() };
    const auto value = [&query](const QString &key) { return query.queryItemValue(key, QUrl::FullyDecoded); };
    for (const auto &[key, unused] : query.queryItems()) {
        Q_UNUSED(unused)
        if (key != u"action" && key != u"before" && key != u"limit")
            errors.add(key, tr("unknown parameter (expected action, before, limit)"));
    }
    const QString action = value(u"action"_s);
    if (action.size() > kMaximumActionLength)
        errors.add(u"action"_s, tr("at most %1 characters").arg(kMaximumActionLength));
    qint64 before = 0;
    if (query.hasQueryItem(u"before"_s)) {
        const std::optional<qint64> number
            = wholeNumber(value(u"before"_s), 1, std::numeric_limits<qint64>::max());
        if (number)
            before = *number;
        else
            errors.add(u"before"_s, tr("must be a whole number of at least 1 (the next_before of a page)"));
    }
    int limit = kDefaultLimit;
    if (query.hasQueryItem(u"limit"_s)) {
        const std::optional<qint64> number = wholeNumber(value(u"limit"_s), 1, kMaximumLimit);
        if (number)
            limit = int(*number);
        else
            errors.add(u"limit"_s, tr("must be a whole number from 1 to %1").arg(kMaximumLimit));
    }
    if (!errors.isEmpty())
        return ApiFailure::invalid(errors);

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
