-- callos-server schema 8: Zoom recordings that came before their call
-- (server/recording/waitingzoomrecordings.h). A desktop that was offline
-- during the call sends it later; Zoom's recording.completed does not wait.
-- Its notice waits here, belonging to no organisation until its call is
-- found, and is taken to the call once it arrives; after a day (when Zoom's
-- download token has expired) it is dropped.
CREATE TABLE zoom_recordings_waiting (
    -- The delivery's key (event, meeting uuid and file ids, hashed): the
    -- same delivery again is kept once.
    dedupe_key            TEXT PRIMARY KEY,
    meeting_number        TEXT NOT NULL,
    recording_started_at  INTEGER NOT NULL,
    -- The webhook's body as it came, download token included (a secret for
    -- 24 h, never shown by any API).
    notice                TEXT NOT NULL,
    received_at           INTEGER NOT NULL
);
CREATE INDEX zoom_recordings_waiting_received ON zoom_recordings_waiting (received_at);
