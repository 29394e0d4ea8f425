-- callos-server schema 6: recordings of calls (server/recording/).
--
-- Where a recording comes from must lead back to its call. A Zoom cloud
-- recording names only the meeting number, so a call keeps the number of
-- its prospect's Zoom link (set by the event ingest from CallStarted), and
-- whether the prospect agreed to be recorded (ConsentRecorded): no consent,
-- no recording.
ALTER TABLE calls ADD COLUMN zoom_meeting_id TEXT;
ALTER TABLE calls ADD COLUMN recording_consent BOOLEAN NOT NULL DEFAULT FALSE;
-- A personal meeting room's number comes back call after call; the webhook
-- takes the call that started nearest the recording.
CREATE INDEX calls_zoom_meeting ON calls (zoom_meeting_id, started_at) WHERE zoom_meeting_id IS NOT NULL;

CREATE TABLE recordings (
    id             TEXT PRIMARY KEY,
    org_id         TEXT NOT NULL REFERENCES organisations (org_id),
    call_id        TEXT NOT NULL REFERENCES calls (id),
    -- zoom (cloud recording webhook), bot (meeting-bot service), upload.
    source         TEXT NOT NULL CHECK (source IN ('zoom', 'bot', 'upload')),
    -- What the source calls this recording; a delivery seen before has the
    -- same key and adds nothing (Zoom: event, meeting uuid and file ids).
    source_key     TEXT NOT NULL,
    -- pending (the media is still to be fetched), stored, failed.
    state          TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'stored', 'failed')),
    -- When the recording began (UTC ms): the offset from the call's start
    -- places the call's events on the recording's time line.
    started_at     BIGINT,
    ended_at       BIGINT,
    file_type      TEXT NOT NULL DEFAULT '',
    -- Where the recording store keeps the bytes, once stored.
    storage_key    TEXT,
    size_bytes     BIGINT,
    error          TEXT NOT NULL DEFAULT '',
    created_at     BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL,
    UNIQUE (org_id, source, source_key)
);
CREATE INDEX recordings_call ON recordings (call_id);

ALTER TABLE recordings ENABLE ROW LEVEL SECURITY;
ALTER TABLE recordings FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_fence ON recordings
    USING (callos_tenant_visible(org_id)) WITH CHECK (callos_tenant_visible(org_id));
