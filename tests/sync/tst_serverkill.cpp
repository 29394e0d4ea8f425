// The real callos-server, as a child process on its own SQLite data folder,
// killed with SIGKILL while it takes a batch of events, then started again:
// the desktop's sync converges with exactly its events on the server.
#include "syncrig.h"
#include "tcpproxy.h"
#include "testpaths.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::client;
using namespace callos::test;

namespace {

const QString kEmail = u"admin@acme.example"_s;
const QString kPassword = u"violet otter sings at noon"_s;

// One callos-server process on a data folder, its port read from its log.
class ServerProcess
{
public:
    explicit ServerProcess(QString dataDir) : m_dataDir(std::move(dataDir)) { }
    ~ServerProcess() { kill(); }

    bool createOrganisation()
    {
        QProcess create;
        create.start(QStringLiteral(CALLOS_SERVER_BINARY),
            { u"org"_s, u"create"_s, u"--name"_s, u"Acme"_s, u"--admin-email"_s, kEmail, u"--data-dir"_s, m_dataDir });
        if (!create.waitForStarted(10000))
            return false;
        create.write(kPassword.toUtf8() + '\n');
        create.closeWriteChannel();
        if (!create.waitForFinished(60000) || create.exitCode() != 0) {
            qWarning("org create: %s", create.readAllStandardError().constData());
            return false;
        }
        return true;
    }

    bool start()
    {
        m_log.clear();
        m_process = std::make_unique<QProcess>();
        m_process->start(
            QStringLiteral(CALLOS_SERVER_BINARY), { u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, m_dataDir });
        if (!m_process->waitForStarted(10000))
            return false;
        m_port = 0;
        return QTest::qWaitFor(
            [this] {
                m_log += m_process->readAllStandardError();
                for (const QByteArray &line : m_log.split('\n')) {
                    const QJsonObject entry = QJsonDocument::fromJson(line).object();
                    if (entry.value(u"event"_s).toString() == u"server.listening"_s)
                        m_port = quint16(entry.value(u"port"_s).toInt());
                }
                return m_port != 0;
            },
            20000);
    }

    void kill()
    {
        if (m_process && m_process->state() != QProcess::NotRunning) {
            m_process->kill(); // SIGKILL: no goodbye, no flushing
            m_process->waitForFinished(10000);
        }
    }

    bool stop()
    {
        m_process->terminate();
        return m_process->waitForFinished(20000) && m_process->exitCode() == 0;
    }

    bool isRunning() const { return m_process && m_process->state() == QProcess::Running; }
    quint16 port() const { return m_port; }
    QString databasePath() const { return m_dataDir + u"/callos-server.sqlite"_s; }

private:
    QString m_dataDir;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_log;
    quint16 m_port = 0;
};

} // namespace

class TestServerKill : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killedMidBatchConverges();

private:
    Playbook m_playbook = loadDefaultPlaybook();
    Deck m_deck = loadDefaultDeck(m_playbook);
};

void TestServerKill::killedMidBatchConverges()
{
    QTemporaryDir serverData;
    ServerProcess server(serverData.path());
    QVERIFY(server.createOrganisation());
    QVERIFY(server.start());
    TcpProxy proxy(server.port());
    QVERIFY(proxy.listen());

    SyncRig rig(m_playbook, m_deck);
    QVERIFY(rig.signIn(QUrl(u"http://127.0.0.1:%1"_s.arg(proxy.port())), kEmail, kPassword));
    QVERIFY(rig.waitSynced());

    // A long call made offline, so the push takes many batches.
    proxy.goDown();
    const QString callId = rig.playCall(12);
    const QString milestone = m_playbook.milestones.at(rig.call->state().current).id;
    for (int i = 0; rig.call->state().eventCount < 2500; ++i)
        QVERIFY(rig.call->act([&](CallSession &s) { return s.editNote(milestone, u"Note %1"_s.arg(i)); }));
    QVERIFY(rig.playSteps(-1));
    const QStringList local = rig.localEventIds();

    // The server dies right as it takes the 3rd and then the 7th batch (a
    // few milliseconds in: reading the body or writing the transaction).
    int batches = 0;
    int kills = 0;
    proxy.onRequestForwarded = [&](const QByteArray &line) {
        if (!line.startsWith("POST /api/v1/events"))
            return;
        ++batches;
        if (batches == 3 || batches == 7) {
            QTimer::singleShot(batches == 3 ? 0 : 3, [&] {
                server.kill();
                ++kills;
            });
        }
    };
    QVERIFY(proxy.goUp());
    for (int restart = 0; restart < 2; ++restart) {
        QVERIFY(QTest::qWaitFor([&] { return kills > restart; }, 60000));
        QVERIFY(rig.waitState(SyncStatus::State::Offline));
        QVERIFY(rig.outboxCount() > 0);
        QVERIFY(server.start()); // same data folder, a new port
        proxy.setTargetPort(server.port());
    }
    QVERIFY(rig.waitSynced(120000));
    QCOMPARE(rig.outboxCount(), 0);
    QCOMPARE(kills, 2);
    QVERIFY(server.stop());

    // Exactly the desktop's events, straight from the server's file.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"look"_s);
        db.setDatabaseName(server.databasePath());
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(u"SELECT id FROM call_events"_s));
        QStringList stored;
        while (query.next())
            stored.append(query.value(0).toString());
        QStringList expected = local;
        stored.sort();
        expected.sort();
        QCOMPARE(stored.size(), expected.size());
        QVERIFY(stored == expected);
        QVERIFY(query.exec(u"SELECT event_count, status FROM calls WHERE id = '%1'"_s.arg(callId)) && query.next());
        QCOMPARE(query.value(0).toInt(), local.size());
        QCOMPARE(query.value(1).toString(), u"completed"_s);
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"look"_s);
}

QTEST_GUILESS_MAIN(TestServerKill)
#include "tst_serverkill.moc"
