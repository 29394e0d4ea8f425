#pragma once

#include <QString>

namespace callos::server {

// "?, ?, ?": `count` positional placeholders, for IN lists and VALUES tuples
// whose length depends on the data.
inline QString sqlPlaceholders(qsizetype count)
{
    QString out;
    out.reserve(count * 3);
    for (qsizetype i = 0; i < count; ++i)
        out += i == 0 ? QStringLiteral("?") : QStringLiteral(", ?");
    return out;
}

} // namespace callos::server
