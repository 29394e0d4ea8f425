#include "apiharness.h"

#include "storage/transaction.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace callos::server;

namespace callos::test {

QByteArray ApiReply::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QStringList ApiReply::fieldPaths() const
{
    QStringList paths;
    for (const QJsonValue &field : json[u"error"_s][u"details"_s][u"fields"_s].toArray())
        paths.append(field[u"path"_s].toString());
    return paths;
}

QStringList ApiReply::listed(const QString &list, const QString &field) const
{
    QStringList values;
    for (const QJsonValue &item : json[list].toArray())
        values.append(item[field].toString());
    return values;
}

ApiHarness::ApiHarness(const DatabaseSettings &settings, const ServerApp::Settings &appSettings)
{
    m_logBuffer.open(QIODevice::ReadWrite);
    m_log = std::make_unique<JsonLog>(m_logBuffer, m_clock);
    Result<SodiumRuntime> sodium = SodiumRuntime::initialise();
    if (!sodium) {
        m_why = sodium.refusal().message;
        return;
    }
    m_sodium = sodium.value();
    Result<std::unique_ptr<Database>> opened = Database::open(settings, m_clock);
    if (!opened) {
        m_why = opened.refusal().message;
        return;
    }
    m_database = std::move(opened).value();
    m_app = std::make_unique<ServerApp>(*m_database, *m_sodium, m_clock, m_ids, *m_log, appSettings);
    const Result<quint16> port = m_app->http().listen(ListenAddress::parse(u"127.0.0.1:0"_s, u"test"_s).value());
    if (!port) {
        m_why = port.refusal().message;
        return;
    }
    m_port = port.value();
    m_passwordHash = m_app->hasher().hash(seededPassword()).value();
    m_ready = true;
}

ApiHarness::~ApiHarness() = default;

Database &ApiHarness::database()
{
    enterTestScope();
    return *m_database;
}

ServerApp &ApiHarness::app()
{
    enterTestScope();
    return *m_app;
}

void ApiHarness::enterTestScope()
{
    if (!m_testScope)
        m_testScope.emplace(m_database->tenantScope().enterSystem());
}

QString ApiHarness::seededPassword()
{
    return u"correct horse battery staple 42"_s;
}

QUrl ApiHarness::url(const QString &pathAndQuery) const
{
    return QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_port).arg(pathAndQuery));
}

ApiHarness::Organisation ApiHarness::addOrganisation(const QString &name)
{
    Organisation organisation;
    organisation.orgId = m_ids.nextId();
    // Only for the seeding: a test that waits for the server without a
    // request (live connections) must not lend it the system's scope.
    const TenantScope::Entered system = m_database->tenantScope().enterSystem();
    Transaction transaction(*m_database, u"seeding an organisation"_s);
    if (transaction.begin()
        || transaction.exec(u"INSERT INTO organisations (org_id, name, created_at) VALUES (?, ?, ?)"_s,
            { organisation.orgId, name, m_clock.nowMs() })
        || transaction.commit())
        qFatal("cannot seed organisation %s", qPrintable(name));
    organisation.admin = addUser(organisation.orgId, Role::Admin,
        u"admin@%1.example"_s.arg(name.toLower().remove(u' ')));
    return organisation;
}

ApiHarness::Team ApiHarness::addTeam(const QString &organisation)
{
    Team team;
    team.organisation = addOrganisation(organisation);
    const QString domain = organisation.toLower() + u".example"_s;
    team.alice = addUser(team.organisation.orgId, Role::Agent, u"alice@"_s + domain);
    team.bob = addUser(team.organisation.orgId, Role::Agent, u"bob@"_s + domain);
    team.mia = addUser(team.organisation.orgId, Role::Manager, u"mia@"_s + domain);
    team.aliceToken = signIn(team.alice);
    team.bobToken = signIn(team.bob);
    team.miaToken = signIn(team.mia);
    return team;
}

SeededUser ApiHarness::addUser(const QString &orgId, Role role, const QString &email)
{
    SeededUser user{ m_ids.nextId(), orgId, email, seededPassword(), role };
    const TenantScope::Entered system = m_database->tenantScope().enterSystem();
    Transaction transaction(*m_database, u"seeding a user"_s);
    if (transaction.begin()
        || transaction.exec(u"INSERT INTO users (id, org_id, email, display_name, role, password_hash, created_at) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
            { user.id, orgId, email, u"User %1"_s.arg(++m_users), roleName(role), m_passwordHash, m_clock.nowMs() })
        || transaction.commit())
        qFatal("cannot seed user %s", qPrintable(email));
    return user;
}

QString ApiHarness::signIn(const SeededUser &user)
{
    const ApiReply reply
        = post(u"/api/v1/auth/login"_s, QJsonObject{ { u"email"_s, user.email }, { u"password"_s, user.password } });
    return reply.status == 200 ? reply.json.value(u"token"_s).toString() : QString();
}

ApiReply ApiHarness::get(const QString &path, const QString &token)
{
    return send("GET", path, {}, {}, token);
}

ApiReply ApiHarness::post(const QString &path, const QJsonObject &body, const QString &token)
{
    return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact),
        { { "Content-Type", "application/json" } }, token);
}

ApiReply ApiHarness::patch(const QString &path, const QJsonObject &body, const QString &token)
{
    return send("PATCH", path, QJsonDocument(body).toJson(QJsonDocument::Compact),
        { { "Content-Type", "application/json" } }, token);
}

ApiReply ApiHarness::put(const QString &path, const QJsonObject &body, const QString &token)
{
    return send("PUT", path, QJsonDocument(body).toJson(QJsonDocument::Compact),
        { { "Content-Type", "application/json" } }, token);
}

ApiReply ApiHarness::del(const QString &path, const QString &token)
{
    return send("DELETE", path, {}, {}, token);
}

ApiReply ApiHarness::send(const QByteArray &method, const QString &path, const QByteArray &body,
    const QList<QPair<QByteArray, QByteArray>> &headers, const QString &token)
{
    QNetworkRequest request(url(path));
    // Each answer as the server gave it: a redirect (the media route's to
    // S3) is the test's to follow or not.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    // The server is on its own with the scopes it enters, as in production.
    m_testScope.reset();
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    loop.exec();
    ApiReply result;
    // CALLOS_TEST_SERVER_LOG=1 shows the server's log line of every 5xx.
    if (qEnvironmentVariableIsSet("CALLOS_TEST_SERVER_LOG")
        && reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() >= 500)
        qWarning().noquote() << "server log:" << m_logBuffer.data().split('\n').value(m_logBuffer.data().count('\n') - 1);
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.json = QJsonDocument::fromJson(result.body).object();
    for (const auto &pair : reply->rawHeaderPairs())
        result.headers.append(pair);
    reply->deleteLater();
    return result;
}

} // namespace callos::test
