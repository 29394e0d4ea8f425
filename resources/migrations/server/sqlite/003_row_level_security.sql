-- callos-server schema 3 (SQLite): nothing to do. PostgreSQL's 003 puts
-- row-level security behind every tenant table; SQLite has no such thing, so
-- here the "WHERE org_id = ?" of every query stays the only fence. This file
-- keeps the schema versions of both backends in step (a database reports the
-- same version whichever backend it is on).
-- A migration needs one statement; this one changes nothing.
SELECT 1;
