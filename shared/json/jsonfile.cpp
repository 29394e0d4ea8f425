#include "json/jsonfile.h"

#include <QCoreApplication>
#include <QFile>

using namespace Qt::StringLiterals;

namespace callos {
namespace {

QString lineAndColumn(const QByteArray &bytes, qsizetype offset)
{
    offset = qBound<qsizetype>(0, offset, bytes.size());
    qsizetype line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset; ++i) {
        if (bytes.at(i) == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    return QCoreApplication::translate("callos::JsonFile", "line %1, column %2").arg(line).arg(offset - lineStart + 1);
}

// Returns the offset of the first byte that is not valid UTF-8, or -1.
qsizetype firstInvalidUtf8(const QByteArray &bytes)
{
    const auto *data = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qsizetype size = bytes.size();
    qsizetype i = 0;
    while (i < size) {
        const unsigned char lead = data[i];
        int continuation = 0;
        unsigned int minimum = 0;
        unsigned int codePoint = 0;
        if (lead < 0x80) {
            ++i;
            continue;
        } else if ((lead & 0xE0) == 0xC0) {
            continuation = 1, minimum = 0x80, codePoint = lead & 0x1F;
        } else if ((lead & 0xF0) == 0xE0) {
            continuation = 2, minimum = 0x800, codePoint = lead & 0x0F;
        } else if ((lead & 0xF8) == 0xF0) {
            continuation = 3, minimum = 0x10000, codePoint = lead & 0x07;
        } else {
            return i;
        }
        if (i + continuation >= size)
            return i;
        for (int k = 1; k <= continuation; ++k) {
            if ((data[i + k] & 0xC0) != 0x80)
                return i;
            codePoint = (codePoint << 6) | (data[i + k] & 0x3F);
        }
        // Overlong forms, UTF-16 surrogates and values past U+10FFFF are not UTF-8.
        if (codePoint < minimum || (codePoint >= 0xD800 && codePoint <= 0xDFFF) || codePoint > 0x10FFFF)
            return i;
        i += continuation + 1;
    }
    return -1;
}

// Returns the offset where nesting first exceeds maxDepth, or -1. Scanned
// before parsing so a hostile file cannot make the parser recurse deeply.
qsizetype firstTooDeep(const QByteArray &bytes, int maxDepth)
{
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes.at(i);
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (++depth > maxDepth)
                return i;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return -1;
}

// Returns the offset of the first \u escape that names half of a UTF-16
// surrogate pair without its other half, or -1. JSON's grammar allows it and
// QJsonDocument takes it, but it is no character: PostgreSQL refuses to
// store it, and no person typed it. Run on text that parsed as JSON, where
// a backslash only ever starts an escape inside a string.
qsizetype firstLoneSurrogate(const QByteArray &bytes)
{
    const auto unitAt = [&bytes](qsizetype at) -> int { // -1 unless "\uXXXX" starts at `at`
        if (at + 6 > bytes.size() || bytes.at(at) != '\\' || bytes.at(at + 1) != 'u')
            return -1;
        bool ok = false;
        const int unit = bytes.mid(at + 2, 4).toInt(&ok, 16);
        return ok ? unit : -1;
    };
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (bytes.at(i) != '\\')
            continue;
        const int unit = unitAt(i);
        if (unit < 0) {
            ++i; // a one-character escape such as \\ or \"
            continue;
        }
        if (QChar::isLowSurrogate(char32_t(unit)))
            return i;
        if (QChar::isHighSurrogate(char32_t(unit))) {
            if (!QChar::isLowSurrogate(char32_t(qMax(0, unitAt(i + 6)))))
                return i;
            i += 6; // the pair's low half
        }
        i += 5;
    }
    return -1;
}

} // namespace

std::optional<QJsonDocument> JsonFile::parse(const QByteArray &bytes, ValidationErrors &errors,
                                             const JsonLimits &limits)
{
    if (bytes.trimmed().isEmpty()) {
        errors.add({}, QCoreApplication::translate("callos::JsonFile", "file is empty"));
        return std::nullopt;
    }
    if (bytes.size() > limits.maxBytes) {
        errors.add({}, QCoreApplication::translate("callos::JsonFile", "file is too large (%1 bytes; the limit is %2)").arg(bytes.size()).arg(limits.maxBytes));
        return std::nullopt;
    }
    if (const qsizetype bad = firstInvalidUtf8(bytes); bad >= 0) {
        errors.add({}, lineAndColumn(bytes, bad) + u": "_s + QCoreApplication::translate("callos::JsonFile", "invalid UTF-8"));
        return std::nullopt;
    }
    if (const qsizetype deep = firstTooDeep(bytes, limits.maxDepth); deep >= 0) {
        errors.add({}, lineAndColumn(bytes, deep) + u": "_s
                           + QCoreApplication::translate("callos::JsonFile", "nested deeper than %1 levels").arg(limits.maxDepth));
        return std::nullopt;
    }
    QJsonParseError parseError;
    QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        errors.add({}, lineAndColumn(bytes, parseError.offset) + u": "_s + parseError.errorString());
        return std::nullopt;
    }
    if (const qsizetype lone = firstLoneSurrogate(bytes); lone >= 0) {
        errors.add({}, lineAndColumn(bytes, lone) + u": "_s
                           + QCoreApplication::translate("callos::JsonFile",
                               "\\u%1 is half of a surrogate pair without its other half, not a character")
                                 .arg(QString::fromLatin1(bytes.mid(lone + 2, 4))));
        return std::nullopt;
    }
    if (!document.isObject()) {
        errors.add({}, QCoreApplication::translate("callos::JsonFile", "must be a JSON object"));
        return std::nullopt;
    }
    return document;
}

std::optional<QJsonDocument> JsonFile::read(const QString &path, ValidationErrors &errors,
                                            const JsonLimits &limits)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        errors.add({}, QCoreApplication::translate("callos::JsonFile", "cannot open: %1").arg(file.errorString()));
        return std::nullopt;
    }
    if (file.size() > limits.maxBytes) {
        errors.add({}, QCoreApplication::translate("callos::JsonFile", "file is too large (%1 bytes; the limit is %2)").arg(file.size()).arg(limits.maxBytes));
        return std::nullopt;
    }
    return parse(file.readAll(), errors, limits);
}

} // namespace callos
