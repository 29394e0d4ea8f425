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
class ApiHarness
{
public:
    explicit ApiHarness(const server::DatabaseSettings &settings, const server::ServerApp::Settings &appSettings = {});
    ~ApiHarness();

    // False (with why()) when the database or the port could not be had.
    bool isReady() const { return m_ready; }
    QString why() const { return m_why; }

    FakeClock &clock() { return m_clock; }
    server::Database &database() { return *m_database; }
    server::ServerApp &app() { return *m_app; }
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
    FakeClock m_clock;
    UuidGenerator m_ids;
    std::optional<server::SodiumRuntime> m_sodium;
    QBuffer m_logBuffer;
    std::unique_ptr<server::JsonLog> m_log;
    std::unique_ptr<server::Database> m_database;
    std::unique_ptr<server::ServerApp> m_app;
    QNetworkAccessManager m_network;
    QString m_passwordHash;
    quint16 m_port = 0;
    bool m_ready = false;
    QString m_why;
    int m_users = 0;
};

} // namespace callos::test
