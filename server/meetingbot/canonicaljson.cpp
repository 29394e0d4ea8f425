#include "meetingbot/canonicaljson.h"

#include <charconv>
#include <cmath>
#include <map>
#include <string>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

// A recursive descent over the bytes that writes the canonical form as it
// goes; an object's members are collected first, to be sorted.
class Canonicaliser
{
public:
    explicit Canonicaliser(const QByteArray &text)
        : m_at(text.constData()), m_begin(text.constData()), m_end(text.constData() + text.size())
    { }

    Result<QByteArray> run()
    {
        QByteArray out;
        skipSpace();
        if (!value(out, 0))
            return failure();
        skipSpace();
        if (m_at != m_end) {
            m_error = CanonicalJson::tr("there is more after the JSON value");
            return failure();
        }
        return out;
    }

private:
    Refusal failure() const
    {
        return Refusal { u"json.invalid"_s,
            CanonicalJson::tr("The body is not valid JSON at byte %1: %2.").arg(m_at - m_begin).arg(m_error) };
    }

    bool fail(const QString &why)
    {
        m_error = why;
        return false;
    }

    void skipSpace()
    {
        while (m_at != m_end && (*m_at == ' ' || *m_at == '\t' || *m_at == '\n' || *m_at == '\r'))
            ++m_at;
    }

    bool literal(const char *word, QByteArray &out)
    {
        const qsizetype length = qsizetype(qstrlen(word));
        if (m_end - m_at < length || qstrncmp(m_at, word, size_t(length)) != 0)
            return fail(CanonicalJson::tr("unexpected character"));
        out.append(word, length);
        m_at += length;
        return true;
    }

    bool value(QByteArray &out, int depth)
    {
        if (m_at == m_end)
            return fail(CanonicalJson::tr("the text ends where a value should be"));
        switch (*m_at) {
        case '{':
            return object(out, depth + 1);
        case '[':
            return array(out, depth + 1);
        case '"': {
            std::u32string text;
            if (!string(text))
                return false;
            writeString(text, out);
            return true;
        }
        case 't':
            return literal("true", out);
        case 'f':
            return literal("false", out);
        case 'n':
            return literal("null", out);
        default:
            return number(out);
        }
    }

    bool object(QByteArray &out, int depth)
    {
        if (depth > CanonicalJson::kMaxDepth)
            return fail(CanonicalJson::tr("nested deeper than %1").arg(CanonicalJson::kMaxDepth));
        ++m_at; // {
        // std::u32string compares by code point, as Python orders str keys;
        // assigning again keeps the last value, as json.loads does.
        std::map<std::u32string, QByteArray> members;
        skipSpace();
        if (m_at != m_end && *m_at == '}') {
            ++m_at;
            out.append("{}");
            return true;
        }
        for (;;) {
            skipSpace();
            if (m_at == m_end || *m_at != '"')
                return fail(CanonicalJson::tr("a key must be a string"));
            std::u32string key;
            if (!string(key))
                return false;
            skipSpace();
            if (m_at == m_end || *m_at != ':')
                return fail(CanonicalJson::tr("':' must follow a key"));
            ++m_at;
            skipSpace();
            QByteArray member;
            if (!value(member, depth))
                return false;
            members.insert_or_assign(std::move(key), std::move(member));
            skipSpace();
            if (m_at != m_end && *m_at == ',') {
                ++m_at;
                continue;
            }
            if (m_at != m_end && *m_at == '}') {
                ++m_at;
                break;
            }
            return fail(CanonicalJson::tr("',' or '}' must follow a member"));
        }
        out.append('{');
        bool first = true;
        for (const auto &[key, member] : members) {
            if (!first)
                out.append(',');
            first = false;
            writeString(key, out);
            out.append(':').append(member);
        }
        out.append('}');
        return true;
    }

    bool array(QByteArray &out, int depth)
    {
        if (depth > CanonicalJson::kMaxDepth)
            return fail(CanonicalJson::tr("nested deeper than %1").arg(CanonicalJson::kMaxDepth));
        ++m_at; // [
        out.append('[');
        skipSpace();
        if (m_at != m_end && *m_at == ']') {
            ++m_at;
            out.append(']');
            return true;
        }
        for (bool first = true;; first = false) {
            if (!first)
                out.append(',');
            skipSpace();
            if (!value(out, depth))
                return false;
            skipSpace();
            if (m_at != m_end && *m_at == ',') {
                ++m_at;
                continue;
            }
            if (m_at != m_end && *m_at == ']') {
                ++m_at;
                out.append(']');
                return true;
            }
            return fail(CanonicalJson::tr("',' or ']' must follow an element"));
        }
    }

