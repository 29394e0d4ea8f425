#pragma once

#include "client/store/prospect.h"
#include "common/result.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace callos::client {

// A prospect as the server's API writes it (snake_case, null for unknown
// numbers). The server owns owner_user_id and updated_at, so they are never
// sent.
class ProspectJson
{
    Q_DECLARE_TR_FUNCTIONS(callos::client::ProspectJson)

public:
    // The body of PUT /prospects/{id}.
    static QJsonObject toPutBody(const Prospect &prospect);
    // One element of GET /prospects; sync.bad_prospect names what is wrong.
    static Result<Prospect> fromJson(const QJsonObject &json);
};

} // namespace callos::client
