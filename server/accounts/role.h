#pragma once

#include <QString>

#include <optional>

namespace callos::server {

// What a user may do in their organisation. Ordered: a manager can do what
// an agent can (for the whole organisation), an admin what a manager can.
enum class Role { Agent = 0, Manager = 1, Admin = 2 };

// "agent", "manager", "admin": the names stored in users.role and used in the API.
QString roleName(Role role);
std::optional<Role> roleFromName(const QString &name);
// Whether `role` includes the rights of `required`.
inline bool roleAtLeast(Role role, Role required)
{
    return static_cast<int>(role) >= static_cast<int>(required);
}

} // namespace callos::server
