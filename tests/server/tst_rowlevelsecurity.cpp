// Row-level security, the second fence behind every query's "WHERE org_id =
// ?" (migration 003, TenantScope), on a real PostgreSQL that the server
// reaches as an ordinary role, as a deployment should: two organisations are
// filled through the API; then, on a connection of the test's own as that
// role, each organisation's scope shows that organisation's rows only, no
// scope shows none, and another organisation's rows cannot be written. The
// server's own Database in one organisation's scope sees that organisation
// only, also for a query with no filter at all. Requests that finish on a
// worker thread keep their scope while others run in between. A server
// connected as a superuser (whom the fence does not stop) warns at startup.
//
// SQLite has no row-level security: there, migration 003 is applied and the
// same API flows work unchanged.
#include "apiharness.h"
#include "callevents.h"
#include "callharness.h"
#include "playbook/playbookloader.h"
#include "sqlconnection.h"
#include "storage/sqlrows.h"
#include "storage/transaction.h"
#include "testdatabases.h"
#include "testpaths.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::server;
using namespace callos::test;

namespace {

// Every table that holds an organisation's rows: migration 003 fences each.
const QStringList kTenantTables { u"organisations"_s, u"users"_s, u"sessions"_s, u"mfa_recovery_codes"_s,
    u"prospects"_s, u"call_threads"_s, u"calls"_s, u"call_events"_s, u"call_milestones"_s, u"call_objections"_s,
    u"slide_instances"_s, u"share_links"_s, u"org_settings"_s, u"audit_log"_s, u"jobs"_s, u"recordings"_s,
    u"transcripts"_s, u"prompt_layers"_s, u"analyses"_s, u"meeting_bots"_s, u"meeting_bot_events"_s };

bool isPostgres()
{
    return TestDatabases::currentBackend() == DatabaseSettings::Backend::Postgresql;
}

// What a server connected as the ordinary role would set, on a connection
// of the test's own.
bool enterOrganisation(SqlConnection &connection, const QString &orgId)
{
    return connection.exec(
        u"SELECT set_config('callos.scope', 'organisation', false), set_config('callos.org_id', '%1', false)"_s.arg(
            orgId));
}

QStringList column(const QList<QVariantList> &rows)
{
    QStringList values;
    for (const QVariantList &row : rows)
        values.append(row.value(0).toString());
    return values;
}

// One organisation as the API filled it.
struct Tenant
{
    QString orgId;
    SeededUser admin;
    QString adminToken;
    SeededUser agent; // made through POST /api/v1/users
    QString agentToken;
    QString callId;
};

struct TwoTenants
{
    Tenant acme;
    Tenant globex;
};

} // namespace

class TestRowLevelSecurity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void everyTenantTableIsFenced_data() { TestDatabases::addBackendRows(); }
    void everyTenantTableIsFenced();
    void eachScopeSeesItsOwnRows_data() { TestDatabases::addBackendRows(); }
    void eachScopeSeesItsOwnRows();
    void anotherOrganisationsRowsCannotBeWritten();
    void serverQueriesWithoutFilterSeeOneOrganisation();
    void handlersOnWorkerThreadsKeepTheirScope_data() { TestDatabases::addBackendRows(); }
    void handlersOnWorkerThreadsKeepTheirScope();
    void eventIdsOfAnotherOrganisationAreRefused_data() { TestDatabases::addBackendRows(); }
    void eventIdsOfAnotherOrganisationAreRefused();
    void emailOfAnotherOrganisationIsTaken_data() { TestDatabases::addBackendRows(); }
    void emailOfAnotherOrganisationIsTaken();
    void superuserIsWarnedAtStartup();

private:
    // A fresh database of `backend` with the whole server on it.
    void start(DatabaseSettings::Backend backend);
    // An organisation with an admin, an agent added through the API, and
    // a finished call of the agent's (prospect, call, events).
    Tenant addTenant(const QString &name, const QString &prefix);
    // The server on `backend` with Acme and Globex in it; std::nullopt when
    // that failed (the test has failed then).
    std::optional<TwoTenants> startWithTwoTenants(DatabaseSettings::Backend backend);
    // Rows the API does not make in these flows, one per organisation, so
    // every tenant table has rows of both.
    void addRowsTheApiDoesNotMake(const Tenant &tenant);
    QList<CallEvent> finishedCall() const;

    Playbook m_playbook;
    std::unique_ptr<TestDatabases> m_databases;
    DatabaseSettings m_settings;
    std::unique_ptr<ApiHarness> m_api;
};

