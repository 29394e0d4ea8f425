// GET /api/v1/audit over real HTTP on loopback, on SQLite and PostgreSQL:
// what an admin reads after sign-ins (ok and failed), a sign-out, an MFA
// change and a role change; filtering by action; paging with next_before;
// bad parameters named as on every other list; one organisation never sees
// another's log.
#include "apitestserver.h"

#include "auth/totp.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::server;
using namespace callos::test;

namespace {

QStringList actionsOf(const QJsonArray &entries)
{
    QStringList actions;
    for (const QJsonValue &entry : entries)
        actions.append(entry[u"action"_s].toString());
    return actions;
}

} // namespace

class TestAuditApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void showsWhatHappened_data() { TestDatabases::addBackendRows(); }
    void showsWhatHappened();
    void filtersByAction_data() { TestDatabases::addBackendRows(); }
    void filtersByAction();
    void pages_data() { TestDatabases::addBackendRows(); }
    void pages();
    void badParametersAreNamed_data() { TestDatabases::addBackendRows(); }
    void badParametersAreNamed();
    void organisationsSeeOnlyTheirOwn_data() { TestDatabases::addBackendRows(); }
    void organisationsSeeOnlyTheirOwn();

private:
    ApiTestServer m_api;
};

void TestAuditApi::init()
{
    QVERIFY2(m_api.start(), m_api.why());
}

void TestAuditApi::cleanup()
{
    m_api.stop();
}

void TestAuditApi::showsWhatHappened()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const SeededUser agent = m_api->addUser(acme.orgId, Role::Agent, u"agent@acme.example"_s);
    const qint64 start = m_api->clock().nowMs();

    const QString adminToken = m_api->signIn(acme.admin); // 1 auth.login (admin)
    m_api->clock().advance(1000);
    QCOMPARE(m_api->post(u"/api/v1/auth/login"_s,
                 QJsonObject{ { u"email"_s, agent.email }, { u"password"_s, u"a wrong guess of a password"_s } })
                 .status,
        401); // 2 auth.login_failed
    QCOMPARE(m_api->post(u"/api/v1/auth/login"_s,
                 QJsonObject{ { u"email"_s, u"nobody@acme.example"_s }, { u"password"_s, u"whatever it may be"_s } })
                 .status,
        401); // nobody to account to: not in any organisation's log
    m_api->clock().advance(1000);
    const QString agentToken = m_api->signIn(agent); // 3 auth.login (agent)
    m_api->clock().advance(1000);
    QCOMPARE(m_api->post(u"/api/v1/auth/logout"_s, {}, agentToken).status, 204); // 4 auth.logout
    m_api->clock().advance(1000);
    QCOMPARE(m_api->patch(u"/api/v1/users/"_s + agent.id, QJsonObject{ { u"role"_s, u"manager"_s } }, adminToken).status,
        200); // 5 user.role_changed
    m_api->clock().advance(1000);
    const QString secret
        = m_api->post(u"/api/v1/auth/mfa/enrol"_s, {}, adminToken).json.value(u"secret"_s).toString();
    const QString code = QString::fromLatin1(
        Totp::codeAt(TotpSecret::fromBase32(secret).value(), Totp::stepAt(m_api->clock().nowMs())));
    QCOMPARE(m_api->post(u"/api/v1/auth/mfa/confirm"_s, QJsonObject{ { u"code"_s, code } }, adminToken).status,
        200); // 6 auth.mfa_enabled

    const ApiReply reply = m_api->get(u"/api/v1/audit"_s, adminToken);
    QCOMPARE(reply.status, 200);
    const QJsonArray entries = reply.json.value(u"entries"_s).toArray();
    QCOMPARE(actionsOf(entries),
        (QStringList{ u"auth.mfa_enabled"_s, u"user.role_changed"_s, u"auth.logout"_s, u"auth.login"_s,
            u"auth.login_failed"_s, u"auth.login"_s }));
    QVERIFY(reply.json.value(u"next_before"_s).isNull());

    // Newest first, by id; each at its moment.
    for (qsizetype i = 1; i < entries.size(); ++i)
        QVERIFY(entries.at(i - 1)[u"id"_s].toInteger() > entries.at(i)[u"id"_s].toInteger());
    QCOMPARE(entries.at(5)[u"at"_s].toInteger(), start);
    QCOMPARE(entries.at(0)[u"at"_s].toInteger(), start + 5000);

    const QJsonObject adminLogin = entries.at(5).toObject();
    QCOMPARE(adminLogin.value(u"actor_user_id"_s).toString(), acme.admin.id);
    QCOMPARE(adminLogin.value(u"target"_s).toString(), acme.admin.id);
    QCOMPARE(adminLogin[u"details"_s][u"address"_s].toString(), u"127.0.0.1"_s);
    QVERIFY(!adminLogin[u"details"_s][u"session_id"_s].toString().isEmpty());
    QCOMPARE(adminLogin[u"details"_s][u"mfa"_s].toString(), u"none"_s);

    const QJsonObject failed = entries.at(4).toObject();
    QCOMPARE(failed.value(u"actor_user_id"_s).toString(), agent.id);
    QCOMPARE(failed[u"details"_s][u"reason"_s].toString(), u"wrong_password"_s);

    const QJsonObject logout = entries.at(2).toObject();
    QCOMPARE(logout.value(u"actor_user_id"_s).toString(), agent.id);
    QCOMPARE(logout[u"details"_s][u"session_id"_s].toString(), entries.at(3)[u"details"_s][u"session_id"_s].toString());

    const QJsonObject roleChange = entries.at(1).toObject();
    QCOMPARE(roleChange.value(u"actor_user_id"_s).toString(), acme.admin.id);
    QCOMPARE(roleChange.value(u"target"_s).toString(), agent.id);
    QCOMPARE(roleChange.value(u"details"_s).toObject(),
        (QJsonObject{ { u"from"_s, u"agent"_s }, { u"to"_s, u"manager"_s } }));

    QCOMPARE(entries.at(0)[u"actor_user_id"_s].toString(), acme.admin.id);

    // No password, token, secret or code in what the log shows.
    for (const QByteArray &secretText : { ApiHarness::seededPassword().toUtf8(), "a wrong guess"_ba,
             adminToken.toLatin1(), secret.toLatin1() })
        QVERIFY2(!reply.body.contains(secretText), secretText.constData());

    // An entry of the system has no actor.
    QVERIFY(!m_api->app().audit().record(AuditEntry{ acme.orgId, QString(), u"system.check"_s, acme.orgId, {} }));
    const ApiReply system = m_api->get(u"/api/v1/audit?limit=1"_s, adminToken);
    QCOMPARE(system.json[u"entries"_s][0][u"action"_s].toString(), u"system.check"_s);
    QVERIFY(system.json[u"entries"_s][0][u"actor_user_id"_s].isNull());
    QCOMPARE(system.json[u"entries"_s][0][u"details"_s].toObject(), QJsonObject());
}

