// The work after a call as the agent sees it in the desktop app: the real
// DesktopApp (control panel offscreen) signed in to the whole server in this
// process, with the server's own job workers, a fake Zoom and real speech
// (espeak-ng) transcribed offline, on both storage backends. The agent ends
// a call they were allowed to record; the summary page shows each step of
// the recording, transcription and analysis as the server reaches it, over
// the live channel; a failed download is retried from the app; the results
// follow, labelled with the engines that made them, and the follow-up
// e-mail is copied. Signed out, the panel says how to get it; a dropped
// live connection comes back and catches up. A recording made elsewhere is
// attached and sent in parts with a progress bar, stopped and taken up
// again, through a dropped connection, and analysed like any other.
//
// The summary page is saved to /tmp/callreview.png (and -failed.png while
// the download has failed, -upload.png while an upload waits) to be looked
// at.
#include "apiharness.h"
#include "botcalls.h"
#include "fakebot.h"
#include "fakezoom.h"
#include "pipeline/pipelineworkers.h"
#include "runtime/jsonlog.h"
#include "spokencall.h"
#include "tcpproxy.h"
#include "testdatabases.h"
#include "testpaths.h"
#include "zoomcalls.h"

#include "client/call/scriptedcall.h"
#include "ui/app/desktopapp.h"
#include "ui/common/theme.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/start/startpage.h"
#include "ui/summary/reviewpanel.h"
#include "ui/summary/summarypage.h"

#include <QApplication>
#include <QBuffer>
#include <QCheckBox>
#include <QClipboard>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::test;

namespace {

// Dana Whitfield, the first demo prospect, meets in this Zoom room.
const QString kWhitfieldMeeting = u"81234567801"_s;
const QString kInstance = u"Rk9vQmFyQmF6UXV4MTIzNA=="_s;

const QList<Line> kSpoken = {
    { true, u"thank you for taking the time to talk with me today"_s },
    { false, u"no problem I have about twenty minutes"_s },
    { true, u"how many clients do you work with today"_s },
    { false, u"we work with about two hundred clients"_s },
};

// Small parts, so a short recording takes several.
constexpr qint64 kPartBytes = 64 * 1024;

// The desktop app as main() wires it, with the control panel on screen.
struct App
{
    QTemporaryDir dir;
    std::unique_ptr<client::LocalStore> store;
    SystemClock clock;
    UuidGenerator ids;
    std::unique_ptr<QSettings> settings;
    std::unique_ptr<ui::DesktopApp> desktop;
    ui::MainWindow *window = nullptr;

