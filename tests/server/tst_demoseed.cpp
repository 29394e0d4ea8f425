// `callos-server demo seed` on SQLite and PostgreSQL: through the real binary
// (the accounts file and its mode, a second run, the refusals), through the
// REST API of a server on the seeded database (the accounts sign in with the
// file's passwords; managers see every call, agents their own), and through
// the call reducer (each call's stored events replay to its decision).
#include "apiharness.h"
#include "sqlconnection.h"
#include "testdatabases.h"

#include "auth/passwordgenerator.h"
#include "auth/passwordhasher.h"
#include "call/calleventcodec.h"
#include "call/callreducer.h"
#include "config/commandline.h"
#include "content/playbookstore.h"
#include "demo/demoaccountsfile.h"
#include "demo/democontent.h"
#include "demo/demoorganisation.h"
#include "playbook/playbookloader.h"

#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::server;
using namespace callos::test;

namespace {

constexpr qint64 kDayMs = 24 * 60 * 60 * 1000;

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run callosServer(const QStringList &arguments, const QString &dataDir)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"CALLOS_SERVER_DATA_DIR"_s, dataDir);
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(CALLOS_SERVER_BINARY), arguments);
    if (!process.waitForStarted(10000))
        return {};
    process.closeWriteChannel();
    if (!process.waitForFinished(120000))
        return {};
    return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
        QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError()) };
}

Run demoSeed(const DatabaseSettings &database, const QString &dataDir)
{
    return callosServer({ u"demo"_s, u"seed"_s, u"--db"_s, TestDatabases::location(database) }, dataDir);
}

QString accountsPath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QString::fromLatin1(DemoAccountsFile::kFileName));
}

// Rows of `sql` from the seeded database, through our own connection.
QList<QVariantList> rows(const DatabaseSettings &database, const QString &sql)
{
    SqlConnection connection(database);
    const QList<QVariantList> result = connection.rows(sql);
    if (result.isEmpty())
        qWarning("no rows from %s: %s", qPrintable(sql), qPrintable(connection.lastError()));
    return result;
}

// How many rows each table the seed writes has, and the calls as stored: a
// second run must leave all of it as it was.
QString snapshot(const DatabaseSettings &database)
{
    SqlConnection connection(database);
    QStringList parts;
    for (const QString &table : { u"organisations"_s, u"users"_s, u"prospects"_s, u"call_threads"_s, u"calls"_s,
             u"call_events"_s, u"call_milestones"_s, u"call_objections"_s, u"slide_instances"_s, u"audit_log"_s }) {
        const QList<QVariantList> count = connection.rows(u"SELECT count(*) FROM "_s + table);
        parts.append(table + u'=' + (count.isEmpty() ? connection.lastError() : count[0][0].toString()));
    }
    for (const QVariantList &call :
        connection.rows(u"SELECT id, status, decision, event_count, updated_at FROM calls ORDER BY id"_s)) {
        QStringList values;
        for (const QVariant &value : call)
            values.append(value.toString());
        parts.append(values.join(u'|'));
    }
    return parts.join(u'\n');
}

QList<DemoCredentials> accountsIn(const QString &dataDir)
{
    const Result<QList<DemoCredentials>> accounts = DemoAccountsFile(accountsPath(dataDir)).read();
    if (!accounts) {
        qWarning("%s", qPrintable(accounts.refusal().message));
        return {};
    }
    return accounts.value();
}

SeededUser userFrom(const DemoCredentials &account)
{
    SeededUser user;
    user.email = account.email;
    user.password = account.password;
    return user;
}

Playbook builtinPlaybook()
{
    const QByteArray bytes = QJsonDocument(PlaybookStore::readEmbeddedDefault().value()).toJson();
    Validated<Playbook> playbook = PlaybookLoader::parse(bytes, u"default.json"_s);
    if (!playbook.ok())
        qFatal("the built-in playbook does not load");
    return std::move(*playbook.value);
}

} // namespace

