// Exponential backoff with full jitter: the wait is a uniform pick below a
// ceiling that doubles per failure up to a cap, never below a floor, never
// shorter than the server's Retry-After, and back to the start on success.
#include "client/sync/backoffpolicy.h"
#include "client/sync/randomsource.h"
#include "fakeclock.h"

#include <QTest>

using namespace callos;
using namespace callos::client;

namespace {

class ScriptedRandom final : public RandomSource
{
public:
    double value = 0.5;
    double unit() override { return value; }
};

} // namespace

class TestBackoffPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ceilingDoublesUpToTheCap()
    {
        test::FakeClock clock;
        ScriptedRandom random;
        random.value = 0.999999;
        BackoffPolicy policy(clock, random, { 1000, 60000, 0 });
        QList<qint64> ceilings;
        for (int i = 0; i < 10; ++i) {
            ceilings.append(policy.ceilingMs());
            const qint64 delay = policy.failed();
            QVERIFY(delay <= ceilings.constLast());
            QVERIFY(delay >= ceilings.constLast() - 1);
        }
        QCOMPARE(ceilings, (QList<qint64> { 1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000, 60000 }));
        QCOMPARE(policy.failures(), 10);
    }

    void fullJitterSpansZeroToTheCeiling()
    {
        test::FakeClock clock;
        ScriptedRandom random;
        BackoffPolicy policy(clock, random, { 1000, 60000, 0 });
        for (int i = 0; i < 3; ++i)
            policy.failed();
        QCOMPARE(policy.ceilingMs(), 8000);
        random.value = 0.0;
        BackoffPolicy low(clock, random, { 1000, 60000, 0 });
        QCOMPARE(low.failed(), 0);
        random.value = 0.25;
        BackoffPolicy quarter(clock, random, { 1000, 60000, 0 });
        quarter.failed();
        quarter.failed();
        QCOMPARE(quarter.failed(), 1000); // a quarter of 4000
    }

    void realRandomStaysInBounds()
    {
        test::FakeClock clock;
        SystemRandom random;
        BackoffPolicy policy(clock, random, { 100, 5000, 50 });
        QSet<qint64> seen;
        for (int round = 0; round < 200; ++round) {
            const qint64 ceiling = policy.ceilingMs();
            const qint64 delay = policy.failed();
            QVERIFY2(delay >= 50 && delay <= ceiling, qPrintable(QString::number(delay)));
            seen.insert(delay);
            if (round % 8 == 7)
                policy.succeeded();
        }
        QVERIFY(seen.size() > 20); // it is jitter, not a constant
    }

    void floorKeepsAZeroJitterFromHammering()
    {
        test::FakeClock clock;
        ScriptedRandom random;
        random.value = 0.0;
        BackoffPolicy policy(clock, random, { 1000, 60000, 250 });
        QCOMPARE(policy.failed(), 250);
    }

    void retryAfterIsALowerBound()
    {
        test::FakeClock clock;
        ScriptedRandom random;
        random.value = 0.1;
        BackoffPolicy policy(clock, random, { 1000, 60000, 0 });
        QCOMPARE(policy.failed(30000), 30000);
        // A Retry-After below the jitter does not shorten it.
        random.value = 1.0;
        QCOMPARE(policy.failed(10), 2000);
    }

    void successStartsOverAndTheClockDatesTheNextTry()
    {
        test::FakeClock clock(1'000'000);
        ScriptedRandom random;
        random.value = 0.5;
        BackoffPolicy policy(clock, random, { 1000, 60000, 0 });
        QCOMPARE(policy.nextAttemptAtMs(), 0);
        policy.failed();
        policy.failed();
        const qint64 delay = policy.failed();
        QCOMPARE(delay, 2000);
        QCOMPARE(policy.nextAttemptAtMs(), 1'000'000 + 2000);
        policy.succeeded();
        QCOMPARE(policy.failures(), 0);
        QCOMPARE(policy.nextAttemptAtMs(), 0);
        QCOMPARE(policy.ceilingMs(), 1000);
        clock.advance(5000);
        QCOMPARE(policy.failed(), 500);
        QCOMPARE(policy.nextAttemptAtMs(), 1'005'000 + 500);
    }

    void manyFailuresNeverOverflow()
    {
        test::FakeClock clock;
        ScriptedRandom random;
        random.value = 1.0;
        BackoffPolicy policy(clock, random, { 1000, 300000, 0 });
        for (int i = 0; i < 10000; ++i)
            QVERIFY(policy.failed() <= 300000);
        QCOMPARE(policy.ceilingMs(), 300000);
    }
};

QTEST_GUILESS_MAIN(TestBackoffPolicy)
#include "tst_backoffpolicy.moc"