void TestRowLevelSecurity::initTestCase()
{
    Validated<Playbook> loaded = PlaybookLoader::loadFile(defaultPlaybookPath());
    QVERIFY2(loaded.ok(), qPrintable(loaded.messages().join(u'\n')));
    m_playbook = *loaded.value;
}

void TestRowLevelSecurity::init()
{
    m_databases = std::make_unique<TestDatabases>();
}

void TestRowLevelSecurity::cleanup()
{
    m_api.reset();
    m_databases.reset();
}

void TestRowLevelSecurity::start(DatabaseSettings::Backend backend)
{
    const auto created = m_databases->create(backend);
    QVERIFY2(created.ok(), TestDatabases::why(created).constData());
    m_settings = created.value();
    m_api = std::make_unique<ApiHarness>(m_settings);
    QVERIFY2(m_api->isReady(), qPrintable(m_api->why()));
}

QList<CallEvent> TestRowLevelSecurity::finishedCall() const
{
    CallHarness call(m_playbook);
    if (!call.begin() || !call.runToDecision() || !call.session().recordDecision(DecisionOption::Proceed)
        || !call.fillMilestone(call.state().current) || !call.session().completeCall())
        return {};
    return call.events();
}

std::optional<TwoTenants> TestRowLevelSecurity::startWithTwoTenants(DatabaseSettings::Backend backend)
{
    start(backend);
    if (QTest::currentTestFailed())
        return std::nullopt;
    TwoTenants tenants{ addTenant(u"Acme"_s, u"a-"_s), addTenant(u"Globex"_s, u"g-"_s) };
    if (QTest::currentTestFailed())
        return std::nullopt;
    return tenants;
}

Tenant TestRowLevelSecurity::addTenant(const QString &name, const QString &prefix)
{
    Tenant tenant;
    const ApiHarness::Organisation organisation = m_api->addOrganisation(name);
    tenant.orgId = organisation.orgId;
    tenant.admin = organisation.admin;
    tenant.adminToken = m_api->signIn(tenant.admin);
    [&] { QVERIFY(!tenant.adminToken.isEmpty()); }();
    if (QTest::currentTestFailed())
        return tenant;

    const QString email = u"agent@%1.example"_s.arg(name.toLower());
    const ApiReply created = m_api->post(u"/api/v1/users"_s,
        QJsonObject{ { u"email"_s, email }, { u"display_name"_s, QString(name + u" Agent"_s) }, { u"role"_s, u"agent"_s },
            { u"password"_s, ApiHarness::seededPassword() } },
        tenant.adminToken);
    [&] { QVERIFY2(created.status == 201, created.body.constData()); }();
    if (QTest::currentTestFailed())
        return tenant;
    tenant.agent = SeededUser{ created.json[u"user"_s][u"id"_s].toString(), tenant.orgId, email,
        ApiHarness::seededPassword(), Role::Agent };
    tenant.agentToken = m_api->signIn(tenant.agent);
    [&] { QVERIFY(!tenant.agentToken.isEmpty()); }();
    if (QTest::currentTestFailed())
        return tenant;

    const QList<CallEvent> events = finishedCall();
    [&] { QVERIFY(!events.isEmpty()); }();
    if (QTest::currentTestFailed())
        return tenant;
    tenant.callId = registerCall(*m_api, tenant.agentToken, prefix, events);
    const ApiReply pushed
        = m_api->post(u"/api/v1/events"_s, QJsonObject{ { u"events"_s, envelopes(events, prefix) } }, tenant.agentToken);
    [&] {
        QVERIFY2(pushed.status == 200, pushed.body.constData());
        QCOMPARE(pushed.json[u"refused"_s].toArray(), QJsonArray());
        QCOMPARE(pushed.json[u"accepted"_s].toArray().size(), events.size());
    }();
    return tenant;
}

