// /api/v1/playbook and /api/v1/deck over real HTTP on loopback, on SQLite and
// PostgreSQL: the built-in playbook with its ETag and 304, an admin's
// replacement (validated, stored per organisation, audited, its version
// above the one in use), refusals that list every error with its path, and
// the deck with its images.
#include "apitestserver.h"

#include "playbook/playbookloader.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::server;
using namespace callos::test;

namespace {

QByteArray resource(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll();
}

QJsonObject builtinPlaybook()
{
    return QJsonDocument::fromJson(resource(u":/content/playbooks/default.json"_s)).object();
}

} // namespace

class TestPlaybookApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void builtinPlaybookWithEtag_data() { TestDatabases::addBackendRows(); }
    void builtinPlaybookWithEtag();
    void adminReplacesTheirOrganisationsPlaybook_data() { TestDatabases::addBackendRows(); }
    void adminReplacesTheirOrganisationsPlaybook();
    void versionsOnlyGoUp_data() { TestDatabases::addBackendRows(); }
    void versionsOnlyGoUp();
    void invalidPlaybookListsEveryError_data() { TestDatabases::addBackendRows(); }
    void invalidPlaybookListsEveryError();
    void onlyAdminsChangeThePlaybook_data() { TestDatabases::addBackendRows(); }
    void onlyAdminsChangeThePlaybook();
    void deckAndItsImages_data() { TestDatabases::addBackendRows(); }
    void deckAndItsImages();

private:
    ApiTestServer m_api;
};

void TestPlaybookApi::init()
{
    QVERIFY2(m_api.start(), m_api.why());
}

void TestPlaybookApi::cleanup()
{
    m_api.stop();
}

void TestPlaybookApi::builtinPlaybookWithEtag()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const SeededUser agent = m_api->addUser(acme.orgId, Role::Agent, u"agent@acme.example"_s);
    const QString token = m_api->signIn(agent);

    const ApiReply playbook = m_api->get(u"/api/v1/playbook"_s, token);
    QCOMPARE(playbook.status, 200);
    QVERIFY(playbook.header("Content-Type").startsWith("application/json"));
    QCOMPARE(playbook.json, builtinPlaybook());
    // What the server hands out is a playbook the desktop can load.
    const Validated<Playbook> loaded = PlaybookLoader::parse(playbook.body, u"served"_s);
    QVERIFY2(loaded.ok(), qPrintable(loaded.messages().join(u'\n')));
    QCOMPARE(loaded.value->milestones.size(), 7);

    const QByteArray etag = playbook.header("ETag");
    QVERIFY(etag.startsWith('"') && etag.endsWith('"') && etag.size() > 10);
    QCOMPARE(m_api->get(u"/api/v1/playbook"_s, token).header("ETag"), etag); // stable

    const ApiReply unchanged = m_api->send("GET", u"/api/v1/playbook"_s, {}, { { "If-None-Match", etag } }, token);
    QCOMPARE(unchanged.status, 304);
    QVERIFY(unchanged.body.isEmpty());
    QCOMPARE(unchanged.header("ETag"), etag);
    QCOMPARE(m_api->send("GET", u"/api/v1/playbook"_s, {}, { { "If-None-Match", "\"old\", W/" + etag } }, token).status,
        304);
    QCOMPARE(m_api->send("GET", u"/api/v1/playbook"_s, {}, { { "If-None-Match", "\"old\"" } }, token).status, 200);
    QCOMPARE(m_api->get(u"/api/v1/playbook"_s).status, 401);
}

