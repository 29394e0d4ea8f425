// The session token in a real OS keychain: gnome-keyring's Secret Service
// on a private D-Bus session (CTest starts both, see CMakeLists.txt). The
// token is stored, read back, deleted; signing in puts it there and nowhere
// else (never in the settings file), a restart finds it, signing out
// removes it.
#include "client/account/keychaintokenstore.h"
#include "syncrig.h"
#include "syncserver.h"
#include "testpaths.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::client;
using namespace callos::test;

namespace {

Result<QString> readToken(TokenStore &store, const QString &key)
{
    std::optional<Result<QString>> result;
    store.read(key, nullptr, [&](const Result<QString> &read) { result = read; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000))
        return Refusal { u"test.timeout"_s, u"the keychain did not answer"_s };
    return *result;
}

std::optional<Refusal> writeToken(TokenStore &store, const QString &key, const QString &token)
{
    std::optional<std::optional<Refusal>> result;
    store.write(key, token, nullptr, [&](const std::optional<Refusal> &done) { result = done; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000))
        return Refusal { u"test.timeout"_s, u"the keychain did not answer"_s };
    return *result;
}

std::optional<Refusal> removeToken(TokenStore &store, const QString &key)
{
    std::optional<std::optional<Refusal>> result;
    store.remove(key, nullptr, [&](const std::optional<Refusal> &done) { result = done; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000))
        return Refusal { u"test.timeout"_s, u"the keychain did not answer"_s };
    return *result;
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void storesReadsBackAndDeletes();
    void signInKeepsTheTokenInTheKeychainOnly();

private:
    // A service name of its own per run: never touches a real CallOS entry.
    const QString m_service = u"CallOS test %1"_s.arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
    Playbook m_playbook = loadDefaultPlaybook();
    Deck m_deck = loadDefaultDeck(m_playbook);
};

void TestKeychain::storesReadsBackAndDeletes()
{
    KeychainTokenStore store(m_service);
    const QString key = u"session https://callos.example.com dana@example.com"_s;
    const QString token = u"cos_"_s + QUuid::createUuid().toString(QUuid::Id128);

    const auto missing = readToken(store, key);
    QVERIFY(!missing.ok());
    QVERIFY2(missing.refusal().code == u"token.not_found"_s, qPrintable(missing.refusal().message));

    const auto written = writeToken(store, key, token);
    QVERIFY2(!written, qPrintable(written ? written->message : QString()));
    const auto read = readToken(store, key);
    QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.refusal().message));
    QCOMPARE(read.value(), token);

    // A second store object (another run of the app) sees it too.
    KeychainTokenStore again(m_service);
    QCOMPARE(readToken(again, key).value(), token);

    QVERIFY(!removeToken(store, key));
    QCOMPARE(readToken(store, key).refusal().code, u"token.not_found"_s);
    QVERIFY(!removeToken(store, key)); // removing what is gone is fine
}

void TestKeychain::signInKeepsTheTokenInTheKeychainOnly()
{
    SyncServer loopback;
    QVERIFY2(loopback.start(), qPrintable(loopback.why()));
    ApiHarness &api = loopback.api();
    const SeededUser agent = loopback.agent();
    // Straight to the server: this test cuts no connections.
    const QUrl server = api.url(u"/"_s).adjusted(QUrl::StripTrailingSlash);

    KeychainTokenStore keychain(m_service);
    QTemporaryDir data;
    QString key;
    {
        SyncRig::Options options;
        options.dataDir = data.path();
        options.tokens = &keychain;
        SyncRig rig(m_playbook, m_deck, options);
        QVERIFY(rig.signIn(server, agent.email, agent.password));
        key = Account::tokenKey(rig.account->profile().server, agent.email);
        const Result<QString> token = readToken(keychain, key);
        QVERIFY2(token.ok(), qPrintable(token.ok() ? QString() : token.refusal().message));
        QVERIFY(token.value().startsWith(u"cos_"_s));
        rig.settings->sync();
        const QByteArray ini = fileBytes(data.filePath(u"settings.ini"_s));
        QVERIFY(ini.contains(agent.email.toUtf8()));
        QVERIFY2(!ini.contains(token.value().toUtf8()), ini.constData());
        QVERIFY(!ini.contains(agent.password.toUtf8()));
        // Nor is it anywhere else in the data folder (the local store).
        QVERIFY(!fileBytes(data.filePath(u"callos.sqlite"_s)).contains(token.value().toUtf8()));
        QVERIFY(!api.logText().contains(token.value().toUtf8()));
    }
    {
        // A restart: the token comes back from the keychain.
        SyncRig::Options options;
        options.dataDir = data.path();
        options.tokens = &keychain;
        SyncRig rig(m_playbook, m_deck, options);
        QCOMPARE(rig.account->state(), Account::State::SignedOut);
        rig.account->restore();
        QVERIFY(QTest::qWaitFor([&] { return rig.account->isSignedIn(); }, 20000));
        QVERIFY(rig.api->hasToken());
        QVERIFY(rig.waitSynced()); // the server takes it

        rig.account->signOut();
        QCOMPARE(rig.account->state(), Account::State::SignedOut);
        QVERIFY(
            QTest::qWaitFor([&] { return readToken(keychain, key).refusal().code == u"token.not_found"_s; }, 20000));
        // The account is remembered for the dialog; the token is not.
        QCOMPARE(rig.account->profile().email, agent.email);
    }
}

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
