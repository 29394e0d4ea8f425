#pragma once

#include <QString>

namespace callos::server {

class SodiumRuntime;

// Random passwords for accounts created without one (the first admin of an
// organisation), from libsodium's CSPRNG.
class PasswordGenerator
{
public:
    // 24 characters of a 57-symbol alphabet: about 140 bits.
    static constexpr int kDefaultLength = 24;

    explicit PasswordGenerator(const SodiumRuntime &sodium);

    QString generate(int length = kDefaultLength) const;
};

} // namespace callos::server
