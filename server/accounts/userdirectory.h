#pragma once

#include "accounts/role.h"
#include "common/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace callos {
class Clock;
class IdGenerator;
} // namespace callos

namespace callos::server {

class Database;
class Transaction;

// A user of an organisation as admins see it (never a hash or a secret).
struct UserRecord
{
    QString id;
    QString email;
    QString displayName;
    Role role = Role::Agent;
    bool disabled = false;
    bool mfaEnabled = false;
    qint64 createdAt = 0;
};

struct NewUser
{
    QString email; // normalised
    QString displayName;
    Role role = Role::Agent;
};

// What an admin changes of a user; absent fields stay as they are.
struct UserChange
{
    std::optional<QString> displayName;
    std::optional<Role> role;
    std::optional<bool> disabled;
};

// The users table of one organisation at a time: every read and write is
// fenced by the organisation, so a user id of another organisation is
// exactly as unknown as an id that never existed.
class UserDirectory
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::UserDirectory)

public:
    static constexpr int kMaximumDisplayNameLength = 200;

    UserDirectory(Database &database, const Clock &clock, IdGenerator &ids);

    Result<QList<UserRecord>> list(const QString &orgId) const;
    // std::nullopt: no such user in this organisation.
    Result<std::optional<UserRecord>> find(const QString &orgId, const QString &userId) const;

    // user.email_taken when any account (of any organisation: an address
    // signs in to one account) has the address.
    Result<UserRecord> create(
        Transaction &transaction, const QString &orgId, const NewUser &user, const QString &passwordHash);

    // The user before and after. user.not_found; user.last_admin when the
    // change would leave the organisation without an enabled admin.
    struct Changed
    {
        UserRecord before;
        UserRecord after;
    };
    Result<Changed> update(Transaction &transaction, const QString &orgId, const QString &userId, const UserChange &change);

private:
    Database &m_database;
    const Clock &m_clock;
    IdGenerator &m_ids;
};

} // namespace callos::server
