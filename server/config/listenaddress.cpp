#include "config/listenaddress.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace callos::server {

Result<ListenAddress> ListenAddress::parse(const QString &text, const QString &source)
{
    const Refusal bad{ u"config.invalid_value"_s,
        tr("%1: \"%2\" is not an address to listen on (expected HOST:PORT with an IP address or localhost "
           "and a port from 0 to 65535, e.g. 127.0.0.1:8080)")
            .arg(source, text) };
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0)
        return bad;
    QString host = text.left(colon);
    const QString portText = text.mid(colon + 1);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    else if (host.contains(u':'))
        return bad; // an IPv6 address needs brackets, or the port is ambiguous

    bool numeric = false;
    const uint port = portText.toUInt(&numeric);
    // toUInt accepts a leading "+" and spaces; a port is digits only.
    const bool digitsOnly = !portText.isEmpty()
        && std::all_of(portText.cbegin(), portText.cend(), [](QChar c) { return c.isDigit(); });
    if (!numeric || !digitsOnly || port > 65535)
        return bad;

    ListenAddress address;
    address.port = static_cast<quint16>(port);
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0) {
        address.host = QHostAddress(QHostAddress::LocalHost);
        return address;
    }
    // Host names other than localhost are not resolved: a server should bind
    // to what the operator wrote, not to what a resolver answers today.
    if (!address.host.setAddress(host))
        return bad;
    return address;
}

QString ListenAddress::toString() const
{
    if (host.protocol() == QAbstractSocket::IPv6Protocol)
        return u"[%1]:%2"_s.arg(host.toString()).arg(port);
    return u"%1:%2"_s.arg(host.toString()).arg(port);
}

} // namespace callos::server
