#pragma once

#include "accounts/neworganisation.h"
#include "common/result.h"

#include <QCoreApplication>

namespace callos {
class Clock;
class IdGenerator;
} // namespace callos

namespace callos::server {

class Database;
class PasswordHasher;

// Creates an organisation with its first admin, in one transaction with its
// audit_log row: either all three exist afterwards or none does.
class OrganisationBootstrap
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::OrganisationBootstrap)

public:
    static constexpr int kMaximumNameLength = 200;

    OrganisationBootstrap(Database &database, const PasswordHasher &hasher, const Clock &clock, IdGenerator &ids);

    // Refuses a blank or duplicate name (regardless of case), a bad email and
    // a password the policy refuses, each with its own code.
    Result<CreatedOrganisation> create(const NewOrganisation &request, const QString &adminPassword);

private:
    Database &m_database;
    const PasswordHasher &m_hasher;
    const Clock &m_clock;
    IdGenerator &m_ids;
};

} // namespace callos::server
