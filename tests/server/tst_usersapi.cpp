// /api/v1/users over real HTTP on loopback, on SQLite and PostgreSQL: an
// admin lists, adds and changes the users of their own organisation; every
// bad field is named; the last admin stays; a disabled user's token dies at
// once; another organisation's users are as unknown as made-up ids.
#include "apiharness.h"
#include "testdatabases.h"

#include "auth/passwordgenerator.h"
#include "storage/sqlrows.h"
#include "storage/transaction.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::server;
using namespace callos::test;

namespace {

// The paths of the fields a 400 names, in order.
QStringList fieldPaths(const ApiReply &reply)
{
    QStringList paths;
    for (const QJsonValue &field : reply.json[u"error"_s][u"details"_s][u"fields"_s].toArray())
        paths.append(field[u"path"_s].toString());
    return paths;
}

QString fieldMessage(const ApiReply &reply, const QString &path)
{
    for (const QJsonValue &field : reply.json[u"error"_s][u"details"_s][u"fields"_s].toArray()) {
        if (field[u"path"_s].toString() == path)
            return field[u"message"_s].toString();
    }
    return {};
}

} // namespace

class TestUsersApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void createAndList_data() { TestDatabases::addBackendRows(); }
    void createAndList();
    void generatedPassword_data() { TestDatabases::addBackendRows(); }
    void generatedPassword();
    void validationNamesTheFields_data() { TestDatabases::addBackendRows(); }
    void validationNamesTheFields();
    void roleChangeTakesEffectAtOnce_data() { TestDatabases::addBackendRows(); }
    void roleChangeTakesEffectAtOnce();
    void disabledUsersTokenDiesAtOnce_data() { TestDatabases::addBackendRows(); }
    void disabledUsersTokenDiesAtOnce();
    void lastAdminStays_data() { TestDatabases::addBackendRows(); }
    void lastAdminStays();
    void otherOrganisationsUsersAreUnknown_data() { TestDatabases::addBackendRows(); }
    void otherOrganisationsUsersAreUnknown();

private:
    QList<AuditEntry> audit(const QString &orgId, const QString &action);

    std::unique_ptr<TestDatabases> m_databases;
    std::unique_ptr<ApiHarness> m_api;
};

void TestUsersApi::init()
{
    m_databases = std::make_unique<TestDatabases>();
    const auto settings = m_databases->create(TestDatabases::currentBackend());
    QVERIFY2(settings.ok(), TestDatabases::why(settings).constData());
    m_api = std::make_unique<ApiHarness>(settings.value());
    QVERIFY2(m_api->isReady(), qPrintable(m_api->why()));
}

void TestUsersApi::cleanup()
{
    m_api.reset();
    m_databases.reset();
}

QList<AuditEntry> TestUsersApi::audit(const QString &orgId, const QString &action)
{
    const auto page = m_api->app().audit().read(orgId, action, 0, 100);
    return page ? page.value().entries : QList<AuditEntry>();
}

