#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QUrl>

namespace callos::client {

// The address of a callos-server as an agent types it: "callos.acme.com",
// "https://callos.acme.com/", "http://127.0.0.1:8080", or with the API path
// pasted from the docs. Without a scheme it is https, except for this
// computer (localhost, 127.0.0.1), which is http: a server started from the
// command line speaks plain HTTP on loopback.
class ServerAddress
{
    Q_DECLARE_TR_FUNCTIONS(callos::client::ServerAddress)

public:
    // account.invalid_server with what is wrong.
    static Result<QUrl> parse(const QString &text);
    // How the address is shown and stored: scheme://host[:port][/prefix].
    static QString display(const QUrl &url);
};

} // namespace callos::client
