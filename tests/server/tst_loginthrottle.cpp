// LoginThrottle: growing waits per account and per address, on a fake clock.
#include "auth/loginthrottle.h"

#include "fakeclock.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::server;

namespace {

constexpr qint64 kSecond = 1'000;
constexpr qint64 kMinute = 60 * kSecond;
constexpr qint64 kHour = 60 * kMinute;

QHostAddress ipv4(int n)
{
    return QHostAddress(quint32(0xC6336400u + quint32(n))); // 198.51.100.n and on
}

QString account(int n)
{
    return u"user%1@example.com"_s.arg(n);
}

const QString kAlice = u"alice@example.com"_s;
const QHostAddress kAttacker(u"203.0.113.7"_s);
const QHostAddress kAliceHome(u"192.0.2.10"_s);

} // namespace

class TestLoginThrottle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstFiveFailuresCostNothing();
    void oneAccountFromManyAddressesIsSlowed();
    void oneAddressAgainstManyAccountsIsSlowed();
    void delaysDoubleUpToTheirCaps();
    void realUserLogsInAfterTheAccountDelay();
    void successClearsTheAccountNotTheAddress();
    void waitIsTheLongerOfAccountAndAddress();
    void forgetsAfterADayOfQuiet();
    void quietKeysAreDroppedFromMemory();
    void evictsTheLeastRecentlyFailedKey();
    void trackedKeysStayWithinTheCap();
    void emailsAreComparedNormalised();
    void ipv6IsThrottledPerSlash64();
    void ipv4MappedIpv6IsTheIpv4Address();
};

void TestLoginThrottle::firstFiveFailuresCostNothing()
{
    test::FakeClock clock;
    LoginThrottle throttle(clock);
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(throttle.retryAfterMs(kAlice, kAliceHome), std::nullopt);
        throttle.recordFailure(kAlice, kAliceHome);
    }
    QCOMPARE(throttle.retryAfterMs(kAlice, kAliceHome), std::nullopt);
    throttle.recordFailure(kAlice, kAliceHome);
    QCOMPARE(throttle.retryAfterMs(kAlice, kAliceHome), std::optional<qint64>(kSecond));
    clock.advance(400);
    QCOMPARE(throttle.retryAfterMs(kAlice, kAliceHome), std::optional<qint64>(600));
    clock.advance(600);
    QCOMPARE(throttle.retryAfterMs(kAlice, kAliceHome), std::nullopt);
}

void TestLoginThrottle::oneAccountFromManyAddressesIsSlowed()
{
    // A botnet: every guess from a fresh address, always as early as allowed.
    test::FakeClock clock;
    LoginThrottle throttle(clock);
    const qint64 start = clock.nowMs();
    int guesses = 0;
    while (clock.nowMs() - start < 24 * kHour) {
        const QHostAddress from = ipv4(guesses);
        if (const std::optional<qint64> wait = throttle.retryAfterMs(kAlice, from)) {
            QVERIFY(*wait <= 5 * kMinute);
            clock.advance(*wait);
            continue;
        }
        throttle.recordFailure(kAlice, from);
        ++guesses;
    }
    // 5 free, then 1 s, 2 s ... 256 s, then one every 5 minutes: about 300
    // a day instead of millions.
    QVERIFY2(guesses <= 5 + 9 + 24 * 60 / 5 + 1, qPrintable(QString::number(guesses)));
    QVERIFY(guesses >= 280);
    // Each address failed once, so none is slowed on its own.
    QCOMPARE(throttle.retryAfterMs(account(1), ipv4(0)), std::nullopt);
}