class TestDemoSeed : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void commandLineNamesTheCommand();
    void seedsOrganisationWithPrivateAccountsFile_data() { TestDatabases::addBackendRows(); }
    void seedsOrganisationWithPrivateAccountsFile();
    void apiShowsTheDemoToEachRole_data() { TestDatabases::addBackendRows(); }
    void apiShowsTheDemoToEachRole();
    void callEventsReplayToTheirDecisions_data() { TestDatabases::addBackendRows(); }
    void callEventsReplayToTheirDecisions();
    void secondRunChangesNothing_data() { TestDatabases::addBackendRows(); }
    void secondRunChangesNothing();
    void interruptedSeedIsFinishedByTheNext_data() { TestDatabases::addBackendRows(); }
    void interruptedSeedIsFinishedByTheNext();
    void refusesDatabaseWithOtherOrganisations_data() { TestDatabases::addBackendRows(); }
    void refusesDatabaseWithOtherOrganisations();

private:
    std::optional<SodiumRuntime> m_sodium;
};

void TestDemoSeed::initTestCase()
{
    auto sodium = SodiumRuntime::initialise();
    QVERIFY(sodium.ok());
    m_sodium.emplace(sodium.value());
}

void TestDemoSeed::commandLineNamesTheCommand()
{
    const QProcessEnvironment none;
    const Result<Invocation> seed = CommandLine::parse(
        { u"callos-server"_s, u"demo"_s, u"seed"_s, u"--data-dir"_s, u"/tmp/x"_s }, none, u"/tmp/default"_s);
    QVERIFY(seed.ok());
    QCOMPARE(seed.value().command, Invocation::Command::DemoSeed);
    QCOMPARE(seed.value().config.dataDir, u"/tmp/x"_s);

    const Result<Invocation> withName
        = CommandLine::parse({ u"callos-server"_s, u"demo"_s, u"seed"_s, u"--name"_s, u"X"_s }, none, u"/tmp"_s);
    QVERIFY(!withName.ok());
    QCOMPARE(withName.refusal().message, u"--name is only for \"org create\""_s);
    const Result<Invocation> other = CommandLine::parse({ u"callos-server"_s, u"demo"_s, u"wipe"_s }, none, u"/tmp"_s);
    QVERIFY(!other.ok());
    QVERIFY2(other.refusal().message.contains(u"\"demo seed\""_s), qPrintable(other.refusal().message));

    const QString help = CommandLine::helpText();
    QVERIFY(help.contains(u"callos-server demo seed"_s));
    QVERIFY(help.contains(u"LOCAL DEMO ONLY"_s));
    QVERIFY(help.contains(u"demo-accounts.txt"_s));
}

void TestDemoSeed::seedsOrganisationWithPrivateAccountsFile()
{
    QFETCH(DatabaseSettings::Backend, backend);
    TestDatabases databases;
    const Result<DatabaseSettings> created = databases.create(backend);
    QVERIFY2(created.ok(), TestDatabases::why(created).constData());
    const DatabaseSettings &db = created.value();
    QTemporaryDir dataDir;

    const Run run = demoSeed(db, dataDir.path());
    QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
    QVERIFY2(run.out.contains(u"Created the demo organisation \"Demo Company\""_s), qPrintable(run.out));
    QVERIFY(run.out.contains(u"4 accounts, 12 prospects and 4 finished calls"_s));
    QVERIFY(run.out.contains(accountsPath(dataDir.path())));
    QVERIFY(run.out.contains(u"LOCAL DEMO ONLY"_s));

    // Only its owner may read it: it holds working passwords.
    struct stat status
    {
    };
    QCOMPARE(::stat(QFile::encodeName(accountsPath(dataDir.path())).constData(), &status), 0);
    QCOMPARE(int(status.st_mode & 0777), 0600);

    const QList<DemoCredentials> accounts = accountsIn(dataDir.path());
    QCOMPARE(accounts.size(), 4);
    QStringList roles;
    QSet<QString> passwords;
    for (const DemoCredentials &account : accounts) {
        roles.append(account.role);
        passwords.insert(account.password);
        QVERIFY(account.password.size() >= 20);
        QVERIFY2(!run.out.contains(account.password) && !run.err.contains(account.password), "a password was printed");
        QVERIFY(!account.displayName.isEmpty());
    }
    QCOMPARE(roles, (QStringList { u"admin"_s, u"manager"_s, u"agent"_s, u"agent"_s }));
    QCOMPARE(passwords.size(), 4);

    // The same people in the database, each with a hash of the file's password.
    const PasswordHasher hasher(*m_sodium);
    const auto users = rows(db,
        u"SELECT u.email, u.role, u.password_hash, o.name FROM users u "
        "JOIN organisations o ON o.org_id = u.org_id ORDER BY u.email"_s);
    QCOMPARE(users.size(), 4);
    for (const QVariantList &user : users) {
        const auto account = std::find_if(accounts.cbegin(), accounts.cend(),
            [&](const DemoCredentials &a) { return a.email == user.at(0).toString(); });
        QVERIFY(account != accounts.cend());
        QCOMPARE(user.at(1).toString(), account->role);
        QCOMPARE(user.at(3).toString(), u"Demo Company"_s);
        QVERIFY(hasher.verify(user.at(2).toString(), account->password));
    }
    QCOMPARE(rows(db, u"SELECT count(*) FROM prospects"_s)[0][0].toInt(), 12);
    QCOMPARE(rows(db, u"SELECT count(*) FROM calls WHERE status = 'completed'"_s)[0][0].toInt(), 4);
    // The audit trail says how the organisation came about, never a secret.
    const auto audit
        = rows(db, u"SELECT action, json FROM audit_log WHERE action <> 'call.consent_recorded' ORDER BY id"_s);
    QCOMPARE(audit.size(), 4);
    // Each demo call's consent to be recorded is audited, as a real call's.
    QCOMPARE(rows(db, u"SELECT count(*) FROM audit_log WHERE action = 'call.consent_recorded'"_s)[0][0].toInt(), 4);
    QCOMPARE(audit[0][0].toString(), u"organisation.created"_s);
    for (const QVariantList &entry : audit) {
        QVERIFY(entry.at(1).toString().contains(u"demo_seed"_s));
        QVERIFY(!entry.at(1).toString().contains(u"argon2"_s));
        for (const QString &password : std::as_const(passwords))
            QVERIFY(!entry.at(1).toString().contains(password));
    }
}