    App(const Playbook &playbook, const Deck &deck)
    {
        auto opened = client::LocalStore::open(dir.filePath(u"callos.sqlite"_s));
        if (!opened)
            qFatal("store: %s", qPrintable(opened.refusal().message));
        store = std::move(opened).value();
        settings = std::make_unique<QSettings>(dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
        client::SyncEngine::Options sync;
        sync.debounceMs = 50;
        client::RecordingUpload::Options upload;
        upload.retryMs = { 100, 200 };
        upload.maxPartBytes = kPartBytes;
        desktop = std::make_unique<ui::DesktopApp>(ui::DesktopApp::Inputs{
            playbook, deck, *store, *settings, clock, ids, u"device-review"_s, u"agent-1"_s, nullptr, sync, upload });
        desktop->prospects.seedDemoIfEmpty();
        window = &desktop->window();
        window->resize(1600, 1000);
        window->show();
        QApplication::setActiveWindow(window);
    }

    bool signIn(const QUrl &server, const SeededUser &agent)
    {
        desktop->account.signIn({ server.toString(), agent.email, agent.password, {} });
        return QTest::qWaitFor([&] { return desktop->account.isSignedIn(); }, 30000);
    }

    // Starts a call with Dana Whitfield (Ctrl+Enter), ticks the consent to
    // record when `consent`, and plays the call to its end.
    bool runCall(const Playbook &playbook, bool consent)
    {
        QApplication::setActiveWindow(window);
        auto *searchBox = window->findChild<QLineEdit *>(u"prospectSearch"_s);
        searchBox->setFocus();
        QTest::keyClicks(searchBox, u"Whitfield"_s);
        window->startPage()->selectProspect(0);
        QTest::keySequence(searchBox, QKeySequence(Qt::CTRL | Qt::Key_Return));
        if (!desktop->call.hasCall())
            return false;
        if (consent)
            window->findChild<QCheckBox *>(u"recordingConsent"_s)->click();
        const client::ScriptedCall script(playbook);
        while (const auto step = script.nextStep(desktop->call.state())) {
            if (!desktop->call.act(*step))
                return false;
        }
        return desktop->call.state().phase == CallPhase::Completed;
    }

    ui::ReviewPanel *panel() const { return window->summaryPage()->reviewPanel(); }
    QString status() const { return panel()->statusText(); }
    template<typename T>
    T *find(const QString &name) const { return window->findChild<T *>(name); }
};

void shoot(QWidget *widget, const QString &path)
{
    QTest::qWait(100); // layouts settle after a text change
    QVERIFY(widget->grab().save(path));
}

} // namespace

class TestCallReview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void theAgentSeesEachStepLiveThenTheResults_data() { TestDatabases::addBackendRows(); }
    void theAgentSeesEachStepLiveThenTheResults();
    void signedOutThePanelSaysHowToGetIt();
    void aDroppedLiveConnectionComesBackAndCatchesUp();
    void anAgentAttachesARecordingMadeElsewhere_data() { TestDatabases::addBackendRows(); }
    void anAgentAttachesARecordingMadeElsewhere();
    void theMeetingBotsStateShowsLive();

private:
    // Zoom announces the recording of the app's call (it began a second
    // after the call did), with `downloadToken`.
    bool zoomAnnounces(App &app, const QByteArray &downloadToken);

    Playbook m_playbook = loadDefaultPlaybook();
    Deck m_deck = loadDefaultDeck(m_playbook);
    QByteArray m_wav;
    std::unique_ptr<TestDatabases> m_databases;
    std::unique_ptr<ApiHarness> m_api;
    std::unique_ptr<TcpProxy> m_proxy;
    std::unique_ptr<FakeZoom> m_zoom;
    std::unique_ptr<FakeBot> m_bot; // only for the meeting bot's test
    QBuffer m_workerLogBuffer;
    std::unique_ptr<server::JsonLog> m_workerLog;
    std::unique_ptr<server::PipelineWorkers> m_workers;
    QTemporaryDir m_dataDir;
    SeededUser m_agent;
};

void TestCallReview::initTestCase()
{
    qApp->setStyleSheet(ui::Theme::styleSheet());
    const std::optional<SpokenCall> spoken = SpokenCall::speak(kSpoken, 1000, 500);
    QVERIFY2(spoken, "espeak-ng could not speak the call (is it installed? scripts/install-deps)");
    m_wav = wavFile(spoken->audio);
}