void TestPlaybookApi::adminReplacesTheirOrganisationsPlaybook()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const auto globex = m_api->addOrganisation(u"Globex"_s);
    const SeededUser agent = m_api->addUser(acme.orgId, Role::Agent, u"agent@acme.example"_s);
    const QString adminToken = m_api->signIn(acme.admin);
    const QString agentToken = m_api->signIn(agent);
    const QString globexToken = m_api->signIn(globex.admin);
    const QByteArray builtinEtag = m_api->get(u"/api/v1/playbook"_s, agentToken).header("ETag");

    QJsonObject changed = builtinPlaybook();
    changed.insert(u"version"_s, 2);
    changed.insert(u"name"_s, u"Acme discovery call"_s);
    const ApiReply stored = m_api->put(u"/api/v1/playbook"_s, changed, adminToken);
    QCOMPARE(stored.status, 200);
    QCOMPARE(stored.json, changed);
    const QByteArray etag = stored.header("ETag");
    QVERIFY(!etag.isEmpty() && etag != builtinEtag);

    // Every member of Acme now gets it; the cached built-in is stale.
    const ApiReply agentView
        = m_api->send("GET", u"/api/v1/playbook"_s, {}, { { "If-None-Match", builtinEtag } }, agentToken);
    QCOMPARE(agentView.status, 200);
    QCOMPARE(agentView.json, changed);
    QCOMPARE(agentView.header("ETag"), etag);
    QCOMPARE(m_api->send("GET", u"/api/v1/playbook"_s, {}, { { "If-None-Match", etag } }, agentToken).status, 304);

    // Globex still runs the built-in one: the change is Acme's alone.
    const ApiReply globexView = m_api->get(u"/api/v1/playbook"_s, globexToken);
    QCOMPARE(globexView.json, builtinPlaybook());
    QCOMPARE(globexView.header("ETag"), builtinEtag);

    // Storing it again replaces it (one row per organisation).
    changed.insert(u"version"_s, 3);
    QCOMPARE(m_api->put(u"/api/v1/playbook"_s, changed, adminToken).status, 200);
    QCOMPARE(m_api->get(u"/api/v1/playbook"_s, agentToken).json[u"version"_s].toInt(), 3);

    const auto audit = m_api->app().audit().read(acme.orgId, u"config.playbook_changed"_s, 0, 10);
    QVERIFY(audit.ok());
    QCOMPARE(audit.value().entries.size(), 2);
    QCOMPARE(audit.value().entries.first().actorUserId, acme.admin.id);
    QCOMPARE(audit.value().entries.first().details[u"version"_s].toInt(), 3);
    QCOMPARE(audit.value().entries.last().details[u"playbook_id"_s].toString(), u"default"_s);
    QCOMPARE(m_api->app().audit().read(globex.orgId, u"config.playbook_changed"_s, 0, 10).value().entries.size(), 0);
}

