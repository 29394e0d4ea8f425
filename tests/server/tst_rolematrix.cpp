// Who may call which accounts endpoint, over real HTTP on loopback, on
// SQLite and PostgreSQL: every route of auth, MFA, users, organisation and
// audit log, called with an agent's, a manager's and an admin's token (and
// with none), each with the status it must get. Requests are valid, so a
// role that is let in gets the endpoint's real answer and a role that is not
// gets 403 auth.forbidden before anything happens.
#include "apiharness.h"
#include "testdatabases.h"

#include "auth/totp.h"

#include <QJsonDocument>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::server;
using namespace callos::test;

namespace {

enum RoleColumn { AgentColumn = 0, ManagerColumn = 1, AdminColumn = 2 };

// What one role's requests know: its user, its token, what MFA gave it.
struct Caller
{
    SeededUser user;
    QString token;
    QString secret;
    int index = 0; // makes bodies unique per caller
};

} // namespace

class TestRoleMatrix : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void everyEndpointEveryRole_data() { TestDatabases::addBackendRows(); }
    void everyEndpointEveryRole();

private:
    QString codeNow(const QString &secret);

    std::unique_ptr<TestDatabases> m_databases;
    std::unique_ptr<ApiHarness> m_api;
};

void TestRoleMatrix::init()
{
    m_databases = std::make_unique<TestDatabases>();
    const auto settings = m_databases->create(TestDatabases::currentBackend());
    QVERIFY2(settings.ok(), TestDatabases::why(settings).constData());
    m_api = std::make_unique<ApiHarness>(settings.value());
    QVERIFY2(m_api->isReady(), qPrintable(m_api->why()));
}

void TestRoleMatrix::cleanup()
{
    m_api.reset();
    m_databases.reset();
}

QString TestRoleMatrix::codeNow(const QString &secret)
{
    const Result<TotpSecret> parsed = TotpSecret::fromBase32(secret);
    return parsed ? QString::fromLatin1(Totp::codeAt(parsed.value(), Totp::stepAt(m_api->clock().nowMs()))) : QString();
}