void TestDemoSeed::apiShowsTheDemoToEachRole()
{
    QFETCH(DatabaseSettings::Backend, backend);
    TestDatabases databases;
    const Result<DatabaseSettings> created = databases.create(backend);
    QVERIFY2(created.ok(), TestDatabases::why(created).constData());
    QTemporaryDir dataDir;
    const Run run = demoSeed(created.value(), dataDir.path());
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QList<DemoCredentials> accounts = accountsIn(dataDir.path());
    QCOMPARE(accounts.size(), 4);

    ApiHarness api(created.value());
    QVERIFY2(api.isReady(), qPrintable(api.why()));
    // Everyone signs in with the password from the file and is who it says.
    QHash<QString, QString> tokens; // by email
    QHash<QString, QString> userIds; // by email
    for (const DemoCredentials &account : accounts) {
        const QString token = api.signIn(userFrom(account));
        QVERIFY2(!token.isEmpty(), qPrintable(account.email + u' ' + QString::fromUtf8(api.logText())));
        const ApiReply me = api.get(u"/api/v1/auth/me"_s, token);
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json[u"role"_s].toString(), account.role);
        QCOMPARE(me.json[u"organisation"_s].toString(), u"Demo Company"_s);
        QCOMPARE(me.json[u"display_name"_s].toString(), account.displayName);
        tokens.insert(account.email, token);
        userIds.insert(account.email, me.json[u"id"_s].toString());
    }
    const QString admin = tokens.value(accounts.at(0).email);
    const QString manager = tokens.value(accounts.at(1).email);
    const QString firstAgent = accounts.at(2).email;
    const QString secondAgent = accounts.at(3).email;

    const ApiReply users = api.get(u"/api/v1/users"_s, admin);
    QCOMPARE(users.status, 200);
    QCOMPARE(users.json[u"users"_s].toArray().size(), 4);

    // A dozen prospects, on both sides of the qualification gate of 500.
    const ApiReply prospects = api.get(u"/api/v1/prospects?limit=200"_s, manager);
    QCOMPARE(prospects.status, 200);
    QCOMPARE(prospects.json[u"total"_s].toInt(), 12);
    int qualified = 0;
    int below = 0;
    int unknown = 0;
    for (const QJsonValue &prospect : prospects.json[u"prospects"_s].toArray()) {
        const QJsonValue clients = prospect[u"client_count"_s];
        if (clients.isNull())
            ++unknown;
        else if (clients.toInt() >= 500)
            ++qualified;
        else
            ++below;
    }
    QVERIFY(qualified >= 4);
    QVERIFY(below >= 4);
    QCOMPARE(unknown, 1);
    // Each agent sees their own six, and the server takes them back as they
    // are: the seeded data passes the API's own rules.
    for (const QString &agent : { firstAgent, secondAgent }) {
        const ApiReply own = api.get(u"/api/v1/prospects?limit=200"_s, tokens.value(agent));
        QCOMPARE(own.status, 200);
        QCOMPARE(own.json[u"total"_s].toInt(), 6);
        for (const QJsonValue &prospect : own.json[u"prospects"_s].toArray()) {
            QCOMPARE(prospect[u"owner_user_id"_s].toString(), userIds.value(agent));
            const ApiReply again = api.put(
                u"/api/v1/prospects/"_s + prospect[u"id"_s].toString(), prospect.toObject(), tokens.value(agent));
            QVERIFY2(again.status == 200, qPrintable(again.errorMessage()));
        }
    }

    // The manager sees every finished call with its outcome.
    const ApiReply calls = api.get(u"/api/v1/calls"_s, manager);
    QCOMPARE(calls.status, 200);
    QCOMPARE(calls.json[u"total"_s].toInt(), 4);
    QStringList outcomes;
    QHash<QString, QString> agentOf; // call id -> agent user id
    for (const QJsonValue &call : calls.json[u"calls"_s].toArray()) {
        QCOMPARE(call[u"status"_s].toString(), u"completed"_s);
        QVERIFY(call[u"completed_at"_s].toInteger() > call[u"started_at"_s].toInteger());
        QVERIFY(call[u"event_count"_s].toInt() > 40);
        outcomes.append(
            call[u"decision"_s].toString() + (call[u"advisory_only"_s].toBool() ? u" (advisory only)"_s : QString()));
        agentOf.insert(call[u"id"_s].toString(), call[u"agent_user_id"_s].toString());
    }
    outcomes.sort();
    QCOMPARE(outcomes, (QStringList { u"decline"_s, u"decline (advisory only)"_s, u"pause"_s, u"proceed"_s }));

    // An agent sees only their own calls, two each, and may not ask for the other's.
    QSet<QString> seenByAgents;
    for (const QString &agent : { firstAgent, secondAgent }) {
        const ApiReply own = api.get(u"/api/v1/calls"_s, tokens.value(agent));
        QCOMPARE(own.status, 200);
        QCOMPARE(own.json[u"total"_s].toInt(), 2);
        for (const QJsonValue &call : own.json[u"calls"_s].toArray()) {
            QCOMPARE(call[u"agent_user_id"_s].toString(), userIds.value(agent));
            seenByAgents.insert(call[u"id"_s].toString());
        }
    }
    QCOMPARE(seenByAgents, QSet<QString>(agentOf.keyBegin(), agentOf.keyEnd()));
    const ApiReply others = api.get(u"/api/v1/calls?agent="_s + userIds.value(secondAgent), tokens.value(firstAgent));
    QCOMPARE(others.status, 403);

    // The read models, as the ingest fills them for a synced call.
    QStringList objections;
    for (const QString &callId : agentOf.keys()) {
        const ApiReply call = api.get(u"/api/v1/calls/"_s + callId, manager);
        QCOMPARE(call.status, 200);
        const QJsonArray milestones = call.json[u"milestones"_s].toArray();
        QCOMPARE(milestones.size(), 7);
        QMap<QString, QString> statuses; // milestone id -> status
        for (const QJsonValue &milestone : milestones)
            statuses.insert(milestone[u"milestone_id"_s].toString(), milestone[u"status"_s].toString());
        const QString decision = call.json[u"decision"_s].toString();
        const QString pitch = call.json[u"advisory_only"_s].toBool() ? u"blocked"_s
            : decision == u"decline"_s                               ? u"skipped"_s
                                                                     : u"done"_s;
        QCOMPARE(statuses.value(u"context"_s), u"done"_s);
        QCOMPARE(statuses.value(u"solution"_s), pitch);
        QCOMPARE(statuses.value(u"offer"_s), pitch);
        QCOMPARE(statuses.value(u"decision"_s), u"done"_s);
        for (const QJsonValue &objection : call.json[u"objections"_s].toArray()) {
            objections.append(objection[u"type_id"_s].toString() + u':' + objection[u"outcome"_s].toString() + u':'
                + call.json[u"decision"_s].toString());
        }
    }
    objections.sort();
    QCOMPARE(objections,
        (QStringList {
            u"authority:deferred:pause"_s, u"price:resolved:proceed"_s, u"status-quo:disqualified:decline"_s }));
}