void TestPlaybookApi::versionsOnlyGoUp()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const QString token = m_api->signIn(acme.admin);
    // As the admin reads them in the audit log.
    const auto changes = [&] {
        return m_api->get(u"/api/v1/audit?action=config.playbook_changed"_s, token).json[u"entries"_s].toArray().size();
    };
    const QByteArray builtinEtag = m_api->get(u"/api/v1/playbook"_s, token).header("ETag");

    // A changed built-in playbook under its own version 1: calls that ran
    // the built-in could no longer say which one they ran.
    QJsonObject renamed = builtinPlaybook();
    renamed.insert(u"name"_s, u"Acme discovery call"_s);
    const ApiReply sameVersion = m_api->put(u"/api/v1/playbook"_s, renamed, token);
    QCOMPARE(sameVersion.status, 409);
    QCOMPARE(sameVersion.errorCode(), u"playbook.version_not_newer"_s);
    QCOMPARE(sameVersion.json[u"error"_s][u"details"_s].toObject(),
        (QJsonObject{ { u"version"_s, 1 }, { u"active_version"_s, 1 } }));
    QCOMPARE(m_api->get(u"/api/v1/playbook"_s, token).header("ETag"), builtinEtag);

    // The playbook in use sent again is no change: 200 with its ETag, nothing stored or audited.
    const ApiReply builtinAgain = m_api->put(u"/api/v1/playbook"_s, builtinPlaybook(), token);
    QCOMPARE(builtinAgain.status, 200);
    QCOMPARE(builtinAgain.header("ETag"), builtinEtag);
    QCOMPARE(changes(), 0);

    renamed.insert(u"version"_s, 3);
    const ApiReply stored = m_api->put(u"/api/v1/playbook"_s, renamed, token);
    QCOMPARE(stored.status, 200);
    const ApiReply retried = m_api->put(u"/api/v1/playbook"_s, renamed, token);
    QCOMPARE(retried.status, 200);
    QCOMPARE(retried.header("ETag"), stored.header("ETag"));
    QCOMPARE(changes(), 1);

    // Older, or the same version with other content: refused, naming both versions.
    QJsonObject older = renamed;
    older.insert(u"version"_s, 2);
    const ApiReply refused = m_api->put(u"/api/v1/playbook"_s, older, token);
    QCOMPARE(refused.status, 409);
    QCOMPARE(refused.errorCode(), u"playbook.version_not_newer"_s);
    QVERIFY2(refused.errorMessage().contains(u"version 2"_s) && refused.errorMessage().contains(u"version 3"_s),
        qPrintable(refused.errorMessage()));
    QCOMPARE(refused.json[u"error"_s][u"details"_s].toObject(),
        (QJsonObject{ { u"version"_s, 2 }, { u"active_version"_s, 3 } }));
    QJsonObject sameAgain = renamed;
    sameAgain.insert(u"name"_s, u"Acme discovery call, shorter"_s);
    QCOMPARE(m_api->put(u"/api/v1/playbook"_s, sameAgain, token).errorCode(), u"playbook.version_not_newer"_s);
    QCOMPARE(m_api->get(u"/api/v1/playbook"_s, token).json, renamed);
    QCOMPARE(changes(), 1);

    // The organisation's versions go up whatever the playbook's id.
    QJsonObject other = renamed;
    other.insert(u"id"_s, u"acme-discovery"_s);
    QCOMPARE(m_api->put(u"/api/v1/playbook"_s, other, token).errorCode(), u"playbook.version_not_newer"_s);
    other.insert(u"version"_s, 4);
    QCOMPARE(m_api->put(u"/api/v1/playbook"_s, other, token).status, 200);
    QCOMPARE(m_api->put(u"/api/v1/playbook"_s, renamed, token).errorCode(), u"playbook.version_not_newer"_s);
    QCOMPARE(m_api->get(u"/api/v1/playbook"_s, token).json, other);
    QCOMPARE(changes(), 2);
}

void TestPlaybookApi::invalidPlaybookListsEveryError()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const QString token = m_api->signIn(acme.admin);
    QJsonObject broken = builtinPlaybook();
    broken.remove(u"name"_s);
    broken.insert(u"version"_s, u"two"_s);
    broken.insert(u"colour"_s, u"blue"_s);
    const ApiReply refused = m_api->put(u"/api/v1/playbook"_s, broken, token);
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.errorCode(), u"playbook.invalid"_s);
    const QStringList paths = refused.fieldPaths();
    QVERIFY2(paths.contains(u"name"_s) && paths.contains(u"version"_s) && paths.contains(u"colour"_s),
        qPrintable(paths.join(u", "_s)));
    QVERIFY(refused.errorMessage().contains(u"3 problem"_s));

    // A deeper error names its JSON path.
    QJsonObject deep = builtinPlaybook();
    QJsonArray milestones = deep[u"milestones"_s].toArray();
    QJsonObject second = milestones.at(1).toObject();
    second.insert(u"id"_s, milestones.at(0)[u"id"_s]);
    milestones.replace(1, second);
    deep.insert(u"milestones"_s, milestones);
    const ApiReply duplicate = m_api->put(u"/api/v1/playbook"_s, deep, token);
    QCOMPARE(duplicate.status, 400);
    QVERIFY2(duplicate.fieldPaths().contains(u"milestones[1].id"_s), qPrintable(duplicate.fieldPaths().join(u", "_s)));

    QCOMPARE(m_api->send("PUT", u"/api/v1/playbook"_s, "not json", { { "Content-Type", "application/json" } }, token)
                 .errorCode(),
        u"request.malformed_json"_s);
    QCOMPARE(m_api->send("PUT", u"/api/v1/playbook"_s, "{}", { { "Content-Type", "text/plain" } }, token).status, 415);
    QCOMPARE(m_api->put(u"/api/v1/playbook"_s, QJsonObject{}, token).errorCode(), u"playbook.invalid"_s);

    // Nothing was stored, nothing audited.
    QCOMPARE(m_api->get(u"/api/v1/playbook"_s, token).json, builtinPlaybook());
    QCOMPARE(m_api->app().audit().read(acme.orgId, u"config.playbook_changed"_s, 0, 10).value().entries.size(), 0);
}

