#include "storage/tenantscope.h"

#include "storage/storagerefusals.h"

#include <QSqlError>
#include <QSqlQuery>

#include <utility>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

// What callos.scope holds; the policies admit every row for "system" only.
QString settingFor(TenantScope::Scope::Kind kind)
{
    switch (kind) {
    case TenantScope::Scope::Kind::System:
        return u"system"_s;
    case TenantScope::Scope::Kind::Organisation:
        return u"organisation"_s;
    case TenantScope::Scope::Kind::None:
        break;
    }
    return u"none"_s;
}

} // namespace

TenantScope::Entered::Entered(TenantScope *owner, Scope previous) : m_owner(owner), m_previous(std::move(previous)) { }

TenantScope::Entered::Entered(Entered &&other) noexcept
    : m_owner(std::exchange(other.m_owner, nullptr))
    , m_previous(std::move(other.m_previous))
{
}

TenantScope::Entered::~Entered()
{
    if (m_owner)
        m_owner->restore(m_previous);
}

TenantScope::TenantScope(QSqlDatabase connection, DatabaseSettings::Backend backend)
    : m_connection(std::move(connection))
    , m_enforced(backend == DatabaseSettings::Backend::Postgresql)
{
}

TenantScope::~TenantScope() = default;

TenantScope::Entered TenantScope::enter(const Scope &scope)
{
    Scope previous = std::exchange(m_wanted, scope);
    // At once: statements prepared earlier run without taking the connection
    // from Database::connection() again. A failure is retried there.
    settle();
    return Entered(this, std::move(previous));
}

void TenantScope::restore(const Scope &previous)
{
    m_wanted = previous;
    // No scope admits nothing, so it may wait for the next statement; any
    // other scope is set now, as in enter().
    if (previous.kind != Scope::Kind::None)
        settle();
}

std::optional<Refusal> TenantScope::settle()
{
    if (m_applied == m_wanted)
        return std::nullopt;
    if (!m_enforced) {
        m_applied = m_wanted;
        return std::nullopt;
    }
    const auto failed = [](const QString &detail) {
        return Refusal{ u"storage.scope_failed"_s,
            tr("The database connection cannot be limited to the rows of the request: %1").arg(detail) };
    };
    if (!m_connection.isOpen())
        return failed(tr("the connection is closed"));
    if (!m_setConfig) {
        auto query = std::make_unique<QSqlQuery>(m_connection);
        query->setForwardOnly(true);
        // Session-wide (false): the scope outlives the transactions run in it.
        if (!query->prepare(
                u"SELECT set_config('callos.scope', ?, false), set_config('callos.org_id', ?, false)"_s))
            return failed(StorageRefusals::detail(query->lastError()));
        m_setConfig = std::move(query);
    }
    // Unknown until the statement says otherwise: a half-done change must
    // not pass for the old scope.
    m_applied.reset();
    m_setConfig->bindValue(0, settingFor(m_wanted.kind));
    // "" rather than a null QString, which would bind as NULL: no
    // organisation is an empty one, and the policies admit none for it.
    const QString orgId = m_wanted.kind == Scope::Kind::Organisation ? m_wanted.orgId : QString();
    m_setConfig->bindValue(1, orgId.isNull() ? u""_s : orgId);
    const bool done = m_setConfig->exec();
    const QSqlError error = m_setConfig->lastError();
    m_setConfig->finish();
    if (!done)
        return failed(StorageRefusals::detail(error));
    m_applied = m_wanted;
    return std::nullopt;
}

void TenantScope::release()
{
    m_setConfig.reset();
    forget();
}

Result<std::optional<QString>> TenantScope::roleBypassingFence() const
{
    if (!m_enforced)
        return std::optional<QString>();
    QSqlQuery query(m_connection);
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT current_user, rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user"_s)
        || !query.next())
        return Refusal{ u"storage.read_failed"_s,
            tr("Cannot tell whether the database role passes row-level security: %1")
                .arg(StorageRefusals::detail(query.lastError())) };
    if (!query.value(1).toBool())
        return std::optional<QString>();
    return std::optional<QString>(query.value(0).toString());
}

} // namespace callos::server
