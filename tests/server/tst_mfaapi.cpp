// TOTP MFA over real HTTP on loopback, on SQLite and PostgreSQL: enrolment
// with an otpauth URI, confirmation with recovery codes, sign-in with a code
// (once only, one step of drift either way, two refused), recovery codes
// (once only, regenerated), the organisation requiring MFA (setup-only
// sessions), turning MFA off, and guessing throttled.
#include "apiharness.h"
#include "testdatabases.h"

#include "auth/base32.h"
#include "auth/totp.h"
#include "storage/sqlrows.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::server;
using namespace callos::test;

namespace {

constexpr qint64 kStepMs = Totp::kStepMs;

} // namespace

class TestMfaApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void enrolmentAndConfirmation_data() { TestDatabases::addBackendRows(); }
    void enrolmentAndConfirmation();
    void signInNeedsTheCode_data() { TestDatabases::addBackendRows(); }
    void signInNeedsTheCode();
    void aCodeWorksOnceOnly_data() { TestDatabases::addBackendRows(); }
    void aCodeWorksOnceOnly();
    void oneStepOfDriftAcceptedTwoRefused_data() { TestDatabases::addBackendRows(); }
    void oneStepOfDriftAcceptedTwoRefused();
    void recoveryCodeWorksOnceOnly_data() { TestDatabases::addBackendRows(); }
    void recoveryCodeWorksOnceOnly();
    void regeneratedRecoveryCodesReplaceTheOldOnes_data() { TestDatabases::addBackendRows(); }
    void regeneratedRecoveryCodesReplaceTheOldOnes();
    void organisationRequirementForcesSetup_data() { TestDatabases::addBackendRows(); }
    void organisationRequirementForcesSetup();
    void disable_data() { TestDatabases::addBackendRows(); }
    void disable();
    void wrongCodesAreThrottled_data() { TestDatabases::addBackendRows(); }
    void wrongCodesAreThrottled();
    void secretsAndCodesAreNeverLogged_data() { TestDatabases::addBackendRows(); }
    void secretsAndCodesAreNeverLogged();

private:
    struct Enabled
    {
        QString token;
        QString secret;
        QStringList recoveryCodes;
    };

    // The code of the authenticator app `offsetSteps` steps from now.
    QString codeAt(const QString &secret, int offsetSteps = 0);
    // Signs in, enrols, confirms; the clock then moves on a step so the
    // confirmation's code is not the current one.
    Enabled enableMfa(const SeededUser &user);
    ApiReply login(const SeededUser &user, const QJsonObject &extra = {});
    QList<AuditEntry> audit(const QString &orgId, const QString &action);
    std::optional<SqlRows::Row> userRow(const QString &userId);

    std::unique_ptr<TestDatabases> m_databases;
    std::unique_ptr<ApiHarness> m_api;
};

void TestMfaApi::init()
{
    m_databases = std::make_unique<TestDatabases>();
    const auto settings = m_databases->create(TestDatabases::currentBackend());
    QVERIFY2(settings.ok(), TestDatabases::why(settings).constData());
    m_api = std::make_unique<ApiHarness>(settings.value());
    QVERIFY2(m_api->isReady(), qPrintable(m_api->why()));
}

void TestMfaApi::cleanup()
{
    m_api.reset();
    m_databases.reset();
}

QString TestMfaApi::codeAt(const QString &secret, int offsetSteps)
{
    const Result<TotpSecret> parsed = TotpSecret::fromBase32(secret);
    if (!parsed)
        return {};
    return QString::fromLatin1(Totp::codeAt(parsed.value(), Totp::stepAt(m_api->clock().nowMs()) + offsetSteps));
}

TestMfaApi::Enabled TestMfaApi::enableMfa(const SeededUser &user)
{
    Enabled enabled;
    enabled.token = m_api->signIn(user);
    const ApiReply enrolled = m_api->post(u"/api/v1/auth/mfa/enrol"_s, {}, enabled.token);
    enabled.secret = enrolled.json.value(u"secret"_s).toString();
    const ApiReply confirmed = m_api->post(
        u"/api/v1/auth/mfa/confirm"_s, QJsonObject{ { u"code"_s, codeAt(enabled.secret) } }, enabled.token);
    for (const QJsonValue &code : confirmed.json.value(u"recovery_codes"_s).toArray())
        enabled.recoveryCodes.append(code.toString());
    m_api->clock().advance(kStepMs);
    return enabled;
}

