#include "client/store/schemamigrations.h"

using namespace Qt::StringLiterals;

namespace callos::client {

const QList<Migration> &SchemaMigrations::all()
{
    static const QList<Migration> migrations {
        Migration { 1, u"prospects"_s,
            {
                u"PRAGMA application_id = %1"_s.arg(kApplicationId),
                u"CREATE TABLE schema_migrations ("
                " version INTEGER PRIMARY KEY,"
                " name TEXT NOT NULL,"
                " applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))"_s,
                u"CREATE TABLE prospects ("
                " id TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),"
                " name TEXT NOT NULL CHECK (trim(name) <> ''),"
                " company TEXT NOT NULL DEFAULT '',"
                " client_count INTEGER CHECK (client_count IS NULL OR client_count >= 0),"
                " pain_points TEXT NOT NULL DEFAULT '',"
                " revenue_volatility_percent REAL"
                "  CHECK (revenue_volatility_percent IS NULL OR revenue_volatility_percent >= 0),"
                " zoom_link TEXT NOT NULL DEFAULT '',"
                " created_at INTEGER NOT NULL,"
                " updated_at INTEGER NOT NULL)"_s,
            } },
        Migration { 2, u"calls"_s,
            {
                u"CREATE TABLE calls ("
                " id TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),"
                " prospect_id TEXT NOT NULL REFERENCES prospects (id) ON UPDATE CASCADE ON DELETE RESTRICT,"
                " playbook_id TEXT NOT NULL,"
                " playbook_version INTEGER NOT NULL,"
                " deck_id TEXT NOT NULL DEFAULT '',"
                " started_at INTEGER NOT NULL,"
                " completed_at INTEGER,"
                " state TEXT NOT NULL DEFAULT 'in_progress' CHECK (state IN ('in_progress', 'completed')),"
                " CHECK ((state = 'completed') = (completed_at IS NOT NULL)))"_s,
                u"CREATE INDEX calls_by_start ON calls (started_at DESC)"_s,
                u"CREATE INDEX calls_unfinished ON calls (started_at DESC) WHERE state = 'in_progress'"_s,
                u"CREATE INDEX calls_by_prospect ON calls (prospect_id)"_s,
            } },
        Migration { 3, u"call events and outbox"_s,
            {
                // `pos` is the append order (1, 2, 3, ...), kept explicitly
                // because an implicit rowid may be renumbered by VACUUM.
                // acked_at NULL: not yet acknowledged by the server, i.e. in
                // the outbox.
                u"CREATE TABLE call_events ("
                " id TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),"
                " pos INTEGER NOT NULL UNIQUE,"
                " call_id TEXT NOT NULL,"
                " device_id TEXT NOT NULL,"
                " seq INTEGER NOT NULL,"
                " at INTEGER NOT NULL,"
                " type TEXT NOT NULL,"
                " json TEXT NOT NULL,"
                " acked_at INTEGER)"_s,
                u"CREATE INDEX call_events_by_call ON call_events (call_id, pos)"_s,
                u"CREATE INDEX call_events_outbox ON call_events (pos) WHERE acked_at IS NULL"_s,
            } },
        Migration { 4, u"sync bookkeeping"_s,
            {
                // What the server already has, so a push after a restart
                // sends only what changed. A prospect is pushed again when
                // its updated_at moves past the one that was sent.
                u"CREATE TABLE sync_prospects ("
                " prospect_id TEXT PRIMARY KEY NOT NULL"
                "  REFERENCES prospects (id) ON UPDATE CASCADE ON DELETE CASCADE,"
                " pushed_updated_at INTEGER NOT NULL)"_s,
                u"CREATE TABLE sync_calls ("
                " call_id TEXT PRIMARY KEY NOT NULL REFERENCES calls (id) ON UPDATE CASCADE ON DELETE CASCADE,"
                " pushed_at INTEGER NOT NULL)"_s,
                // Events the server refused, with its reason, until the agent
                // sends them again (the row goes) or keeps them on this
                // computer only (dismissed_at; the event leaves the outbox).
                // Never deleted otherwise: a refusal is not dropped silently.
                u"CREATE TABLE sync_refused_events ("
                " event_id TEXT PRIMARY KEY NOT NULL REFERENCES call_events (id) ON DELETE CASCADE,"
                " code TEXT NOT NULL,"
                " message TEXT NOT NULL,"
                " refused_at INTEGER NOT NULL,"
                " dismissed_at INTEGER)"_s,
            } },
    };
    return migrations;
}

int SchemaMigrations::latestVersion()
{
    return all().constLast().version;
}

} // namespace callos::client
