-- V4: monthly sums beside the daily ones, so that a month or a quarter reads a few rows per manager instead of one
-- row per manager, metric and day (KPI reads at 10 million activities).
--
-- PostgreSQL's version of common/V4__monthly_aggregates.sql (read its comments): the same table and backfill, with a
-- fill factor and statistics.
--
-- A monthly row is updated by every write that touches its manager, metric and month (about 30 times as often as a
-- daily row): free space in each page lets PostgreSQL update it in place without touching the index (a HOT update,
-- metric_value is in no index), as V2 does for the daily rows.
CREATE TABLE IF NOT EXISTS pace_monthly_aggregate (
    manager_id   VARCHAR(255) NOT NULL,
    metric       VARCHAR(64)  NOT NULL,
    local_month  DATE         NOT NULL,
    metric_value BIGINT       NOT NULL,
    CONSTRAINT pace_monthly_aggregate_pk PRIMARY KEY (manager_id, local_month, metric)
) WITH (fillfactor = 80);

-- The monthly sums of the daily rows (as a recount groups them: AggregateTable.MONTHLY), into an empty table only, in
-- key order (each manager's months on adjacent pages). It reads the whole daily table once, inside the migration's
-- transaction: 12 s for 7.3 M daily rows on the development machine.
INSERT INTO pace_monthly_aggregate (manager_id, metric, local_month, metric_value)
    SELECT manager_id, metric, local_day - CAST(EXTRACT(DAY FROM local_day) AS INTEGER) + 1, SUM(metric_value)
    FROM pace_daily_aggregate
    WHERE NOT EXISTS (SELECT 1 FROM pace_monthly_aggregate)
    GROUP BY manager_id, metric, local_day - CAST(EXTRACT(DAY FROM local_day) AS INTEGER) + 1
    HAVING SUM(metric_value) <> 0
    ORDER BY manager_id, local_day - CAST(EXTRACT(DAY FROM local_day) AS INTEGER) + 1, metric;

-- Statistics for the lookups from the first read on (autovacuum may be off or behind; the store's own check runs only
-- after writes). ANALYZE may run inside the migration's transaction, unlike VACUUM.
ANALYZE pace_monthly_aggregate;

-- The daily table is keyed manager, day, metric (it was manager, metric, day): the totals read a manager's range of
-- days, which the old key could not bound, so a second index on (manager_id, local_day) was kept beside it. One index
-- in day order serves both the reads and the upsert's conflict check, and every write maintains one index less
-- (a third less time upserting the daily rows, measured at 300,000 activities). Re-runnable: the key is only rebuilt.
ALTER TABLE pace_daily_aggregate DROP CONSTRAINT IF EXISTS pace_daily_aggregate_pk;
ALTER TABLE pace_daily_aggregate ADD CONSTRAINT pace_daily_aggregate_pk PRIMARY KEY (manager_id, local_day, metric);
DROP INDEX IF EXISTS pace_daily_aggregate_manager_day_ix;