void TestUsersApi::createAndList()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const QString token = m_api->signIn(acme.admin);

    const ApiReply created = m_api->post(u"/api/v1/users"_s,
        QJsonObject{ { u"email"_s, u" Zoe@Acme.example"_s }, { u"display_name"_s, u"  Zoe   Zimmer "_s },
            { u"role"_s, u"manager"_s }, { u"password"_s, u"zoe's own long passphrase"_s } },
        token);
    QCOMPARE(created.status, 201);
    const QJsonObject zoe = created.json.value(u"user"_s).toObject();
    QVERIFY(!zoe.value(u"id"_s).toString().isEmpty());
    QCOMPARE(zoe.value(u"email"_s).toString(), u"zoe@acme.example"_s);
    QCOMPARE(zoe.value(u"display_name"_s).toString(), u"Zoe Zimmer"_s);
    QCOMPARE(zoe.value(u"role"_s).toString(), u"manager"_s);
    QCOMPARE(zoe.value(u"disabled"_s).toBool(), false);
    QCOMPARE(zoe.value(u"mfa_enabled"_s).toBool(), false);
    QCOMPARE(zoe.value(u"created_at"_s).toInteger(), m_api->clock().nowMs());
    QVERIFY(!created.json.contains(u"generated_password"_s));
    QVERIFY(!created.body.contains("password_hash"));

    // The new user signs in with the given password.
    const SeededUser signIn{ zoe.value(u"id"_s).toString(), acme.orgId, u"zoe@acme.example"_s,
        u"zoe's own long passphrase"_s, Role::Manager };
    const QString zoeToken = m_api->signIn(signIn);
    QVERIFY(!zoeToken.isEmpty());
    QCOMPARE(m_api->get(u"/api/v1/auth/me"_s, zoeToken).json.value(u"role"_s).toString(), u"manager"_s);

    // An address signs in to one account only, whatever its case.
    const ApiReply duplicate = m_api->post(u"/api/v1/users"_s,
        QJsonObject{ { u"email"_s, u"ZOE@acme.example"_s }, { u"display_name"_s, u"Other Zoe"_s },
            { u"role"_s, u"agent"_s } },
        token);
    QCOMPARE(duplicate.status, 409);
    QCOMPARE(duplicate.errorCode(), u"user.email_taken"_s);

    m_api->addUser(acme.orgId, Role::Agent, u"adam@acme.example"_s);
    const ApiReply list = m_api->get(u"/api/v1/users"_s, token);
    QCOMPARE(list.status, 200);
    const QJsonArray users = list.json.value(u"users"_s).toArray();
    QCOMPARE(users.size(), 3);
    QStringList emails;
    for (const QJsonValue &user : users)
        emails.append(user[u"email"_s].toString());
    QCOMPARE(emails, (QStringList{ u"adam@acme.example"_s, u"admin@acme.example"_s, u"zoe@acme.example"_s }));
    QCOMPARE(users.at(1)[u"role"_s].toString(), u"admin"_s);
    QCOMPARE(users.at(0)[u"role"_s].toString(), u"agent"_s);
    QCOMPARE(users.at(0)[u"disabled"_s].toBool(), false);
    QVERIFY(!list.body.contains("password"));

    const QList<AuditEntry> entries = audit(acme.orgId, u"user.created"_s);
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().actorUserId, acme.admin.id);
    QCOMPARE(entries.first().target, zoe.value(u"id"_s).toString());
    QCOMPARE(entries.first().details.value(u"role"_s).toString(), u"manager"_s);
    QVERIFY(!QJsonDocument(entries.first().details).toJson().contains("passphrase"));
}

void TestUsersApi::generatedPassword()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const QString token = m_api->signIn(acme.admin);
    const ApiReply created = m_api->post(u"/api/v1/users"_s,
        QJsonObject{ { u"email"_s, u"new@acme.example"_s }, { u"display_name"_s, u"New Agent"_s },
            { u"role"_s, u"agent"_s } },
        token);
    QCOMPARE(created.status, 201);
    const QString password = created.json.value(u"generated_password"_s).toString();
    QCOMPARE(password.size(), PasswordGenerator::kDefaultLength);
    const SeededUser user{ created.json[u"user"_s][u"id"_s].toString(), acme.orgId, u"new@acme.example"_s, password,
        Role::Agent };
    QVERIFY(!m_api->signIn(user).isEmpty());
    // Stored hashed.
    const auto stored = SqlRows::first(m_api->database(), u"test"_s, u"SELECT password_hash FROM users WHERE id = ?"_s,
        { user.id });
    QVERIFY(stored.value()->at(0).toString().startsWith(u"$argon2id$"_s));
    QVERIFY(!m_api->logText().contains(password.toUtf8()));
    QCOMPARE(audit(acme.orgId, u"user.created"_s).first().details.value(u"password"_s).toString(), u"generated"_s);
}

