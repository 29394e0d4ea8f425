#pragma once

#include <QString>

namespace callos::server {

// Whether `text` has the shape of a prospect's or a call's id: a UUID in its
// 8-4-4-4-12 hex form, either case, as the desktop (QUuid) and other clients
// make them. Checked before anything reaches SQL, so a malformed id is named
// as such instead of being looked up.
bool isEntityId(const QString &text);

} // namespace callos::server
