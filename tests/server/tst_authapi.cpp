// /api/v1/auth over real HTTP on loopback, on SQLite and PostgreSQL: sign-in,
// who am I, sessions, sign-out, password change, expiry, throttling, and the
// router's refusals every endpoint shares (401, 404, 405, 413, 415, unknown
// fields, malformed JSON).
#include "apitestserver.h"
#include "storage/sqlrows.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::server;
using namespace callos::test;

class TestAuthApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void signInAndWhoAmI_data() { TestDatabases::addBackendRows(); }
    void signInAndWhoAmI();
    void wrongPasswordAndUnknownEmailLookAlike_data() { TestDatabases::addBackendRows(); }
    void wrongPasswordAndUnknownEmailLookAlike();
    void logoutEndsTheSession_data() { TestDatabases::addBackendRows(); }
    void logoutEndsTheSession();
    void idleAndAbsoluteExpiry_data() { TestDatabases::addBackendRows(); }
    void idleAndAbsoluteExpiry();
    void passwordChangeEndsOtherSessions_data() { TestDatabases::addBackendRows(); }
    void passwordChangeEndsOtherSessions();
    void bruteForceIsThrottled_data() { TestDatabases::addBackendRows(); }
    void bruteForceIsThrottled();
    void passwordChangeGuessingIsThrottled_data() { TestDatabases::addBackendRows(); }
    void passwordChangeGuessingIsThrottled();
    void routerRefusals_data() { TestDatabases::addBackendRows(); }
    void routerRefusals();
    void databaseFailureIsLoggedNotShown_data() { TestDatabases::addBackendRows(); }
    void databaseFailureIsLoggedNotShown();
    void tokensAndPasswordsAreNeverLogged_data() { TestDatabases::addBackendRows(); }
    void tokensAndPasswordsAreNeverLogged();

private:
    ApiTestServer m_api;
};

void TestAuthApi::init()
{
    QVERIFY2(m_api.start(), m_api.why());
}

void TestAuthApi::cleanup()
{
    m_api.stop();
}

void TestAuthApi::signInAndWhoAmI()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const ApiReply login = m_api->post(u"/api/v1/auth/login"_s,
        QJsonObject{ { u"email"_s, u"ADMIN@acme.example "_s }, { u"password"_s, ApiHarness::seededPassword() } });
    QCOMPARE(login.status, 200);
    const QString token = login.json.value(u"token"_s).toString();
    QVERIFY(token.startsWith(u"cos_"_s));
    QVERIFY(token.size() >= 4 + 43); // 256 bits, base64url
    QCOMPARE(login.json.value(u"expires_at"_s).toInteger(), m_api->clock().nowMs() + 12LL * 3600 * 1000);
    QVERIFY(!login.header("X-Request-Id").isEmpty());

    const ApiReply me = m_api->get(u"/api/v1/auth/me"_s, token);
    QCOMPARE(me.status, 200);
    QCOMPARE(me.json.value(u"email"_s).toString(), acme.admin.email);
    QCOMPARE(me.json.value(u"role"_s).toString(), u"admin"_s);
    QCOMPARE(me.json.value(u"organisation"_s).toString(), u"Acme"_s);
    QCOMPARE(me.json.value(u"org_id"_s).toString(), acme.orgId);

    // The token is stored hashed, never as issued.
    const auto stored = SqlRows::first(m_api->database(), u"test"_s, u"SELECT token_hash FROM sessions"_s);
    QVERIFY(stored.ok() && stored.value());
    QVERIFY(stored.value()->at(0).toString() != token);
    QCOMPARE(stored.value()->at(0).toString().size(), 64);

    const auto audit = m_api->app().audit().read(acme.orgId, u"auth.login"_s, 0, 10);
    QVERIFY(audit.ok());
    QCOMPARE(audit.value().entries.size(), 1);
    QCOMPARE(audit.value().entries.first().actorUserId, acme.admin.id);
}

void TestAuthApi::wrongPasswordAndUnknownEmailLookAlike()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const ApiReply wrong = m_api->post(u"/api/v1/auth/login"_s,
        QJsonObject{ { u"email"_s, acme.admin.email }, { u"password"_s, u"not the password at all"_s } });
    const ApiReply unknown = m_api->post(u"/api/v1/auth/login"_s,
        QJsonObject{ { u"email"_s, u"nobody@acme.example"_s }, { u"password"_s, u"not the password at all"_s } });
    QCOMPARE(wrong.status, 401);
    QCOMPARE(unknown.status, 401);
    QCOMPARE(wrong.errorCode(), u"auth.invalid_credentials"_s);
    QCOMPARE(wrong.json, unknown.json);
    // The failure of a known account is audited for its admins.
    const auto audit = m_api->app().audit().read(acme.orgId, u"auth.login_failed"_s, 0, 10);
    QVERIFY(audit.ok());
    QCOMPARE(audit.value().entries.size(), 1);
    QCOMPARE(audit.value().entries.first().details.value(u"reason"_s).toString(), u"wrong_password"_s);
}