void TestUsersApi::validationNamesTheFields()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const QString token = m_api->signIn(acme.admin);

    const ApiReply everything = m_api->post(u"/api/v1/users"_s,
        QJsonObject{ { u"email"_s, u"not-an-address"_s }, { u"display_name"_s, u"   "_s }, { u"role"_s, u"boss"_s },
            { u"password"_s, u"short"_s }, { u"org_id"_s, u"another"_s } },
        token);
    QCOMPARE(everything.status, 400);
    QCOMPARE(everything.errorCode(), u"request.invalid"_s);
    QCOMPARE(fieldPaths(everything),
        (QStringList{ u"email"_s, u"display_name"_s, u"role"_s, u"password"_s, u"org_id"_s }));
    QVERIFY(fieldMessage(everything, u"role"_s).contains(u"agent, manager, admin"_s));

    const ApiReply missing = m_api->post(u"/api/v1/users"_s, QJsonObject{}, token);
    QCOMPARE(missing.status, 400);
    QCOMPARE(fieldPaths(missing), (QStringList{ u"email"_s, u"display_name"_s, u"role"_s }));

    const ApiReply types = m_api->post(u"/api/v1/users"_s,
        QJsonObject{ { u"email"_s, 7 }, { u"display_name"_s, QJsonArray{} }, { u"role"_s, true },
            { u"password"_s, 1234.5 } },
        token);
    QCOMPARE(fieldPaths(types), (QStringList{ u"email"_s, u"display_name"_s, u"role"_s, u"password"_s }));

    const ApiReply longName = m_api->post(u"/api/v1/users"_s,
        QJsonObject{ { u"email"_s, u"a@acme.example"_s }, { u"display_name"_s, QString(201, u'x') },
            { u"role"_s, u"agent"_s } },
        token);
    QCOMPARE(fieldPaths(longName), QStringList{ u"display_name"_s });

    const SeededUser agent = m_api->addUser(acme.orgId, Role::Agent, u"agent@acme.example"_s);
    const QString path = u"/api/v1/users/"_s + agent.id;
    const ApiReply empty = m_api->patch(path, QJsonObject{}, token);
    QCOMPARE(empty.status, 400);
    QCOMPARE(fieldPaths(empty), QStringList{ QString() });
    const ApiReply badPatch = m_api->patch(path,
        QJsonObject{ { u"role"_s, u"owner"_s }, { u"disabled"_s, u"yes"_s }, { u"display_name"_s, 5 },
            { u"email"_s, u"x@acme.example"_s } },
        token);
    QCOMPARE(badPatch.status, 400);
    QCOMPARE(fieldPaths(badPatch), (QStringList{ u"display_name"_s, u"role"_s, u"disabled"_s, u"email"_s }));

    // Nothing was written by any of them.
    QCOMPARE(m_api->get(u"/api/v1/users"_s, token).json.value(u"users"_s).toArray().size(), 2);
    QCOMPARE(m_api->get(u"/api/v1/users"_s, token).json[u"users"_s][1][u"role"_s].toString(), u"agent"_s);
    QCOMPARE(audit(acme.orgId, QString()).size(), 1); // the admin's sign-in
}

void TestUsersApi::roleChangeTakesEffectAtOnce()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const QString token = m_api->signIn(acme.admin);
    const SeededUser agent = m_api->addUser(acme.orgId, Role::Agent, u"agent@acme.example"_s);
    const QString agentToken = m_api->signIn(agent);
    QCOMPARE(m_api->get(u"/api/v1/users"_s, agentToken).status, 403);

    const ApiReply promoted = m_api->patch(u"/api/v1/users/"_s + agent.id,
        QJsonObject{ { u"role"_s, u"admin"_s }, { u"display_name"_s, u"Agent Smith"_s } }, token);
    QCOMPARE(promoted.status, 200);
    QCOMPARE(promoted.json[u"user"_s][u"role"_s].toString(), u"admin"_s);
    QCOMPARE(promoted.json[u"user"_s][u"display_name"_s].toString(), u"Agent Smith"_s);
    // The same session, the new role.
    QCOMPARE(m_api->get(u"/api/v1/users"_s, agentToken).status, 200);
    QCOMPARE(m_api->get(u"/api/v1/auth/me"_s, agentToken).json.value(u"display_name"_s).toString(), u"Agent Smith"_s);

    const QList<AuditEntry> changes = audit(acme.orgId, u"user.role_changed"_s);
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes.first().actorUserId, acme.admin.id);
    QCOMPARE(changes.first().target, agent.id);
    QCOMPARE(changes.first().details.value(u"from"_s).toString(), u"agent"_s);
    QCOMPARE(changes.first().details.value(u"to"_s).toString(), u"admin"_s);

    // An account as "org create" makes it, without a display name, changes
    // too (the agent is an admin now, so the first admin may step down).
    {
        Transaction blank(m_api->database(), u"test"_s);
        QVERIFY(!blank.begin());
        QVERIFY(!blank.exec(u"UPDATE users SET display_name = '' WHERE id = ?"_s, { acme.admin.id }));
        QVERIFY(!blank.commit());
    }
    const ApiReply blankName
        = m_api->patch(u"/api/v1/users/"_s + acme.admin.id, QJsonObject{ { u"role"_s, u"manager"_s } }, token);
    QCOMPARE(blankName.status, 200);
    QCOMPARE(blankName.json[u"user"_s][u"display_name"_s].toString(), QString());
    QCOMPARE(blankName.json[u"user"_s][u"role"_s].toString(), u"manager"_s);

    // The first admin is a manager now, in the same session.
    QCOMPARE(m_api->get(u"/api/v1/users"_s, token).status, 403);

    // A name change alone is not a role change, nor is the same role again.
    const QString agentAsAdmin = m_api->signIn(agent);
    QCOMPARE(m_api->patch(u"/api/v1/users/"_s + agent.id, QJsonObject{ { u"display_name"_s, u"A. Smith"_s } },
                 agentAsAdmin)
                 .status,
        200);
    QCOMPARE(m_api->patch(u"/api/v1/users/"_s + agent.id, QJsonObject{ { u"role"_s, u"admin"_s } }, agentAsAdmin).status,
        200);
    QCOMPARE(audit(acme.orgId, u"user.role_changed"_s).size(), 2);
}

