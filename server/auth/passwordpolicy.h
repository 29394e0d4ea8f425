#pragma once

#include "common/refusal.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace callos::server {

// What a new account password must be: at least kMinimumLength characters
// and not one of the passwords attackers try first. No rules about symbols
// or digits: length matters, composition rules only push people to
// "Password1!" (NIST SP 800-63B).
class PasswordPolicy
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::PasswordPolicy)

public:
    static constexpr int kMinimumLength = 12;

    // std::nullopt when acceptable; the refusal never repeats the password.
    static std::optional<Refusal> check(const QString &password);
};

} // namespace callos::server
