#pragma once

#include "client/store/prospect.h"

#include <QList>

namespace callos::client {

// The prospects a first run starts with, so the app can be tried at once:
// coaching and advisory businesses, most above the default qualification gate
// of 500 clients, some below it (to try the advisory-only path), one exactly
// one client short of it. Ids and times are left for the repository to set.
class DemoProspects
{
public:
    static QList<Prospect> all();
};

} // namespace callos::client
