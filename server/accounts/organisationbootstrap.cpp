#include "accounts/organisationbootstrap.h"

#include "accounts/emailaddress.h"
#include "auth/passwordhasher.h"
#include "auth/passwordpolicy.h"
#include "common/clock.h"
#include "common/idgenerator.h"
#include "storage/database.h"
#include "storage/transaction.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace callos::server {

OrganisationBootstrap::OrganisationBootstrap(
    Database &database, const PasswordHasher &hasher, const Clock &clock, IdGenerator &ids)
    : m_database(database)
    , m_hasher(hasher)
    , m_clock(clock)
    , m_ids(ids)
{
}

Result<CreatedOrganisation> OrganisationBootstrap::create(const NewOrganisation &request, const QString &adminPassword)
{
    const QString name = request.name.simplified();
    if (name.isEmpty())
        return Refusal{ u"accounts.invalid_name"_s, tr("The organisation needs a name.") };
    if (name.size() > kMaximumNameLength)
        return Refusal{ u"accounts.invalid_name"_s,
            tr("The organisation name is too long (at most %1 characters).").arg(kMaximumNameLength) };
    const Result<QString> email = EmailAddress::normalise(request.adminEmail);
    if (!email)
        return email.refusal();
    if (auto refusal = PasswordPolicy::check(adminPassword))
        return *refusal;
    // Hashed before the transaction: it takes a while and needs no lock.
    const Result<QString> hash = m_hasher.hash(adminPassword);
    if (!hash)
        return hash.refusal();

    CreatedOrganisation created;
    created.orgId = m_ids.nextId();
    created.name = name;
    created.adminUserId = m_ids.nextId();
    created.adminEmail = email.value();
    const qint64 now = m_clock.nowMs();

    Transaction transaction(m_database, tr("Creating organisation \"%1\"").arg(name));
    if (auto refusal = transaction.begin())
        return *refusal;
    // Checked inside the transaction so the answer holds until COMMIT; the
    // unique index is the fence, this check gives the clear message.
    const Result<QVariant> existing
        = transaction.read(u"SELECT count(*) FROM organisations WHERE lower(name) = lower(?)"_s, { name });
    if (!existing)
        return existing.refusal();
    if (existing.value().toInt() > 0)
        return transaction.abort(Refusal{ u"accounts.duplicate_organisation"_s,
            tr("An organisation named \"%1\" already exists.").arg(name) });

    if (auto refusal = transaction.exec(
            u"INSERT INTO organisations (org_id, name, created_at) VALUES (?, ?, ?)"_s, { created.orgId, name, now }))
        return *refusal;
    if (auto refusal = transaction.exec(u"INSERT INTO users (id, org_id, email, role, password_hash, created_at) "
                                        "VALUES (?, ?, ?, 'admin', ?, ?)"_s,
            { created.adminUserId, created.orgId, created.adminEmail, hash.value(), now }))
        return *refusal;
    // The row says who and what, never the password or its hash.
    const QJsonObject details{ { u"name"_s, name }, { u"admin_user_id"_s, created.adminUserId },
        { u"admin_email"_s, created.adminEmail }, { u"via"_s, u"cli"_s } };
    if (auto refusal = transaction.exec(
            u"INSERT INTO audit_log (org_id, actor_user_id, action, target, at, json) VALUES (?, NULL, ?, ?, ?, ?)"_s,
            { created.orgId, u"organisation.created"_s, created.orgId, now,
                QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact)) }))
        return *refusal;
    if (auto refusal = transaction.commit())
        return *refusal;
    return created;
}

} // namespace callos::server