void TestLoginThrottle::oneAddressAgainstManyAccountsIsSlowed()
{
    // Password spraying: one address, a different account each time.
    test::FakeClock clock;
    LoginThrottle throttle(clock);
    const qint64 start = clock.nowMs();
    int guesses = 0;
    qint64 longestWait = 0;
    while (clock.nowMs() - start < 24 * kHour) {
        if (const std::optional<qint64> wait = throttle.retryAfterMs(account(guesses), kAttacker)) {
            longestWait = std::max(longestWait, *wait);
            clock.advance(*wait);
            continue;
        }
        throttle.recordFailure(account(guesses), kAttacker);
        ++guesses;
    }
    QCOMPARE(longestWait, 15 * kMinute);
    QVERIFY2(guesses <= 5 + 10 + 24 * 60 / 15 + 1, qPrintable(QString::number(guesses)));
    // The accounts it tried are not slowed for their owners elsewhere.
    QCOMPARE(throttle.retryAfterMs(account(7), kAliceHome), std::nullopt);
}

void TestLoginThrottle::delaysDoubleUpToTheirCaps()
{
    test::FakeClock clock;
    LoginThrottle throttle(clock);
    const QList<qint64> expected{ 0, 0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300 };
    // One account from many addresses: the account cap, 5 minutes.
    for (int i = 0; i < expected.size(); ++i) {
        throttle.recordFailure(kAlice, ipv4(i));
        QCOMPARE(throttle.retryAfterMs(kAlice, ipv4(1000)).value_or(0), expected.at(i) * kSecond);
    }
    // One address against many accounts: the address cap, 15 minutes.
    const QList<qint64> expectedAddress{ 0, 0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900 };
    for (int i = 0; i < expectedAddress.size(); ++i) {
        throttle.recordFailure(account(i), kAttacker);
        QCOMPARE(throttle.retryAfterMs(account(1000), kAttacker).value_or(0), expectedAddress.at(i) * kSecond);
    }
    // Thousands more failures later, still capped.
    for (int i = 0; i < 5'000; ++i)
        throttle.recordFailure(kAlice, kAttacker);
    QCOMPARE(throttle.retryAfterMs(kAlice, ipv4(1000)), std::optional<qint64>(5 * kMinute));
    QCOMPARE(throttle.retryAfterMs(account(1000), kAttacker), std::optional<qint64>(15 * kMinute));
    QCOMPARE(throttle.retryAfterMs(kAlice, kAttacker), std::optional<qint64>(15 * kMinute));
}

void TestLoginThrottle::realUserLogsInAfterTheAccountDelay()
{
    test::FakeClock clock;
    LoginThrottle throttle(clock);
    for (int i = 0; i < 200; ++i)
        throttle.recordFailure(kAlice, ipv4(i));
    // Alice, from home, waits the account delay and no more.
    const std::optional<qint64> wait = throttle.retryAfterMs(kAlice, kAliceHome);
    QCOMPARE(wait, std::optional<qint64>(5 * kMinute));
    clock.advance(*wait);
    QCOMPARE(throttle.retryAfterMs(kAlice, kAliceHome), std::nullopt);
    throttle.recordSuccess(kAlice, kAliceHome);
    // The account starts afresh: her next typo costs nothing.
    throttle.recordFailure(kAlice, kAliceHome);
    QCOMPARE(throttle.retryAfterMs(kAlice, kAliceHome), std::nullopt);
}

void TestLoginThrottle::successClearsTheAccountNotTheAddress()
{
    // An attacker with one valid account must not reset the address it
    // sprays from by logging into it.
    test::FakeClock clock;
    LoginThrottle throttle(clock);
    const QString mallory = u"mallory@example.com"_s;
    for (int i = 0; i < 8; ++i)
        throttle.recordFailure(mallory, kAttacker);
    QCOMPARE(throttle.retryAfterMs(mallory, kAttacker), std::optional<qint64>(4 * kSecond));
    clock.advance(4 * kSecond);
    throttle.recordSuccess(mallory, kAttacker);
    QCOMPARE(throttle.trackedAccounts(), 0);
    QCOMPARE(throttle.trackedAddresses(), 1);
    throttle.recordFailure(kAlice, kAttacker);
    QCOMPARE(throttle.retryAfterMs(kAlice, kAttacker), std::optional<qint64>(8 * kSecond));
    QCOMPARE(throttle.retryAfterMs(mallory, kAttacker), std::optional<qint64>(8 * kSecond));
    QCOMPARE(throttle.retryAfterMs(mallory, kAliceHome), std::nullopt);
}

void TestLoginThrottle::waitIsTheLongerOfAccountAndAddress()
{
    test::FakeClock clock;
    LoginThrottle throttle(clock);
    for (int i = 0; i < 7; ++i) // account: 2 s
        throttle.recordFailure(kAlice, ipv4(i));
    for (int i = 0; i < 9; ++i) // address: 8 s
        throttle.recordFailure(account(i), kAttacker);
    QCOMPARE(throttle.retryAfterMs(kAlice, kAliceHome), std::optional<qint64>(2 * kSecond));
    QCOMPARE(throttle.retryAfterMs(account(100), kAttacker), std::optional<qint64>(8 * kSecond));
    QCOMPARE(throttle.retryAfterMs(kAlice, kAttacker), std::optional<qint64>(8 * kSecond));
}

void TestLoginThrottle::forgetsAfterADayOfQuiet()
{
    test::FakeClock clock;
    LoginThrottle throttle(clock);
    for (int i = 0; i < 30; ++i)
        throttle.recordFailure(kAlice, kAttacker);
    clock.advance(24 * kHour - 1);
    // Long past the delay, but the count is still there: one more failure
    // is the full 5 minutes again, not a fresh start.
    QCOMPARE(throttle.retryAfterMs(kAlice, kAttacker), std::nullopt);
    throttle.recordFailure(kAlice, ipv4(1));
    QCOMPARE(throttle.retryAfterMs(kAlice, kAliceHome), std::optional<qint64>(5 * kMinute));
    // A full day without failures: forgotten, five free tries again.
    clock.advance(24 * kHour);
    for (int i = 0; i < 5; ++i)
        throttle.recordFailure(kAlice, kAliceHome);
    QCOMPARE(throttle.retryAfterMs(kAlice, kAliceHome), std::nullopt);
    QCOMPARE(throttle.retryAfterMs(kAlice, kAttacker), std::nullopt);
}

void TestLoginThrottle::quietKeysAreDroppedFromMemory()
{
    test::FakeClock clock;
    LoginThrottle throttle(clock);
    for (int i = 0; i < 100; ++i)
        throttle.recordFailure(account(i), ipv4(i));
    QCOMPARE(throttle.trackedAccounts(), 100);
    QCOMPARE(throttle.trackedAddresses(), 100);
    clock.advance(12 * kHour);
    throttle.recordFailure(kAlice, kAliceHome);
    QCOMPARE(throttle.trackedAccounts(), 101);
    clock.advance(12 * kHour);
    throttle.recordFailure(kAlice, kAliceHome);
    QCOMPARE(throttle.trackedAccounts(), 1);
    QCOMPARE(throttle.trackedAddresses(), 1);
}

void TestLoginThrottle::evictsTheLeastRecentlyFailedKey()
{
    test::FakeClock clock;
    LoginThrottlePolicy policy;
    policy.maxTrackedKeys = 3;
    LoginThrottle throttle(clock, policy);
    for (int i = 0; i < 6; ++i)
        throttle.recordFailure(account(1), ipv4(1));
    clock.advance(kSecond);
    throttle.recordFailure(account(2), ipv4(2));
    throttle.recordFailure(account(3), ipv4(3));
    // account 1 failed again most recently, so account 2 is the oldest.
    throttle.recordFailure(account(1), ipv4(1));
    QCOMPARE(throttle.retryAfterMs(account(1), ipv4(9)), std::optional<qint64>(2 * kSecond));
    throttle.recordFailure(account(4), ipv4(4));
    QCOMPARE(throttle.trackedAccounts(), 3);
    QCOMPARE(throttle.retryAfterMs(account(1), ipv4(9)), std::optional<qint64>(2 * kSecond));
    // Account 3 goes next, then account 1.
    throttle.recordFailure(account(5), ipv4(5));
    QCOMPARE(throttle.retryAfterMs(account(1), ipv4(9)), std::optional<qint64>(2 * kSecond));
    throttle.recordFailure(account(6), ipv4(6));
    QCOMPARE(throttle.retryAfterMs(account(1), ipv4(9)), std::nullopt);
    QCOMPARE(throttle.trackedAccounts(), 3);
    QCOMPARE(throttle.trackedAddresses(), 3);
}

void TestLoginThrottle::trackedKeysStayWithinTheCap()
{
    test::FakeClock clock;
    LoginThrottlePolicy policy;
    policy.maxTrackedKeys = 1'000;
    LoginThrottle throttle(clock, policy);
    for (int i = 0; i < 5'000; ++i) {
        throttle.recordFailure(account(i), ipv4(i));
        QVERIFY(throttle.trackedAccounts() <= 1'000);
        QVERIFY(throttle.trackedAddresses() <= 1'000);
    }
    QCOMPARE(throttle.trackedAccounts(), 1'000);
    QCOMPARE(throttle.trackedAddresses(), 1'000);
    // The default cap is the policy's 100,000 per kind.
    QCOMPARE(LoginThrottlePolicy().maxTrackedKeys, 100'000);
    // Long emails cost the same memory as short ones.
    QCOMPARE(LoginThrottle::accountKey(QString(100'000, u'a')).size(), LoginThrottle::accountKey(kAlice).size());
}

void TestLoginThrottle::emailsAreComparedNormalised()
{
    QCOMPARE(LoginThrottle::accountKey(u"  Alice@Example.COM "_s), LoginThrottle::accountKey(kAlice));
    QVERIFY(LoginThrottle::accountKey(u"alice@example.org"_s) != LoginThrottle::accountKey(kAlice));
    test::FakeClock clock;
    LoginThrottle throttle(clock);
    for (const QString &variant : { u"ALICE@example.com"_s, u"alice@EXAMPLE.com"_s, u" alice@example.com"_s,
             u"Alice@Example.com"_s, u"alice@example.com\t"_s, u"aLiCe@example.com"_s })
        throttle.recordFailure(variant, ipv4(0));
    QCOMPARE(throttle.retryAfterMs(kAlice, kAliceHome), std::optional<qint64>(kSecond));
    QCOMPARE(throttle.trackedAccounts(), 1);
}

void TestLoginThrottle::ipv6IsThrottledPerSlash64()
{
    test::FakeClock clock;
    LoginThrottle throttle(clock);
    // Every guess from another address of the same /64.
    for (int i = 0; i < 6; ++i)
        throttle.recordFailure(account(i), QHostAddress(u"2001:db8:1:2::%1"_s.arg(i + 1, 0, 16)));
    QCOMPARE(throttle.retryAfterMs(account(99), QHostAddress(u"2001:db8:1:2:ffff:ffff:ffff:ffff"_s)),
        std::optional<qint64>(kSecond));
    QCOMPARE(throttle.retryAfterMs(account(99), QHostAddress(u"2001:db8:1:3::1"_s)), std::nullopt);
    QCOMPARE(throttle.trackedAddresses(), 1);
}

void TestLoginThrottle::ipv4MappedIpv6IsTheIpv4Address()
{
    QCOMPARE(LoginThrottle::addressKey(QHostAddress(u"::ffff:203.0.113.7"_s)), LoginThrottle::addressKey(kAttacker));
    QVERIFY(LoginThrottle::addressKey(QHostAddress(u"203.0.113.8"_s)) != LoginThrottle::addressKey(kAttacker));
    QVERIFY(LoginThrottle::addressKey(QHostAddress(u"::1"_s)) != LoginThrottle::addressKey(QHostAddress::LocalHost));
    QCOMPARE(LoginThrottle::addressKey(QHostAddress()), LoginThrottle::addressKey(QHostAddress()));
}

QTEST_GUILESS_MAIN(TestLoginThrottle)
#include "tst_loginthrottle.moc"