void TestRowLevelSecurity::addRowsTheApiDoesNotMake(const Tenant &tenant)
{
    Transaction transaction(m_api->database(), u"test rows"_s);
    QVERIFY(!transaction.begin());
    const qint64 now = m_api->clock().nowMs();
    // The whole id: the first digits of time-ordered ids made in the same
    // millisecond are the same.
    const QString suffix = tenant.orgId;
    QVERIFY(!transaction.exec(u"INSERT INTO mfa_recovery_codes (id, org_id, user_id, code_hash, created_at) "
                              "VALUES (?, ?, ?, ?, ?)"_s,
        { QString(u"code-"_s + suffix), tenant.orgId, tenant.agent.id, u"hash"_s, now }));
    QVERIFY(!transaction.exec(u"INSERT INTO share_links (id, org_id, call_id, token_hash, created_by, created_at) "
                              "VALUES (?, ?, ?, ?, ?, ?)"_s,
        { QString(u"link-"_s + suffix), tenant.orgId, tenant.callId, QString(u"token-"_s + suffix), tenant.agent.id, now }));
    QVERIFY(!transaction.exec(u"INSERT INTO org_settings (org_id, key, json, updated_at) VALUES (?, ?, ?, ?)"_s,
        { tenant.orgId, u"test"_s, u"{}"_s, now }));
    QVERIFY(!transaction.exec(u"INSERT INTO jobs (id, org_id, kind, max_attempts, run_at, created_at, updated_at) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
        { QString(u"job-"_s + suffix), tenant.orgId, u"test"_s, 3, now, now, now }));
    QVERIFY(!transaction.exec(u"INSERT INTO recordings (id, org_id, call_id, source, source_key, created_at, "
                              "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
        { QString(u"recording-"_s + suffix), tenant.orgId, tenant.callId, u"upload"_s, suffix, now, now }));
    QVERIFY(!transaction.exec(u"INSERT INTO transcripts (recording_id, org_id, call_id, engine, state, created_at, "
                              "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
        { QString(u"recording-"_s + suffix), tenant.orgId, tenant.callId, u"pocketsphinx"_s, u"completed"_s, now, now }));
    QVERIFY(!transaction.exec(u"INSERT INTO prompt_layers (org_id, layer, version, text, created_at) "
                              "VALUES (?, ?, ?, ?, ?)"_s,
        { tenant.orgId, u"organisation"_s, 1, u"We coach coaches."_s, now }));
    QVERIFY(!transaction.exec(u"INSERT INTO analyses (id, org_id, call_id, recording_id, engine, state, created_at) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
        { QString(u"analysis-"_s + suffix), tenant.orgId, tenant.callId, QString(u"recording-"_s + suffix),
            u"rule-based"_s, u"completed"_s, now }));
    QVERIFY(!transaction.exec(u"INSERT INTO meeting_bots (id, org_id, call_id, provider, external_id, state, "
                              "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
        { QString(u"bot-"_s + suffix), tenant.orgId, tenant.callId, u"attendee"_s, QString(u"bot_"_s + suffix),
            u"recording"_s, now, now }));
    QVERIFY(!transaction.exec(u"INSERT INTO meeting_bot_events (bot_id, idempotency_key, org_id, trigger, "
                              "received_at) VALUES (?, ?, ?, ?, ?)"_s,
        { QString(u"bot-"_s + suffix), QString(u"delivery-"_s + suffix), tenant.orgId, u"bot.state_change"_s, now }));
    // Objections and slides depend on how the engine's call went; one of
    // each whatever it did.
    QVERIFY(!transaction.exec(u"INSERT INTO call_objections (org_id, call_id, objection_id, type_id, raised_at) "
                              "VALUES (?, ?, ?, ?, ?)"_s,
        { tenant.orgId, tenant.callId, u"test-objection"_s, u"price"_s, now }));
    QVERIFY(!transaction.exec(u"INSERT INTO slide_instances (org_id, call_id, event_id, slide_id, shown_at) "
                              "VALUES (?, ?, ?, ?, ?)"_s,
        { tenant.orgId, tenant.callId, QString(u"slide-"_s + suffix), u"intro"_s, now }));
    QVERIFY(!transaction.commit());
}

