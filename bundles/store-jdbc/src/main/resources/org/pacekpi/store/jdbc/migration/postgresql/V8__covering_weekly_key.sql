-- V8: the weekly sums' key carries the sum, so that a week is read from the key alone (issue 3, the week's latency at
-- 10 million activities).
--
-- A manager's week is a dozen or so rows that its metrics first reach in different transactions, so they lie on two
-- to three heap pages on average besides the key's page, and on a large store those pages are often not in memory.
-- With metric_value in the key (INCLUDE, not a key column: the key and the upsert's conflict target stay manager,
-- week, metric), PostgreSQL answers the week by an index-only scan: one leaf page, and no heap page for rows on pages
-- the visibility map marks all-visible. Vacuum sets that map (autovacuum, on by default, does it: keep it on, or
-- vacuum this table after a large catch-up; see README). Measured on a 1.25 M-change store with every cache dropped:
-- a week's read p99 0.69 ms before, 0.31 to 0.42 ms after.
--
-- The price: an update of a sum now changes the key's entry as well (no HOT update). The ingest's rate did not move
-- measurably at 1.25 M changes (BENCHMARKS.md). H2 keeps its key (common/V8 changes nothing): it has no INCLUDE.
--
-- Re-runnable: the key is only rebuilt.
ALTER TABLE pace_weekly_aggregate DROP CONSTRAINT IF EXISTS pace_weekly_aggregate_pk;
ALTER TABLE pace_weekly_aggregate ADD CONSTRAINT pace_weekly_aggregate_pk
    PRIMARY KEY (manager_id, local_week, metric) INCLUDE (metric_value);
