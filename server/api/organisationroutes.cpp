#include "api/organisationroutes.h"

#include "audit/auditlog.h"
#include "http/httprouter.h"
#include "http/jsonrequest.h"
#include "storage/database.h"
#include "storage/sqlrows.h"
#include "storage/transaction.h"

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

struct OrganisationChange
{
    std::optional<bool> requireMfa;
};

} // namespace

OrganisationRoutes::OrganisationRoutes(Database &database, AuditLog &audit) : m_database(database), m_audit(audit) { }

void OrganisationRoutes::addTo(HttpRouter &router)
{
    using Method = HttpExchange::Method;
    router.addSync(Method::Get, u"/api/v1/organisation"_s, { Access::Admin, 0 },
        [this](HttpExchange &exchange) { return read(exchange); });
    router.addSync(Method::Patch, u"/api/v1/organisation"_s, { Access::Admin, 4 * 1024 },
        [this](HttpExchange &exchange) { return update(exchange); });
}

ApiResult<QJsonObject> OrganisationRoutes::organisationJson(const QString &orgId) const
{
    const Result<std::optional<SqlRows::Row>> found = SqlRows::first(m_database, tr("reading the organisation"),
        u"SELECT name, created_at, require_mfa FROM organisations WHERE org_id = ?"_s, { orgId });
    if (!found)
        return ApiFailure::internal(found.refusal());
    if (!found.value())
        return ApiFailure::notFound(u"organisation.not_found"_s, tr("Your organisation no longer exists."));
    const SqlRows::Row &row = *found.value();
    return QJsonObject{ { u"org_id"_s, orgId }, { u"name"_s, row.at(0).toString() },
        { u"created_at"_s, row.at(1).toLongLong() }, { u"require_mfa"_s, row.at(2).toBool() } };
}

ApiAnswer OrganisationRoutes::read(HttpExchange &exchange)
{
    const ApiResult<QJsonObject> organisation = organisationJson(exchange.principal().orgId);
    if (!organisation)
        return organisation.failure();
    return QHttpServerResponse(organisation.value());
}

ApiAnswer OrganisationRoutes::update(HttpExchange &exchange)
{
    const ApiResult<OrganisationChange> request
        = readJsonBody<OrganisationChange>(exchange, [](JsonObjectReader &reader) {
              OrganisationChange read;
              const std::optional<JsonNode> requireMfa = reader.node(u"require_mfa"_s, Presence::Required);
              if (requireMfa) {
                  if (requireMfa->value.isBool())
                      read.requireMfa = requireMfa->value.toBool();
                  else
                      reader.addError(u"require_mfa"_s, tr("must be true or false"));
              }
              return read;
          });
    if (!request)
        return request.failure();
    const Principal &who = exchange.principal();
    Transaction transaction(m_database, tr("Changing the organisation's settings"));
    if (auto refusal = transaction.begin())
        return ApiFailure::internal(*refusal);
    const Result<QVariant> current
        = transaction.read(u"SELECT require_mfa FROM organisations WHERE org_id = ?"_s, { who.orgId });
    if (!current)
        return ApiFailure::internal(current.refusal());
    if (!current.value().isValid())
        return ApiFailure::notFound(u"organisation.not_found"_s, tr("Your organisation no longer exists."));
    const bool before = current.value().toBool();
    const bool after = *request.value().requireMfa;
    if (before != after) {
        if (auto refusal = transaction.exec(
                u"UPDATE organisations SET require_mfa = ? WHERE org_id = ?"_s, { after, who.orgId }))
            return ApiFailure::internal(*refusal);
        if (auto refusal = m_audit.record(transaction, AuditEntry{ who.orgId, who.userId,
                                                           u"config.require_mfa_changed"_s, who.orgId,
                                                           QJsonObject{ { u"from"_s, before }, { u"to"_s, after } } }))
            return ApiFailure::internal(*refusal);
    }
    if (auto refusal = transaction.commit())
        return ApiFailure::internal(*refusal);
    const ApiResult<QJsonObject> organisation = organisationJson(who.orgId);
    if (!organisation)
        return organisation.failure();
    return QHttpServerResponse(organisation.value());
}

} // namespace callos::server
