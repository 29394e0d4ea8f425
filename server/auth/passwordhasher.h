#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QString>

#include <cstddef>

namespace callos::server {

class SodiumRuntime;

// Hashes and checks account passwords with Argon2id (libsodium
// crypto_pwhash_str): the result is a self-describing "$argon2id$v=19$m=...,
// t=...,p=1$salt$hash" string with a random salt, so parameters can be raised
// later and old hashes still verify.
//
// Parameters: opslimit 2, memlimit 64 MiB (libsodium's INTERACTIVE level).
// That is above the OWASP minimum for Argon2id (m = 19 MiB, t = 2, p = 1)
// and takes about 0.1 s on one core. MODERATE (256 MiB, ~0.7 s) would let a
// handful of concurrent logins exhaust the memory of a small server, and
// hashing runs for every login.
//
// Slow by design: call it off the HTTP thread.
class PasswordHasher
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::PasswordHasher)

public:
    static constexpr unsigned long long kOpsLimit = 2;
    static constexpr std::size_t kMemLimitBytes = 64u * 1024u * 1024u;

    explicit PasswordHasher(const SodiumRuntime &sodium);

    Result<QString> hash(const QString &password) const;
    // False also for a hash that is not an Argon2id string.
    bool verify(const QString &hash, const QString &password) const;
};

} // namespace callos::server
