-- callos-server schema 2 (PostgreSQL): what sign-in, MFA, call threads, the read
-- models and share links need.

-- An e-mail address signs in to exactly one account, so sign-in needs no
-- organisation name.
CREATE UNIQUE INDEX users_email ON users (lower(email));
-- The last TOTP time step accepted: a code is good once only.
ALTER TABLE users ADD COLUMN mfa_last_step BIGINT NOT NULL DEFAULT 0;
-- A secret being enrolled, not yet confirmed with a code.
ALTER TABLE users ADD COLUMN mfa_pending_secret TEXT;
ALTER TABLE users ADD COLUMN password_changed_at BIGINT;
ALTER TABLE organisations ADD COLUMN require_mfa BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE mfa_recovery_codes (
    id          TEXT PRIMARY KEY,
    org_id      TEXT NOT NULL REFERENCES organisations (org_id),
    user_id     TEXT NOT NULL REFERENCES users (id),
    code_hash   TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    used_at     BIGINT
);
CREATE INDEX mfa_recovery_codes_user ON mfa_recovery_codes (org_id, user_id);

-- A first call and its follow-ups with the same prospect.
CREATE TABLE call_threads (
    id             TEXT PRIMARY KEY,
    org_id         TEXT NOT NULL REFERENCES organisations (org_id),
    prospect_id    TEXT REFERENCES prospects (id),
    first_call_id  TEXT NOT NULL,
    created_at     BIGINT NOT NULL
);
CREATE INDEX call_threads_org ON call_threads (org_id, prospect_id);

ALTER TABLE calls ADD COLUMN thread_id TEXT REFERENCES call_threads (id);
ALTER TABLE calls ADD COLUMN playbook_id TEXT NOT NULL DEFAULT '';
ALTER TABLE calls ADD COLUMN playbook_version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE calls ADD COLUMN advisory_only BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE calls ADD COLUMN decision TEXT NOT NULL DEFAULT '';
ALTER TABLE calls ADD COLUMN current_milestone_id TEXT NOT NULL DEFAULT '';
ALTER TABLE calls ADD COLUMN event_count BIGINT NOT NULL DEFAULT 0;
ALTER TABLE calls ADD COLUMN updated_at BIGINT NOT NULL DEFAULT 0;
CREATE INDEX calls_status ON calls (org_id, status, created_at);

-- Where an event sits in its call's log (1, 2, ...), in the order the server
-- accepted them: the order the reducer folds them in again.
ALTER TABLE call_events ADD COLUMN call_pos BIGINT NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX call_events_call_pos ON call_events (call_id, call_pos);
-- The earlier call of the same prospect that a call follows up (NULL: a
-- first call, which starts a thread).
ALTER TABLE calls ADD COLUMN follows_call_id TEXT REFERENCES calls (id);
-- When the call was closed (POST /calls/{id}/complete); NULL while open.
-- Kept apart from status, which the event ingest also sets, so closing is
-- done and audited once.
ALTER TABLE calls ADD COLUMN closed_at BIGINT;
-- A prospect's name and company case-folded by the server (Unicode, not
-- ASCII only), so search matches alike on both backends.
ALTER TABLE prospects ADD COLUMN search_key TEXT NOT NULL DEFAULT '';

-- Read models: rebuilt from call_events by the same reducer, kept for
-- dashboards so nobody replays a call to list it.
CREATE TABLE call_milestones (
    org_id        TEXT NOT NULL REFERENCES organisations (org_id),
    call_id       TEXT NOT NULL REFERENCES calls (id),
    milestone_id  TEXT NOT NULL,
    status        TEXT NOT NULL,
    entered_at    BIGINT,
    finished_at   BIGINT,
    active_ms     BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (call_id, milestone_id)
);
CREATE INDEX call_milestones_org ON call_milestones (org_id, call_id);

CREATE TABLE call_objections (
    org_id        TEXT NOT NULL REFERENCES organisations (org_id),
    call_id       TEXT NOT NULL REFERENCES calls (id),
    objection_id  TEXT NOT NULL,
    type_id       TEXT NOT NULL,
    milestone_id  TEXT NOT NULL DEFAULT '',
    outcome       TEXT NOT NULL DEFAULT '',
    raised_at     BIGINT NOT NULL,
    closed_at     BIGINT,
    PRIMARY KEY (call_id, objection_id)
);
CREATE INDEX call_objections_org ON call_objections (org_id, type_id);

CREATE TABLE slide_instances (
    org_id        TEXT NOT NULL REFERENCES organisations (org_id),
    call_id       TEXT NOT NULL REFERENCES calls (id),
    event_id      TEXT PRIMARY KEY,
    slide_id      TEXT NOT NULL,
    milestone_id  TEXT NOT NULL DEFAULT '',
    shown_at      BIGINT NOT NULL
);
CREATE INDEX slide_instances_call ON slide_instances (org_id, call_id, shown_at);

-- Read-only viewer links for a call's client: only the token's hash is kept.
CREATE TABLE share_links (
    id          TEXT PRIMARY KEY,
    org_id      TEXT NOT NULL REFERENCES organisations (org_id),
    call_id     TEXT NOT NULL REFERENCES calls (id),
    token_hash  TEXT NOT NULL UNIQUE,
    created_by  TEXT NOT NULL REFERENCES users (id),
    created_at  BIGINT NOT NULL,
    revoked_at  BIGINT
);
CREATE INDEX share_links_call ON share_links (org_id, call_id);

-- The playbook and deck an organisation runs, as admins configured them;
-- none stored means the built-in default.
CREATE TABLE org_settings (
    org_id      TEXT NOT NULL REFERENCES organisations (org_id),
    key         TEXT NOT NULL,
    json        JSONB NOT NULL,
    updated_at  BIGINT NOT NULL,
    updated_by  TEXT REFERENCES users (id),
    PRIMARY KEY (org_id, key)
);
