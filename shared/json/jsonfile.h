#pragma once

#include "json/validationerrors.h"

#include <QByteArray>
#include <QJsonDocument>

#include <optional>

namespace callos {

// Limits for files an admin hands us. Generous for real playbooks and decks,
// small enough that a wrong file (a video, a dump) is refused at once.
struct JsonLimits
{
    qint64 maxBytes = 2 * 1024 * 1024;
    int maxDepth = 32;
};

// Turns raw bytes into a JSON document, reporting file-level problems with a
// line and column: empty, too large, invalid UTF-8, nested too deep, syntax.
class JsonFile
{
public:
    static std::optional<QJsonDocument> parse(const QByteArray &bytes, ValidationErrors &errors,
                                              const JsonLimits &limits = {});
    // Reads the file at `path` and parses it; errors name the file by `errors.file()`.
    static std::optional<QJsonDocument> read(const QString &path, ValidationErrors &errors,
                                             const JsonLimits &limits = {});
};

} // namespace callos