void TestDemoSeed::callEventsReplayToTheirDecisions()
{
    QFETCH(DatabaseSettings::Backend, backend);
    TestDatabases databases;
    const Result<DatabaseSettings> created = databases.create(backend);
    QVERIFY2(created.ok(), TestDatabases::why(created).constData());
    const DatabaseSettings &db = created.value();
    QTemporaryDir dataDir;
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    const Run run = demoSeed(db, dataDir.path());
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));

    const Playbook playbook = builtinPlaybook();
    const CallReducer reducer(playbook);
    const auto calls = rows(db,
        u"SELECT c.id, c.decision, c.advisory_only, c.agent_user_id, c.event_count, p.name FROM calls c "
        "JOIN prospects p ON p.id = c.prospect_id ORDER BY p.name"_s);
    QCOMPARE(calls.size(), 4);
    QStringList decisions;
    for (const QVariantList &call : calls) {
        const QString callId = call.at(0).toString();
        QList<CallEvent> events;
        for (const QVariantList &row :
            rows(db, u"SELECT json FROM call_events WHERE call_id = '%1' ORDER BY call_pos"_s.arg(callId))) {
            Result<CallEvent> event = CallEventCodec::decode(row.at(0).toString().toUtf8());
            QVERIFY2(event.ok(), qPrintable(callId));
            events.append(event.value());
        }
        QCOMPARE(events.size(), call.at(4).toInt());
        const Result<CallState> state = reducer.replay(events);
        QVERIFY2(state.ok(), qPrintable(state.ok() ? QString() : state.refusal().message));
        QCOMPARE(state.value().phase, CallPhase::Completed);
        QVERIFY(state.value().decision.has_value());
        QCOMPARE(decisionOptionName(state.value().decision->option), call.at(1).toString());
        QCOMPARE(state.value().advisoryOnly, call.at(2).toBool());
        QVERIFY(state.value().consent && state.value().consent->given);
        QVERIFY(state.value().slidesShown > 0);
        // Made by the call's agent, in the recent past, in order.
        for (const CallEvent &event : std::as_const(events)) {
            QCOMPARE(event.actor, call.at(3).toString());
            QVERIFY(event.at > before - 8 * kDayMs);
            QVERIFY(event.at < before);
        }
        const DecisionRecord &decision = *state.value().decision;
        decisions.append(call.at(5).toString() + u": "_s + call.at(1).toString() + u' ' + decision.reasonId);
        if (decision.option == DecisionOption::Pause) {
            QVERIFY(decision.followUpAt && *decision.followUpAt > before);
            QVERIFY(state.value().needsFollowUp());
        } else {
            QVERIFY(!decision.followUpAt);
        }
    }
    QCOMPARE(decisions,
        (QStringList { u"Ethan Park: decline under-500-clients"_s, u"Hannah Vogel: pause "_s,
            u"Kwame Mensah: decline prefers-competitor"_s, u"Olivia Brandt: proceed "_s }));
}

