#pragma once

#include "common/refusal.h"
#include "playbook/playbook.h"
#include "json/validationerrors.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

namespace callos::client {

// The organisation's playbook as last pulled from the server, kept as a
// file next to the local store so the app runs it offline. Only a playbook
// that loads cleanly is kept; the app uses its built-in playbook while there
// is none (and from the next start on once there is, since a running call
// must keep the playbook it started with).
class PlaybookCache
{
    Q_DECLARE_TR_FUNCTIONS(callos::client::PlaybookCache)

public:
    // `folder`: the data folder (the files are playbook-cache.json and .etag).
    explicit PlaybookCache(QString folder);

    QString path() const;
    bool hasPlaybook() const;
    // The ETag the cached copy came with, for If-None-Match.
    QByteArray etag() const;

    // Checks the playbook and replaces the cached one atomically (never a
    // half-written file). sync.bad_playbook with the loader's messages, or
    // sync.cache_write_failed.
    std::optional<Refusal> store(const QByteArray &json, const QByteArray &etag);
    Validated<Playbook> load() const;

private:
    QString etagPath() const;

    QString m_folder;
};

} // namespace callos::client
