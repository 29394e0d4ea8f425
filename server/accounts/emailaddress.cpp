#include "accounts/emailaddress.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace callos::server {

Result<QString> EmailAddress::normalise(const QString &text)
{
    static const QRegularExpression pattern(u"^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$"_s);
    const QString email = text.trimmed().toLower();
    if (email.size() > 254 || !pattern.match(email).hasMatch())
        return Refusal{ u"accounts.invalid_email"_s,
            tr("\"%1\" is not an email address (expected name@example.com).").arg(text.trimmed()) };
    return email;
}

} // namespace callos::server
