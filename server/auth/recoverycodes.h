#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace callos::server {

class SodiumRuntime;

// A fresh set: the codes to show the person once, and what to store.
struct RecoveryCodeSet
{
    QStringList codes; // "7k2m-q9xa-b4tn", shown once and never stored
    QStringList hashes; // same order; the only thing the server keeps
};

// One-time codes that sign a person in when their authenticator is lost.
//
// A code is 12 symbols of Crockford's base32 alphabet (digits and lower-case
// letters without i, l, o and u), in three groups of four: 60 random bits.
// Letters that look like digits are not in the alphabet, and when typed
// anyway are read as the digit they resemble (o as 0, i and l as 1).
//
// Stored as keyed BLAKE2b-256 (libsodium crypto_generichash) with a random
// 128-bit salt per code, not with Argon2 like passwords: a password is
// guessable, so its hash must be slow; a code is 60 bits from a CSPRNG, so
// even a fast hash leaves about 2^59 guesses per code, and the salt stops
// one guess from testing every stored code at once (without it, a leaked
// table of 100,000 accounts x 10 codes would cut that by a factor of a
// million). A slow hash would instead cost ten Argon2 runs per attempt.
//
// The caller deletes the matched hash when a code is used, in the same
// transaction that accepts the login, so each code works once.
class RecoveryCodes
{
public:
    static constexpr int kCount = 10;
    static constexpr int kGroups = 3;
    static constexpr int kGroupLength = 4;
    static constexpr int kSymbols = kGroups * kGroupLength;
    static constexpr int kBitsPerSymbol = 5;
    static_assert(kSymbols * kBitsPerSymbol >= 60);

    explicit RecoveryCodes(const SodiumRuntime &sodium);

    // kCount distinct codes and their hashes.
    RecoveryCodeSet generate() const;
    // "blake2b$<salt>$<digest>" (unpadded base64) of a code in any form
    // normalise accepts; empty for anything that cannot be a code.
    QString hash(QStringView code) const;

    // The kSymbols symbols of what a person typed: lower case, without
    // spaces and dashes, o read as 0 and i, l as 1. std::nullopt when the
    // rest is not exactly kSymbols symbols of the alphabet.
    static std::optional<QString> normalise(QStringView input);

    // Index in `hashes` of the code that `input` is, or std::nullopt.
    // Each stored hash is recomputed and compared in constant time
    // (sodium_memcmp), all of them, whether or not one matched; stored
    // values that are not hashes from this class never match.
    std::optional<qsizetype> matchIndex(const QStringList &hashes, QStringView input) const;
};

} // namespace callos::server