void TestRowLevelSecurity::everyTenantTableIsFenced()
{
    QFETCH(DatabaseSettings::Backend, backend);
    start(backend);
    if (QTest::currentTestFailed())
        return;
    // Both backends are at the same schema version, 003 included.
    const Result<int> latest = Database::latestSchemaVersion(backend);
    QCOMPARE(latest.value(), Database::latestSchemaVersion(DatabaseSettings::Backend::Postgresql).value());
    QCOMPARE(latest.value(), Database::latestSchemaVersion(DatabaseSettings::Backend::Sqlite).value());
    SqlConnection connection(m_settings);
    QCOMPARE(connection.rows(u"SELECT name FROM schema_migrations WHERE version = 3"_s),
        QList<QVariantList>{ { u"row_level_security"_s } });
    if (!isPostgres())
        return;

    // Every table with org_id, with RLS on and forced (owners are held too)
    // and a policy; a new tenant table without the fence fails here.
    const QList<QVariantList> fenced = connection.rows(
        u"SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity, "
        "(SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid) "
        "FROM pg_class c JOIN information_schema.columns col "
        "ON col.table_schema = current_schema() AND col.table_name = c.relname AND col.column_name = 'org_id' "
        "WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' ORDER BY c.relname"_s);
    QVERIFY2(!fenced.isEmpty(), qPrintable(connection.lastError()));
    QStringList tables;
    for (const QVariantList &row : fenced) {
        const QString table = row.value(0).toString();
        tables.append(table);
        QVERIFY2(row.value(1).toBool(), qPrintable(table + u": row-level security is off"_s));
        QVERIFY2(row.value(2).toBool(), qPrintable(table + u": not forced, its owner passes"_s));
        QVERIFY2(row.value(3).toInt() == 1, qPrintable(table + u": no policy"_s));
    }
    QStringList expected = kTenantTables;
    expected.sort();
    QCOMPARE(tables, expected);
    // A table without org_id cannot be fenced by organisation: only the
    // bookkeeping may be one.
    const QList<QVariantList> others = connection.rows(
        u"SELECT relname FROM pg_class WHERE relnamespace = current_schema()::regnamespace AND relkind = 'r' "
        "AND NOT relrowsecurity"_s);
    QCOMPARE(column(others), QStringList{ u"schema_migrations"_s });

    // The tests' server role is what a deployment's should be.
    const Result<std::optional<QString>> bypassing = m_api->database().tenantScope().roleBypassingFence();
    QVERIFY(bypassing.ok());
    QCOMPARE(bypassing.value(), std::nullopt);
}