ApiReply TestMfaApi::login(const SeededUser &user, const QJsonObject &extra)
{
    QJsonObject body{ { u"email"_s, user.email }, { u"password"_s, user.password } };
    for (auto it = extra.begin(); it != extra.end(); ++it)
        body.insert(it.key(), it.value());
    return m_api->post(u"/api/v1/auth/login"_s, body);
}

QList<AuditEntry> TestMfaApi::audit(const QString &orgId, const QString &action)
{
    const auto page = m_api->app().audit().read(orgId, action, 0, 100);
    return page ? page.value().entries : QList<AuditEntry>();
}

std::optional<SqlRows::Row> TestMfaApi::userRow(const QString &userId)
{
    const auto row = SqlRows::first(m_api->database(), u"test"_s,
        u"SELECT mfa_secret, mfa_enabled_at, mfa_pending_secret, mfa_last_step FROM users WHERE id = ?"_s, { userId });
    return row ? row.value() : std::nullopt;
}

void TestMfaApi::enrolmentAndConfirmation()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const SeededUser dana = m_api->addUser(acme.orgId, Role::Agent, u"dana+sales@acme.example"_s);
    const QString token = m_api->signIn(dana);

    const ApiReply before = m_api->get(u"/api/v1/auth/mfa"_s, token);
    QCOMPARE(before.status, 200);
    QCOMPARE(before.json.value(u"enabled"_s).toBool(), false);
    QCOMPARE(before.json.value(u"enrolment_pending"_s).toBool(), false);

    // Confirming before enrolling has nothing to confirm.
    const ApiReply early = m_api->post(u"/api/v1/auth/mfa/confirm"_s, QJsonObject{ { u"code"_s, u"123456"_s } }, token);
    QCOMPARE(early.status, 409);
    QCOMPARE(early.errorCode(), u"auth.mfa_not_enrolled"_s);

    const ApiReply withField
        = m_api->post(u"/api/v1/auth/mfa/enrol"_s, QJsonObject{ { u"secret"_s, u"MYOWNSECRET"_s } }, token);
    QCOMPARE(withField.status, 400);
    QCOMPARE(withField.json[u"error"_s][u"details"_s][u"fields"_s][0][u"path"_s].toString(), u"secret"_s);
    const ApiReply bare = m_api->send("POST", u"/api/v1/auth/mfa/enrol"_s, {}, {}, token); // no body at all
    QCOMPARE(bare.status, 200);
    const QString replaced = bare.json.value(u"secret"_s).toString();

    const ApiReply enrolled = m_api->post(u"/api/v1/auth/mfa/enrol"_s, {}, token);
    QCOMPARE(enrolled.status, 200);
    const QString secret = enrolled.json.value(u"secret"_s).toString();
    QCOMPARE(secret.size(), 32); // 160 bits of base32
    QCOMPARE(Base32::decode(secret).value().size(), TotpSecret::kBytes);
    const QString uriText = enrolled.json.value(u"otpauth_uri"_s).toString();
    // The account name percent-encoded, so "+" and "@" survive any app.
    QVERIFY2(uriText.startsWith(u"otpauth://totp/CallOS:dana%2Bsales%40acme.example?"_s), qPrintable(uriText));
    const QUrlQuery query{ QUrl(uriText) };
    QCOMPARE(query.queryItemValue(u"secret"_s), secret);
    QCOMPARE(query.queryItemValue(u"issuer"_s), u"CallOS"_s);
    QCOMPARE(query.queryItemValue(u"digits"_s), u"6"_s);
    QCOMPARE(query.queryItemValue(u"period"_s), u"30"_s);

    // Stored as pending only: until confirmed, MFA is off.
    QCOMPARE(userRow(dana.id)->at(2).toString(), secret);
    QVERIFY(userRow(dana.id)->at(0).isNull());
    QCOMPARE(m_api->get(u"/api/v1/auth/mfa"_s, token).json.value(u"enrolment_pending"_s).toBool(), true);
    QCOMPARE(login(dana).status, 200);

    const ApiReply wrong = m_api->post(u"/api/v1/auth/mfa/confirm"_s,
        QJsonObject{ { u"code"_s, QString::fromLatin1(QByteArray::number((codeAt(secret).toInt() + 1) % 1000000)
                                                          .rightJustified(6, '0')) } },
        token);
    QCOMPARE(wrong.status, 403);
    QCOMPARE(wrong.errorCode(), u"auth.mfa_invalid"_s);
    // Enrolling again replaced the first secret: its codes confirm nothing.
    const ApiReply stale
        = m_api->post(u"/api/v1/auth/mfa/confirm"_s, QJsonObject{ { u"code"_s, codeAt(replaced) } }, token);
    QCOMPARE(stale.errorCode(), u"auth.mfa_invalid"_s);
    const ApiReply malformed
        = m_api->post(u"/api/v1/auth/mfa/confirm"_s, QJsonObject{ { u"code"_s, 123456 } }, token);
    QCOMPARE(malformed.status, 400);
    QCOMPARE(malformed.json[u"error"_s][u"details"_s][u"fields"_s][0][u"path"_s].toString(), u"code"_s);

    // Codes are accepted as apps show them, with a space.
    const QString code = codeAt(secret);
    const ApiReply confirmed = m_api->post(
        u"/api/v1/auth/mfa/confirm"_s, QJsonObject{ { u"code"_s, QString(code.left(3) + u' ' + code.mid(3)) } }, token);
    QCOMPARE(confirmed.status, 200);
    const QJsonArray codes = confirmed.json.value(u"recovery_codes"_s).toArray();
    QCOMPARE(codes.size(), 10);
    QSet<QString> distinct;
    for (const QJsonValue &value : codes) {
        QVERIFY(QRegularExpression(u"^[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}$"_s).match(value.toString()).hasMatch());
        distinct.insert(value.toString());
    }
    QCOMPARE(distinct.size(), 10);

    const auto row = userRow(dana.id);
    QCOMPARE(row->at(0).toString(), secret);
    QCOMPARE(row->at(1).toLongLong(), m_api->clock().nowMs());
    QVERIFY(row->at(2).isNull());
    QCOMPARE(row->at(3).toLongLong(), Totp::stepAt(m_api->clock().nowMs()));
    // Only hashes of the recovery codes are kept.
    const auto stored = SqlRows::select(m_api->database(), u"test"_s,
        u"SELECT code_hash FROM mfa_recovery_codes WHERE user_id = ? AND used_at IS NULL"_s, { dana.id });
    QCOMPARE(stored.value().size(), 10);
    for (const SqlRows::Row &hash : stored.value()) {
        QVERIFY(hash.at(0).toString().startsWith(u"blake2b$"_s));
        QVERIFY(!distinct.contains(hash.at(0).toString()));
    }

    const ApiReply me = m_api->get(u"/api/v1/auth/me"_s, token);
    QCOMPARE(me.json.value(u"mfa_enabled"_s).toBool(), true);
    const ApiReply status = m_api->get(u"/api/v1/auth/mfa"_s, token);
    QCOMPARE(status.json.value(u"enabled"_s).toBool(), true);
    QCOMPARE(status.json.value(u"recovery_codes_remaining"_s).toInt(), 10);

    const QList<AuditEntry> enabledEntries = audit(acme.orgId, u"auth.mfa_enabled"_s);
    QCOMPARE(enabledEntries.size(), 1);
    QCOMPARE(enabledEntries.first().actorUserId, dana.id);
    QCOMPARE(enabledEntries.first().target, dana.id);

    // A stolen session must not swap the authenticator.
    QCOMPARE(m_api->post(u"/api/v1/auth/mfa/enrol"_s, {}, token).errorCode(), u"auth.mfa_already_enabled"_s);
    QCOMPARE(m_api->post(u"/api/v1/auth/mfa/confirm"_s, QJsonObject{ { u"code"_s, codeAt(secret, 1) } }, token).status,
        409);
    QCOMPARE(m_api->post(u"/api/v1/auth/mfa/enrol"_s, {}).status, 401);
}

