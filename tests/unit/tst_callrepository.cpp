#include "client/store/callrepository.h"
#include "client/store/localstore.h"
#include "client/store/prospectrepository.h"
#include "client/store/writefaults.h"
#include "fakeclock.h"
#include "sequentialids.h"

#include <QDir>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::client;

// Passes when a store call returned no Refusal; otherwise shows it.
#define QVERIFY_NO_REFUSAL(...)                                                                                        \
    do {                                                                                                               \
        const std::optional<Refusal> refusal_ = (__VA_ARGS__);                                                         \
        QVERIFY2(!refusal_, refusal_ ? qPrintable(refusal_->code + u": "_s + refusal_->message) : "");                 \
    } while (false)

namespace {

CallRecord callFor(const QString &id, const QString &prospectId, qint64 startedAt)
{
    CallRecord call;
    call.id = id;
    call.prospectId = prospectId;
    call.playbookId = u"default"_s;
    call.playbookVersion = 2;
    call.deckId = u"default-deck"_s;
    call.startedAt = startedAt;
    return call;
}

QStringList idsOf(const QList<CallListEntry> &entries)
{
    QStringList ids;
    for (const CallListEntry &entry : entries)
        ids.append(entry.call.id);
    return ids;
}

} // namespace

class TestCallRepository : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    WriteFaults m_faults;
    std::unique_ptr<LocalStore> m_store;
    test::FakeClock m_clock;
    test::SequentialIds m_ids;
    QString m_dana;
    QString m_helen;

