-- V4: monthly sums beside the daily ones, so that a month or a quarter reads a few rows per manager instead of one
-- row per manager, metric and day (KPI reads at 10 million activities).
--
-- H2 (and any database without its own folder) runs this script; PostgreSQL runs postgresql/V4__monthly_aggregates.sql,
-- the same with a fill factor and fresh statistics. Re-runnable (IF NOT EXISTS, guarded insert) for the reason V1 gives.
--
-- One row per manager, metric and local month, keyed by the month's first day ("month" is a keyword in H2, hence
-- local_month): always the sum of that month's rows of pace_daily_aggregate, which every write adjusts in the same
-- transaction, and no row where that sum is zero. Totals read the whole months inside a range from here and only
-- the days at its edges from pace_daily_aggregate.
--
-- The key leads with the manager, then the month: one manager's months are adjacent, so a manager's month range is
-- one short index range, and PostgreSQL's "manager_id = ANY(...) AND local_month BETWEEN ..." is one such range per
-- manager. (H2 bounds an IN list on the first column only, which is why its team totals look up one manager at a
-- time.) The metric comes last: every lookup wants all metrics.
CREATE TABLE IF NOT EXISTS pace_monthly_aggregate (
    manager_id   VARCHAR(255) NOT NULL,
    metric       VARCHAR(64)  NOT NULL,
    local_month  DATE         NOT NULL,
    metric_value BIGINT       NOT NULL,
    CONSTRAINT pace_monthly_aggregate_pk PRIMARY KEY (manager_id, local_month, metric)
);

-- The months of the aggregates counted so far (a recount groups them the same way: AggregateTable.MONTHLY).
-- Only into an empty table: once it has rows every write keeps it up to date, and running this again must not add
-- them twice.
INSERT INTO pace_monthly_aggregate (manager_id, metric, local_month, metric_value)
    SELECT manager_id, metric, local_day - CAST(EXTRACT(DAY FROM local_day) AS INTEGER) + 1, SUM(metric_value)
    FROM pace_daily_aggregate
    WHERE NOT EXISTS (SELECT 1 FROM pace_monthly_aggregate)
    GROUP BY manager_id, metric, local_day - CAST(EXTRACT(DAY FROM local_day) AS INTEGER) + 1
    HAVING SUM(metric_value) <> 0
    ORDER BY manager_id, local_day - CAST(EXTRACT(DAY FROM local_day) AS INTEGER) + 1, metric;

-- The daily table is keyed manager, day, metric (it was manager, metric, day): the totals read a manager's range of
-- days, which the old key could not bound, so a second index on (manager_id, local_day) was kept beside it. One index
-- in day order serves both the reads and the upsert's conflict check, and every write maintains one index less
-- (a third less time upserting the daily rows, measured at 300,000 activities). Re-runnable: the key is only rebuilt.
ALTER TABLE pace_daily_aggregate DROP CONSTRAINT IF EXISTS pace_daily_aggregate_pk;
ALTER TABLE pace_daily_aggregate ADD CONSTRAINT pace_daily_aggregate_pk PRIMARY KEY (manager_id, local_day, metric);
DROP INDEX IF EXISTS pace_daily_aggregate_manager_day_ix;
