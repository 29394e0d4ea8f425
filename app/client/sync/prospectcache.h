#pragma once

#include "client/store/prospect.h"
#include "common/result.h"

#include <QCoreApplication>
#include <QList>

namespace callos::client {

class LocalStore;

// Keeps the prospects pulled from the server in the local store, so the
// agent finds them offline. A prospect edited here and not yet pushed keeps
// the local edit (the push then replaces the server's copy); every other
// one takes the server's version, with the server's times.
class ProspectCache
{
    Q_DECLARE_TR_FUNCTIONS(callos::client::ProspectCache)

public:
    explicit ProspectCache(LocalStore &store);

    struct Merged
    {
        int changed = 0; // rows added or updated here
        int skipped = 0; // the local store cannot hold them (bad values)
    };

    // All in one transaction; rows already equal are not written.
    Result<Merged> merge(const QList<Prospect> &pulled);

private:
    LocalStore &m_store;
};

} // namespace callos::client
