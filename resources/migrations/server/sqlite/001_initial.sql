-- callos-server schema 1 (SQLite): tenants, accounts, sessions, prospects,
-- calls and their append-only event log, audit log.
-- Times are UTC milliseconds since the Unix epoch. Every row carries org_id,
-- so every query can be fenced by the organisation of the session.
-- A released migration is never edited, only followed by a new one.

CREATE TABLE organisations (
    org_id      TEXT PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
    created_at  INTEGER NOT NULL
);

CREATE TABLE users (
    id              TEXT PRIMARY KEY,
    org_id          TEXT NOT NULL REFERENCES organisations (org_id),
    email           TEXT NOT NULL COLLATE NOCASE,
    display_name    TEXT NOT NULL DEFAULT '',
    role            TEXT NOT NULL CHECK (role IN ('agent', 'manager', 'admin')),
    password_hash   TEXT NOT NULL,
    mfa_secret      TEXT,
    mfa_enabled_at  INTEGER,
    created_at      INTEGER NOT NULL,
    disabled_at     INTEGER,
    UNIQUE (org_id, email)
);

CREATE TABLE sessions (
    id            TEXT PRIMARY KEY,
    org_id        TEXT NOT NULL REFERENCES organisations (org_id),
    user_id       TEXT NOT NULL REFERENCES users (id),
    token_hash    TEXT NOT NULL UNIQUE,
    created_at    INTEGER NOT NULL,
    last_seen_at  INTEGER NOT NULL,
    expires_at    INTEGER NOT NULL,
    revoked_at    INTEGER
);
CREATE INDEX sessions_user ON sessions (org_id, user_id);

CREATE TABLE prospects (
    id             TEXT PRIMARY KEY,
    org_id         TEXT NOT NULL REFERENCES organisations (org_id),
    owner_user_id  TEXT REFERENCES users (id),
    name           TEXT NOT NULL,
    company        TEXT NOT NULL DEFAULT '',
    json           TEXT NOT NULL DEFAULT '{}',
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL
);
CREATE INDEX prospects_org ON prospects (org_id, owner_user_id);

CREATE TABLE calls (
    id             TEXT PRIMARY KEY,
    org_id         TEXT NOT NULL REFERENCES organisations (org_id),
    prospect_id    TEXT REFERENCES prospects (id),
    agent_user_id  TEXT NOT NULL REFERENCES users (id),
    status         TEXT NOT NULL DEFAULT 'open',
    started_at     INTEGER,
    completed_at   INTEGER,
    created_at     INTEGER NOT NULL
);
CREATE INDEX calls_org ON calls (org_id, agent_user_id);

-- The sync unit: applied at most once by id, never changed afterwards.
CREATE TABLE call_events (
    id           TEXT PRIMARY KEY,
    call_id      TEXT NOT NULL REFERENCES calls (id),
    org_id       TEXT NOT NULL REFERENCES organisations (org_id),
    device_id    TEXT NOT NULL,
    seq          INTEGER NOT NULL,
    at           INTEGER NOT NULL,
    type         TEXT NOT NULL,
    json         TEXT NOT NULL,
    received_at  INTEGER NOT NULL,
    UNIQUE (org_id, device_id, seq)
);
CREATE INDEX call_events_call ON call_events (org_id, call_id, at);

CREATE TRIGGER call_events_no_update BEFORE UPDATE ON call_events
BEGIN
    SELECT RAISE(ABORT, 'call_events is append-only');
END;

CREATE TRIGGER call_events_no_delete BEFORE DELETE ON call_events
BEGIN
    SELECT RAISE(ABORT, 'call_events is append-only');
END;

CREATE TABLE audit_log (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id         TEXT NOT NULL REFERENCES organisations (org_id),
    actor_user_id  TEXT REFERENCES users (id),
    action         TEXT NOT NULL,
    target         TEXT NOT NULL DEFAULT '',
    at             INTEGER NOT NULL,
    json           TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_org ON audit_log (org_id, at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