void TestPlaybookApi::onlyAdminsChangeThePlaybook()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const SeededUser agent = m_api->addUser(acme.orgId, Role::Agent, u"agent@acme.example"_s);
    const SeededUser manager = m_api->addUser(acme.orgId, Role::Manager, u"manager@acme.example"_s);
    QJsonObject changed = builtinPlaybook();
    changed.insert(u"version"_s, 2);
    for (const SeededUser &user : { agent, manager }) {
        const ApiReply refused = m_api->put(u"/api/v1/playbook"_s, changed, m_api->signIn(user));
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.errorCode(), u"auth.forbidden"_s);
    }
    QCOMPARE(m_api->put(u"/api/v1/playbook"_s, changed, {}).status, 401);
    QCOMPARE(m_api->get(u"/api/v1/playbook"_s, m_api->signIn(agent)).json[u"version"_s].toInt(), 1);
}

void TestPlaybookApi::deckAndItsImages()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const SeededUser agent = m_api->addUser(acme.orgId, Role::Agent, u"agent@acme.example"_s);
    const QString token = m_api->signIn(agent);

    const ApiReply deck = m_api->get(u"/api/v1/deck"_s, token);
    QCOMPARE(deck.status, 200);
    QCOMPARE(deck.json, QJsonDocument::fromJson(resource(u":/content/deck/deck.json"_s)).object());
    QVERIFY(deck.json[u"slides"_s].toArray().size() > 5);
    QVERIFY(!deck.header("ETag").isEmpty());
    QCOMPARE(m_api->send("GET", u"/api/v1/deck"_s, {}, { { "If-None-Match", deck.header("ETag") } }, token).status, 304);

    // The image a slide names, by its path in deck.json or by its file name.
    const QByteArray png = resource(u":/content/deck/images/growth-path.png"_s);
    for (const QString &path : { u"/api/v1/deck/files/growth-path.png"_s, u"/api/v1/deck/files/images/growth-path.png"_s,
             u"/api/v1/deck/files/images%2Fgrowth-path.png"_s }) {
        const ApiReply image = m_api->get(path, token);
        QVERIFY2(image.status == 200, qPrintable(path));
        QCOMPARE(image.header("Content-Type"), QByteArray("image/png"));
        QCOMPARE(image.body, png);
    }
    // Nothing else, however it is named.
    for (const QString &path : { u"/api/v1/deck/files/deck.json"_s, u"/api/v1/deck/files/nothing.png"_s,
             u"/api/v1/deck/files/..%2Fdeck.json"_s, u"/api/v1/deck/files/images/..%2F..%2Fdeck.json"_s,
             u"/api/v1/deck/files/%2Fetc%2Fpasswd"_s, u"/api/v1/deck/files/images/growth-path.png%00.txt"_s }) {
        const ApiReply refused = m_api->get(path, token);
        QVERIFY2(refused.status == 404, qPrintable(u"%1: %2"_s.arg(path).arg(refused.status)));
        QVERIFY2(!refused.body.contains("schemaVersion") && !refused.body.contains("root:"), qPrintable(path));
    }
    QCOMPARE(m_api->get(u"/api/v1/deck/files/images/growth-path.png"_s).status, 401);
    QCOMPARE(m_api->get(u"/api/v1/deck"_s).status, 401);
}

QTEST_GUILESS_MAIN(TestPlaybookApi)

#include "tst_playbookapi.moc"
