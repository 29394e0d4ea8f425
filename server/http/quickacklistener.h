#pragma once

#include <QTcpServer>

namespace callos::server {

// A listening socket whose connections acknowledge every request segment at
// once. Qt's own HTTP client (QNetworkAccessManager, the desktop's) writes a
// request's headers and body separately with Nagle's algorithm on, so the
// body waits until the server ACKs the headers - and Linux delays that ACK
// by up to 40 ms. Answering the ACK immediately (TCP_QUICKACK, which the
// kernel resets after use, so it is set again on every read) takes that
// 40 ms off every POST.
class QuickAckListener final : public QTcpServer
{
    Q_OBJECT

public:
    using QTcpServer::QTcpServer;

protected:
    void incomingConnection(qintptr descriptor) override;
};

} // namespace callos::server