void TestAuthApi::logoutEndsTheSession()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const QString token = m_api->signIn(acme.admin);
    QCOMPARE(m_api->post(u"/api/v1/auth/logout"_s, {}, token).status, 204);
    const ApiReply after = m_api->get(u"/api/v1/auth/me"_s, token);
    QCOMPARE(after.status, 401);
    QCOMPARE(after.errorCode(), u"auth.invalid_token"_s);
    QCOMPARE(m_api->app().audit().read(acme.orgId, u"auth.logout"_s, 0, 10).value().entries.size(), 1);
}

void TestAuthApi::idleAndAbsoluteExpiry()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    // Idle: two hours without a request ends the session.
    const QString idle = m_api->signIn(acme.admin);
    m_api->clock().advanceMinutes(119);
    QCOMPARE(m_api->get(u"/api/v1/auth/me"_s, idle).status, 200);
    m_api->clock().advanceMinutes(119); // busy sessions live on
    QCOMPARE(m_api->get(u"/api/v1/auth/me"_s, idle).status, 200);
    m_api->clock().advanceMinutes(121);
    const ApiReply expired = m_api->get(u"/api/v1/auth/me"_s, idle);
    QCOMPARE(expired.status, 401);
    QCOMPARE(expired.errorCode(), u"auth.session_expired"_s);

    // Absolute: twelve hours after sign-in, however busy.
    const QString busy = m_api->signIn(acme.admin);
    for (int hour = 0; hour < 11; ++hour) {
        m_api->clock().advanceMinutes(60);
        QCOMPARE(m_api->get(u"/api/v1/auth/me"_s, busy).status, 200);
    }
    m_api->clock().advanceMinutes(59);
    QCOMPARE(m_api->get(u"/api/v1/auth/me"_s, busy).status, 200);
    m_api->clock().advanceMinutes(1);
    QCOMPARE(m_api->get(u"/api/v1/auth/me"_s, busy).errorCode(), u"auth.session_expired"_s);
}

void TestAuthApi::passwordChangeEndsOtherSessions()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const QString laptop = m_api->signIn(acme.admin);
    const QString phone = m_api->signIn(acme.admin);
    QCOMPARE(m_api->get(u"/api/v1/auth/sessions"_s, laptop).json.value(u"sessions"_s).toArray().size(), 2);

    const ApiReply weak = m_api->post(u"/api/v1/auth/password"_s,
        QJsonObject{ { u"current_password"_s, ApiHarness::seededPassword() }, { u"new_password"_s, u"short"_s } },
        laptop);
    QCOMPARE(weak.status, 400);
    QCOMPARE(weak.json[u"error"_s][u"details"_s][u"fields"_s][0][u"path"_s].toString(), u"new_password"_s);

    const ApiReply wrong = m_api->post(u"/api/v1/auth/password"_s,
        QJsonObject{ { u"current_password"_s, u"guessing wrongly here"_s },
            { u"new_password"_s, u"a much better passphrase 7"_s } },
        laptop);
    QCOMPARE(wrong.status, 403);

    const ApiReply changed = m_api->post(u"/api/v1/auth/password"_s,
        QJsonObject{ { u"current_password"_s, ApiHarness::seededPassword() },
            { u"new_password"_s, u"a much better passphrase 7"_s } },
        laptop);
    QCOMPARE(changed.status, 204);
    QCOMPARE(m_api->get(u"/api/v1/auth/me"_s, laptop).status, 200);
    QCOMPARE(m_api->get(u"/api/v1/auth/me"_s, phone).status, 401);
    SeededUser renewed = acme.admin;
    QVERIFY(m_api->signIn(renewed).isEmpty()); // the old password no longer works
    renewed.password = u"a much better passphrase 7"_s;
    QVERIFY(!m_api->signIn(renewed).isEmpty());
}