void TestMfaApi::signInNeedsTheCode()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const Enabled mfa = enableMfa(acme.admin);
    QCOMPARE(mfa.recoveryCodes.size(), 10);

    const ApiReply missing = login(acme.admin);
    QCOMPARE(missing.status, 401);
    QCOMPARE(missing.errorCode(), u"auth.mfa_required"_s);
    QVERIFY(!missing.json.contains(u"token"_s));
    // The wrong password with a right code tells nothing about the code.
    SeededUser wrongPassword = acme.admin;
    wrongPassword.password = u"not the password at all"_s;
    const ApiReply wrong = login(wrongPassword, { { u"totp"_s, codeAt(mfa.secret) } });
    QCOMPARE(wrong.errorCode(), u"auth.invalid_credentials"_s);

    const ApiReply ok = login(acme.admin, { { u"totp"_s, codeAt(mfa.secret) } });
    QCOMPARE(ok.status, 200);
    QCOMPARE(ok.json.value(u"mfa_setup_required"_s).toBool(), false);
    const QString token = ok.json.value(u"token"_s).toString();
    QCOMPARE(m_api->get(u"/api/v1/auth/me"_s, token).status, 200);
    const QList<AuditEntry> logins = audit(acme.orgId, u"auth.login"_s);
    QCOMPARE(logins.first().details.value(u"mfa"_s).toString(), u"totp"_s);

    const ApiReply both = login(acme.admin, { { u"totp"_s, codeAt(mfa.secret) }, { u"recovery_code"_s, mfa.recoveryCodes.first() } });
    QCOMPARE(both.status, 400);
    QCOMPARE(both.json[u"error"_s][u"details"_s][u"fields"_s][0][u"path"_s].toString(), u"recovery_code"_s);
    const ApiReply numeric = login(acme.admin, { { u"totp"_s, 123456 } });
    QCOMPARE(numeric.status, 400);
    QCOMPARE(numeric.json[u"error"_s][u"details"_s][u"fields"_s][0][u"path"_s].toString(), u"totp"_s);
}

