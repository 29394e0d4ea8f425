#include "auth/sodiumruntime.h"

#include <sodium.h>

using namespace Qt::StringLiterals;

namespace callos::server {

Result<SodiumRuntime> SodiumRuntime::initialise()
{
    // 0: initialised now, 1: already initialised (harmless), -1: failed (no
    // usable random source).
    if (sodium_init() < 0)
        return Refusal{ u"crypto.unavailable"_s,
            tr("The cryptography library (libsodium) cannot start: no usable random source.") };
    return SodiumRuntime();
}

} // namespace callos::server