void TestRowLevelSecurity::eachScopeSeesItsOwnRows()
{
    QFETCH(DatabaseSettings::Backend, backend);
    const std::optional<TwoTenants> tenants = startWithTwoTenants(backend);
    if (!tenants)
        return;
    const auto &[acme, globex] = *tenants;

    // What each organisation sees through the API is its own.
    QCOMPARE(m_api->get(u"/api/v1/calls"_s, acme.adminToken).listed(u"calls"_s, u"id"_s), QStringList{ acme.callId });
    QCOMPARE(m_api->get(u"/api/v1/calls"_s, globex.adminToken).listed(u"calls"_s, u"id"_s),
        QStringList{ globex.callId });
    QCOMPARE(m_api->get(u"/api/v1/users"_s, globex.adminToken).listed(u"users"_s, u"email"_s).size(), 2);
    if (!isPostgres())
        return;

    addRowsTheApiDoesNotMake(acme);
    addRowsTheApiDoesNotMake(globex);
    if (QTest::currentTestFailed())
        return;

    // The system sees both organisations in every table: what follows is
    // not true for want of rows.
    SqlConnection system(m_settings);
    for (const QString &table : kTenantTables) {
        const QList<QVariantList> organisations
            = system.rows(u"SELECT DISTINCT org_id FROM %1 ORDER BY org_id"_s.arg(table));
        QStringList both{ acme.orgId, globex.orgId };
        both.sort();
        QVERIFY2(column(organisations) == both, qPrintable(table + u": "_s + system.lastError()));
    }

    // No scope set: no row at all, however the query is written.
    SqlConnection unset(m_settings, SqlConnection::Scope::Unset);
    for (const QString &table : kTenantTables) {
        const QList<QVariantList> count = unset.rows(u"SELECT count(*) FROM %1"_s.arg(table));
        QVERIFY2(count.size() == 1, qPrintable(unset.lastError()));
        QVERIFY2(count[0][0].toInt() == 0, qPrintable(table));
    }

    // One organisation's scope: its rows, every one of them, and no other.
    for (const Tenant &tenant : { acme, globex }) {
        SqlConnection scoped(m_settings, SqlConnection::Scope::Unset);
        QVERIFY2(enterOrganisation(scoped, tenant.orgId), qPrintable(scoped.lastError()));
        for (const QString &table : kTenantTables) {
            const QList<QVariantList> seen = scoped.rows(u"SELECT DISTINCT org_id FROM %1"_s.arg(table));
            QVERIFY2(column(seen) == QStringList{ tenant.orgId }, qPrintable(table + u": "_s + scoped.lastError()));
            const QList<QVariantList> all = system.rows(
                u"SELECT count(*) FROM %1 WHERE org_id = '%2'"_s.arg(table, tenant.orgId));
            const QList<QVariantList> own = scoped.rows(u"SELECT count(*) FROM %1"_s.arg(table));
            QVERIFY2(own == all, qPrintable(table));
        }
    }
}

void TestRowLevelSecurity::anotherOrganisationsRowsCannotBeWritten()
{
    const std::optional<TwoTenants> tenants = startWithTwoTenants(DatabaseSettings::Backend::Postgresql);
    if (!tenants)
        return;
    const auto &[acme, globex] = *tenants;
    SqlConnection system(m_settings);
    const auto globexProspects = [&] {
        return system.rows(u"SELECT id, name, org_id FROM prospects WHERE org_id = '%1' ORDER BY id"_s.arg(globex.orgId));
    };
    const QList<QVariantList> before = globexProspects();
    QCOMPARE(before.size(), 1);

    SqlConnection scoped(m_settings, SqlConnection::Scope::Unset);
    QVERIFY(enterOrganisation(scoped, acme.orgId));
    // A new row for Globex, written in Acme's scope: refused.
    QVERIFY(!scoped.exec(u"INSERT INTO prospects (id, org_id, name, created_at, updated_at) "
                         "VALUES ('planted', '%1', 'Planted', 1, 1)"_s.arg(globex.orgId)));
    QVERIFY2(scoped.lastError().contains(u"row-level security"_s), qPrintable(scoped.lastError()));
    // The same row for Acme is fine: the refusal was the fence.
    QVERIFY2(scoped.exec(u"INSERT INTO prospects (id, org_id, name, created_at, updated_at) "
                         "VALUES ('planted', '%1', 'Planted', 1, 1)"_s.arg(acme.orgId)),
        qPrintable(scoped.lastError()));
    // Moving Acme's row over to Globex: refused.
    QVERIFY(!scoped.exec(u"UPDATE prospects SET org_id = '%1' WHERE id = 'planted'"_s.arg(globex.orgId)));
    QVERIFY2(scoped.lastError().contains(u"row-level security"_s), qPrintable(scoped.lastError()));
    // Globex's rows are not there to change or delete, filter or no filter.
    QVERIFY(scoped.exec(u"UPDATE prospects SET name = 'Taken over'"_s));
    QVERIFY(scoped.exec(u"UPDATE users SET display_name = 'Taken over', disabled_at = 1 WHERE org_id = '%1'"_s.arg(
        globex.orgId)));
    QVERIFY(scoped.exec(u"DELETE FROM sessions"_s));
    QCOMPARE(globexProspects(), before);
    const QList<QVariantList> untouched = system.rows(u"SELECT count(*) FROM users WHERE org_id = '%1' "
                                                      "AND disabled_at IS NULL AND display_name <> 'Taken over'"_s.arg(
        globex.orgId));
    QCOMPARE(untouched.value(0).value(0).toInt(), 2);
    // Globex still works; Acme's own sessions were what the DELETE reached.
    QCOMPARE(m_api->get(u"/api/v1/auth/me"_s, globex.agentToken).status, 200);
    QCOMPARE(m_api->get(u"/api/v1/auth/me"_s, acme.agentToken).status, 401);
}