void TestMfaApi::aCodeWorksOnceOnly()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const Enabled mfa = enableMfa(acme.admin);
    // The code that confirmed the enrolment (one step ago, so still inside
    // the window) was used by doing so.
    const ApiReply confirming = login(acme.admin, { { u"totp"_s, codeAt(mfa.secret, -1) } });
    QCOMPARE(confirming.status, 401);
    QCOMPARE(confirming.errorCode(), u"auth.mfa_invalid"_s);

    const QString code = codeAt(mfa.secret);
    QCOMPARE(login(acme.admin, { { u"totp"_s, code } }).status, 200);
    // The same code again, within its 30 seconds: refused, as a failure.
    const ApiReply replay = login(acme.admin, { { u"totp"_s, code } });
    QCOMPARE(replay.status, 401);
    QCOMPARE(replay.errorCode(), u"auth.mfa_invalid"_s);
    QVERIFY(!replay.json.contains(u"token"_s));
    const QList<AuditEntry> failures = audit(acme.orgId, u"auth.login_failed"_s);
    QCOMPARE(failures.size(), 2);
    QCOMPARE(failures.first().details.value(u"reason"_s).toString(), u"mfa"_s);
    QCOMPARE(failures.first().actorUserId, acme.admin.id);
    QCOMPARE(failures.first().target, acme.admin.id);
    // Still refused ten seconds later, in the same step.
    m_api->clock().advance(10'000);
    QCOMPARE(login(acme.admin, { { u"totp"_s, code } }).errorCode(), u"auth.mfa_invalid"_s);

    // Once the clock moves on, the next code works, once.
    m_api->clock().advance(kStepMs);
    const QString next = codeAt(mfa.secret);
    QCOMPARE(login(acme.admin, { { u"totp"_s, next } }).status, 200);
    QCOMPARE(login(acme.admin, { { u"totp"_s, next } }).errorCode(), u"auth.mfa_invalid"_s);
    QCOMPARE(userRow(acme.admin.id)->at(3).toLongLong(), Totp::stepAt(m_api->clock().nowMs()));
}

void TestMfaApi::oneStepOfDriftAcceptedTwoRefused()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const Enabled mfa = enableMfa(acme.admin);
    // Well past every step used so far.
    m_api->clock().advanceMinutes(10);

    for (const int offset : { -2, 2 }) {
        const ApiReply refused = login(acme.admin, { { u"totp"_s, codeAt(mfa.secret, offset) } });
        QVERIFY2(refused.status == 401, qPrintable(u"offset %1: %2"_s.arg(offset).arg(refused.status)));
        QCOMPARE(refused.errorCode(), u"auth.mfa_invalid"_s);
    }
    // A phone 30 seconds slow, then one 30 seconds fast.
    const ApiReply slow = login(acme.admin, { { u"totp"_s, codeAt(mfa.secret, -1) } });
    QCOMPARE(slow.status, 200);
    const ApiReply fast = login(acme.admin, { { u"totp"_s, codeAt(mfa.secret, 1) } });
    QCOMPARE(fast.status, 200);
    // After a newer code, an older one is refused even inside the window.
    QCOMPARE(login(acme.admin, { { u"totp"_s, codeAt(mfa.secret, 0) } }).errorCode(), u"auth.mfa_invalid"_s);
    QCOMPARE(audit(acme.orgId, u"auth.login_failed"_s).size(), 3);
}

