#pragma once

#include "accounts/role.h"
#include "app/serverapp.h"
#include "auth/sodiumruntime.h"
#include "common/idgenerator.h"
#include "config/databasesettings.h"
#include "fakeclock.h"
#include "runtime/jsonlog.h"
#include "storage/database.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QUrl>

#include <memory>
#include <optional>

namespace callos::test {

// What a request got back, as a client sees it.
struct ApiReply
{
    int status = 0; // 0: no HTTP answer at all
    QByteArray body;
    QJsonObject json; // the body, when it is a JSON object
    QList<QPair<QByteArray, QByteArray>> headers;

    QString errorCode() const { return json.value(u"error").toObject().value(u"code").toString(); }
    QString errorMessage() const { return json.value(u"error").toObject().value(u"message").toString(); }
    QByteArray header(const QByteArray &name) const;
    // The paths of a 400's details.fields, in order ("limit", "milestones[1].id").
    QStringList fieldPaths() const;
    // The `field` of each object in the answer's array `list`, in order:
    // listed(u"calls"_s, u"id"_s) of {"calls":[{"id":...}, ...]}.
    QStringList listed(const QString &list, const QString &field) const;
};

// A user the harness put in the database, with the password to sign in.
struct SeededUser
{
    QString id;
    QString orgId;
    QString email;
    QString password;
    server::Role role = server::Role::Agent;
};

// The whole server (ServerApp, the same object graph main builds) in the
// test's process on a fresh database, listening on a loopback port, with a
// fake clock; plus a synchronous HTTP client and seeding helpers.
//
//   ApiHarness api(settings);             // from TestDatabases
//   const SeededUser alice = api.addOrganisation(u"Acme"_s).admin;
//   const QString token = api.signIn(alice);
//   ApiReply reply = api.get(u"/api/v1/auth/me"_s, token);
//
// Row-level security (PostgreSQL): the server has only the scopes it enters
// itself, as in production, so a handler that forgets its scope sees no row
// here either. What the test does itself through database() or app() (the
// server's objects, called directly) runs in the system's scope, seeing
// every organisation's rows, until the next request.
class ApiHarness
{
public:
    explicit ApiHarness(const server::DatabaseSettings &settings, const server::ServerApp::Settings &appSettings = {});
    ~ApiHarness();

    // False (with why()) when the database or the port could not be had.
    bool isReady() const { return m_ready; }
    QString why() const { return m_why; }

    FakeClock &clock() { return m_clock; }
    // Both in the system's scope until the next request (see above).
    server::Database &database();
    server::ServerApp &app();
    QUrl url(const QString &pathAndQuery) const;
    // Every line the server logged, for tests that check what is (not) logged.
    QByteArray logText() const { return m_logBuffer.data(); }

    struct Organisation
    {
        QString orgId;
        SeededUser admin;
    };
    Organisation addOrganisation(const QString &name);
    SeededUser addUser(const QString &orgId, server::Role role, const QString &email);
    // Who the visibility tests need: an organisation with two agents and a
    // manager, each signed in once. In the order of the members, so
    //   const auto [acme, alice, bob, mia, aliceToken, bobToken, miaToken] = api.addTeam();
    struct Team
    {
        Organisation organisation;
        SeededUser alice; // agent alice@<organisation>.example
        SeededUser bob; // agent
        SeededUser mia; // manager
        QString aliceToken;
        QString bobToken;
        QString miaToken;
    };
    Team addTeam(const QString &organisation = QStringLiteral("Acme"));

    // Signs in through the API; empty on failure (the test then fails on use).
    QString signIn(const SeededUser &user);

    ApiReply get(const QString &path, const QString &token = {});
    ApiReply post(const QString &path, const QJsonObject &body, const QString &token = {});
    ApiReply patch(const QString &path, const QJsonObject &body, const QString &token = {});
    ApiReply put(const QString &path, const QJsonObject &body, const QString &token = {});
    ApiReply del(const QString &path, const QString &token = {});
    // Anything: raw bytes, any method, any headers.
    ApiReply send(const QByteArray &method, const QString &path, const QByteArray &body,
        const QList<QPair<QByteArray, QByteArray>> &headers, const QString &token = {});

    // The common password of seeded users (hashed once: Argon2 is slow by design).
    static QString seededPassword();

private:
    void enterTestScope();

    FakeClock m_clock;
    UuidGenerator m_ids;
    std::optional<server::SodiumRuntime> m_sodium;
    QBuffer m_logBuffer;
    std::unique_ptr<server::JsonLog> m_log;
    std::unique_ptr<server::Database> m_database;
    std::unique_ptr<server::ServerApp> m_app;
    // The system's scope of database(), left when a request goes out.
    std::optional<server::TenantScope::Entered> m_testScope;
    QNetworkAccessManager m_network;
    QString m_passwordHash;
    quint16 m_port = 0;
    bool m_ready = false;
    QString m_why;
    int m_users = 0;
};

} // namespace callos::test