void TestRowLevelSecurity::serverQueriesWithoutFilterSeeOneOrganisation()
{
    const std::optional<TwoTenants> tenants = startWithTwoTenants(DatabaseSettings::Backend::Postgresql);
    if (!tenants)
        return;
    const auto &[acme, globex] = *tenants;

    // A query of the kind a future bug would write: no "WHERE org_id = ?".
    Database &database = m_api->database();
    for (const Tenant &tenant : { acme, globex }) {
        const TenantScope::Entered scope = database.tenantScope().enterOrganisation(tenant.orgId);
        for (const QString &table : { u"users"_s, u"prospects"_s, u"calls"_s, u"call_events"_s, u"audit_log"_s }) {
            const Result<QList<SqlRows::Row>> rows
                = SqlRows::select(database, u"test"_s, u"SELECT DISTINCT org_id FROM %1"_s.arg(table));
            QVERIFY2(rows.ok(), rows.ok() ? "" : qPrintable(rows.refusal().message));
            QVERIFY2(column(rows.value()) == QStringList{ tenant.orgId }, qPrintable(table));
        }
        // Nor does it write another organisation's rows.
        Transaction transaction(database, u"test"_s);
        QVERIFY(!transaction.begin());
        const Result<int> changed = transaction.execCounting(u"UPDATE calls SET status = 'tampered'"_s, { });
        QVERIFY(changed.ok());
        QCOMPARE(changed.value(), 1);
        transaction.abort(Refusal{});
    }

    // A server that never entered a scope (a handler that forgot its own)
    // sees nothing and writes nothing.
    FakeClock clock;
    auto unscoped = Database::open(m_settings, clock);
    QVERIFY(unscoped.ok());
    const auto prospects = SqlRows::select(*unscoped.value(), u"test"_s, u"SELECT id FROM prospects"_s);
    QVERIFY(prospects.ok());
    QCOMPARE(prospects.value().size(), 0);
    Transaction transaction(*unscoped.value(), u"test"_s);
    QVERIFY(!transaction.begin());
    const std::optional<Refusal> refused = transaction.exec(
        u"INSERT INTO prospects (id, org_id, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)"_s,
        { u"planted"_s, acme.orgId, u"Planted"_s, 1, 1 });
    QVERIFY(refused);
    QVERIFY2(refused->message.contains(u"row-level security"_s), qPrintable(refused->message));
}

