-- Nothing to change on SQLite: its per-row triggers already count a link's pair with one index
-- probe. The PostgreSQL twin rewrites its statement-level counting function.
SELECT 1;