void TestAuditApi::filtersByAction()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const QString token = m_api->signIn(acme.admin);
    SeededUser wrong = acme.admin;
    wrong.password = u"not the right password"_s;
    QVERIFY(m_api->signIn(wrong).isEmpty());
    QVERIFY(!m_api->signIn(acme.admin).isEmpty());

    const ApiReply logins = m_api->get(u"/api/v1/audit?action=auth.login"_s, token);
    QCOMPARE(logins.status, 200);
    QCOMPARE(actionsOf(logins.json.value(u"entries"_s).toArray()), (QStringList{ u"auth.login"_s, u"auth.login"_s }));
    const ApiReply failed = m_api->get(u"/api/v1/audit?action=auth.login_failed"_s, token);
    QCOMPARE(actionsOf(failed.json.value(u"entries"_s).toArray()), QStringList{ u"auth.login_failed"_s });
    const ApiReply none = m_api->get(u"/api/v1/audit?action=user.created"_s, token);
    QCOMPARE(none.status, 200);
    QCOMPARE(none.json.value(u"entries"_s).toArray().size(), 0);
    QVERIFY(none.json.value(u"next_before"_s).isNull());
    // An empty action is no filter.
    QCOMPARE(m_api->get(u"/api/v1/audit?action="_s, token).json.value(u"entries"_s).toArray().size(), 3);
}

void TestAuditApi::pages()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const QString token = m_api->signIn(acme.admin);
    for (int i = 0; i < 6; ++i)
        QVERIFY(!m_api->signIn(acme.admin).isEmpty()); // 7 auth.login in all
    QVERIFY(!m_api->app().audit().record(AuditEntry{ acme.orgId, acme.admin.id, u"other.thing"_s, acme.orgId, {} }));

    const QJsonArray all = m_api->get(u"/api/v1/audit?limit=200"_s, token).json.value(u"entries"_s).toArray();
    QCOMPARE(all.size(), 8);

    QJsonArray walked;
    QString path = u"/api/v1/audit?limit=3"_s;
    QList<int> sizes;
    for (int page = 0; page < 10; ++page) {
        const ApiReply reply = m_api->get(path, token);
        QCOMPARE(reply.status, 200);
        const QJsonArray entries = reply.json.value(u"entries"_s).toArray();
        sizes.append(int(entries.size()));
        for (const QJsonValue &entry : entries)
            walked.append(entry);
        const QJsonValue next = reply.json.value(u"next_before"_s);
        if (next.isNull())
            break;
        QCOMPARE(next.toInteger(), entries.last()[u"id"_s].toInteger());
        path = u"/api/v1/audit?limit=3&before=%1"_s.arg(next.toInteger());
    }
    QCOMPARE(sizes, (QList<int>{ 3, 3, 2 }));
    QCOMPARE(walked, all);

    // Pages of one action.
    const ApiReply first = m_api->get(u"/api/v1/audit?action=auth.login&limit=4"_s, token);
    QCOMPARE(actionsOf(first.json.value(u"entries"_s).toArray()), QStringList(4, u"auth.login"_s));
    const qint64 before = first.json.value(u"next_before"_s).toInteger();
    const ApiReply second = m_api->get(u"/api/v1/audit?action=auth.login&limit=4&before=%1"_s.arg(before), token);
    QCOMPARE(actionsOf(second.json.value(u"entries"_s).toArray()), QStringList(3, u"auth.login"_s));
    QVERIFY(second.json.value(u"next_before"_s).isNull());

    // Exactly a page's worth: no empty page after it.
    const ApiReply exact = m_api->get(u"/api/v1/audit?limit=8"_s, token);
    QCOMPARE(exact.json.value(u"entries"_s).toArray().size(), 8);
    QVERIFY(exact.json.value(u"next_before"_s).isNull());
    // The default page is 50.
    QCOMPARE(m_api->get(u"/api/v1/audit"_s, token).json.value(u"entries"_s).toArray().size(), 8);
}