void TestUsersApi::disabledUsersTokenDiesAtOnce()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const QString token = m_api->signIn(acme.admin);
    const SeededUser agent = m_api->addUser(acme.orgId, Role::Agent, u"agent@acme.example"_s);
    const QString laptop = m_api->signIn(agent);
    const QString phone = m_api->signIn(agent);
    QCOMPARE(m_api->get(u"/api/v1/auth/me"_s, laptop).status, 200);

    const ApiReply disabled = m_api->patch(u"/api/v1/users/"_s + agent.id, QJsonObject{ { u"disabled"_s, true } }, token);
    QCOMPARE(disabled.status, 200);
    QCOMPARE(disabled.json[u"user"_s][u"disabled"_s].toBool(), true);
    for (const QString &session : { laptop, phone }) {
        const ApiReply after = m_api->get(u"/api/v1/auth/me"_s, session);
        QCOMPARE(after.status, 401);
        QCOMPARE(after.errorCode(), u"auth.invalid_token"_s);
    }
    // Every session row ended, not only hidden while disabled.
    const auto live = SqlRows::first(m_api->database(), u"test"_s,
        u"SELECT count(*) FROM sessions WHERE user_id = ? AND revoked_at IS NULL"_s, { agent.id });
    QCOMPARE(live.value()->at(0).toInt(), 0);
    const ApiReply login = m_api->post(u"/api/v1/auth/login"_s,
        QJsonObject{ { u"email"_s, agent.email }, { u"password"_s, agent.password } });
    QCOMPARE(login.status, 401);
    QCOMPARE(login.errorCode(), u"auth.invalid_credentials"_s);
    QCOMPARE(m_api->get(u"/api/v1/users"_s, token).json[u"users"_s][1][u"disabled"_s].toBool(), true);

    const QList<AuditEntry> entries = audit(acme.orgId, u"user.disabled"_s);
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().target, agent.id);
    QCOMPARE(entries.first().actorUserId, acme.admin.id);

    // Enabled again: signs in anew; the old tokens stay dead.
    const ApiReply enabled = m_api->patch(u"/api/v1/users/"_s + agent.id, QJsonObject{ { u"disabled"_s, false } }, token);
    QCOMPARE(enabled.status, 200);
    QCOMPARE(enabled.json[u"user"_s][u"disabled"_s].toBool(), false);
    QCOMPARE(m_api->get(u"/api/v1/auth/me"_s, laptop).status, 401);
    QVERIFY(!m_api->signIn(agent).isEmpty());
    QCOMPARE(audit(acme.orgId, u"user.enabled"_s).size(), 1);
    // Enabling an enabled user changes nothing and audits nothing.
    QCOMPARE(m_api->patch(u"/api/v1/users/"_s + agent.id, QJsonObject{ { u"disabled"_s, false } }, token).status, 200);
    QCOMPARE(audit(acme.orgId, u"user.enabled"_s).size(), 1);
}