void TestMfaApi::recoveryCodeWorksOnceOnly()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const Enabled mfa = enableMfa(acme.admin);

    const ApiReply first = login(acme.admin, { { u"recovery_code"_s, mfa.recoveryCodes.at(3) } });
    QCOMPARE(first.status, 200);
    QCOMPARE(first.json.value(u"recovery_codes_remaining"_s).toInt(), 9);
    QCOMPARE(audit(acme.orgId, u"auth.login"_s).first().details.value(u"mfa"_s).toString(), u"recovery_code"_s);
    const QList<AuditEntry> used = audit(acme.orgId, u"auth.recovery_code_used"_s);
    QCOMPARE(used.size(), 1);
    QCOMPARE(used.first().details.value(u"remaining"_s).toInt(), 9);
    QVERIFY(!QJsonDocument(used.first().details).toJson().contains(mfa.recoveryCodes.at(3).toLatin1()));

    const ApiReply again = login(acme.admin, { { u"recovery_code"_s, mfa.recoveryCodes.at(3) } });
    QCOMPARE(again.status, 401);
    QCOMPARE(again.errorCode(), u"auth.mfa_invalid"_s);
    QCOMPARE(audit(acme.orgId, u"auth.login_failed"_s).first().details.value(u"reason"_s).toString(), u"mfa"_s);

    // Typed as people type: upper case, without dashes.
    const QString typed = mfa.recoveryCodes.at(5).toUpper().remove(u'-');
    QCOMPARE(login(acme.admin, { { u"recovery_code"_s, typed } }).status, 200);
    QCOMPARE(login(acme.admin, { { u"recovery_code"_s, u"0000-0000-0000"_s } }).errorCode(), u"auth.mfa_invalid"_s);
    QCOMPARE(login(acme.admin, { { u"recovery_code"_s, u"not a code"_s } }).errorCode(), u"auth.mfa_invalid"_s);
    const QString token = login(acme.admin, { { u"totp"_s, codeAt(mfa.secret) } }).json.value(u"token"_s).toString();
    QCOMPARE(m_api->get(u"/api/v1/auth/mfa"_s, token).json.value(u"recovery_codes_remaining"_s).toInt(), 8);
}

void TestMfaApi::regeneratedRecoveryCodesReplaceTheOldOnes()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const Enabled mfa = enableMfa(acme.admin);

    const ApiReply wrong = m_api->post(
        u"/api/v1/auth/mfa/recovery-codes"_s, QJsonObject{ { u"code"_s, codeAt(mfa.secret, 3) } }, mfa.token);
    QCOMPARE(wrong.status, 403);
    QCOMPARE(wrong.errorCode(), u"auth.mfa_invalid"_s);

    const ApiReply fresh = m_api->post(
        u"/api/v1/auth/mfa/recovery-codes"_s, QJsonObject{ { u"code"_s, codeAt(mfa.secret) } }, mfa.token);
    QCOMPARE(fresh.status, 200);
    const QJsonArray codes = fresh.json.value(u"recovery_codes"_s).toArray();
    QCOMPARE(codes.size(), 10);
    QVERIFY(!mfa.recoveryCodes.contains(codes.at(0).toString()));
    const QList<AuditEntry> regenerated = audit(acme.orgId, u"auth.recovery_codes_regenerated"_s);
    QCOMPARE(regenerated.size(), 1);
    QCOMPARE(regenerated.first().details.value(u"via"_s).toString(), u"totp"_s);

    QCOMPARE(login(acme.admin, { { u"recovery_code"_s, mfa.recoveryCodes.first() } }).errorCode(),
        u"auth.mfa_invalid"_s);
    QCOMPARE(login(acme.admin, { { u"recovery_code"_s, codes.at(0).toString() } }).status, 200);

    // A recovery code also pays for a new set, and is used up doing so.
    const ApiReply byRecovery = m_api->post(
        u"/api/v1/auth/mfa/recovery-codes"_s, QJsonObject{ { u"code"_s, codes.at(1).toString() } }, mfa.token);
    QCOMPARE(byRecovery.status, 200);
    QCOMPARE(audit(acme.orgId, u"auth.recovery_code_used"_s).first().details.value(u"during"_s).toString(),
        u"recovery_codes"_s);
    QCOMPARE(login(acme.admin, { { u"recovery_code"_s, codes.at(2).toString() } }).errorCode(), u"auth.mfa_invalid"_s);

    // Without MFA there is nothing to regenerate.
    const SeededUser agent = m_api->addUser(acme.orgId, Role::Agent, u"agent@acme.example"_s);
    const ApiReply none = m_api->post(
        u"/api/v1/auth/mfa/recovery-codes"_s, QJsonObject{ { u"code"_s, u"123456"_s } }, m_api->signIn(agent));
    QCOMPARE(none.status, 409);
    QCOMPARE(none.errorCode(), u"auth.mfa_not_enabled"_s);
}

