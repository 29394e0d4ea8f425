#pragma once

#include "apiharness.h"
#include "testdatabases.h"

#include <QByteArray>

#include <memory>

namespace callos::test {

// The server of one API test case: a fresh database of the current row's
// backend (TestDatabases) with the whole ServerApp on it (ApiHarness). What
// every API suite's init() and cleanup() do:
//
//   void T::init() { QVERIFY2(m_api.start(), m_api.why()); }
//   void T::cleanup() { m_api.stop(); }
//   ... m_api->signIn(user), m_api->get(path, token) ...
class ApiTestServer
{
public:
    ApiTestServer();
    ~ApiTestServer();
    ApiTestServer(const ApiTestServer &) = delete;
    ApiTestServer &operator=(const ApiTestServer &) = delete;

    // False, with why(), when the database or the server cannot be had.
    bool start(const server::ServerApp::Settings &appSettings = {});
    // Ends the server, then drops its database. After a failed test the end
    // of the server's log goes to the test's output first: it says why the
    // server answered 500.
    void stop();
    const char *why() const { return m_why.constData(); }

    ApiHarness *operator->() { return m_api.get(); }
    ApiHarness &operator*() { return *m_api; }

private:
    std::unique_ptr<TestDatabases> m_databases;
    std::unique_ptr<ApiHarness> m_api;
    QByteArray m_why;
};

} // namespace callos::test