void TestAuthApi::bruteForceIsThrottled()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const QJsonObject guess{ { u"email"_s, acme.admin.email }, { u"password"_s, u"wrong guess number x"_s } };
    for (int attempt = 0; attempt < 5; ++attempt)
        QCOMPARE(m_api->post(u"/api/v1/auth/login"_s, guess).status, 401);
    QCOMPARE(m_api->post(u"/api/v1/auth/login"_s, guess).status, 401); // the 6th failure starts the delay
    const ApiReply throttled = m_api->post(u"/api/v1/auth/login"_s, guess);
    QCOMPARE(throttled.status, 429);
    QCOMPARE(throttled.errorCode(), u"auth.throttled"_s);
    QVERIFY(throttled.header("Retry-After").toInt() >= 1);
    // Even the right password waits: the answer must not confirm a guess.
    QVERIFY(m_api->signIn(acme.admin).isEmpty());
    // The real user gets in once the delay is over.
    m_api->clock().advance(throttled.header("Retry-After").toInt() * 1000);
    QVERIFY(!m_api->signIn(acme.admin).isEmpty());
}

void TestAuthApi::passwordChangeGuessingIsThrottled()
{
    // Someone holds a session of the account (a laptop left open) and tries
    // to find its password through the password change.
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const QString stolen = m_api->signIn(acme.admin);
    const auto change = [&](const QString &current) {
        return m_api->post(u"/api/v1/auth/password"_s,
            QJsonObject{ { u"current_password"_s, current }, { u"new_password"_s, u"taken over for good 1234"_s } },
            stolen);
    };
    for (int attempt = 0; attempt < 6; ++attempt) // the 6th failure starts the delay, as at sign-in
        QCOMPARE(change(u"guess number %1"_s.arg(attempt)).errorCode(), u"auth.wrong_password"_s);
    const ApiReply throttled = change(u"yet another guess"_s);
    QCOMPARE(throttled.status, 429);
    QCOMPARE(throttled.errorCode(), u"auth.throttled"_s);
    const int retryAfter = throttled.header("Retry-After").toInt();
    QVERIFY(retryAfter >= 1);
    QCOMPARE(throttled.json[u"error"_s][u"details"_s][u"retry_after_s"_s].toInt(), retryAfter);
    // Even the right password waits, and nothing changes: the answer must not confirm a guess.
    QCOMPARE(change(ApiHarness::seededPassword()).status, 429);
    // It is the account's throttle, the one sign-in uses.
    const ApiReply login = m_api->post(u"/api/v1/auth/login"_s,
        QJsonObject{ { u"email"_s, acme.admin.email }, { u"password"_s, ApiHarness::seededPassword() } });
    QCOMPARE(login.status, 429);
    QCOMPARE(login.errorCode(), u"auth.throttled"_s);

    // Once the wait is over the owner signs in and changes the password.
    m_api->clock().advance(retryAfter * 1000);
    const QString owner = m_api->signIn(acme.admin);
    QVERIFY(!owner.isEmpty());
    const ApiReply changed = m_api->post(u"/api/v1/auth/password"_s,
        QJsonObject{ { u"current_password"_s, ApiHarness::seededPassword() },
            { u"new_password"_s, u"a much better passphrase 7"_s } },
        owner);
    QCOMPARE(changed.status, 204);
    QCOMPARE(m_api->get(u"/api/v1/auth/me"_s, stolen).status, 401); // and the other session is gone
}

