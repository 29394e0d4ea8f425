// UuidGenerator makes the ids of events, calls and prospects: valid UUIDs of
// version 7 (RFC 9562), unique, and in the order they were made, so the
// indexes they key stay compact.
#include "common/idgenerator.h"

#include <QDateTime>
#include <QSet>
#include <QTest>
#include <QThread>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace callos;

class TestIdGenerator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void idsAreVersion7UuidsOfTheCurrentTime();
    void idsAreUniqueAndRandomWithinAMillisecond();
    void laterIdsSortAfterEarlierOnes();
};

void TestIdGenerator::idsAreVersion7UuidsOfTheCurrentTime()
{
    UuidGenerator ids;
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    const QString id = ids.nextId();
    const qint64 after = QDateTime::currentMSecsSinceEpoch();

    QCOMPARE(id.size(), 36);
    QCOMPARE(id, id.toLower());
    const QUuid uuid = QUuid::fromString(id);
    QVERIFY(!uuid.isNull());
    // Qt 6.4 names versions up to 5 only: read the bits.
    QCOMPARE(uuid.data3 >> 12, 7);
    QCOMPARE(uuid.data4[0] >> 6, 0b10); // the RFC's variant
    // The first 48 bits are the Unix time in milliseconds.
    const qint64 stamp = QStringView(id).left(8).toLongLong(nullptr, 16) << 16 | QStringView(id).mid(9, 4).toLongLong(nullptr, 16);
    QVERIFY2(stamp >= before && stamp <= after, qPrintable(u"%1 not in [%2, %3]"_s.arg(stamp).arg(before).arg(after)));
}

void TestIdGenerator::idsAreUniqueAndRandomWithinAMillisecond()
{
    UuidGenerator ids;
    QSet<QString> seen;
    QSet<QString> randomParts;
    for (int i = 0; i < 20000; ++i) {
        const QString id = ids.nextId();
        QVERIFY2(!seen.contains(id), qPrintable(id));
        seen.insert(id);
        randomParts.insert(id.right(12));
    }
    // 74 random bits per id: no two share their last 48.
    QCOMPARE(randomParts.size(), seen.size());
}

void TestIdGenerator::laterIdsSortAfterEarlierOnes()
{
    UuidGenerator ids;
    QString previous = ids.nextId();
    for (int i = 0; i < 5; ++i) {
        QThread::msleep(2);
        const QString next = ids.nextId();
        QVERIFY2(next > previous, qPrintable(next + u" <= "_s + previous));
        previous = next;
    }
}

QTEST_GUILESS_MAIN(TestIdGenerator)
#include "tst_idgenerator.moc"
