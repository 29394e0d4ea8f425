#pragma once

#include <QString>

namespace callos {

// Why something was not done, in a form a UI can show as is: a stable code
// for programs and tests, and a human message for the agent.
struct Refusal
{
    QString code;
    QString message;

    bool operator==(const Refusal &) const = default;
};

} // namespace callos