void TestMfaApi::organisationRequirementForcesSetup()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const SeededUser agent = m_api->addUser(acme.orgId, Role::Agent, u"agent@acme.example"_s);
    const QString adminToken = m_api->signIn(acme.admin);

    const ApiReply bad = m_api->patch(u"/api/v1/organisation"_s, QJsonObject{ { u"require_mfa"_s, u"yes"_s } }, adminToken);
    QCOMPARE(bad.status, 400);
    QCOMPARE(bad.json[u"error"_s][u"details"_s][u"fields"_s][0][u"path"_s].toString(), u"require_mfa"_s);

    const ApiReply required
        = m_api->patch(u"/api/v1/organisation"_s, QJsonObject{ { u"require_mfa"_s, true } }, adminToken);
    QCOMPARE(required.status, 200);
    QCOMPARE(required.json.value(u"require_mfa"_s).toBool(), true);
    QCOMPARE(required.json.value(u"name"_s).toString(), u"Acme"_s);
    const QList<AuditEntry> changes = audit(acme.orgId, u"config.require_mfa_changed"_s);
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes.first().details.value(u"to"_s).toBool(), true);
    QCOMPARE(changes.first().actorUserId, acme.admin.id);

    // The admin has no MFA either: from their next request on, their session
    // only reaches the auth routes.
    const ApiReply blocked = m_api->get(u"/api/v1/users"_s, adminToken);
    QCOMPARE(blocked.status, 403);
    QCOMPARE(blocked.errorCode(), u"auth.mfa_setup_required"_s);
    QCOMPARE(m_api->get(u"/api/v1/organisation"_s, adminToken).errorCode(), u"auth.mfa_setup_required"_s);
    QCOMPARE(m_api->get(u"/api/v1/audit"_s, adminToken).errorCode(), u"auth.mfa_setup_required"_s);

    // A user without MFA still signs in, and is told to set it up.
    const ApiReply login = this->login(agent);
    QCOMPARE(login.status, 200);
    QCOMPARE(login.json.value(u"mfa_setup_required"_s).toBool(), true);
    const QString agentToken = login.json.value(u"token"_s).toString();
    const ApiReply me = m_api->get(u"/api/v1/auth/me"_s, agentToken);
    QCOMPARE(me.status, 200);
    QCOMPARE(me.json.value(u"mfa_setup_required"_s).toBool(), true);
    QCOMPARE(m_api->get(u"/api/v1/auth/sessions"_s, agentToken).status, 200);
    // Every route outside /api/v1/auth answers 403, before any role check.
    const ApiReply users = m_api->get(u"/api/v1/users"_s, agentToken);
    QCOMPARE(users.status, 403);
    QCOMPARE(users.errorCode(), u"auth.mfa_setup_required"_s);
    QVERIFY(users.errorMessage().contains(u"/api/v1/auth/mfa/enrol"_s));
    QCOMPARE(m_api->send("GET", u"//api/v1/users"_s, {}, {}, agentToken).errorCode(), u"auth.mfa_setup_required"_s);
    QCOMPARE(m_api->get(u"/api/v1/nothing"_s, agentToken).status, 404);

    // Enrolling and confirming from that session lifts it at once.
    const ApiReply enrolled = m_api->post(u"/api/v1/auth/mfa/enrol"_s, {}, agentToken);
    QCOMPARE(enrolled.status, 200);
    const QString secret = enrolled.json.value(u"secret"_s).toString();
    QCOMPARE(m_api->post(u"/api/v1/auth/mfa/confirm"_s, QJsonObject{ { u"code"_s, codeAt(secret) } }, agentToken).status,
        200);
    const ApiReply allowed = m_api->get(u"/api/v1/users"_s, agentToken);
    QCOMPARE(allowed.status, 403);
    QCOMPARE(allowed.errorCode(), u"auth.forbidden"_s); // an agent, now judged by role alone
    QCOMPARE(m_api->get(u"/api/v1/auth/me"_s, agentToken).json.value(u"mfa_setup_required"_s).toBool(), false);

    // Signing in again needs the code; no setup is asked for.
    m_api->clock().advance(kStepMs);
    const ApiReply again = this->login(agent, { { u"totp"_s, codeAt(secret) } });
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json.value(u"mfa_setup_required"_s).toBool(), false);

    // The admin sets up MFA too, then lifts the rule; the agent's old
    // session was never the issue, a fresh user's is freed at once.
    const SeededUser other = m_api->addUser(acme.orgId, Role::Manager, u"manager@acme.example"_s);
    const QString otherToken = m_api->signIn(other);
    QCOMPARE(m_api->get(u"/api/v1/users"_s, otherToken).errorCode(), u"auth.mfa_setup_required"_s);
    const QString adminSecret
        = m_api->post(u"/api/v1/auth/mfa/enrol"_s, {}, adminToken).json.value(u"secret"_s).toString();
    QCOMPARE(
        m_api->post(u"/api/v1/auth/mfa/confirm"_s, QJsonObject{ { u"code"_s, codeAt(adminSecret) } }, adminToken).status,
        200);
    QCOMPARE(m_api->get(u"/api/v1/users"_s, adminToken).status, 200);
    const ApiReply lifted
        = m_api->patch(u"/api/v1/organisation"_s, QJsonObject{ { u"require_mfa"_s, false } }, adminToken);
    QCOMPARE(lifted.status, 200);
    QCOMPARE(lifted.json.value(u"require_mfa"_s).toBool(), false);
    QCOMPARE(m_api->get(u"/api/v1/users"_s, otherToken).errorCode(), u"auth.forbidden"_s);
    QCOMPARE(audit(acme.orgId, u"config.require_mfa_changed"_s).size(), 2);
    // Setting what is set already changes nothing and audits nothing.
    QCOMPARE(m_api->patch(u"/api/v1/organisation"_s, QJsonObject{ { u"require_mfa"_s, false } }, adminToken).status,
        200);
    QCOMPARE(audit(acme.orgId, u"config.require_mfa_changed"_s).size(), 2);
}

