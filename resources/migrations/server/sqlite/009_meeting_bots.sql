-- callos-server schema 9: meeting bots (server/meetingbot/).
--
-- A bot of a meeting-bot service (Attendee) that joined a call's Zoom
-- meeting to record it: sent when the call has a Zoom link and the
-- prospect's consent, one per call; asked to leave when the consent is
-- withdrawn. Its states come by signed webhooks.
CREATE TABLE meeting_bots (
    id              TEXT PRIMARY KEY,
    org_id          TEXT NOT NULL REFERENCES organisations (org_id),
    call_id         TEXT NOT NULL REFERENCES calls (id),
    -- The service (attendee) and its id of the bot, which its webhooks name.
    provider        TEXT NOT NULL,
    external_id     TEXT NOT NULL,
    -- As the app shows it; provider_state is the service's own word.
    state           TEXT NOT NULL CHECK (state IN ('joining', 'in_meeting', 'recording', 'leaving', 'ended', 'failed')),
    provider_state  TEXT NOT NULL DEFAULT '',
    -- What made the last change (the service's event type, or
    -- leave_requested), and when the service says it happened (UTC ms): an
    -- older delivery that arrives late changes nothing.
    last_event      TEXT NOT NULL DEFAULT '',
    last_event_at   INTEGER,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    UNIQUE (call_id),
    UNIQUE (provider, external_id)
);

-- The webhook deliveries taken, by the service's idempotency key: a
-- delivery sent again is seen and changes nothing.
CREATE TABLE meeting_bot_events (
    bot_id           TEXT NOT NULL REFERENCES meeting_bots (id),
    idempotency_key  TEXT NOT NULL,
    org_id           TEXT NOT NULL REFERENCES organisations (org_id),
    trigger          TEXT NOT NULL,
    event_type       TEXT NOT NULL DEFAULT '',
    provider_state   TEXT NOT NULL DEFAULT '',
    occurred_at      INTEGER,
    received_at      INTEGER NOT NULL,
    PRIMARY KEY (bot_id, idempotency_key)
);