void TestAuditApi::badParametersAreNamed()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const QString token = m_api->signIn(acme.admin);
    const struct
    {
        QString query;
        QStringList fields;
    } cases[] = {
        { u"limit=0"_s, { u"limit"_s } },
        { u"limit=201"_s, { u"limit"_s } },
        { u"limit=ten"_s, { u"limit"_s } },
        { u"limit=-1"_s, { u"limit"_s } },
        { u"limit=2.5"_s, { u"limit"_s } },
        { u"limit="_s, { u"limit"_s } },
        { u"before=0"_s, { u"before"_s } },
        { u"before=abc"_s, { u"before"_s } },
        { u"before=99999999999999999999999"_s, { u"before"_s } },
        { u"action="_s + QString(101, u'a'), { u"action"_s } },
        { u"actor=someone"_s, { u"actor"_s } },
        { u"limit=+5"_s, { u"limit"_s } },
        { u"limit=%205"_s, { u"limit"_s } },
        { u"limit=5&limit=6"_s, { u"limit"_s } },
        { u"before=3&before=4"_s, { u"before"_s } },
        { u"limit=0&before=x&page=2"_s, { u"before"_s, u"limit"_s, u"page"_s } },
    };
    for (const auto &c : cases) {
        const ApiReply reply = m_api->get(u"/api/v1/audit?"_s + c.query, token);
        QVERIFY2(reply.status == 400, qPrintable(c.query));
        QCOMPARE(reply.errorCode(), u"request.invalid"_s);
        QVERIFY2(reply.fieldPaths() == c.fields, qPrintable(c.query + u": "_s + reply.fieldPaths().join(u',')));
    }
    QCOMPARE(m_api->get(u"/api/v1/audit?limit=200&before=1"_s, token).status, 200);

    // The same words as every other list for the same mistake.
    for (const QString &query : { u"limit=0"_s, u"limit=ten"_s, u"limit=5&limit=6"_s, u"page=2"_s }) {
        const ApiReply audit = m_api->get(u"/api/v1/audit?"_s + query, token);
        const ApiReply prospects = m_api->get(u"/api/v1/prospects?"_s + query, token);
        QCOMPARE(prospects.status, 400);
        QVERIFY2(audit.json[u"error"_s] == prospects.json[u"error"_s],
            qPrintable(query + u": "_s + audit.errorMessage() + u" / "_s + prospects.errorMessage()));
    }
}

void TestAuditApi::organisationsSeeOnlyTheirOwn()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const auto beta = m_api->addOrganisation(u"Beta"_s);
    const QString acmeToken = m_api->signIn(acme.admin);
    const QString betaToken = m_api->signIn(beta.admin);
    QCOMPARE(m_api->post(u"/api/v1/auth/logout"_s, {}, betaToken).status, 204);
    const QString betaAgain = m_api->signIn(beta.admin);

    const QJsonArray acmeEntries = m_api->get(u"/api/v1/audit"_s, acmeToken).json.value(u"entries"_s).toArray();
    QCOMPARE(actionsOf(acmeEntries), QStringList{ u"auth.login"_s });
    QCOMPARE(acmeEntries.at(0)[u"actor_user_id"_s].toString(), acme.admin.id);
    const QJsonArray betaEntries = m_api->get(u"/api/v1/audit"_s, betaAgain).json.value(u"entries"_s).toArray();
    QCOMPARE(actionsOf(betaEntries), (QStringList{ u"auth.login"_s, u"auth.logout"_s, u"auth.login"_s }));
    // Paging past another organisation's ids shows nothing of it either.
    const qint64 newest = betaEntries.at(0)[u"id"_s].toInteger() + 1;
    const QJsonArray paged
        = m_api->get(u"/api/v1/audit?before=%1"_s.arg(newest), acmeToken).json.value(u"entries"_s).toArray();
    QCOMPARE(actionsOf(paged), QStringList{ u"auth.login"_s });
}

QTEST_GUILESS_MAIN(TestAuditApi)
#include "tst_auditapi.moc"
