#pragma once

#include "apiharness.h"
#include "tcpproxy.h"

#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace callos::test {

// What the sync tests sign in to: the whole server in this process
// (ApiHarness) on a fresh SQLite file of its own, the organisation Acme with
// one agent, and a TcpProxy in front of it that a test takes down and up.
//
//   void T::init() { QVERIFY2(m_server.start(), qPrintable(m_server.why())); }
//   void T::cleanup() { m_server.stop(); }
//   rig.signIn(m_server.url(), m_server.agent().email, m_server.agent().password);
//
// Header-only: callos_synctestsupport does not link the server; the tests
// that run one in process link callos_apitestsupport themselves.
class SyncServer
{
public:
    SyncServer() = default;
    ~SyncServer() { stop(); }
    SyncServer(const SyncServer &) = delete;
    SyncServer &operator=(const SyncServer &) = delete;

    // False, with why(), when the server or the proxy cannot be had.
    bool start(const QString &agentEmail = QStringLiteral("agent@acme.example"))
    {
        stop();
        m_dir = std::make_unique<QTemporaryDir>();
        m_api = std::make_unique<ApiHarness>(
            server::DatabaseSettings::sqliteFile(m_dir->filePath(QStringLiteral("server.sqlite"))));
        if (!m_api->isReady()) {
            m_why = m_api->why();
            return false;
        }
        const ApiHarness::Organisation acme = m_api->addOrganisation(QStringLiteral("Acme"));
        m_agent = m_api->addUser(acme.orgId, server::Role::Agent, agentEmail);
        m_proxy = std::make_unique<TcpProxy>(m_api->url(QStringLiteral("/")).port());
        if (!m_proxy->listen()) {
            m_why = QStringLiteral("the proxy in front of the server cannot listen on 127.0.0.1");
            return false;
        }
        m_why.clear();
        return true;
    }

    // The proxy first (its connections lead to the server), the server, its folder.
    void stop()
    {
        m_proxy.reset();
        m_api.reset();
        m_dir.reset();
    }

    QString why() const { return m_why; }

    ApiHarness &api() { return *m_api; }
    TcpProxy &proxy() { return *m_proxy; }
    const SeededUser &agent() const { return m_agent; }
    // Where the desktop signs in: the server through the proxy.
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_proxy->port())); }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ApiHarness> m_api;
    std::unique_ptr<TcpProxy> m_proxy;
    SeededUser m_agent;
    QString m_why;
};

} // namespace callos::test
