#include "auth/passwordgenerator.h"

#include "auth/sodiumruntime.h"

#include <sodium.h>

namespace callos::server {

namespace {

// Letters and digits without the ones people mistake for each other when
// copying from a terminal (0/O, 1/l/I), and no shell-special characters.
constexpr char kAlphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

} // namespace

PasswordGenerator::PasswordGenerator(const SodiumRuntime &sodium)
{
    Q_UNUSED(sodium) // its existence is the point: libsodium is initialised
}

QString PasswordGenerator::generate(int length) const
{
    QString password;
    password.reserve(length);
    constexpr auto alphabetSize = static_cast<uint32_t>(sizeof(kAlphabet) - 1);
    for (int i = 0; i < length; ++i)
        // randombytes_uniform has no modulo bias.
        password.append(QChar::fromLatin1(kAlphabet[randombytes_uniform(alphabetSize)]));
    return password;
}

} // namespace callos::server
