#include "accounts/role.h"

using namespace Qt::StringLiterals;

namespace callos::server {

QString roleName(Role role)
{
    switch (role) {
    case Role::Agent:
        return u"agent"_s;
    case Role::Manager:
        return u"manager"_s;
    case Role::Admin:
        return u"admin"_s;
    }
    return u"agent"_s;
}

std::optional<Role> roleFromName(const QString &name)
{
    for (const Role role : { Role::Agent, Role::Manager, Role::Admin }) {
        if (roleName(role) == name)
            return role;
    }
    return std::nullopt;
}

} // namespace callos::server
