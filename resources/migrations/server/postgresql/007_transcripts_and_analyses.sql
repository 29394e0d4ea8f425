-- callos-server schema 7: what the work after a call makes (server/pipeline/).

-- A recording's transcript. With AssemblyAI it is requested first (state
-- requested, external_id its transcript id) and filled in when AssemblyAI
-- says it is done; offline (pocketsphinx) it is written whole at once.
CREATE TABLE transcripts (
    recording_id  TEXT PRIMARY KEY REFERENCES recordings (id),
    org_id        TEXT NOT NULL REFERENCES organisations (org_id),
    call_id       TEXT NOT NULL REFERENCES calls (id),
    engine        TEXT NOT NULL,
    state         TEXT NOT NULL CHECK (state IN ('requested', 'completed', 'failed')),
    external_id   TEXT,
    language      TEXT NOT NULL DEFAULT '',
    duration_ms   BIGINT,
    -- [{speaker, start, end, text, confidence, words: [[text, start, end, confidence], ...]}],
    -- times in ms from the recording's start.
    utterances    JSONB NOT NULL DEFAULT '[]',
    error         TEXT NOT NULL DEFAULT '',
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL
);
CREATE INDEX transcripts_call ON transcripts (call_id);
CREATE UNIQUE INDEX transcripts_external ON transcripts (engine, external_id) WHERE external_id IS NOT NULL;

-- The prompt registry: five layers, each a numbered text per organisation.
-- Version 0 of every layer is built in (resources/prompts/); an admin adds
-- versions through the API and the newest is used. Each analysis records
-- the version of each layer it used.
CREATE TABLE prompt_layers (
    org_id      TEXT NOT NULL REFERENCES organisations (org_id),
    layer       TEXT NOT NULL CHECK (layer IN ('platform', 'organisation', 'playbook', 'task', 'call')),
    version     INTEGER NOT NULL CHECK (version >= 1),
    text        TEXT NOT NULL,
    created_by  TEXT REFERENCES users (id),
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (org_id, layer, version)
);

-- A call's analysis: by Claude or by the rule-based analyzer; a failed one
-- keeps its reason (a refusal, an answer that did not fit the schema). One
-- per call and recording, however often its job runs.
CREATE TABLE analyses (
    id               TEXT PRIMARY KEY,
    org_id           TEXT NOT NULL REFERENCES organisations (org_id),
    call_id          TEXT NOT NULL REFERENCES calls (id),
    recording_id     TEXT NOT NULL REFERENCES recordings (id),
    engine           TEXT NOT NULL CHECK (engine IN ('claude', 'rule-based')),
    state            TEXT NOT NULL CHECK (state IN ('completed', 'failed')),
    result           JSONB,
    failure_reason   TEXT NOT NULL DEFAULT '',
    -- {"platform": n, "organisation": n, "playbook": n, "task": n, "call": n}
    prompt_versions  JSONB NOT NULL DEFAULT '{}',
    model            TEXT NOT NULL DEFAULT '',
    usage            JSONB NOT NULL DEFAULT '{}',
    created_at       BIGINT NOT NULL,
    UNIQUE (org_id, call_id, recording_id)
);
CREATE INDEX analyses_call ON analyses (call_id);

ALTER TABLE transcripts ENABLE ROW LEVEL SECURITY;
ALTER TABLE transcripts FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_fence ON transcripts
    USING (callos_tenant_visible(org_id)) WITH CHECK (callos_tenant_visible(org_id));
ALTER TABLE prompt_layers ENABLE ROW LEVEL SECURITY;
ALTER TABLE prompt_layers FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_fence ON prompt_layers
    USING (callos_tenant_visible(org_id)) WITH CHECK (callos_tenant_visible(org_id));
ALTER TABLE analyses ENABLE ROW LEVEL SECURITY;
ALTER TABLE analyses FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_fence ON analyses
    USING (callos_tenant_visible(org_id)) WITH CHECK (callos_tenant_visible(org_id));