void TestRoleMatrix::everyEndpointEveryRole()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    // What the PATCH of a user changes: an agent no test signs in as.
    const SeededUser target = m_api->addUser(acme.orgId, Role::Agent, u"target@acme.example"_s);
    QList<Caller> callers{
        { m_api->addUser(acme.orgId, Role::Agent, u"agent@acme.example"_s), {}, {}, 0 },
        { m_api->addUser(acme.orgId, Role::Manager, u"manager@acme.example"_s), {}, {}, 1 },
        { acme.admin, {}, {}, 2 },
    };
    for (Caller &caller : callers) {
        caller.token = m_api->signIn(caller.user);
        QVERIFY(!caller.token.isEmpty());
    }

    using Body = std::function<QJsonObject(Caller &)>;
    const Body none = [](Caller &) { return QJsonObject{}; };
    struct Endpoint
    {
        QByteArray method;
        QString path;
        Body body;
        int status[3]; // agent, manager, admin
        // Runs after each role's call: e.g. keeps the secret enrolment gave.
        std::function<void(Caller &, const ApiReply &)> then = {};
        // Moves the clock on before the row, so a new TOTP step is current.
        bool nextStep = false;
    };
    const QString targetPath = u"/api/v1/users/"_s + target.id;
    // In order: the MFA rows build on each other for each role.
    const QList<Endpoint> endpoints{
        { "GET", u"/api/v1/auth/me"_s, none, { 200, 200, 200 } },
        { "GET", u"/api/v1/auth/sessions"_s, none, { 200, 200, 200 } },
        { "GET", u"/api/v1/auth/mfa"_s, none, { 200, 200, 200 } },
        { "POST", u"/api/v1/auth/mfa/enrol"_s, none, { 200, 200, 200 },
            [](Caller &caller, const ApiReply &reply) { caller.secret = reply.json.value(u"secret"_s).toString(); } },
        { "POST", u"/api/v1/auth/mfa/confirm"_s,
            [this](Caller &caller) { return QJsonObject{ { u"code"_s, codeNow(caller.secret) } }; }, { 200, 200, 200 } },
        { "POST", u"/api/v1/auth/mfa/recovery-codes"_s,
            [this](Caller &caller) { return QJsonObject{ { u"code"_s, codeNow(caller.secret) } }; }, { 200, 200, 200 },
            {}, true },
        { "POST", u"/api/v1/auth/mfa/disable"_s,
            [this](Caller &caller) {
                return QJsonObject{ { u"password"_s, caller.user.password }, { u"code"_s, codeNow(caller.secret) } };
            },
            { 204, 204, 204 }, {}, true },
        { "POST", u"/api/v1/auth/password"_s,
            [](Caller &caller) {
                return QJsonObject{ { u"current_password"_s, caller.user.password },
                    { u"new_password"_s, caller.user.password } };
            },
            { 204, 204, 204 } },
        { "GET", u"/api/v1/organisation"_s, none, { 403, 403, 200 } },
        { "PATCH", u"/api/v1/organisation"_s, [](Caller &) { return QJsonObject{ { u"require_mfa"_s, false } }; },
            { 403, 403, 200 } },
        { "GET", u"/api/v1/users"_s, none, { 403, 403, 200 } },
        { "POST", u"/api/v1/users"_s,
            [](Caller &caller) {
                return QJsonObject{ { u"email"_s, u"new%1@acme.example"_s.arg(caller.index) },
                    { u"display_name"_s, u"New"_s }, { u"role"_s, u"agent"_s },
                    { u"password"_s, u"a long enough passphrase"_s } };
            },
            { 403, 403, 201 } },
        { "PATCH", targetPath,
            [](Caller &caller) { return QJsonObject{ { u"display_name"_s, u"Renamed %1"_s.arg(caller.index) } }; },
            { 403, 403, 200 } },
        { "GET", u"/api/v1/audit"_s, none, { 403, 403, 200 } },
        { "GET", u"/api/v1/audit?action=auth.login&limit=5"_s, none, { 403, 403, 200 } },
        { "POST", u"/api/v1/auth/logout"_s, none, { 204, 204, 204 } },
    };

    for (const Endpoint &endpoint : endpoints) {
        if (endpoint.nextStep)
            m_api->clock().advance(Totp::kStepMs);
        const QString name = QString::fromLatin1(endpoint.method) + u' ' + endpoint.path;

        // Without a token: 401, whatever the role.
        const ApiReply anonymous = endpoint.method == "GET"
            ? m_api->get(endpoint.path)
            : m_api->send(endpoint.method, endpoint.path, "{}", { { "Content-Type", "application/json" } });
        QVERIFY2(anonymous.status == 401, qPrintable(name + u": no token gave %1"_s.arg(anonymous.status)));
        QCOMPARE(anonymous.errorCode(), u"auth.required"_s);

        for (Caller &caller : callers) {
            const QString who = name + u" as "_s + roleName(caller.user.role);
            const QJsonObject body = endpoint.body(caller);
            const ApiReply reply = endpoint.method == "GET"
                ? m_api->get(endpoint.path, caller.token)
                : m_api->send(endpoint.method, endpoint.path, QJsonDocument(body).toJson(QJsonDocument::Compact),
                      { { "Content-Type", "application/json" } }, caller.token);
            const int expected = endpoint.status[caller.index];
            QVERIFY2(reply.status == expected,
                qPrintable(who + u": %1, expected %2: %3"_s.arg(reply.status).arg(expected)
                                     .arg(QString::fromUtf8(reply.body))));
            if (expected == 403)
                QVERIFY2(reply.errorCode() == u"auth.forbidden", qPrintable(who + u": "_s + reply.errorCode()));
            if (endpoint.then)
                endpoint.then(caller, reply);
        }
    }

    // What only admins may do happened once, by the admin.
    const auto created = m_api->app().audit().read(acme.orgId, u"user.created"_s, 0, 10).value();
    QCOMPARE(created.entries.size(), 1);
    QCOMPARE(created.entries.first().actorUserId, acme.admin.id);
}

QTEST_GUILESS_MAIN(TestRoleMatrix)
#include "tst_rolematrix.moc"