void TestRowLevelSecurity::handlersOnWorkerThreadsKeepTheirScope()
{
    // Sign-in, adding a user and changing a password hash on a worker
    // thread and finish later, after other requests ran. Sent all at once,
    // they interleave; each must finish in its own organisation's scope.
    QFETCH(DatabaseSettings::Backend, backend);
    const std::optional<TwoTenants> tenants = startWithTwoTenants(backend);
    if (!tenants)
        return;
    const auto &[acme, globex] = *tenants;

    QNetworkAccessManager network;
    const auto send = [&](const QByteArray &method, const QString &path, const QJsonObject &body, const QString &token) {
        QNetworkRequest request(m_api->url(path));
        request.setRawHeader("Content-Type", "application/json");
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        return network.sendCustomRequest(
            request, method, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact));
    };
    const QString newPassword = u"a brand new passphrase 7"_s;
    QList<QNetworkReply *> replies{
        send("POST", u"/api/v1/auth/password"_s,
            { { u"current_password"_s, acme.agent.password }, { u"new_password"_s, newPassword } }, acme.agentToken),
        send("POST", u"/api/v1/users"_s,
            { { u"email"_s, u"zoe@globex.example"_s }, { u"display_name"_s, u"Zoe"_s }, { u"role"_s, u"agent"_s } },
            globex.adminToken),
        send("POST", u"/api/v1/auth/login"_s, { { u"email"_s, globex.agent.email }, { u"password"_s, globex.agent.password } },
            {}),
        send("GET", u"/api/v1/prospects"_s, {}, globex.agentToken),
        send("POST", u"/api/v1/users"_s,
            { { u"email"_s, u"yan@acme.example"_s }, { u"display_name"_s, u"Yan"_s }, { u"role"_s, u"agent"_s } },
            acme.adminToken),
        send("GET", u"/api/v1/calls"_s, {}, acme.adminToken),
        send("POST", u"/api/v1/auth/login"_s, { { u"email"_s, acme.admin.email }, { u"password"_s, acme.admin.password } },
            {}),
    };
    QVERIFY(QTest::qWaitFor(
        [&] { return std::all_of(replies.cbegin(), replies.cend(), [](QNetworkReply *r) { return r->isFinished(); }); },
        60000));
    QList<int> statuses;
    QList<QJsonObject> bodies;
    for (QNetworkReply *reply : replies) {
        statuses.append(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt());
        bodies.append(QJsonDocument::fromJson(reply->readAll()).object());
        reply->deleteLater();
    }
    QCOMPARE(statuses, (QList<int>{ 204, 201, 200, 200, 201, 200, 200 }));
    // Each answer is its own organisation's.
    QCOMPARE(bodies[3][u"prospects"_s].toArray().size(), 1);
    QCOMPARE(bodies[5][u"calls"_s].toArray().first()[u"id"_s].toString(), acme.callId);
    // The new password is Acme's agent's, the new users are where they were added.
    SeededUser changed = acme.agent;
    changed.password = newPassword;
    QVERIFY(!m_api->signIn(changed).isEmpty());
    QCOMPARE(m_api->get(u"/api/v1/users"_s, globex.adminToken).listed(u"users"_s, u"email"_s).size(), 3);
    QCOMPARE(m_api->get(u"/api/v1/users"_s, acme.adminToken).listed(u"users"_s, u"email"_s).size(), 3);
    QVERIFY(!m_api->get(u"/api/v1/users"_s, acme.adminToken).body.contains("zoe@globex.example"));
}

void TestRowLevelSecurity::eventIdsOfAnotherOrganisationAreRefused()
{
    // The fence hides Acme's events from Globex, yet their ids stay taken:
    // a batch reusing them is answered event by event, not with a 500.
    QFETCH(DatabaseSettings::Backend, backend);
    const std::optional<TwoTenants> tenants = startWithTwoTenants(backend);
    if (!tenants)
        return;
    const auto &[acme, globex] = *tenants;
    const QList<CallEvent> events = finishedCall();
    const QString globexCall = registerCall(*m_api, globex.agentToken, u"g2-"_s, events);
    // Acme's event ids, on Globex's own new call, from a device of its own.
    QJsonArray batch = envelopes(events, u"a-"_s);
    for (qsizetype i = 0; i < batch.size(); ++i) {
        QJsonObject event = batch.at(i).toObject();
        event[u"callId"_s] = globexCall;
        event[u"deviceId"_s] = u"globex-laptop"_s;
        batch.replace(i, event);
    }
    const ApiReply reply = m_api->post(u"/api/v1/events"_s, QJsonObject{ { u"events"_s, batch } }, globex.agentToken);
    QVERIFY2(reply.status == 200, reply.body.constData());
    QCOMPARE(reply.json[u"accepted"_s].toArray(), QJsonArray());
    QCOMPARE(reply.json[u"refused"_s].toArray().size(), events.size());
    QCOMPARE(reply.json[u"refused"_s][0][u"code"_s].toString(), u"event.id_conflict"_s);
}