void TestAuthApi::routerRefusals()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const QString token = m_api->signIn(acme.admin);
    struct Case
    {
        const char *name;
        QByteArray method;
        QString path;
        QByteArray body;
        QByteArray contentType;
        QString token;
        int status;
        QString code;
    };
    const QByteArray json = "application/json";
    const QList<Case> cases{
        { "no token", "GET", u"/api/v1/auth/me"_s, {}, {}, {}, 401, u"auth.required"_s },
        { "made-up token", "GET", u"/api/v1/auth/me"_s, {}, {}, u"cos_madeup"_s, 401, u"auth.invalid_token"_s },
        { "foreign token", "GET", u"/api/v1/auth/me"_s, {}, {}, u"abc"_s, 401, u"auth.invalid_token"_s },
        { "no such path", "GET", u"/api/v1/nothing"_s, {}, {}, token, 404, u"http.not_found"_s },
        { "wrong method", "GET", u"/api/v1/auth/login"_s, {}, {}, {}, 405, u"http.method_not_allowed"_s },
        { "too large", "POST", u"/api/v1/auth/login"_s, QByteArray(5000, 'x'), json, {}, 413, u"request.too_large"_s },
        { "not json", "POST", u"/api/v1/auth/login"_s, "email=a", "application/x-www-form-urlencoded", {}, 415,
            u"request.unsupported_media_type"_s },
        { "bad json", "POST", u"/api/v1/auth/login"_s, "{\"email\": ", json, {}, 400, u"request.malformed_json"_s },
        { "invalid utf-8", "POST", u"/api/v1/auth/login"_s, "{\"email\": \"\xff\"}", json, {}, 400,
            u"request.malformed_json"_s },
        { "lone surrogate", "POST", u"/api/v1/auth/login"_s, "{\"email\": \"a\\ud83d@b.example\"}", json, {}, 400,
            u"request.malformed_json"_s },
        { "too deep", "POST", u"/api/v1/auth/login"_s, QByteArray(40, '[') + QByteArray(40, ']'), json, {}, 400,
            u"request.malformed_json"_s },
        { "array body", "POST", u"/api/v1/auth/login"_s, "[]", json, {}, 400, u"request.malformed_json"_s },
        { "unknown field", "POST", u"/api/v1/auth/login"_s,
            "{\"email\":\"a@b.example\",\"password\":\"x\",\"org_id\":\"other\"}", json, {}, 400,
            u"request.invalid"_s },
        { "wrong type", "POST", u"/api/v1/auth/login"_s, "{\"email\":42,\"password\":\"x\"}", json, {}, 400,
            u"request.invalid"_s },
        { "missing field", "POST", u"/api/v1/auth/login"_s, "{\"email\":\"a@b.example\"}", json, {}, 400,
            u"request.invalid"_s },
        { "bad email", "POST", u"/api/v1/auth/login"_s, "{\"email\":\"not-an-address\",\"password\":\"x\"}", json,
            {}, 400, u"request.invalid"_s },
    };
    for (const Case &c : cases) {
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!c.contentType.isEmpty())
            headers.append({ "Content-Type", c.contentType });
        const ApiReply reply = m_api->send(c.method, c.path, c.body, headers, c.token);
        QVERIFY2(reply.status == c.status,
            qPrintable(u"%1: status %2, expected %3: %4"_s.arg(QLatin1String(c.name)).arg(reply.status).arg(c.status)
                    .arg(QString::fromUtf8(reply.body))));
        QVERIFY2(reply.errorCode() == c.code,
            qPrintable(u"%1: code %2, expected %3"_s.arg(QLatin1String(c.name), reply.errorCode(), c.code)));
        QVERIFY2(!reply.errorMessage().isEmpty(), c.name);
        QVERIFY2(reply.json[u"error"_s][u"details"_s].isObject(), c.name);
    }
    const ApiReply unknownField = m_api->send("POST", u"/api/v1/auth/login"_s,
        "{\"email\":\"a@b.example\",\"password\":\"x\",\"org_id\":\"other\"}", { { "Content-Type", json } });
    QCOMPARE(unknownField.json[u"error"_s][u"details"_s][u"fields"_s][0][u"path"_s].toString(), u"org_id"_s);
    QCOMPARE(m_api->send("GET", u"/api/v1/auth/login"_s, {}, {}).header("Allow"), QByteArray("POST"));
}

void TestAuthApi::databaseFailureIsLoggedNotShown()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const QString token = m_api->signIn(acme.admin);
    m_api->database().close();
    const ApiReply reply = m_api->get(u"/api/v1/auth/me"_s, token);
    QVERIFY2(reply.status == 500 || reply.status == 503, reply.body.constData());
    QVERIFY(reply.errorCode().startsWith(u"server."_s));
    // The client learns nothing of the database; the operator's log does.
    QVERIFY(!reply.body.contains(m_api->database().name().toUtf8()));
    const QList<QByteArray> lines = m_api->logText().trimmed().split('\n');
    QVERIFY(lines.last().contains("\"status\":5"));
    QVERIFY2(lines.last().contains("\"detail\""), lines.last().constData());
}

void TestAuthApi::tokensAndPasswordsAreNeverLogged()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const QString token = m_api->signIn(acme.admin);
    QCOMPARE(m_api->get(u"/api/v1/auth/me"_s, token).status, 200);
    const QByteArray log = m_api->logText();
    QVERIFY(log.contains("\"path\":\"/api/v1/auth/me\""));
    QVERIFY(!log.contains(token.toLatin1()));
    QVERIFY(!log.contains(ApiHarness::seededPassword().toUtf8()));
    QVERIFY(!log.contains(token.mid(4, 20).toLatin1()));
}

QTEST_GUILESS_MAIN(TestAuthApi)
#include "tst_authapi.moc"
