#include "accounts/userdirectory.h"

#include "common/clock.h"
#include "common/idgenerator.h"
#include "storage/database.h"
#include "storage/sqlrows.h"
#include "storage/transaction.h"

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

const QString kColumns = u"id, email, display_name, role, disabled_at, mfa_enabled_at, created_at"_s;

std::optional<UserRecord> recordFrom(const SqlRows::Row &row)
{
    const std::optional<Role> role = roleFromName(row.at(3).toString());
    if (!role)
        return std::nullopt;
    UserRecord user;
    user.id = row.at(0).toString();
    user.email = row.at(1).toString();
    user.displayName = row.at(2).toString();
    user.role = *role;
    user.disabled = !row.at(4).isNull();
    user.mfaEnabled = !row.at(5).isNull();
    user.createdAt = row.at(6).toLongLong();
    return user;
}

Refusal unreadable(const QString &userId)
{
    return Refusal{ u"user.unreadable"_s, u"user %1 has a role this server does not know"_s.arg(userId) };
}

} // namespace

UserDirectory::UserDirectory(Database &database, const Clock &clock, IdGenerator &ids)
    : m_database(database)
    , m_clock(clock)
    , m_ids(ids)
{
}

Result<QList<UserRecord>> UserDirectory::list(const QString &orgId) const
{
    const Result<QList<SqlRows::Row>> rows = SqlRows::select(m_database, tr("reading the users"),
        u"SELECT %1 FROM users WHERE org_id = ? ORDER BY lower(email)"_s.arg(kColumns), { orgId });
    if (!rows)
        return rows.refusal();
    QList<UserRecord> users;
    for (const SqlRows::Row &row : rows.value()) {
        std::optional<UserRecord> user = recordFrom(row);
        if (!user)
            return unreadable(row.at(0).toString());
        users.append(std::move(*user));
    }
    return users;
}

Result<std::optional<UserRecord>> UserDirectory::find(const QString &orgId, const QString &userId) const
{
    const Result<std::optional<SqlRows::Row>> found = SqlRows::first(m_database, tr("reading the user"),
        u"SELECT %1 FROM users WHERE id = ? AND org_id = ?"_s.arg(kColumns), { userId, orgId });
    if (!found)
        return found.refusal();
    if (!found.value())
        return std::optional<UserRecord>();
    std::optional<UserRecord> user = recordFrom(*found.value());
    if (!user)
        return unreadable(userId);
    return user;
}

Result<UserRecord> UserDirectory::create(
    Transaction &transaction, const QString &orgId, const NewUser &user, const QString &passwordHash)
{
    // Checked inside the transaction for the clear message; the unique
    // index on the address is the fence. An address is one account across
    // all organisations, so the check looks past row-level security.
    const Result<QVariant> existing = [&] {
        const TenantScope::Entered system = m_database.tenantScope().enterSystem();
        return transaction.read(u"SELECT count(*) FROM users WHERE lower(email) = lower(?)"_s, { user.email });
    }();
    if (!existing)
        return existing.refusal();
    if (existing.value().toInt() > 0)
        return transaction.abort(
            Refusal{ u"user.email_taken"_s, tr("An account with the address %1 exists already.").arg(user.email) });
    UserRecord created;
    created.id = m_ids.nextId();
    created.email = user.email;
    created.displayName = user.displayName;
    created.role = user.role;
    created.createdAt = m_clock.nowMs();
    if (auto refusal = transaction.exec(u"INSERT INTO users (id, org_id, email, display_name, role, password_hash, "
                                        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
            { created.id, orgId, created.email, created.displayName, roleName(created.role), passwordHash,
                created.createdAt }))
        return *refusal;
    return created;
}

Result<UserDirectory::Changed> UserDirectory::update(
    Transaction &transaction, const QString &orgId, const QString &userId, const UserChange &change)
{
    // Changes to one organisation's users one after the other: two admins
    // demoting each other at the same moment must not both succeed. SQLite
    // serialises every write transaction already (BEGIN IMMEDIATE).
    if (m_database.backend() == DatabaseSettings::Backend::Postgresql) {
        const Result<QVariant> locked
            = transaction.read(u"SELECT org_id FROM organisations WHERE org_id = ? FOR UPDATE"_s, { orgId });
        if (!locked)
            return locked.refusal();
    }
    // Read on the transaction's connection, after the lock.
    const Result<std::optional<UserRecord>> found = find(orgId, userId);
    if (!found)
        return transaction.abort(found.refusal());
    if (!found.value())
        return transaction.abort(Refusal{ u"user.not_found"_s, tr("There is no such user.") });
    Changed changed{ *found.value(), *found.value() };
    UserRecord &after = changed.after;
    if (change.displayName)
        after.displayName = *change.displayName;
    if (change.role)
        after.role = *change.role;
    if (change.disabled)
        after.disabled = *change.disabled;

    const bool wasActiveAdmin = changed.before.role == Role::Admin && !changed.before.disabled;
    const bool isActiveAdmin = after.role == Role::Admin && !after.disabled;
    if (wasActiveAdmin && !isActiveAdmin) {
        const Result<QVariant> admins = transaction.read(
            u"SELECT count(*) FROM users WHERE org_id = ? AND role = 'admin' AND disabled_at IS NULL"_s, { orgId });
        if (!admins)
            return admins.refusal();
        if (admins.value().toInt() <= 1)
            return transaction.abort(Refusal{ u"user.last_admin"_s,
                tr("This is the organisation's last admin. Make someone else an admin first.") });
    }

    // Each column only when it changes: an unchanged display name may be
    // the empty default, which would bind as NULL.
    if (after.displayName != changed.before.displayName) {
        if (auto refusal = transaction.exec(u"UPDATE users SET display_name = ? WHERE id = ? AND org_id = ?"_s,
                { after.displayName, userId, orgId }))
            return *refusal;
    }
    if (after.role != changed.before.role) {
        if (auto refusal = transaction.exec(u"UPDATE users SET role = ? WHERE id = ? AND org_id = ?"_s,
                { roleName(after.role), userId, orgId }))
            return *refusal;
    }
    if (after.disabled != changed.before.disabled) {
        const QVariant disabledAt = after.disabled ? QVariant(m_clock.nowMs()) : QVariant(QMetaType(QMetaType::LongLong));
        if (auto refusal = transaction.exec(
                u"UPDATE users SET disabled_at = ? WHERE id = ? AND org_id = ?"_s, { disabledAt, userId, orgId }))
            return *refusal;
    }
    return changed;
}

} // namespace callos::server
