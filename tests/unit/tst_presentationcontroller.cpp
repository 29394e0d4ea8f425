#include "client/call/callcontroller.h"
#include "client/presentation/presentationcontroller.h"
#include "fakeclock.h"
#include "sequentialids.h"
#include "testpaths.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace callos;
using callos::client::CallController;
using callos::client::PresentationController;

class TestPresentationController : public QObject
{
    Q_OBJECT

private:
    Playbook m_playbook = test::loadDefaultPlaybook();
    Deck m_deck = test::loadDefaultDeck(m_playbook);
    test::FakeClock m_clock;
    test::SequentialIds m_ids;

    struct Fixture
    {
        MemoryEventSink sink;
        CallController call;
        PresentationController presentation{call};
        Fixture(const Playbook &playbook, const Deck &deck, const Clock &clock, IdGenerator &ids)
            : call(playbook, deck, clock, ids, sink, u"device-1"_s, u"agent-1"_s)
        {
        }
        bool start(int clients)
        {
            return bool(call.startCall(u"call-1"_s, {{u"prospectName"_s, u"Dana"_s}, {u"clientCount"_s, clients}}));
        }
        QStringList shownSlideIds() const
        {
            QStringList ids;
            for (const CallEvent &event : sink.events()) {
                if (event.type == EventType::SlideShown)
                    ids.append(event.payload.value(u"slideId"_s).toString());
            }
            return ids;
        }
    };

    QList<int> slidesOf(const QString &milestoneId) const
    {
        QList<int> out;
        for (int i = 0; i < m_deck.slides.size(); ++i) {
            if (m_deck.slides.at(i).milestoneId == milestoneId)
                out.append(i);
        }
        return out;
    }

private Q_SLOTS:
    void nextPreviousAndRecording()
    {
        Fixture f(m_playbook, m_deck, m_clock, m_ids);
        QVERIFY(f.start(620));
        QCOMPARE(f.presentation.currentIndex(), 0);
        QSignalSpy changed(&f.presentation, &PresentationController::changed);
        QVERIFY(f.presentation.next());
        QCOMPARE(f.presentation.currentIndex(), 1);
        QCOMPARE(f.presentation.visibleIndex(), 1);
        QCOMPARE(f.presentation.nextIndex(), 2);
        QVERIFY(changed.count() >= 1);
        QVERIFY(f.presentation.previous());
        QVERIFY(!f.presentation.previous()); // at the start
        QCOMPARE(f.shownSlideIds(), (QStringList{m_deck.slides.at(1).id, m_deck.slides.at(0).id}));
        QVERIFY(f.presentation.jumpTo(int(m_deck.slides.size() - 1)));
        QVERIFY(!f.presentation.next());
        QCOMPARE(f.presentation.nextIndex(), -1);
    }

    void blackAndFreeze()
    {
        Fixture f(m_playbook, m_deck, m_clock, m_ids);
        QVERIFY(f.start(620));
        f.presentation.toggleBlack();
        QCOMPARE(f.presentation.visibleIndex(), -1);
        f.presentation.next(); // the agent moves on while the client sees black
        QCOMPARE(f.presentation.visibleIndex(), -1);
        QVERIFY(f.shownSlideIds().isEmpty());
        f.presentation.toggleBlack();
        QCOMPARE(f.presentation.visibleIndex(), 1);

        f.presentation.toggleFreeze();
        f.presentation.next();
        f.presentation.next();
        QCOMPARE(f.presentation.currentIndex(), 3);
        QCOMPARE(f.presentation.visibleIndex(), 1); // the client still sees the frozen slide
        f.presentation.toggleFreeze();
        QCOMPARE(f.presentation.visibleIndex(), 3);
        QCOMPARE(f.shownSlideIds().constLast(), m_deck.slides.at(3).id);
    }

    void followsMilestonesUnlessTurnedOff()
    {
        Fixture f(m_playbook, m_deck, m_clock, m_ids);
        QVERIFY(f.start(620));
        QVERIFY(f.call.act([](CallSession &s) { return s.beginCall(u"test"_s); }));
        QVERIFY(f.call.act([](CallSession &s) { return s.goToMilestone(u"vision"_s, u"test"_s); }));
        QCOMPARE(f.presentation.currentIndex(), slidesOf(u"vision"_s).constFirst());
        QCOMPARE(f.shownSlideIds().constLast(), m_deck.slides.at(slidesOf(u"vision"_s).constFirst()).id);
        f.presentation.setFollowsMilestones(false);
        QVERIFY(f.call.act([](CallSession &s) { return s.goToMilestone(u"reality"_s, u"test"_s); }));
        QCOMPARE(f.presentation.currentIndex(), slidesOf(u"vision"_s).constFirst());
    }

    void advisoryCallNeverShowsThePitch()
    {
        Fixture f(m_playbook, m_deck, m_clock, m_ids);
        QVERIFY(f.start(320));
        const QList<int> pitch = slidesOf(u"solution"_s) + slidesOf(u"offer"_s);
        QVERIFY(!pitch.isEmpty());
        for (int index : pitch)
            QVERIFY(!f.presentation.jumpTo(index));
        for (int i = 0; i < 30; ++i)
            f.presentation.next();
        QCOMPARE(f.presentation.currentIndex(), int(m_deck.slides.size() - 1));
        for (const QString &id : f.shownSlideIds()) {
            const QString milestone = m_deck.slides.at(m_deck.indexOf(id)).milestoneId;
            QVERIFY2(milestone != u"solution"_s && milestone != u"offer"_s, qPrintable(id));
        }
        // A qualified call that turns advisory mid-pitch leaves the pitch slide.
        Fixture g(m_playbook, m_deck, m_clock, m_ids);
        QVERIFY(g.start(700));
        QVERIFY(g.presentation.jumpTo(pitch.constFirst()));
        QVERIFY(g.call.act([](CallSession &s) { return s.setField(u"clientCount"_s, 300); }));
        QVERIFY(!pitch.contains(g.presentation.currentIndex()));
    }
};

QTEST_GUILESS_MAIN(TestPresentationController)
#include "tst_presentationcontroller.moc"
