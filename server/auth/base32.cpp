#include "auth/base32.h"

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
static_assert(sizeof(kAlphabet) - 1 == 32);

// The 5-bit value of a symbol, either case; -1 for anything else.
int symbolValue(char16_t c)
{
    if (c >= u'A' && c <= u'Z')
        return c - u'A';
    if (c >= u'a' && c <= u'z')
        return c - u'a';
    if (c >= u'2' && c <= u'7')
        return 26 + (c - u'2');
    return -1;
}

// Layout that people add when copying a secret by hand or from a wrapped
// line, and the padding RFC 4648 allows.
bool isIgnored(char16_t c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == u'=';
}

// The offending character as a message can show it: itself when visible,
// otherwise its code point (a tab, a zero-width or a non-breaking space in
// quotes would show as nothing, or as the space that is allowed).
QString describe(QStringView text, qsizetype index)
{
    const QChar c = text[index];
    if (c.isHighSurrogate() && index + 1 < text.size() && text[index + 1].isLowSurrogate()) {
        const char32_t codePoint = QChar::surrogateToUcs4(c, text[index + 1]);
        if (QChar::isPrint(codePoint) && !QChar::isSpace(codePoint))
            return u"\""_s + text.sliced(index, 2).toString() + u"\""_s;
        return u"U+%1"_s.arg(uint(codePoint), 4, 16, QLatin1Char('0')).toUpper();
    }
    if (c.isPrint() && !c.isSpace())
        return u"\""_s + QString(c) + u"\""_s;
    return u"U+%1"_s.arg(uint(c.unicode()), 4, 16, QLatin1Char('0')).toUpper();
}

} // namespace

QString Base32::encode(QByteArrayView bytes)
{
    QString out;
    out.reserve((bytes.size() * 8 + 4) / 5);
    // Unsigned, so bits shifted out at the top are simply dropped; only the
    // lowest `bits` bits are ever read.
    quint32 buffer = 0;
    int bits = 0;
    for (const char byte : bytes) {
        buffer = (buffer << 8) | quint8(byte);
        bits += 8;
        while (bits >= 5) {
            bits -= 5;
            out.append(QChar::fromLatin1(kAlphabet[(buffer >> bits) & 0x1f]));
        }
    }
    if (bits > 0)
        out.append(QChar::fromLatin1(kAlphabet[(buffer << (5 - bits)) & 0x1f]));
    return out;
}

Result<QByteArray> Base32::decode(QStringView text)
{
    QByteArray out;
    out.reserve(text.size() * 5 / 8);
    quint32 buffer = 0;
    int bits = 0;
    qsizetype symbols = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (isIgnored(c))
            continue;
        const int value = symbolValue(c);
        if (value < 0) {
            // Every character before this one was ASCII, so its UTF-16 index
            // is also its position as people count characters.
            return Refusal{ u"base32.invalid_character"_s,
                tr("The character %1 at position %2 is not base32: only the letters A to Z, the digits 2 to 7, "
                   "spaces and \"=\" can appear.")
                    .arg(describe(text, i))
                    .arg(i + 1) };
        }
        ++symbols;
        buffer = (buffer << 5) | quint32(value);
        bits += 5;
        if (bits >= 8) {
            bits -= 8;
            out.append(char((buffer >> bits) & 0xff));
        }
    }
    // 8 symbols carry 5 bytes; a partial group of 1, 3 or 6 symbols is what
    // no encoder writes (2, 4, 5, 7 symbols carry 1 to 4 bytes).
    switch (symbols % 8) {
    case 1:
    case 3:
    case 6:
        return Refusal{ u"base32.invalid_length"_s,
            tr("The base32 text does not end on a whole byte: a character is probably missing or extra.") };
    default:
        return out;
    }
}

} // namespace callos::server
