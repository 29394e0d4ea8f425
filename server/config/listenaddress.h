#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QString>

namespace callos::server {

// Where the HTTP server listens: an IP address (or "localhost") and a port.
// Port 0 asks the system for a free port; the one chosen is logged.
struct ListenAddress
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::ListenAddress)

public:
    QHostAddress host = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 8080;

    // "127.0.0.1:8080", "[::1]:8080", "localhost:8080", "0.0.0.0:80".
    // `source` names the option or variable the text came from, so the
    // message says where to fix it.
    static Result<ListenAddress> parse(const QString &text, const QString &source);
    QString toString() const;
};

} // namespace callos::server
