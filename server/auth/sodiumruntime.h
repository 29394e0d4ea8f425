#pragma once

#include "common/result.h"

#include <QCoreApplication>

namespace callos::server {

// Proof that libsodium was initialised. main creates the one instance with
// initialise() and passes it to whatever uses libsodium, so nothing calls
// sodium_init() behind the back of the program (no hidden global state) and
// nothing can use libsodium before it is ready: there is no other way to
// get a SodiumRuntime.
class SodiumRuntime
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::SodiumRuntime)

public:
    static Result<SodiumRuntime> initialise();

private:
    SodiumRuntime() = default;
};

} // namespace callos::server
