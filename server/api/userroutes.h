#pragma once

#include "http/httpexchange.h"

#include <QCoreApplication>
#include <QObject>

namespace callos::server {

class AuditLog;
class Database;
class HttpRouter;
class PasswordGenerator;
class PasswordHasher;
class SessionStore;
class UserDirectory;

// /api/v1/users, admins only, always within the admin's own organisation:
//   GET   /api/v1/users        -> {users:[{id, email, display_name, role, disabled, mfa_enabled, created_at}]}
//   POST  /api/v1/users {email, display_name, role, password?}
//                              -> 201 {user, generated_password?}
//   PATCH /api/v1/users/{id} {display_name?, role?, disabled?} -> {user}
// A user of another organisation is 404 user.not_found, like an unknown id.
// Disabling ends the user's sessions at once; the last enabled admin cannot
// be demoted or disabled (409 user.last_admin). New users, role changes and
// disabling or enabling are audited.
class UserRoutes : public QObject
{
    Q_OBJECT

public:
    UserRoutes(Database &database, UserDirectory &users, SessionStore &sessions, AuditLog &audit,
        const PasswordHasher &hasher, const PasswordGenerator &generator);

    void addTo(HttpRouter &router);

private:
    struct Creation;

    ApiAnswer list(HttpExchange &exchange);
    void create(const SharedExchange &exchange);
    void finishCreate(const SharedExchange &exchange, const Creation &creation, const Result<QString> &hash);
    ApiAnswer update(HttpExchange &exchange);

    Database &m_database;
    UserDirectory &m_users;
    SessionStore &m_sessions;
    AuditLog &m_audit;
    const PasswordHasher &m_hasher;
    const PasswordGenerator &m_generator;
};

} // namespace callos::server
