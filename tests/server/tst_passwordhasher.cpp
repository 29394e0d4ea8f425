// PasswordHasher (Argon2id via libsodium), PasswordPolicy and
// PasswordGenerator: the three pieces of a stored password.
#include "auth/passwordgenerator.h"
#include "auth/passwordhasher.h"
#include "auth/passwordpolicy.h"
#include "auth/sodiumruntime.h"

#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::server;

class TestPasswordHasher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void hashIsArgon2idWithOwaspParameters();
    void verifyAcceptsOnlyTheSamePassword();
    void refusesShortPasswords();
    void refusesCommonPasswords();
    void acceptsLongUncommonPassword();
    void generatesLongDistinctPasswords();

private:
    std::optional<SodiumRuntime> m_sodium;
};

void TestPasswordHasher::initTestCase()
{
    Result<SodiumRuntime> sodium = SodiumRuntime::initialise();
    QVERIFY(sodium.ok());
    m_sodium.emplace(sodium.value());
}

void TestPasswordHasher::hashIsArgon2idWithOwaspParameters()
{
    const PasswordHasher hasher(*m_sodium);
    const Result<QString> hash = hasher.hash(u"a long enough passphrase"_s);
    QVERIFY(hash.ok());
    QVERIFY2(hash.value().startsWith(u"$argon2id$v=19$m=65536,t=2,p=1$"_s), qPrintable(hash.value()));
    // A random salt: the same password never hashes the same twice.
    QVERIFY(hasher.hash(u"a long enough passphrase"_s).value() != hash.value());
}

void TestPasswordHasher::verifyAcceptsOnlyTheSamePassword()
{
    const PasswordHasher hasher(*m_sodium);
    const QString hash = hasher.hash(u"grün-Äpfel sind lecker"_s).value();
    QVERIFY(hasher.verify(hash, u"grün-Äpfel sind lecker"_s));
    QVERIFY(!hasher.verify(hash, u"grün-Äpfel sind lecke"_s));
    QVERIFY(!hasher.verify(hash, QString()));
    QVERIFY(!hasher.verify(u"plain text"_s, u"plain text"_s));
    QVERIFY(!hasher.verify(QString(), QString()));
}

void TestPasswordHasher::refusesShortPasswords()
{
    const auto refusal = PasswordPolicy::check(u"elevenchars"_s);
    QVERIFY(refusal.has_value());
    QCOMPARE(refusal->code, u"auth.password_too_short"_s);
    QCOMPARE(refusal->message, u"The password is too short: it needs at least 12 characters."_s);
    // Characters, not UTF-16 units: 11 emoji are 22 units but 11 characters.
    QString emoji;
    for (int i = 0; i < 11; ++i)
        emoji += u"\U0001F600"_s;
    QVERIFY(PasswordPolicy::check(emoji).has_value());
}

void TestPasswordHasher::refusesCommonPasswords()
{
    for (const QString &common : { u"password1234"_s, u"Password1234"_s, u"QWERTY123456"_s, u"administrator"_s }) {
        const auto refusal = PasswordPolicy::check(common);
        QVERIFY2(refusal.has_value(), qPrintable(common));
        QCOMPARE(refusal->code, u"auth.password_common"_s);
        QCOMPARE(refusal->message, u"The password is one of the most common passwords; choose another."_s);
        QVERIFY(!refusal->message.contains(common));
    }
}

void TestPasswordHasher::acceptsLongUncommonPassword()
{
    QVERIFY(PasswordPolicy::check(u"twelve chars"_s) == std::nullopt);
    QVERIFY(PasswordPolicy::check(u"violet-otter-sings-at-noon"_s) == std::nullopt);
}

void TestPasswordHasher::generatesLongDistinctPasswords()
{
    const PasswordGenerator generator(*m_sodium);
    QSet<QString> seen;
    for (int i = 0; i < 50; ++i) {
        const QString password = generator.generate();
        QVERIFY(password.size() >= 20);
        QVERIFY(PasswordPolicy::check(password) == std::nullopt);
        for (QChar c : password)
            QVERIFY(c.isLetterOrNumber() && c.unicode() < 128);
        seen.insert(password);
    }
    QCOMPARE(seen.size(), 50);
}

QTEST_GUILESS_MAIN(TestPasswordHasher)
#include "tst_passwordhasher.moc"