void TestDemoSeed::secondRunChangesNothing()
{
    QFETCH(DatabaseSettings::Backend, backend);
    TestDatabases databases;
    const Result<DatabaseSettings> created = databases.create(backend);
    QVERIFY2(created.ok(), TestDatabases::why(created).constData());
    const DatabaseSettings &db = created.value();
    QTemporaryDir dataDir;
    QCOMPARE(demoSeed(db, dataDir.path()).exitCode, 0);
    const QString before = snapshot(db);
    QFile file(accountsPath(dataDir.path()));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray accounts = file.readAll();
    file.close();

    const Run again = demoSeed(db, dataDir.path());
    QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    QVERIFY2(again.out.contains(u"The demo organisation \"Demo Company\" already exists"_s), qPrintable(again.out));
    QVERIFY(again.out.contains(u"nothing changed"_s));
    QVERIFY(again.out.contains(accountsPath(dataDir.path())));
    QVERIFY(again.err.isEmpty());
    QCOMPARE(snapshot(db), before);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), accounts);
}

void TestDemoSeed::interruptedSeedIsFinishedByTheNext()
{
    QFETCH(DatabaseSettings::Backend, backend);
    TestDatabases databases;
    const Result<DatabaseSettings> created = databases.create(backend);
    QVERIFY2(created.ok(), TestDatabases::why(created).constData());
    const DatabaseSettings &db = created.value();
    QTemporaryDir dataDir;
    const qint64 firstRun = QDateTime::currentMSecsSinceEpoch() - 3 * kDayMs;
    {
        // Step 1 alone, as a run stopped right after it would leave it,
        // three days before the run that finishes it.
        FakeClock clock(firstRun);
        UuidGenerator ids;
        Result<std::unique_ptr<Database>> database = Database::open(db, clock);
        QVERIFY2(database.ok(), qPrintable(database.ok() ? QString() : database.refusal().message));
        const PasswordHasher hasher(*m_sodium);
        const PasswordGenerator generator(*m_sodium);
        // As the command line's commands do (main.cpp): across organisations.
        const TenantScope::Entered system = database.value()->tenantScope().enterSystem();
        DemoOrganisation demo(*database.value(), hasher, generator, clock, ids);
        const Result<DemoSeeding> seeding = demo.ensureOrganisation();
        QVERIFY2(seeding.ok(), qPrintable(seeding.ok() ? QString() : seeding.refusal().message));
        QVERIFY(seeding.value().created);
        QVERIFY(DemoAccountsFile(accountsPath(dataDir.path()))
                    .write(DemoContent::organisationName(), seeding.value().accounts)
            == std::nullopt);
    }
    QCOMPARE(rows(db, u"SELECT count(*) FROM calls WHERE event_count = 0 AND status = 'open'"_s)[0][0].toInt(), 4);
    QCOMPARE(rows(db, u"SELECT count(*) FROM call_events"_s)[0][0].toInt(), 0);

    const Run finish = demoSeed(db, dataDir.path());
    QVERIFY2(finish.exitCode == 0, qPrintable(finish.err));
    QVERIFY2(finish.out.contains(u"was only partly seeded; added 4 of its finished calls"_s), qPrintable(finish.out));
    QCOMPARE(rows(db, u"SELECT count(*) FROM calls WHERE status = 'completed'"_s)[0][0].toInt(), 4);
    QCOMPARE(rows(db, u"SELECT count(*) FROM organisations"_s)[0][0].toInt(), 1);
    QCOMPARE(rows(db, u"SELECT count(*) FROM users"_s)[0][0].toInt(), 4);

    // The calls keep the times the first run gave them, so their events lie
    // in the days before it, not before the second run.
    const auto times = rows(db,
        u"SELECT min(e.at), max(e.at), min(c.created_at) FROM call_events e "
        "JOIN calls c ON c.id = e.call_id"_s);
    QVERIFY(times[0][0].toLongLong() < times[0][2].toLongLong());
    QVERIFY(times[0][0].toLongLong() > firstRun - 8 * kDayMs);
    QVERIFY(times[0][1].toLongLong() < firstRun);
}

