#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace callos::server {

// A demo account as the accounts file lists it, with its password.
struct DemoCredentials
{
    QString role; // "admin", "manager", "agent"
    QString email;
    QString password;
    QString displayName;

    bool operator==(const DemoCredentials &) const = default;
};

// demo-accounts.txt in the server's data folder: the demo organisation's
// accounts with the passwords `demo seed` generated for them, since they are
// stored only as hashes. One account per line, "role email password name",
// after '#' comments, so people read it and scripts/run signs the app in with
// it (awk '$1 == "agent"'). Readable and writable by its owner only: whoever
// can read it can sign in as these people.
class DemoAccountsFile
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::DemoAccountsFile)

public:
    static constexpr auto kFileName = "demo-accounts.txt";

    explicit DemoAccountsFile(QString path);

    const QString &path() const { return m_path; }
    bool exists() const;

    // Replaces the file as a whole (a reader never sees half of it), mode 0600
    // before any password is written.
    std::optional<Refusal> write(const QString &organisation, const QList<DemoCredentials> &accounts) const;
    Result<QList<DemoCredentials>> read() const;

private:
    QString m_path;
};

} // namespace callos::server
