#include "client/account/serveraddress.h"

#include <QHostAddress>

using namespace Qt::StringLiterals;

namespace callos::client {
namespace {

Refusal invalid(const QString &message)
{
    return Refusal { u"account.invalid_server"_s, message };
}

bool isThisComputer(const QString &host)
{
    const QHostAddress address(host);
    return host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0 || (!address.isNull() && address.isLoopback());
}

} // namespace

Result<QUrl> ServerAddress::parse(const QString &text)
{
    QString input = text.trimmed();
    if (input.isEmpty())
        return invalid(tr("Enter the address of your CallOS server, for example https://callos.example.com."));
    if (!input.contains(u"://"_s)) {
        const QString host = input.section(u'/', 0, 0).section(u':', 0, 0);
        input.prepend(isThisComputer(host) ? u"http://"_s : u"https://"_s);
    }
    QUrl url(input, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return invalid(
            tr("\"%1\" is not a server address. Use the form https://callos.example.com.").arg(text.trimmed()));
    const QString scheme = url.scheme().toLower();
    if (scheme != u"https"_s && scheme != u"http"_s)
        return invalid(tr("A CallOS server is reached over https:// (or http:// on a local network), not %1://.")
                           .arg(url.scheme()));
    if (!url.userInfo().isEmpty())
        return invalid(tr("Leave the name and password out of the server address; enter them below."));
    url.setScheme(scheme);
    url.setQuery(QString());
    url.setFragment(QString());
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    if (path.endsWith(u"/api/v1"_s))
        path.chop(7);
    url.setPath(path);
    return url;
}

QString ServerAddress::display(const QUrl &url)
{
    return url.toString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash);
}

} // namespace callos::client
