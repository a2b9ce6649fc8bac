-- Nothing to change on SQLite: its index on "kind" already holds each claim's id (the rowid),
-- and FTS5 answers source names. The PostgreSQL twin adds a covering index of claim kinds and
-- indexes source display names for trigram search with GiST.
SELECT 1;
