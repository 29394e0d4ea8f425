#include "client/account/accountsettings.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace callos::client {

AccountSettings::AccountSettings(QSettings &settings) : m_settings(settings) { }

AccountProfile AccountSettings::load() const
{
    AccountProfile profile;
    profile.server = m_settings.value(u"account/server"_s).toString();
    profile.email = m_settings.value(u"account/email"_s).toString();
    profile.userId = m_settings.value(u"account/userId"_s).toString();
    profile.displayName = m_settings.value(u"account/displayName"_s).toString();
    profile.organisation = m_settings.value(u"account/organisation"_s).toString();
    profile.role = m_settings.value(u"account/role"_s).toString();
    return profile;
}

void AccountSettings::save(const AccountProfile &profile)
{
    m_settings.setValue(u"account/server"_s, profile.server);
    m_settings.setValue(u"account/email"_s, profile.email);
    m_settings.setValue(u"account/userId"_s, profile.userId);
    m_settings.setValue(u"account/displayName"_s, profile.displayName);
    m_settings.setValue(u"account/organisation"_s, profile.organisation);
    m_settings.setValue(u"account/role"_s, profile.role);
    m_settings.sync();
}

} // namespace callos::client
