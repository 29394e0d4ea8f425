#include "apitestserver.h"

#include <QTest>

namespace callos::test {

ApiTestServer::ApiTestServer() = default;

ApiTestServer::~ApiTestServer()
{
    stop();
}

bool ApiTestServer::start(const server::ServerApp::Settings &appSettings)
{
    stop();
    m_databases = std::make_unique<TestDatabases>();
    const Result<server::DatabaseSettings> settings = m_databases->create(TestDatabases::currentBackend());
    if (!settings) {
        m_why = TestDatabases::why(settings);
        return false;
    }
    m_api = std::make_unique<ApiHarness>(settings.value(), appSettings);
    if (!m_api->isReady()) {
        m_why = m_api->why().toUtf8();
        return false;
    }
    m_why.clear();
    return true;
}

void ApiTestServer::stop()
{
    if (m_api && QTest::currentTestFailed())
        qWarning("server log:\n%s", m_api->logText().right(4000).constData());
    // The server holds connections to the database: it goes first.
    m_api.reset();
    m_databases.reset();
}

} // namespace callos::test
