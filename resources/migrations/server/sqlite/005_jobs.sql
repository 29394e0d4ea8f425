-- callos-server schema 5: the job queue. Work that runs after a request
-- (transcribe a recording, analyse a call, sync the CRM) is a row here,
-- added in the transaction of what asked for it and run at least once by a
-- worker (server/jobs/).
CREATE TABLE jobs (
    id            TEXT PRIMARY KEY,
    org_id        TEXT NOT NULL REFERENCES organisations (org_id),
    kind          TEXT NOT NULL,
    payload       TEXT NOT NULL DEFAULT '{}',
    -- Set, the same work asked for twice is one job (org, kind, key).
    dedupe_key    TEXT,
    -- queued (waits for its first run), running (a worker holds its lease),
    -- failed (an attempt failed; runs again at run_at), dead (gave up), done.
    state         TEXT NOT NULL DEFAULT 'queued'
                  CHECK (state IN ('queued', 'running', 'failed', 'dead', 'done')),
    attempts      INTEGER NOT NULL DEFAULT 0,
    max_attempts  INTEGER NOT NULL CHECK (max_attempts >= 1),
    run_at        INTEGER NOT NULL,
    lease_owner   TEXT,
    lease_until   INTEGER,
    last_error    TEXT NOT NULL DEFAULT '',
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    finished_at   INTEGER,
    UNIQUE (org_id, kind, dedupe_key)
);
-- What workers claim: due jobs waiting to run, and runs whose lease ran out
-- (their worker died).
CREATE INDEX jobs_due ON jobs (run_at) WHERE state IN ('queued', 'failed');
CREATE INDEX jobs_leases ON jobs (lease_until) WHERE state = 'running';
-- What admins list: an organisation's failed and dead jobs, newest first.
CREATE INDEX jobs_org_state ON jobs (org_id, state, updated_at);
