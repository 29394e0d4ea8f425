#pragma once

#include "sessions/principal.h"

namespace callos::server {

// Who sees what inside an organisation: an agent their own prospects and
// calls, a manager or an admin all of them. What one may not see answers as
// if it did not exist (404), like another organisation's.
inline bool seesWholeOrganisation(const Principal &who)
{
    return roleAtLeast(who.role, Role::Manager);
}

// Whether `who` may see something of `ownerUserId` in their organisation.
inline bool canSee(const Principal &who, const QString &ownerUserId)
{
    return seesWholeOrganisation(who) || ownerUserId == who.userId;
}

} // namespace callos::server
