-- callos-server schema 3 (PostgreSQL): row-level security as a second fence
-- behind the "WHERE org_id = ?" of every query, so a query that forgets it
-- still cannot reach another organisation's rows.
--
-- The server sets two settings on its connection (server/storage/tenantscope.h):
--   callos.scope   'system' for work across organisations (sign-in, session
--                  lookup, migrations, the CLI), else 'organisation' or 'none'
--   callos.org_id  the organisation of the signed-in request
-- A row is visible and writable when the scope is 'system' or the row's
-- org_id is callos.org_id. With nothing set, no row: the fence fails closed.
--
-- FORCE makes the fence hold for the tables' owner too, which is the role the
-- server connects as. Superusers and roles with BYPASSRLS pass it anyway: the
-- server warns at startup when it connects as one (storage.rls_not_enforced).
-- Foreign keys and unique indexes are checked across organisations as before.
--
-- A new table with tenant rows gets the same three statements in its
-- migration; tst_rowlevelsecurity fails for a table with org_id and no fence.

-- One place for the rule, so a later migration can change it for every table
-- with CREATE OR REPLACE. A plain SQL function: PostgreSQL inlines it into the
-- queries. NULLIF: an empty organisation is no organisation.
CREATE FUNCTION callos_tenant_visible(row_org_id TEXT) RETURNS BOOLEAN
    LANGUAGE sql STABLE
    AS $$
        SELECT current_setting('callos.scope', true) = 'system'
            OR row_org_id = nullif(current_setting('callos.org_id', true), '')
    $$;

ALTER TABLE organisations ENABLE ROW LEVEL SECURITY;
ALTER TABLE organisations FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_fence ON organisations
    USING (callos_tenant_visible(org_id)) WITH CHECK (callos_tenant_visible(org_id));

ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE users FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_fence ON users
    USING (callos_tenant_visible(org_id)) WITH CHECK (callos_tenant_visible(org_id));

ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE sessions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_fence ON sessions
    USING (callos_tenant_visible(org_id)) WITH CHECK (callos_tenant_visible(org_id));

ALTER TABLE mfa_recovery_codes ENABLE ROW LEVEL SECURITY;
ALTER TABLE mfa_recovery_codes FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_fence ON mfa_recovery_codes
    USING (callos_tenant_visible(org_id)) WITH CHECK (callos_tenant_visible(org_id));

ALTER TABLE prospects ENABLE ROW LEVEL SECURITY;
ALTER TABLE prospects FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_fence ON prospects
    USING (callos_tenant_visible(org_id)) WITH CHECK (callos_tenant_visible(org_id));

ALTER TABLE call_threads ENABLE ROW LEVEL SECURITY;
ALTER TABLE call_threads FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_fence ON call_threads
    USING (callos_tenant_visible(org_id)) WITH CHECK (callos_tenant_visible(org_id));

ALTER TABLE calls ENABLE ROW LEVEL SECURITY;
ALTER TABLE calls FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_fence ON calls
    USING (callos_tenant_visible(org_id)) WITH CHECK (callos_tenant_visible(org_id));

ALTER TABLE call_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE call_events FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_fence ON call_events
    USING (callos_tenant_visible(org_id)) WITH CHECK (callos_tenant_visible(org_id));

ALTER TABLE call_milestones ENABLE ROW LEVEL SECURITY;
ALTER TABLE call_milestones FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_fence ON call_milestones
    USING (callos_tenant_visible(org_id)) WITH CHECK (callos_tenant_visible(org_id));

ALTER TABLE call_objections ENABLE ROW LEVEL SECURITY;
ALTER TABLE call_objections FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_fence ON call_objections
    USING (callos_tenant_visible(org_id)) WITH CHECK (callos_tenant_visible(org_id));

ALTER TABLE slide_instances ENABLE ROW LEVEL SECURITY;
ALTER TABLE slide_instances FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_fence ON slide_instances
    USING (callos_tenant_visible(org_id)) WITH CHECK (callos_tenant_visible(org_id));

ALTER TABLE share_links ENABLE ROW LEVEL SECURITY;
ALTER TABLE share_links FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_fence ON share_links
    USING (callos_tenant_visible(org_id)) WITH CHECK (callos_tenant_visible(org_id));

ALTER TABLE org_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE org_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_fence ON org_settings
    USING (callos_tenant_visible(org_id)) WITH CHECK (callos_tenant_visible(org_id));

ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_fence ON audit_log
    USING (callos_tenant_visible(org_id)) WITH CHECK (callos_tenant_visible(org_id));