void TestDemoSeed::refusesDatabaseWithOtherOrganisations()
{
    QFETCH(DatabaseSettings::Backend, backend);
    TestDatabases databases;
    for (const QString &name : { u"Acme"_s, u"demo company"_s }) {
        const Result<DatabaseSettings> created = databases.create(backend);
        QVERIFY2(created.ok(), TestDatabases::why(created).constData());
        const DatabaseSettings &db = created.value();
        QTemporaryDir dataDir;
        const Run org = callosServer({ u"org"_s, u"create"_s, u"--name"_s, name, u"--admin-email"_s,
                                         u"boss@acme.example"_s, u"--db"_s, TestDatabases::location(db) },
            dataDir.path());
        QVERIFY2(org.exitCode == 0, qPrintable(org.err));
        const QString before = snapshot(db);

        const Run run = demoSeed(db, dataDir.path());
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains(name == u"Acme"_s ? u"holds other organisations"_s
                                                    : u"exists that the demo seed did not create"_s),
            qPrintable(run.err));
        QVERIFY(run.err.contains(u"Nothing was changed"_s, Qt::CaseInsensitive));
        QCOMPARE(snapshot(db), before);
        QVERIFY(!QFileInfo::exists(accountsPath(dataDir.path())));
    }
}

QTEST_GUILESS_MAIN(TestDemoSeed)
#include "tst_demoseed.moc"
