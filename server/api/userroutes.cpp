#include "api/userroutes.h"

#include "accounts/emailaddress.h"
#include "accounts/userdirectory.h"
#include "audit/auditlog.h"
#include "auth/passwordgenerator.h"
#include "auth/passwordhasher.h"
#include "auth/passwordpolicy.h"
#include "http/httprouter.h"
#include "http/jsonrequest.h"
#include "sessions/sessionstore.h"
#include "storage/database.h"
#include "storage/transaction.h"

#include <QJsonArray>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

constexpr int kMaximumPasswordLength = 1024;

QJsonObject userJson(const UserRecord &user)
{
    return QJsonObject{ { u"id"_s, user.id }, { u"email"_s, user.email }, { u"display_name"_s, user.displayName },
        { u"role"_s, roleName(user.role) }, { u"disabled"_s, user.disabled }, { u"mfa_enabled"_s, user.mfaEnabled },
        { u"created_at"_s, user.createdAt } };
}

std::optional<QString> readDisplayName(JsonObjectReader &reader, Presence presence)
{
    const std::optional<QString> text = reader.string(u"display_name"_s, presence);
    if (!text)
        return std::nullopt;
    const QString name = text->simplified();
    if (name.size() > UserDirectory::kMaximumDisplayNameLength) {
        reader.addError(u"display_name"_s,
            UserRoutes::tr("at most %1 characters").arg(UserDirectory::kMaximumDisplayNameLength));
        return std::nullopt;
    }
    return name;
}

std::optional<Role> readRole(JsonObjectReader &reader, Presence presence)
{
    const std::optional<QString> text = reader.string(u"role"_s, presence);
    if (!text)
        return std::nullopt;
    const std::optional<Role> role = roleFromName(*text);
    if (!role)
        reader.addError(u"role"_s, UserRoutes::tr("must be one of agent, manager, admin"));
    return role;
}

ApiFailure userNotFound()
{
    return ApiFailure::notFound(u"user.not_found"_s, UserRoutes::tr("There is no such user."));
}

} // namespace

struct UserRoutes::Creation
{
    NewUser user;
    QString password;
    bool generated = false;
};

UserRoutes::UserRoutes(Database &database, UserDirectory &users, SessionStore &sessions, AuditLog &audit,
    const PasswordHasher &hasher, const PasswordGenerator &generator)
    : m_database(database)
    , m_users(users)
    , m_sessions(sessions)
    , m_audit(audit)
    , m_hasher(hasher)
    , m_generator(generator)
{
}

void UserRoutes::addTo(HttpRouter &router)
{
    using Method = HttpExchange::Method;
    router.addSync(Method::Get, u"/api/v1/users"_s, { Access::Admin, 0 },
        [this](HttpExchange &exchange) { return list(exchange); });
    router.add(Method::Post, u"/api/v1/users"_s, { Access::Admin, 8 * 1024 },
        [this](const SharedExchange &exchange) { create(exchange); });
    router.addSync(Method::Patch, u"/api/v1/users/{id}"_s, { Access::Admin, 4 * 1024 },
        [this](HttpExchange &exchange) { return update(exchange); });
}

ApiAnswer UserRoutes::list(HttpExchange &exchange)
{
    const Result<QList<UserRecord>> users = m_users.list(exchange.principal().orgId);
    if (!users)
        return ApiFailure::internal(users.refusal());
    QJsonArray items;
    for (const UserRecord &user : users.value())
        items.append(userJson(user));
    return QHttpServerResponse(QJsonObject{ { u"users"_s, items } });
}

void UserRoutes::create(const SharedExchange &exchange)
{
    ApiResult<Creation> request = readJsonBody<Creation>(*exchange, [](JsonObjectReader &reader) {
        Creation read;
        if (const std::optional<QString> email = reader.string(u"email"_s)) {
            const Result<QString> normalised = EmailAddress::normalise(*email);
            if (normalised)
                read.user.email = normalised.value();
            else
                reader.addError(u"email"_s, normalised.refusal().message);
        }
        read.user.displayName = readDisplayName(reader, Presence::Required).value_or(QString());
        read.user.role = readRole(reader, Presence::Required).value_or(Role::Agent);
        read.password = reader.string(u"password"_s, Presence::Optional).value_or(QString());
        if (read.password.size() > kMaximumPasswordLength)
            reader.addError(u"password"_s, tr("at most %1 characters").arg(kMaximumPasswordLength));
        else if (!read.password.isEmpty()) {
            if (auto weak = PasswordPolicy::check(read.password))
                reader.addError(u"password"_s, weak->message);
        }
        return read;
    });
    if (!request) {
        exchange->reply(request.failure());
        return;
    }
    Creation creation = std::move(request).value();
    if (creation.password.isEmpty()) {
        // Shown to the admin once, to hand over; the user changes it.
        creation.password = m_generator.generate();
        creation.generated = true;
    }
    // A holder with a default value: what a QFuture carries is default-constructed first.
    struct Hashed
    {
        Result<QString> hash = Refusal{};
    };
    const PasswordHasher &hasher = m_hasher;
    QtConcurrent::run([&hasher, password = creation.password]() { return Hashed{ hasher.hash(password) }; })
        .then(this, [this, exchange, creation](const Hashed &hashed) {
            // Other requests ran while the password was hashed: this one's scope again.
            const TenantScope::Entered scope = exchange->enterScope();
            finishCreate(exchange, creation, hashed.hash);
        });
}

