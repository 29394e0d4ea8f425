#pragma once

#include <QString>

namespace callos::server {

// What `callos-server org create` is asked for.
struct NewOrganisation
{
    QString name;
    QString adminEmail;
};

// What was created, for the confirmation and the audit trail.
struct CreatedOrganisation
{
    QString orgId;
    QString name;
    QString adminUserId;
    QString adminEmail;
};

} // namespace callos::server