void TestMfaApi::disable()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const Enabled mfa = enableMfa(acme.admin);
    const QString path = u"/api/v1/auth/mfa/disable"_s;

    const ApiReply wrongPassword = m_api->post(
        path, QJsonObject{ { u"password"_s, u"not the password at all"_s }, { u"code"_s, codeAt(mfa.secret) } },
        mfa.token);
    QCOMPARE(wrongPassword.status, 403);
    QCOMPARE(wrongPassword.errorCode(), u"auth.wrong_password"_s);
    const ApiReply wrongCode = m_api->post(
        path, QJsonObject{ { u"password"_s, acme.admin.password }, { u"code"_s, codeAt(mfa.secret, -2) } }, mfa.token);
    QCOMPARE(wrongCode.status, 403);
    QCOMPARE(wrongCode.errorCode(), u"auth.mfa_invalid"_s);
    const ApiReply missing = m_api->post(path, QJsonObject{ { u"code"_s, codeAt(mfa.secret) } }, mfa.token);
    QCOMPARE(missing.status, 400);
    QCOMPARE(missing.json[u"error"_s][u"details"_s][u"fields"_s][0][u"path"_s].toString(), u"password"_s);
    QCOMPARE(userRow(acme.admin.id)->at(0).toString(), mfa.secret); // still on

    const ApiReply off = m_api->post(
        path, QJsonObject{ { u"password"_s, acme.admin.password }, { u"code"_s, codeAt(mfa.secret) } }, mfa.token);
    QCOMPARE(off.status, 204);
    QVERIFY(userRow(acme.admin.id)->at(0).isNull());
    QVERIFY(userRow(acme.admin.id)->at(1).isNull());
    QCOMPARE(SqlRows::first(m_api->database(), u"test"_s, u"SELECT count(*) FROM mfa_recovery_codes WHERE user_id = ?"_s,
                 { acme.admin.id })
                 .value()
                 ->at(0)
                 .toInt(),
        0);
    const QList<AuditEntry> disabled = audit(acme.orgId, u"auth.mfa_disabled"_s);
    QCOMPARE(disabled.size(), 1);
    QCOMPARE(disabled.first().details.value(u"via"_s).toString(), u"totp"_s);
    QCOMPARE(m_api->get(u"/api/v1/auth/me"_s, mfa.token).json.value(u"mfa_enabled"_s).toBool(), false);
    QCOMPARE(login(acme.admin).status, 200);
    QCOMPARE(m_api->post(path, QJsonObject{ { u"password"_s, acme.admin.password }, { u"code"_s, u"123456"_s } }, mfa.token)
                 .errorCode(),
        u"auth.mfa_not_enabled"_s);

    // A lost phone: a recovery code turns it off too, and MFA can be set up anew.
    m_api->clock().advance(kStepMs);
    const Enabled again = enableMfa(acme.admin);
    const ApiReply byRecovery = m_api->post(path,
        QJsonObject{ { u"password"_s, acme.admin.password }, { u"code"_s, again.recoveryCodes.last() } }, again.token);
    QCOMPARE(byRecovery.status, 204);
    QCOMPARE(audit(acme.orgId, u"auth.mfa_disabled"_s).first().details.value(u"via"_s).toString(), u"recovery_code"_s);
    QCOMPARE(audit(acme.orgId, u"auth.recovery_code_used"_s).first().details.value(u"during"_s).toString(),
        u"mfa_disable"_s);
    QCOMPARE(audit(acme.orgId, u"auth.mfa_enabled"_s).size(), 2);
}