void TestCallReview::init()
{
    m_databases = std::make_unique<TestDatabases>();
    const auto settings = m_databases->create(TestDatabases::currentBackend());
    QVERIFY2(settings.ok(), TestDatabases::why(settings).constData());
    server::ServerApp::Settings app;
    app.integrations.zoom.webhookSecret = zoomcalls::kSecret;
    app.recordingsDirectory = m_dataDir.filePath(u"recordings"_s);
    app.live.pipelinePoll = std::chrono::milliseconds(100);
    // The server sends a meeting bot to every call with a Zoom link and
    // consent once it has one: only where the bot is what is tested.
    if (QTest::currentTestFunction() == QByteArrayView("theMeetingBotsStateShowsLive")) {
        m_bot = std::make_unique<FakeBot>(botcalls::kApiKey, botcalls::kWebhookSecret);
        QVERIFY(m_bot->start());
        app.integrations = botcalls::botServices(*m_bot, u"http://127.0.0.1"_s);
        app.integrations.zoom.webhookSecret = zoomcalls::kSecret;
    }
    m_api = std::make_unique<ApiHarness>(settings.value(), app);
    QVERIFY2(m_api->isReady(), qPrintable(m_api->why()));
    m_zoom = std::make_unique<FakeZoom>();
    QVERIFY(m_zoom->start());

    server::PipelineSettings pipeline;
    pipeline.recordingsDirectory = app.recordingsDirectory;
    pipeline.pollMs = 50;
    if (m_bot) {
        m_bot->setClock([api = m_api.get()] { return api->clock().nowMs(); });
        pipeline.services = botcalls::botServices(*m_bot, botcalls::publicUrlOf(*m_api));
    }
    m_workerLogBuffer.setData(QByteArray());
    m_workerLogBuffer.open(QIODevice::WriteOnly);
    m_workerLog = std::make_unique<server::JsonLog>(m_workerLogBuffer, m_api->clock());
    m_workers = std::make_unique<server::PipelineWorkers>(settings.value(), m_api->clock(), *m_workerLog, pipeline);
    QVERIFY(m_workers->start());
    m_api->app().jobs().setLocalWakeUp([workers = m_workers.get()] { workers->wake(); });

    const ApiHarness::Organisation acme = m_api->addOrganisation(u"Acme"_s);
    m_agent = m_api->addUser(acme.orgId, server::Role::Agent, u"dana.agent@acme.example"_s);
    m_proxy = std::make_unique<TcpProxy>(m_api->url(u"/"_s).port());
    QVERIFY(m_proxy->listen());
}

void TestCallReview::cleanup()
{
    if (m_api)
        m_api->app().jobs().setLocalWakeUp({});
    m_workers.reset();
    m_workerLog.reset();
    m_workerLogBuffer.close();
    m_proxy.reset();
    m_zoom.reset();
    m_bot.reset();
    m_api.reset();
    m_databases.reset();
}

bool TestCallReview::zoomAnnounces(App &app, const QByteArray &downloadToken)
{
    const qint64 start = app.desktop->call.state().startedAt + 1000;
    const QJsonObject body = zoomcalls::recordingCompleted(kWhitfieldMeeting, kInstance, start,
        zoomcalls::recordingFiles(kInstance, start, m_zoom->url(u"/rec/download/"_s)),
        QString::fromLatin1(downloadToken));
    const ApiReply reply =
        zoomcalls::deliver(*m_api, QJsonDocument(body).toJson(QJsonDocument::Compact), zoomcalls::kSecret);
    if (reply.json[u"status"_s].toString() != u"accepted"_s)
        qWarning() << "webhook:" << reply.body;
    return reply.json[u"status"_s].toString() == u"accepted"_s;
}