void UserRoutes::finishCreate(const SharedExchange &exchange, const Creation &creation, const Result<QString> &hash)
{
    if (!hash) {
        exchange->reply(ApiFailure::internal(hash.refusal()));
        return;
    }
    const Principal &who = exchange->principal();
    Transaction transaction(m_database, tr("Adding user %1").arg(creation.user.email));
    if (auto refusal = transaction.begin()) {
        exchange->reply(ApiFailure::internal(*refusal));
        return;
    }
    const Result<UserRecord> created = m_users.create(transaction, who.orgId, creation.user, hash.value());
    if (!created) {
        if (created.refusal().code == u"user.email_taken")
            exchange->reply(ApiFailure::conflict(created.refusal().code, created.refusal().message));
        else
            exchange->reply(ApiFailure::internal(created.refusal()));
        return;
    }
    if (auto refusal = m_audit.record(transaction, AuditEntry{ who.orgId, who.userId, u"user.created"_s,
                                                       created.value().id,
                                                       QJsonObject{ { u"email"_s, created.value().email },
                                                           { u"role"_s, roleName(created.value().role) },
                                                           { u"password"_s, creation.generated ? u"generated"_s
                                                                                               : u"given"_s } } })) {
        exchange->reply(ApiFailure::internal(*refusal));
        return;
    }
    if (auto refusal = transaction.commit()) {
        exchange->reply(ApiFailure::internal(*refusal));
        return;
    }
    QJsonObject answer{ { u"user"_s, userJson(created.value()) } };
    if (creation.generated)
        answer.insert(u"generated_password"_s, creation.password);
    exchange->reply(QHttpServerResponse(answer, QHttpServerResponse::StatusCode::Created));
}

ApiAnswer UserRoutes::update(HttpExchange &exchange)
{
    const ApiResult<UserChange> request = readJsonBody<UserChange>(exchange, [](JsonObjectReader &reader) {
        UserChange read;
        if (reader.has(u"display_name"_s))
            read.displayName = readDisplayName(reader, Presence::Optional);
        if (reader.has(u"role"_s))
            read.role = readRole(reader, Presence::Optional);
        if (reader.has(u"disabled"_s)) {
            const std::optional<JsonNode> node = reader.node(u"disabled"_s, Presence::Optional);
            if (node && node->value.isBool())
                read.disabled = node->value.toBool();
            else
                reader.addError(u"disabled"_s, tr("must be true or false"));
        }
        if (!reader.has(u"display_name"_s) && !reader.has(u"role"_s) && !reader.has(u"disabled"_s))
            reader.addError(QString(), tr("give at least one of display_name, role, disabled"));
        return read;
    });
    if (!request)
        return request.failure();
    const Principal &who = exchange.principal();
    const QString userId = exchange.param(0);
    Transaction transaction(m_database, tr("Changing a user"));
    if (auto refusal = transaction.begin())
        return ApiFailure::internal(*refusal);
    const Result<UserDirectory::Changed> changed = m_users.update(transaction, who.orgId, userId, request.value());
    if (!changed) {
        const Refusal &why = changed.refusal();
        if (why.code == u"user.not_found")
            return userNotFound();
        if (why.code == u"user.last_admin")
            return ApiFailure::conflict(why.code, why.message);
        return ApiFailure::internal(why);
    }
    const UserRecord &before = changed.value().before;
    const UserRecord &after = changed.value().after;
    std::optional<Refusal> refusal;
    if (before.role != after.role)
        refusal = m_audit.record(transaction, AuditEntry{ who.orgId, who.userId, u"user.role_changed"_s, after.id,
                                                  QJsonObject{ { u"from"_s, roleName(before.role) },
                                                      { u"to"_s, roleName(after.role) } } });
    if (!refusal && before.disabled != after.disabled) {
        // A disabled user's sessions end now, not at their next expiry.
        if (after.disabled)
            refusal = m_sessions.revokeAllOf(transaction, who.orgId, after.id, QString());
        if (!refusal)
            refusal = m_audit.record(transaction, AuditEntry{ who.orgId, who.userId,
                                                      after.disabled ? u"user.disabled"_s : u"user.enabled"_s,
                                                      after.id, QJsonObject{ { u"email"_s, after.email } } });
    }
    if (!refusal)
        refusal = transaction.commit();
    if (refusal)
        return ApiFailure::internal(*refusal);
    return QHttpServerResponse(QJsonObject{ { u"user"_s, userJson(after) } });
}

} // namespace callos::server