void TestMfaApi::wrongCodesAreThrottled()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const Enabled mfa = enableMfa(acme.admin);
    m_api->clock().advanceMinutes(5);
    // Wrong codes at sign-in count like wrong passwords: five are free.
    for (int attempt = 0; attempt < 6; ++attempt)
        QCOMPARE(login(acme.admin, { { u"totp"_s, codeAt(mfa.secret, 5 + attempt) } }).errorCode(),
            u"auth.mfa_invalid"_s);
    const ApiReply throttled = login(acme.admin, { { u"totp"_s, codeAt(mfa.secret) } });
    QCOMPARE(throttled.status, 429);
    QCOMPARE(throttled.errorCode(), u"auth.throttled"_s);
    // A session cannot guess its way past the throttle either.
    const ApiReply regenerate = m_api->post(
        u"/api/v1/auth/mfa/recovery-codes"_s, QJsonObject{ { u"code"_s, codeAt(mfa.secret) } }, mfa.token);
    QCOMPARE(regenerate.status, 429);
    m_api->clock().advance(throttled.header("Retry-After").toInt() * 1000);
    QCOMPARE(login(acme.admin, { { u"totp"_s, codeAt(mfa.secret) } }).status, 200);
}

void TestMfaApi::secretsAndCodesAreNeverLogged()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const Enabled mfa = enableMfa(acme.admin);
    const QString code = codeAt(mfa.secret);
    QCOMPARE(login(acme.admin, { { u"totp"_s, code } }).status, 200);
    const QByteArray log = m_api->logText();
    QVERIFY(log.contains("\"path\":\"/api/v1/auth/mfa/confirm\""));
    QVERIFY(!log.contains(mfa.secret.toLatin1()));
    for (const QString &recovery : mfa.recoveryCodes)
        QVERIFY(!log.contains(recovery.toLatin1()));
    // Nor are they in the audit log.
    const auto all = m_api->app().audit().read(acme.orgId, QString(), 0, 100).value();
    for (const AuditEntry &entry : all.entries) {
        const QByteArray details = QJsonDocument(entry.details).toJson();
        QVERIFY(!details.contains(mfa.secret.toLatin1()));
        for (const QString &recovery : mfa.recoveryCodes)
            QVERIFY(!details.contains(recovery.toLatin1()));
    }
}

QTEST_GUILESS_MAIN(TestMfaApi)
#include "tst_mfaapi.moc"
