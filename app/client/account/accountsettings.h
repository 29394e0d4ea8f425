#pragma once

#include <QString>

class QSettings;

namespace callos::client {

// Who is (or was last) signed in, kept in the app's settings file so the
// sign-in dialog is filled in and the app knows whose token to look for in
// the keychain. Never the token or the password: those are not settings.
struct AccountProfile
{
    QString server; // as ServerAddress::display writes it
    QString email;
    QString userId;
    QString displayName;
    QString organisation;
    QString role;

    bool operator==(const AccountProfile &) const = default;
};

class AccountSettings
{
public:
    explicit AccountSettings(QSettings &settings);

    AccountProfile load() const;
    void save(const AccountProfile &profile);

private:
    QSettings &m_settings;
};

} // namespace callos::client
