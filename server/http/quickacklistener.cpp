#include "http/quickacklistener.h"

#include <QTcpSocket>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

namespace callos::server {

namespace {

void acknowledgeNow(qintptr descriptor)
{
#ifdef TCP_QUICKACK
    const int on = 1;
    ::setsockopt(static_cast<int>(descriptor), IPPROTO_TCP, TCP_QUICKACK, &on, sizeof(on));
#else
    Q_UNUSED(descriptor)
#endif
}

} // namespace

void QuickAckListener::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    // Responses go out in several writes too; no Nagle delay on them either.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    acknowledgeNow(descriptor);
    connect(socket, &QTcpSocket::readyRead, socket, [descriptor]() { acknowledgeNow(descriptor); });
    addPendingConnection(socket);
}

} // namespace callos::server