void TestCallReview::theAgentSeesEachStepLiveThenTheResults()
{
    App app(m_playbook, m_deck);
    QVERIFY(app.signIn(QUrl(u"http://127.0.0.1:%1"_s.arg(m_proxy->port())), m_agent));
    QVERIFY(app.runCall(m_playbook, true));
    QCOMPARE(app.window->currentPage(), app.window->summaryPage());

    // What the panel said, in order, each time it changed.
    QStringList seen;
    connect(&app.desktop->review, &client::CallReview::changed, this, [&] {
        const QString now = app.status();
        if (seen.isEmpty() || seen.last() != now)
            seen.append(now);
    });

    // The call reaches the server, where nothing is recorded yet.
    QVERIFY2(QTest::qWaitFor([&] { return app.status().contains(u"Waiting for the recording"_s); }, 20000),
        qPrintable(app.status()));
    QVERIFY(app.status().contains(u"○ Recording · waiting"_s));
    QVERIFY(app.desktop->live.isReady());
    QVERIFY(!app.find<QPushButton>(u"retryReview"_s)->isVisible());

    // Zoom's recording arrives with a download token that no longer works:
    // the download fails for good, and the app says why and offers a retry.
    m_zoom->addFile(kInstance + u"-m4a"_s, m_wav, zoomcalls::kDownloadToken);
    QVERIFY(zoomAnnounces(app, "expired-token"));
    QVERIFY2(QTest::qWaitFor([&] { return app.status().contains(u"✕ Recording · failed"_s); }, 30000),
        qPrintable(seen.join(u"\n"_s)));
    QVERIFY2(app.status().contains(u"expired"_s), qPrintable(app.status()));
    auto *retry = app.find<QPushButton>(u"retryReview"_s);
    QVERIFY(retry->isVisible());
    shoot(app.window, u"/tmp/callreview-failed.png"_s);

    // Zoom takes that token after all (in life: the token of a new
    // delivery); the agent retries from the app.
    m_zoom->addFile(kInstance + u"-m4a"_s, m_wav, "expired-token");
    QTest::mouseClick(retry, Qt::LeftButton);
    QVERIFY2(QTest::qWaitFor([&] { return app.find<QWidget>(u"reviewResults"_s)->isVisible(); }, 120000),
        qPrintable(seen.join(u"\n"_s) + u"\n"_s + QString::fromUtf8(m_workerLogBuffer.data())));

    // Every step done, labelled with what did it; the steps in between were
    // shown as the server reached them (pushed: the app polls only every
    // 15 s without the live channel, and the whole run takes less).
    const QString done = app.status();
    QVERIFY2(done.contains(u"✓ Recording · done"_s) && done.contains(u"✓ Transcript · done (offline, pocketsphinx)"_s)
            && done.contains(u"✓ Analysis · done (rule-based)"_s),
        qPrintable(done));
    QVERIFY2(done.contains(u"Done. Transcript: offline, pocketsphinx. Analysis: rule-based."_s), qPrintable(done));
    const QString history = seen.join(u"\n"_s);
    QVERIFY2(history.contains(u"Transcript · running"_s) || history.contains(u"Transcript · queued"_s),
        qPrintable(history));
    QVERIFY(!retry->isVisible());

    // The results, as the server stored them.
    const QJsonObject review =
        m_api->get(u"/api/v1/calls/%1/review"_s.arg(app.desktop->call.state().callId), m_api->signIn(m_agent)).json;
    const QJsonObject result = review[u"analysis"_s][u"result"_s].toObject();
    const QString results = app.find<QTextBrowser>(u"reviewResults"_s)->toPlainText();
    QVERIFY2(results.contains(u"Decision readiness %1 / 100"_s.arg(result[u"readiness"_s][u"score"_s].toInt())),
        qPrintable(results));
    QVERIFY(results.contains(result[u"summary"_s].toString()));
    for (const QJsonValue &flag : result[u"risk_flags"_s].toArray())
        QVERIFY2(results.contains(flag[u"description"_s].toString()), qPrintable(results));

    // The e-mail, copied as it is pasted into a mail program.
    const QString email = u"Subject: "_s + result[u"follow_up_email"_s][u"subject"_s].toString() + u"\n\n"_s
        + result[u"follow_up_email"_s][u"body"_s].toString();
    QCOMPARE(app.find<QPlainTextEdit>(u"emailDraft"_s)->toPlainText(), email);
    auto *copy = app.find<QPushButton>(u"copyEmail"_s);
    QTest::mouseClick(copy, Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), email);
    QCOMPARE(copy->text(), u"Copied"_s);
    shoot(app.window, u"/tmp/callreview.png"_s);
}

void TestCallReview::signedOutThePanelSaysHowToGetIt()
{
    App app(m_playbook, m_deck);
    QVERIFY(app.runCall(m_playbook, false));
    QCOMPARE(app.window->currentPage(), app.window->summaryPage());
    QVERIFY2(app.status().contains(u"Sign in to a CallOS server"_s), qPrintable(app.status()));
    QVERIFY(!app.find<QWidget>(u"reviewResults"_s)->isVisible());

    // Signing in brings the call to the server, and the panel says that
    // nothing will be recorded: consent was not given.
    QVERIFY(app.signIn(QUrl(u"http://127.0.0.1:%1"_s.arg(m_proxy->port())), m_agent));
    QVERIFY2(QTest::qWaitFor([&] { return app.status().contains(u"consent to record was not given"_s); }, 20000),
        qPrintable(app.status()));
    QVERIFY(app.status().contains(u"○ Recording · not recorded"_s));
}