void TestRowLevelSecurity::emailOfAnotherOrganisationIsTaken()
{
    // An address signs in to one account in all organisations: the check
    // looks past the fence, the answer stays a 409.
    QFETCH(DatabaseSettings::Backend, backend);
    const std::optional<TwoTenants> tenants = startWithTwoTenants(backend);
    if (!tenants)
        return;
    const auto &[acme, globex] = *tenants;
    const ApiReply reply = m_api->post(u"/api/v1/users"_s,
        QJsonObject{ { u"email"_s, acme.agent.email }, { u"display_name"_s, u"Twin"_s }, { u"role"_s, u"agent"_s } },
        globex.adminToken);
    QCOMPARE(reply.status, 409);
    QCOMPARE(reply.errorCode(), u"user.email_taken"_s);
}

void TestRowLevelSecurity::superuserIsWarnedAtStartup()
{
    const Result<PostgresCluster> cluster = PostgresCluster::fromEnvironment();
    QVERIFY2(cluster.ok(), cluster.ok() ? "" : qPrintable(cluster.refusal().message));
    const auto created = m_databases->create(DatabaseSettings::Backend::Postgresql);
    QVERIFY2(created.ok(), TestDatabases::why(created).constData());
    const DatabaseSettings asSuperuser = cluster.value().databaseAsSuperuser(created.value().databaseName);

    // What decides it: the connected role. (The ordinary role first: it
    // migrates, so the tables are its own as in a deployment.)
    FakeClock clock;
    {
        auto opened = Database::open(created.value(), clock);
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.refusal().message));
        const auto bypassing = opened.value()->tenantScope().roleBypassingFence();
        QVERIFY(bypassing.ok());
        QCOMPARE(bypassing.value(), std::nullopt);
    }
    {
        auto opened = Database::open(asSuperuser, clock);
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.refusal().message));
        const auto bypassing = opened.value()->tenantScope().roleBypassingFence();
        QVERIFY(bypassing.ok());
        QCOMPARE(bypassing.value(), std::optional<QString>(cluster.value().superuser));
    }

    // What the operator sees: one warning line in the server's log, before
    // it listens; none for the ordinary role.
    const auto logOfServerOn = [&](const DatabaseSettings &database) {
        QTemporaryDir dataDir;
        QProcess server;
        server.start(QStringLiteral(CALLOS_SERVER_BINARY),
            { u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, dataDir.path(), u"--db"_s,
                TestDatabases::location(database) });
        QByteArray log;
        // Stops at the listening line, or when the server gives up.
        (void)QTest::qWaitFor(
            [&] {
                log += server.readAllStandardError();
                return log.contains("\"server.listening\"") || server.state() == QProcess::NotRunning;
            },
            20000);
        server.kill();
        server.waitForFinished(5000);
        QList<QJsonObject> lines;
        for (const QByteArray &line : log.split('\n')) {
            if (!line.isEmpty())
                lines.append(QJsonDocument::fromJson(line).object());
        }
        return lines;
    };
    const auto warnings = [](const QList<QJsonObject> &lines) {
        QList<QJsonObject> found;
        for (const QJsonObject &line : lines) {
            if (line[u"event"_s].toString() == u"storage.rls_not_enforced"_s)
                found.append(line);
        }
        return found;
    };
    const QList<QJsonObject> ordinaryLog = logOfServerOn(created.value());
    QVERIFY2(!ordinaryLog.isEmpty() && ordinaryLog.last()[u"event"_s].toString() == u"server.listening"_s,
        "the server did not start");
    QCOMPARE(warnings(ordinaryLog).size(), 0);

    const QList<QJsonObject> superuserLog = logOfServerOn(asSuperuser);
    QVERIFY2(!superuserLog.isEmpty() && superuserLog.last()[u"event"_s].toString() == u"server.listening"_s,
        "the server did not start");
    const QList<QJsonObject> warned = warnings(superuserLog);
    QCOMPARE(warned.size(), 1);
    QCOMPARE(warned[0][u"level"_s].toString(), u"warning"_s);
    QCOMPARE(warned[0][u"role"_s].toString(), cluster.value().superuser);
    QVERIFY(warned[0][u"message"_s].toString().contains(u"Connect as an ordinary role"_s));
}

QTEST_GUILESS_MAIN(TestRowLevelSecurity)

#include "tst_rowlevelsecurity.moc"
