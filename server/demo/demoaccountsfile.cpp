#include "demo/demoaccountsfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace callos::server {

DemoAccountsFile::DemoAccountsFile(QString path) : m_path(std::move(path)) { }

bool DemoAccountsFile::exists() const
{
    return QFileInfo::exists(m_path);
}

std::optional<Refusal> DemoAccountsFile::write(
    const QString &organisation, const QList<DemoCredentials> &accounts) const
{
    const auto failed = [this](const QString &why) {
        return Refusal { u"demo.accounts_file"_s, tr("Cannot write the demo accounts to %1: %2").arg(m_path, why) };
    };
    if (!QDir().mkpath(QFileInfo(m_path).absolutePath()))
        return failed(tr("cannot create its folder"));
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return failed(file.errorString());
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return failed(tr("cannot make it private (%1)").arg(file.errorString()));

    QString text = u"# CallOS demo organisation \"%1\": its accounts and the passwords that\n"
                   "# `callos-server demo seed` generated for them. LOCAL DEMO ONLY: whoever can\n"
                   "# read this file can sign in as these people, so only you can read it.\n"
                   "#\n"_s.arg(organisation);
    const auto line
        = [](const QString &role, const QString &email, const QString &password, const QString &name) -> QString {
        return role.leftJustified(8) + u' ' + email.leftJustified(26) + u' ' + password.leftJustified(24) + u' ' + name
            + u'\n';
    };
    text += line(u"# role"_s, u"email"_s, u"password"_s, u"name"_s);
    for (const DemoCredentials &account : accounts)
        text += line(account.role, account.email, account.password, account.displayName);
    file.write(text.toUtf8());
    if (!file.commit())
        return failed(file.errorString());
    return std::nullopt;
}

Result<QList<DemoCredentials>> DemoAccountsFile::read() const
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return Refusal { u"demo.accounts_file"_s,
            tr("Cannot read the demo accounts from %1: %2").arg(m_path, file.errorString()) };
    static const QRegularExpression spaces(u"\\s+"_s);
    QList<DemoCredentials> accounts;
    for (const QString &line : QString::fromUtf8(file.readAll()).split(u'\n')) {
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(u'#'))
            continue;
        const QStringList words = trimmed.split(spaces);
        if (words.size() < 3)
            return Refusal { u"demo.accounts_file"_s, tr("%1 is not a demo accounts file.").arg(m_path) };
        accounts.append({ words.at(0), words.at(1), words.at(2), words.mid(3).join(u' ') });
    }
    return accounts;
}

} // namespace callos::server