void TestCallReview::aDroppedLiveConnectionComesBackAndCatchesUp()
{
    App app(m_playbook, m_deck);
    QVERIFY(app.signIn(QUrl(u"http://127.0.0.1:%1"_s.arg(m_proxy->port())), m_agent));
    QVERIFY(app.runCall(m_playbook, true));
    QVERIFY2(QTest::qWaitFor([&] { return app.status().contains(u"Waiting for the recording"_s); }, 20000),
        qPrintable(app.status()));

    // The network goes; meanwhile Zoom's recording arrives and fails.
    m_proxy->goDown();
    QVERIFY(QTest::qWaitFor([&] { return !app.desktop->live.isReady(); }, 5000));
    QVERIFY(zoomAnnounces(app, "expired-token"));
    QTest::qWait(300);
    QVERIFY(app.status().contains(u"Waiting for the recording"_s)); // it cannot know yet

    // Back: the channel reconnects by itself and the panel catches up.
    QVERIFY(m_proxy->goUp());
    QVERIFY2(QTest::qWaitFor([&] { return app.status().contains(u"✕ Recording · failed"_s); }, 20000),
        qPrintable(app.status()));
    QVERIFY(app.desktop->live.isReady());
}

void TestCallReview::anAgentAttachesARecordingMadeElsewhere()
{
    QVERIFY2(m_wav.size() > 5 * kPartBytes, "the spoken call is too short to be sent in several parts");
    App app(m_playbook, m_deck);
    QVERIFY(app.signIn(QUrl(u"http://127.0.0.1:%1"_s.arg(m_proxy->port())), m_agent));
    QVERIFY(app.runCall(m_playbook, true));
    QVERIFY2(QTest::qWaitFor([&] { return app.status().contains(u"Waiting for the recording"_s); }, 20000),
        qPrintable(app.status()));
    auto *attach = app.find<QPushButton>(u"attachRecording"_s);
    QVERIFY(attach->isVisible());
    client::RecordingUpload &upload = app.desktop->upload;

    // The agent picks a file that is no recording: the server's reason shows.
    QTemporaryDir files;
    const QString notes = files.filePath(u"notes.txt"_s);
    const QString recording = files.filePath(u"Whitfield call.wav"_s);
    for (const auto &[path, bytes] : { std::pair{ notes, QByteArray("not audio") }, std::pair{ recording, m_wav } }) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size());
    }
    QString chosen = notes;
    app.panel()->setFileChooser([&](QWidget *) { return chosen; });
    QTest::mouseClick(attach, Qt::LeftButton);
    QVERIFY2(QTest::qWaitFor([&] { return upload.state() == client::RecordingUpload::State::Failed; }, 10000),
        qPrintable(app.status()));
    QVERIFY2(app.status().contains(u"notes.txt was not sent"_s) && app.status().contains(u"file_name"_s),
        qPrintable(app.status()));
    QVERIFY(attach->isVisible());

    // The recording this time. The agent stops it after the first part...
    chosen = recording;
    QList<qint64> progress; // as the progress bar showed it, in bytes
    bool stopped = false;
    bool dropped = false;
    auto *bar = app.find<QProgressBar>(u"uploadProgress"_s);
    connect(&upload, &client::RecordingUpload::changed, this, [&] {
        if (upload.state() != client::RecordingUpload::State::Sending || upload.sentBytes() == 0)
            return;
        QVERIFY(bar->isVisible());
        progress.append(upload.sentBytes());
        if (!stopped) {
            stopped = true;
            QTest::mouseClick(app.find<QPushButton>(u"cancelUpload"_s), Qt::LeftButton);
        } else if (!dropped && upload.sentBytes() >= 3 * kPartBytes) {
            dropped = true; // ...and later the network goes, half-way
            m_proxy->goDown();
        }
    });
    QTest::mouseClick(attach, Qt::LeftButton);
    QVERIFY(QTest::qWaitFor([&] { return stopped; }, 10000));
    QCOMPARE(upload.state(), client::RecordingUpload::State::Idle);
    QCOMPARE(progress, QList<qint64>{ kPartBytes });
    QVERIFY(attach->isVisible());

    // Attached again, it goes on where it stopped, not from the start.
    QTest::mouseClick(attach, Qt::LeftButton);
    QVERIFY2(QTest::qWaitFor([&] { return upload.state() == client::RecordingUpload::State::Waiting; }, 10000),
        qPrintable(app.status()));
    QCOMPARE(progress.value(1), kPartBytes);
    QVERIFY2(app.status().contains(u"Sending Whitfield call.wav paused at"_s), qPrintable(app.status()));
    QVERIFY(!attach->isVisible());
    shoot(app.window, u"/tmp/callreview-upload.png"_s);
    QVERIFY(m_proxy->goUp());
    QVERIFY2(QTest::qWaitFor([&] { return upload.state() == client::RecordingUpload::State::Done; }, 20000),
        qPrintable(app.status()));
    QCOMPARE(bar->value(), bar->maximum());
    QVERIFY(std::is_sorted(progress.cbegin(), progress.cend()));

    // Then it is stored, transcribed and analysed like any recording.
    QVERIFY2(QTest::qWaitFor([&] { return app.find<QWidget>(u"reviewResults"_s)->isVisible(); }, 120000),
        qPrintable(app.status() + u"\n"_s + QString::fromUtf8(m_workerLogBuffer.data())));
    QVERIFY2(app.status().contains(u"✓ Recording · done"_s) && app.status().contains(u"✓ Analysis · done (rule-based)"_s),
        qPrintable(app.status()));
    QVERIFY(!attach->isVisible());
    const QString token = m_api->signIn(m_agent);
    const QJsonObject review =
        m_api->get(u"/api/v1/calls/%1/review"_s.arg(app.desktop->call.state().callId), token).json;
    QCOMPARE(review[u"recording"_s][u"source"_s].toString(), u"upload"_s);
    QCOMPARE(review[u"recording"_s][u"size_bytes"_s].toInteger(), m_wav.size());
    const ApiReply media =
        m_api->get(u"/api/v1/recordings/%1/media"_s.arg(review[u"recording"_s][u"id"_s].toString()), token);
    QCOMPARE(media.status, 200);
    QVERIFY2(media.body == m_wav, "the stored recording is not the file the agent attached");
}

