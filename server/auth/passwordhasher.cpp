#include "auth/passwordhasher.h"

#include "auth/sodiumruntime.h"

#include <sodium.h>

using namespace Qt::StringLiterals;

namespace callos::server {

// OWASP Password Storage Cheat Sheet, Argon2id minimum: m = 19 MiB, t = 2.
static_assert(PasswordHasher::kOpsLimit >= 2);
static_assert(PasswordHasher::kMemLimitBytes >= 19u * 1024u * 1024u);
static_assert(PasswordHasher::kOpsLimit >= crypto_pwhash_argon2id_OPSLIMIT_MIN);
static_assert(PasswordHasher::kMemLimitBytes >= crypto_pwhash_argon2id_MEMLIMIT_MIN);

PasswordHasher::PasswordHasher(const SodiumRuntime &sodium)
{
    Q_UNUSED(sodium) // its existence is the point: libsodium is initialised
}

Result<QString> PasswordHasher::hash(const QString &password) const
{
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_argon2id_STRBYTES];
    if (crypto_pwhash_argon2id_str(out, utf8.constData(), static_cast<unsigned long long>(utf8.size()), kOpsLimit,
            kMemLimitBytes)
        != 0)
        return Refusal{ u"auth.hash_failed"_s, tr("The password could not be hashed: not enough memory.") };
    return QString::fromLatin1(out);
}

bool PasswordHasher::verify(const QString &hash, const QString &password) const
{
    const QByteArray stored = hash.toLatin1();
    // Only Argon2id hashes are accepted: crypto_pwhash_str_verify would also
    // take Argon2i strings, which this server never writes.
    if (!stored.startsWith("$argon2id$") || stored.size() >= crypto_pwhash_argon2id_STRBYTES)
        return false;
    const QByteArray utf8 = password.toUtf8();
    return crypto_pwhash_argon2id_str_verify(
               stored.constData(), utf8.constData(), static_cast<unsigned long long>(utf8.size()))
        == 0;
}

} // namespace callos::server
