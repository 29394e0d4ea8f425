#pragma once

#include "common/refusal.h"

#include <QString>

#include <optional>

namespace callos::client {

// Looks at an existing data file through a read-only connection, before any
// connection that could write to it is opened: a file that is not a
// database, is damaged, belongs to another program or comes from a newer
// CallOS is refused and left byte-for-byte as it was.
class StoreFileCheck
{
public:
    static std::optional<Refusal> inspect(const QString &path, int busyTimeoutMs);
};

} // namespace callos::client
