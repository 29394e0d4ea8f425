-- callos-server schema 4 (PostgreSQL): call_events, written a hundred rows a
-- batch, keeps only what its reads and its one writer need.
--
-- call_events_call (org_id, call_id, at) served the reads by call before
-- call_pos existed; every read now goes through (call_id, call_pos), and
-- each index costs every insert.
DROP INDEX call_events_call;

-- Its foreign keys checked each row on its own, two lookups per event:
-- over a quarter of a batch's time in the database, for nothing the one
-- writer does not ensure already. CallIngest stores events only in the
-- transaction that locks their call (SELECT ... FOR UPDATE, by id and
-- organisation) and updates it, and calls are never deleted. (SQLite's
-- checks cost little and stay; changing them would mean copying the table.)
ALTER TABLE call_events
    DROP CONSTRAINT call_events_call_id_fkey,
    DROP CONSTRAINT call_events_org_id_fkey;
