#include "auth/recoverycodes.h"

#include "auth/sodiumruntime.h"

#include <QByteArray>
#include <QSet>

#include <sodium.h>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

// Crockford's base32 symbols, lower case.
constexpr char kAlphabet[] = "0123456789abcdefghjkmnpqrstvwxyz";
static_assert(sizeof(kAlphabet) - 1 == 1 << RecoveryCodes::kBitsPerSymbol);

constexpr auto kScheme = "blake2b"_L1;
constexpr qsizetype kSaltBytes = 16; // crypto_generichash_KEYBYTES_MIN
constexpr qsizetype kDigestBytes = 32; // crypto_generichash_BYTES
static_assert(kSaltBytes >= crypto_generichash_KEYBYTES_MIN && kSaltBytes <= crypto_generichash_KEYBYTES_MAX);
static_assert(kDigestBytes >= crypto_generichash_BYTES_MIN && kDigestBytes <= crypto_generichash_BYTES_MAX);

// Anything longer is not a code with a few spaces and dashes in it.
constexpr qsizetype kMaxInputLength = 64;

constexpr auto kBase64 = QByteArray::Base64Encoding | QByteArray::OmitTrailingEquals;

bool inAlphabet(char16_t c)
{
    for (const char symbol : kAlphabet) {
        if (symbol != '\0' && c == char16_t(symbol))
            return true;
    }
    return false;
}

QByteArray digest(const QByteArray &salt, const QString &normalisedCode)
{
    const QByteArray message = normalisedCode.toLatin1();
    QByteArray out(kDigestBytes, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char *>(out.data()), size_t(out.size()),
        reinterpret_cast<const unsigned char *>(message.constData()), quint64(message.size()),
        reinterpret_cast<const unsigned char *>(salt.constData()), size_t(salt.size()));
    return out;
}

struct StoredHash
{
    QByteArray salt;
    QByteArray digest;
};

std::optional<StoredHash> parse(const QString &stored)
{
    const QStringList parts = stored.split(u'$');
    if (parts.size() != 3 || parts.at(0) != kScheme)
        return std::nullopt;
    constexpr auto strict = kBase64 | QByteArray::AbortOnBase64DecodingErrors;
    const auto salt = QByteArray::fromBase64Encoding(parts.at(1).toLatin1(), strict);
    const auto hash = QByteArray::fromBase64Encoding(parts.at(2).toLatin1(), strict);
    if (!salt || !hash || salt.decoded.size() != kSaltBytes || hash.decoded.size() != kDigestBytes)
        return std::nullopt;
    return StoredHash{ salt.decoded, hash.decoded };
}

} // namespace

RecoveryCodes::RecoveryCodes(const SodiumRuntime &sodium)
{
    Q_UNUSED(sodium) // its existence is the point: libsodium is initialised
}

RecoveryCodeSet RecoveryCodes::generate() const
{
    RecoveryCodeSet set;
    QSet<QString> seen;
    // A repeat is a 1 in 2^60 event; checking costs nothing and keeps the
    // promise of kCount distinct codes.
    while (set.codes.size() < kCount) {
        QString code;
        code.reserve(kSymbols + kGroups - 1);
        for (int i = 0; i < kSymbols; ++i) {
            if (i > 0 && i % kGroupLength == 0)
                code.append(u'-');
            // randombytes_uniform has no modulo bias.
            code.append(QChar::fromLatin1(kAlphabet[randombytes_uniform(sizeof(kAlphabet) - 1)]));
        }
        if (seen.contains(code))
            continue;
        seen.insert(code);
        set.codes.append(code);
        set.hashes.append(hash(code));
    }
    return set;
}

QString RecoveryCodes::hash(QStringView code) const
{
    const std::optional<QString> normalised = normalise(code);
    if (!normalised)
        return QString();
    QByteArray salt(kSaltBytes, Qt::Uninitialized);
    randombytes_buf(salt.data(), size_t(salt.size()));
    return kScheme + u'$' + QString::fromLatin1(salt.toBase64(kBase64)) + u'$'
        + QString::fromLatin1(digest(salt, *normalised).toBase64(kBase64));
}

std::optional<QString> RecoveryCodes::normalise(QStringView input)
{
    if (input.size() > kMaxInputLength)
        return std::nullopt;
    QString out;
    out.reserve(kSymbols);
    for (const QChar c : input) {
        if (c == u' ' || c == u'-')
            continue;
        // ASCII only: QChar::toLower would also fold non-ASCII letters into
        // ASCII ones (the Kelvin sign into k).
        char16_t lower = c.unicode();
        if (lower >= u'A' && lower <= u'Z')
            lower = char16_t(lower - u'A' + u'a');
        if (lower == u'o')
            lower = u'0';
        else if (lower == u'i' || lower == u'l')
            lower = u'1';
        if (!inAlphabet(lower))
            return std::nullopt;
        out.append(QChar(lower));
    }
    if (out.size() != kSymbols)
        return std::nullopt;
    return out;
}

std::optional<qsizetype> RecoveryCodes::matchIndex(const QStringList &hashes, QStringView input) const
{
    // Whether the input has the shape of a code is not secret.
    const std::optional<QString> normalised = normalise(input);
    if (!normalised)
        return std::nullopt;
    std::optional<qsizetype> match;
    for (qsizetype i = 0; i < hashes.size(); ++i) {
        const std::optional<StoredHash> stored = parse(hashes.at(i));
        if (!stored)
            continue;
        const QByteArray candidate = digest(stored->salt, *normalised);
        if (sodium_memcmp(candidate.constData(), stored->digest.constData(), size_t(kDigestBytes)) == 0 && !match)
            match = i;
    }
    return match;
}

} // namespace callos::server