// The server sent a meeting bot to the call's Zoom meeting: the panel
// follows it as it joins and records; when it fails, the panel says why and
// offers to attach a recording made elsewhere instead.
void TestCallReview::theMeetingBotsStateShowsLive()
{
    App app(m_playbook, m_deck);
    QVERIFY(app.signIn(QUrl(u"http://127.0.0.1:%1"_s.arg(m_proxy->port())), m_agent));
    QVERIFY(app.runCall(m_playbook, true));
    QTRY_COMPARE_WITH_TIMEOUT(m_bot->botIds().size(), 1, 20000);
    const QString botId = m_bot->botIds().first();
    QCOMPARE(m_bot->createRequest(botId)[u"meeting_url"_s].toString().contains(kWhitfieldMeeting), true);
    auto *attach = app.find<QPushButton>(u"attachRecording"_s);

    QCOMPARE(m_bot->sendStateChange(botId, u"joined_recording"_s, u"bot_joined_meeting"_s), 200);
    QVERIFY2(QTest::qWaitFor([&] { return app.status().contains(u"● Recording · bot recording"_s); }, 10000),
        qPrintable(app.status()));
    QVERIFY2(app.status().contains(u"The meeting bot: recording. The recording follows when the meeting has ended."_s),
        qPrintable(app.status()));
    QVERIFY(!attach->isVisible()); // the bot brings the recording
    shoot(app.window, u"/tmp/callreview-bot.png"_s);

    QCOMPARE(m_bot->sendStateChange(botId, u"fatal_error"_s, u"fatal_error"_s, u"bot_not_launched"_s), 200);
    QVERIFY2(QTest::qWaitFor([&] { return app.status().contains(u"○ Recording · bot failed"_s); }, 10000),
        qPrintable(app.status()));
    QVERIFY2(app.status().contains(u"The meeting bot could not record the call: fatal_error/bot_not_launched."_s),
        qPrintable(app.status()));
    QVERIFY(attach->isVisible());
}

QTEST_MAIN(TestCallReview)
#include "tst_callreview.moc"