private Q_SLOTS:
    void init()
    {
        m_store.reset();
        m_faults = WriteFaults();
        auto opened = LocalStore::open(
            m_dir.filePath(u"callos-%1.sqlite"_s.arg(QString::fromLatin1(QTest::currentTestFunction()))), &m_faults);
        QVERIFY(opened);
        m_store = std::move(opened).value();
        ProspectRepository prospects(*m_store, m_clock, m_ids);
        Prospect dana;
        dana.name = u"Dana Whitfield"_s;
        dana.company = u"Whitfield Coaching Co."_s;
        const auto savedDana = prospects.save(dana);
        QVERIFY2(savedDana, qPrintable(savedDana ? QString() : savedDana.refusal().message));
        m_dana = savedDana.value().id;
        Prospect helen;
        helen.name = u"Helen Kowalski"_s;
        helen.company = u"Kowalski Financial Advisory"_s;
        const auto savedHelen = prospects.save(helen);
        QVERIFY(savedHelen);
        m_helen = savedHelen.value().id;
    }

    void cleanup() { m_store.reset(); }

    void createAndGet()
    {
        CallRepository calls(*m_store);
        const CallRecord call = callFor(u"call-1"_s, m_dana, 1795000000000);
        QVERIFY_NO_REFUSAL(calls.create(call));
        const auto stored = calls.get(u"call-1"_s);
        QVERIFY(stored);
        QCOMPARE(stored.value(), call);
        QCOMPARE(stored.value().state, CallRecord::State::InProgress);
        QVERIFY(!stored.value().completedAt);

        CallRecord done = callFor(u"imported"_s, m_helen, 1795000000000);
        done.state = CallRecord::State::Completed;
        done.completedAt = 1795000900000;
        QVERIFY_NO_REFUSAL(calls.create(done));
        QCOMPARE(calls.get(u"imported"_s).value(), done);
    }

    void getUnknown()
    {
        CallRepository calls(*m_store);
        const auto missing = calls.get(u"nope"_s);
        QVERIFY(!missing);
        QCOMPARE(missing.refusal().code, u"store.not_found"_s);
        QVERIFY(missing.refusal().message.contains(u"nope"_s));
        QVERIFY(missing.refusal().message.contains(QDir::toNativeSeparators(m_store->path())));
    }

    void createRefusals()
    {
        CallRepository calls(*m_store);
        QVERIFY_NO_REFUSAL(calls.create(callFor(u"call-1"_s, m_dana, 1)));

        const auto duplicate = calls.create(callFor(u"call-1"_s, m_helen, 2));
        QVERIFY(duplicate);
        QCOMPARE(duplicate->code, u"store.duplicate_call"_s);
        QCOMPARE(calls.get(u"call-1"_s).value().prospectId, m_dana);

        const auto unknownProspect = calls.create(callFor(u"call-2"_s, u"ghost"_s, 3));
        QVERIFY(unknownProspect);
        QCOMPARE(unknownProspect->code, u"store.unknown_prospect"_s);
        QVERIFY(unknownProspect->message.contains(u"ghost"_s));

        const auto noId = calls.create(callFor(QString(), m_dana, 3));
        QVERIFY(noId);
        QCOMPARE(noId->code, u"store.invalid_call"_s);

        CallRecord halfDone = callFor(u"call-3"_s, m_dana, 3);
        halfDone.state = CallRecord::State::Completed;
        const auto inconsistent = calls.create(halfDone);
        QVERIFY(inconsistent);
        QCOMPARE(inconsistent->code, u"store.invalid_call"_s);

        QCOMPARE(calls.recent(10).value().size(), 1);
    }

    void theForeignKeyIsEnforcedBySQLiteToo()
    {
        QSqlQuery query(m_store->database());
        QVERIFY(!query.exec(u"INSERT INTO calls (id, prospect_id, playbook_id, playbook_version, started_at)"
                            " VALUES ('x', 'ghost', 'default', 1, 1)"_s));
        QVERIFY(query.lastError().text().contains(u"FOREIGN KEY"_s));
    }

    void recentIsNewestFirstWithTheProspect()
    {
        CallRepository calls(*m_store);
        QVERIFY_NO_REFUSAL(calls.create(callFor(u"monday"_s, m_dana, 1000)));
        QVERIFY_NO_REFUSAL(calls.create(callFor(u"wednesday"_s, m_helen, 3000)));
        QVERIFY_NO_REFUSAL(calls.create(callFor(u"tuesday"_s, m_dana, 2000)));
        QVERIFY_NO_REFUSAL(calls.markCompleted(u"monday"_s, 1500));

        const auto recent = calls.recent(10);
        QVERIFY(recent);
        QCOMPARE(idsOf(recent.value()), (QStringList { u"wednesday"_s, u"tuesday"_s, u"monday"_s }));
        QCOMPARE(recent.value().at(0).prospectName, u"Helen Kowalski"_s);
        QCOMPARE(recent.value().at(0).prospectCompany, u"Kowalski Financial Advisory"_s);
        QCOMPARE(recent.value().at(1).prospectName, u"Dana Whitfield"_s);
        QCOMPARE(recent.value().at(2).call.state, CallRecord::State::Completed);
        QCOMPARE(idsOf(calls.recent(2).value()), (QStringList { u"wednesday"_s, u"tuesday"_s }));
    }

    void unfinishedAreTheCallsToResume()
    {
        CallRepository calls(*m_store);
        QVERIFY(calls.unfinished().value().isEmpty());
        QVERIFY_NO_REFUSAL(calls.create(callFor(u"a"_s, m_dana, 1000)));
        QVERIFY_NO_REFUSAL(calls.create(callFor(u"b"_s, m_helen, 2000)));
        QVERIFY_NO_REFUSAL(calls.create(callFor(u"c"_s, m_dana, 3000)));
        QVERIFY_NO_REFUSAL(calls.markCompleted(u"b"_s, 2500));
        const auto unfinished = calls.unfinished();
        QVERIFY(unfinished);
        QCOMPARE(idsOf(unfinished.value()), (QStringList { u"c"_s, u"a"_s }));
        QCOMPARE(unfinished.value().at(0).prospectName, u"Dana Whitfield"_s);
    }

    void markCompletedIsIdempotent()
    {
        CallRepository calls(*m_store);
        QVERIFY_NO_REFUSAL(calls.create(callFor(u"a"_s, m_dana, 1000)));
        QVERIFY_NO_REFUSAL(calls.markCompleted(u"a"_s, 5000));
        const int writes = m_faults.writes();
        QVERIFY_NO_REFUSAL(calls.markCompleted(u"a"_s, 9000));
        QCOMPARE(m_faults.writes(), writes); // nothing written the second time
        const CallRecord call = calls.get(u"a"_s).value();
        QCOMPARE(call.state, CallRecord::State::Completed);
        QCOMPARE(call.completedAt, std::optional<qint64>(5000));

        const auto unknown = calls.markCompleted(u"ghost"_s, 1);
        QVERIFY(unknown);
        QCOMPARE(unknown->code, u"store.not_found"_s);
    }

    void failedWritesChangeNothing()
    {
        CallRepository calls(*m_store);
        QVERIFY_NO_REFUSAL(calls.create(callFor(u"a"_s, m_dana, 1000)));
        m_faults.failNextWrite();
        const auto refused = calls.create(callFor(u"b"_s, m_dana, 2000));
        QVERIFY(refused);
        QCOMPARE(refused->code, u"store.write_failed"_s);
        QVERIFY2(refused->message.contains(u"Saving call b failed"_s), qPrintable(refused->message));
        QCOMPARE(idsOf(calls.recent(10).value()), QStringList { u"a"_s });

        m_faults.failWrite(m_faults.writes() + 2); // the COMMIT
        const auto notCompleted = calls.markCompleted(u"a"_s, 3000);
        QVERIFY(notCompleted);
        QCOMPARE(calls.get(u"a"_s).value().state, CallRecord::State::InProgress);
        QVERIFY_NO_REFUSAL(calls.markCompleted(u"a"_s, 3000));
        QCOMPARE(calls.get(u"a"_s).value().completedAt, std::optional<qint64>(3000));
    }
};

QTEST_GUILESS_MAIN(TestCallRepository)
#include "tst_callrepository.moc"
