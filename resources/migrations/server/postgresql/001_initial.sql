-- callos-server schema 1 (PostgreSQL): tenants, accounts, sessions, prospects,
-- calls and their append-only event log, audit log.
-- Times are UTC milliseconds since the Unix epoch (BIGINT), as on SQLite, so
-- both backends hand the same values to the same code.
-- Every row carries org_id; row-level security follows in a later migration.
-- A released migration is never edited, only followed by a new one.

CREATE TABLE organisations (
    org_id      TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    created_at  BIGINT NOT NULL
);
-- Names are unique regardless of case, as on SQLite (COLLATE NOCASE).
CREATE UNIQUE INDEX organisations_name ON organisations (lower(name));

CREATE TABLE users (
    id              TEXT PRIMARY KEY,
    org_id          TEXT NOT NULL REFERENCES organisations (org_id),
    email           TEXT NOT NULL,
    display_name    TEXT NOT NULL DEFAULT '',
    role            TEXT NOT NULL CHECK (role IN ('agent', 'manager', 'admin')),
    password_hash   TEXT NOT NULL,
    mfa_secret      TEXT,
    mfa_enabled_at  BIGINT,
    created_at      BIGINT NOT NULL,
    disabled_at     BIGINT
);
CREATE UNIQUE INDEX users_org_email ON users (org_id, lower(email));

CREATE TABLE sessions (
    id            TEXT PRIMARY KEY,
    org_id        TEXT NOT NULL REFERENCES organisations (org_id),
    user_id       TEXT NOT NULL REFERENCES users (id),
    token_hash    TEXT NOT NULL UNIQUE,
    created_at    BIGINT NOT NULL,
    last_seen_at  BIGINT NOT NULL,
    expires_at    BIGINT NOT NULL,
    revoked_at    BIGINT
);
CREATE INDEX sessions_user ON sessions (org_id, user_id);

CREATE TABLE prospects (
    id             TEXT PRIMARY KEY,
    org_id         TEXT NOT NULL REFERENCES organisations (org_id),
    owner_user_id  TEXT REFERENCES users (id),
    name           TEXT NOT NULL,
    company        TEXT NOT NULL DEFAULT '',
    json           JSONB NOT NULL DEFAULT '{}',
    created_at     BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL
);
CREATE INDEX prospects_org ON prospects (org_id, owner_user_id);

CREATE TABLE calls (
    id             TEXT PRIMARY KEY,
    org_id         TEXT NOT NULL REFERENCES organisations (org_id),
    prospect_id    TEXT REFERENCES prospects (id),
    agent_user_id  TEXT NOT NULL REFERENCES users (id),
    status         TEXT NOT NULL DEFAULT 'open',
    started_at     BIGINT,
    completed_at   BIGINT,
    created_at     BIGINT NOT NULL
);
CREATE INDEX calls_org ON calls (org_id, agent_user_id);

-- The sync unit: applied at most once by id, never changed afterwards.
CREATE TABLE call_events (
    id           TEXT PRIMARY KEY,
    call_id      TEXT NOT NULL REFERENCES calls (id),
    org_id       TEXT NOT NULL REFERENCES organisations (org_id),
    device_id    TEXT NOT NULL,
    seq          BIGINT NOT NULL,
    at           BIGINT NOT NULL,
    type         TEXT NOT NULL,
    json         JSONB NOT NULL,
    received_at  BIGINT NOT NULL,
    UNIQUE (org_id, device_id, seq)
);
CREATE INDEX call_events_call ON call_events (org_id, call_id, at);

CREATE TABLE audit_log (
    id             BIGSERIAL PRIMARY KEY,
    org_id         TEXT NOT NULL REFERENCES organisations (org_id),
    actor_user_id  TEXT REFERENCES users (id),
    action         TEXT NOT NULL,
    target         TEXT NOT NULL DEFAULT '',
    at             BIGINT NOT NULL,
    json           JSONB NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_org ON audit_log (org_id, at);

-- Append-only tables refuse UPDATE and DELETE for every role that can write.
CREATE FUNCTION callos_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER call_events_append_only BEFORE UPDATE OR DELETE ON call_events
    FOR EACH ROW EXECUTE FUNCTION callos_refuse_change();

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION callos_refuse_change();