void TestUsersApi::lastAdminStays()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const QString token = m_api->signIn(acme.admin);
    const QString self = u"/api/v1/users/"_s + acme.admin.id;

    for (const QJsonObject &change : { QJsonObject{ { u"role"_s, u"manager"_s } }, QJsonObject{ { u"disabled"_s, true } },
             QJsonObject{ { u"role"_s, u"agent"_s }, { u"disabled"_s, true } } }) {
        const ApiReply refused = m_api->patch(self, change, token);
        QCOMPARE(refused.status, 409);
        QCOMPARE(refused.errorCode(), u"user.last_admin"_s);
    }
    QCOMPARE(m_api->get(u"/api/v1/auth/me"_s, token).json.value(u"role"_s).toString(), u"admin"_s);

    // A disabled admin is no admin to fall back on.
    const SeededUser second = m_api->addUser(acme.orgId, Role::Admin, u"second@acme.example"_s);
    QCOMPARE(m_api->patch(u"/api/v1/users/"_s + second.id, QJsonObject{ { u"disabled"_s, true } }, token).status, 200);
    QCOMPARE(m_api->patch(self, QJsonObject{ { u"role"_s, u"manager"_s } }, token).errorCode(), u"user.last_admin"_s);

    // With another enabled admin, the first may step down.
    QCOMPARE(m_api->patch(u"/api/v1/users/"_s + second.id, QJsonObject{ { u"disabled"_s, false } }, token).status, 200);
    const ApiReply stepDown = m_api->patch(self, QJsonObject{ { u"role"_s, u"manager"_s } }, token);
    QCOMPARE(stepDown.status, 200);
    QCOMPARE(m_api->get(u"/api/v1/users"_s, token).status, 403); // a manager now
    // ... and now the second is the last one.
    const QString secondToken = m_api->signIn(second);
    QCOMPARE(m_api->patch(u"/api/v1/users/"_s + second.id, QJsonObject{ { u"role"_s, u"agent"_s } }, secondToken)
                 .errorCode(),
        u"user.last_admin"_s);
    // Changing a last admin's name is fine.
    QCOMPARE(m_api->patch(u"/api/v1/users/"_s + second.id, QJsonObject{ { u"display_name"_s, u"Boss"_s } }, secondToken)
                 .status,
        200);
}

void TestUsersApi::otherOrganisationsUsersAreUnknown()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const auto beta = m_api->addOrganisation(u"Beta"_s);
    const SeededUser betaAgent = m_api->addUser(beta.orgId, Role::Agent, u"agent@beta.example"_s);
    const QString token = m_api->signIn(acme.admin);

    const ApiReply foreign
        = m_api->patch(u"/api/v1/users/"_s + betaAgent.id, QJsonObject{ { u"disabled"_s, true } }, token);
    const ApiReply unknown
        = m_api->patch(u"/api/v1/users/no-such-user"_s, QJsonObject{ { u"disabled"_s, true } }, token);
    QCOMPARE(foreign.status, 404);
    QCOMPARE(foreign.errorCode(), u"user.not_found"_s);
    QCOMPARE(foreign.json, unknown.json);
    // Demoting another organisation's only admin is no different.
    QCOMPARE(m_api->patch(u"/api/v1/users/"_s + beta.admin.id, QJsonObject{ { u"role"_s, u"agent"_s } }, token).json,
        unknown.json);

    // Beta's agent is untouched and still signs in.
    QVERIFY(!m_api->signIn(betaAgent).isEmpty());
    const QJsonArray listed = m_api->get(u"/api/v1/users"_s, token).json.value(u"users"_s).toArray();
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.at(0)[u"id"_s].toString(), acme.admin.id);
    // A body naming another organisation is refused, not obeyed.
    const ApiReply smuggled = m_api->post(u"/api/v1/users"_s,
        QJsonObject{ { u"email"_s, u"x@beta.example"_s }, { u"display_name"_s, u"X"_s }, { u"role"_s, u"admin"_s },
            { u"org_id"_s, beta.orgId } },
        token);
    QCOMPARE(smuggled.status, 400);
    QCOMPARE(fieldPaths(smuggled), QStringList{ u"org_id"_s });
    QVERIFY(audit(beta.orgId, u"user.disabled"_s).isEmpty());
}

QTEST_GUILESS_MAIN(TestUsersApi)
#include "tst_usersapi.moc"