    static bool isDigit(char c) { return c >= '0' && c <= '9'; }

    bool number(QByteArray &out)
    {
        const char *start = m_at;
        if (m_at != m_end && *m_at == '-')
            ++m_at;
        if (m_at == m_end || !isDigit(*m_at))
            return fail(CanonicalJson::tr("unexpected character"));
        if (*m_at == '0')
            ++m_at;
        else
            while (m_at != m_end && isDigit(*m_at))
                ++m_at;
        bool integer = true;
        if (m_at != m_end && *m_at == '.') {
            integer = false;
            ++m_at;
            if (m_at == m_end || !isDigit(*m_at))
                return fail(CanonicalJson::tr("a digit must follow the decimal point"));
            while (m_at != m_end && isDigit(*m_at))
                ++m_at;
        }
        if (m_at != m_end && (*m_at == 'e' || *m_at == 'E')) {
            integer = false;
            ++m_at;
            if (m_at != m_end && (*m_at == '+' || *m_at == '-'))
                ++m_at;
            if (m_at == m_end || !isDigit(*m_at))
                return fail(CanonicalJson::tr("a digit must follow the exponent"));
            while (m_at != m_end && isDigit(*m_at))
                ++m_at;
        }
        const QByteArray token(start, m_at - start);
        if (integer) {
            // Python's int keeps every digit; only -0 becomes 0.
            out.append(token == "-0" ? QByteArray("0") : token);
            return true;
        }
        double value = 0;
        const auto [end, error] = std::from_chars(token.constData(), token.constData() + token.size(), value);
        if (error != std::errc() || end != token.constData() + token.size() || !std::isfinite(value))
            return fail(CanonicalJson::tr("the number %1 is out of range").arg(QString::fromLatin1(token)));
        out.append(CanonicalJson::pythonFloat(value));
        return true;
    }

