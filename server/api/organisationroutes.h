#pragma once

#include "http/httpexchange.h"

#include <QCoreApplication>

namespace callos::server {

class AuditLog;
class Database;
class HttpRouter;

// /api/v1/organisation, admins only: the signed-in admin's organisation.
//   GET   /api/v1/organisation                    -> {org_id, name, created_at, require_mfa}
//   PATCH /api/v1/organisation {require_mfa: bool} -> the same, changed
// With require_mfa, a user without MFA still signs in, but that session may
// only use /api/v1/auth/* until MFA is confirmed (HttpServer answers every
// other route 403 auth.mfa_setup_required). A change is audited
// (config.require_mfa_changed).
class OrganisationRoutes
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::OrganisationRoutes)

public:
    OrganisationRoutes(Database &database, AuditLog &audit);

    void addTo(HttpRouter &router);

private:
    ApiAnswer read(HttpExchange &exchange);
    ApiAnswer update(HttpExchange &exchange);
    ApiResult<QJsonObject> organisationJson(const QString &orgId) const;

    Database &m_database;
    AuditLog &m_audit;
};

} // namespace callos::server
