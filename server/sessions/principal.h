#pragma once

#include "accounts/role.h"

#include <QString>

namespace callos::server {

// Who a request acts for, as the session says. The organisation is always
// taken from here, never from the request: a body or path naming another
// organisation changes nothing.
struct Principal
{
    QString sessionId;
    QString userId;
    QString orgId;
    QString email;
    Role role = Role::Agent;
    // The organisation requires MFA and this user has none confirmed yet:
    // the session may only use /api/v1/auth/* (to enrol) until they do.
    // Read from users and organisations at every request, so confirming
    // MFA (or the admin lifting the rule) takes effect at once.
    bool mfaSetupRequired = false;
};

} // namespace callos::server