    // Four hex digits of a \u escape.
    bool hex4(char32_t &unit)
    {
        if (m_end - m_at < 4)
            return fail(CanonicalJson::tr("\\u needs four hex digits"));
        unit = 0;
        for (int i = 0; i < 4; ++i, ++m_at) {
            const char c = *m_at;
            unit <<= 4;
            if (isDigit(c))
                unit |= char32_t(c - '0');
            else if (c >= 'a' && c <= 'f')
                unit |= char32_t(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                unit |= char32_t(c - 'A' + 10);
            else
                return fail(CanonicalJson::tr("\\u needs four hex digits"));
        }
        return true;
    }

    bool escape(std::u32string &text)
    {
        ++m_at; // backslash
        if (m_at == m_end)
            return fail(CanonicalJson::tr("the text ends in an escape"));
        const char c = *m_at++;
        switch (c) {
        case '"':
        case '\\':
        case '/':
            text.push_back(char32_t(c));
            return true;
        case 'b':
            text.push_back(U'\b');
            return true;
        case 'f':
            text.push_back(U'\f');
            return true;
        case 'n':
            text.push_back(U'\n');
            return true;
        case 'r':
            text.push_back(U'\r');
            return true;
        case 't':
            text.push_back(U'\t');
            return true;
        case 'u':
            break;
        default:
            return fail(CanonicalJson::tr("unknown escape"));
        }
        char32_t unit = 0;
        if (!hex4(unit))
            return false;
        if (unit >= 0xDC00 && unit <= 0xDFFF)
            return fail(CanonicalJson::tr("a lone low surrogate"));
        if (unit >= 0xD800 && unit <= 0xDBFF) {
            // A pair, or a lone surrogate that no UTF-8 can carry.
            char32_t low = 0;
            if (m_end - m_at < 2 || m_at[0] != '\\' || m_at[1] != 'u')
                return fail(CanonicalJson::tr("a lone high surrogate"));
            m_at += 2;
            if (!hex4(low))
                return false;
            if (low < 0xDC00 || low > 0xDFFF)
                return fail(CanonicalJson::tr("a lone high surrogate"));
            unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
        }
        text.push_back(unit);
        return true;
    }

    // One UTF-8 sequence, checked: no overlong forms, no surrogates, at
    // most U+10FFFF.
    bool utf8(std::u32string &text)
    {
        const auto byte = [](char c) { return static_cast<unsigned char>(c); };
        const unsigned char lead = byte(*m_at);
        int length = 0;
        char32_t code = 0;
        char32_t minimum = 0;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
            code = lead & 0x1F;
            minimum = 0x80;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            code = lead & 0x0F;
            minimum = 0x800;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            code = lead & 0x07;
            minimum = 0x10000;
        } else {
            return fail(CanonicalJson::tr("the text is not UTF-8"));
        }
        if (m_end - m_at < length)
            return fail(CanonicalJson::tr("the text is not UTF-8"));
        for (int i = 1; i < length; ++i) {
            const unsigned char next = byte(m_at[i]);
            if ((next & 0xC0) != 0x80)
                return fail(CanonicalJson::tr("the text is not UTF-8"));
            code = (code << 6) | (next & 0x3F);
        }
        if (code < minimum || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            return fail(CanonicalJson::tr("the text is not UTF-8"));
        m_at += length;
        text.push_back(code);
        return true;
    }

    bool string(std::u32string &text)
    {
        ++m_at; // "
        for (;;) {
            if (m_at == m_end)
                return fail(CanonicalJson::tr("a string does not end"));
            const unsigned char c = static_cast<unsigned char>(*m_at);
            if (c == '"') {
                ++m_at;
                return true;
            }
            if (c == '\\') {
                if (!escape(text))
                    return false;
            } else if (c < 0x20) {
                return fail(CanonicalJson::tr("a control character in a string"));
            } else if (c < 0x80) {
                text.push_back(char32_t(c));
                ++m_at;
            } else if (!utf8(text)) {
                return false;
            }
        }
    }

    static void writeString(const std::u32string &text, QByteArray &out)
    {
        out.append('"');
        for (const char32_t code : text) {
            switch (code) {
            case U'"':
                out.append("\\\"");
                continue;
            case U'\\':
                out.append("\\\\");
                continue;
            case U'\b':
                out.append("\\b");
                continue;
            case U'\f':
                out.append("\\f");
                continue;
            case U'\n':
                out.append("\\n");
                continue;
            case U'\r':
                out.append("\\r");
                continue;
            case U'\t':
                out.append("\\t");
                continue;
            default:
                break;
            }
            if (code < 0x20) {
                out.append("\\u00").append(QByteArray::number(int(code), 16).rightJustified(2, '0'));
            } else if (code < 0x80) {
                out.append(char(code));
            } else {
                const char32_t single[] = { code };
                out.append(QString::fromUcs4(single, 1).toUtf8());
            }
        }
        out.append('"');
    }

    const char *m_at;
    const char *m_begin;
    const char *m_end;
    QString m_error;
};

} // namespace

Result<QByteArray> CanonicalJson::of(const QByteArray &text)
{
    return Canonicaliser(text).run();
}

QByteArray CanonicalJson::pythonFloat(double value)
{
    // The shortest digits that read back as the same double, in scientific
    // form ("1.2345e+02"), then laid out the way Python's repr lays them out.
    char buffer[64];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
    if (error != std::errc())
        return QByteArray::number(value, 'g', 17);
    const QByteArray text(buffer, end - buffer);
    const qsizetype e = text.indexOf('e');
    const bool negative = text.startsWith('-');
    QByteArray digits = text.mid(negative ? 1 : 0, e - (negative ? 1 : 0));
    digits.replace(".", "");
    const int exponent = text.mid(e + 1).toInt();

    QByteArray out = negative ? QByteArray("-") : QByteArray();
    // Python switches to an exponent below 1e-4 and from 1e16 on.
    if (exponent < -4 || exponent >= 16) {
        out.append(digits.left(1));
        if (digits.size() > 1)
            out.append('.').append(digits.mid(1));
        out.append('e').append(exponent < 0 ? '-' : '+');
        out.append(QByteArray::number(qAbs(exponent)).rightJustified(2, '0'));
        return out;
    }
    if (exponent < 0) {
        out.append("0.").append(QByteArray(-exponent - 1, '0')).append(digits);
        return out;
    }
    const qsizetype whole = exponent + 1;
    if (digits.size() <= whole) {
        out.append(digits).append(QByteArray(whole - digits.size(), '0')).append(".0");
        return out;
    }
    out.append(digits.left(whole)).append('.').append(digits.mid(whole));
    return out;
}

} // namespace callos::server
