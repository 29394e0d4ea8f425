-- callos-server schema 4 (SQLite): call_events, written a hundred rows a
-- batch, keeps only the indexes its reads need; each costs every insert.
--
-- call_events_call (org_id, call_id, at) served the reads by call before
-- call_pos existed; every read now goes through (call_id, call_pos).
DROP INDEX call_events_call;
