#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QString>

namespace callos::server {

// The email address an account signs in with. Deliberately simple: one "@",
// a non-empty local part, a domain with a dot, no spaces. Whether it
// receives mail is for an invitation email to find out, not a pattern.
class EmailAddress
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::EmailAddress)

public:
    // Trimmed and lower-cased: "Dana@Example.com " signs in as dana@example.com.
    static Result<QString> normalise(const QString &text);
};

} // namespace callos::server
