#pragma once

#include <QString>

namespace callos::server {

// For text columns that are NOT NULL DEFAULT '': Qt binds a null QString
// as SQL NULL, which such a column refuses.
inline QString orEmpty(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

} // namespace callos::server
