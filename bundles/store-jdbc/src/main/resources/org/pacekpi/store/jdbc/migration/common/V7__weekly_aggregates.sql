-- V7: weekly sums beside the daily and monthly ones, so that a week reads one row per manager and metric instead of
-- seven (issue 3, the week's latency at 10 million activities).
--
-- H2 (and any database without its own folder) runs this script; PostgreSQL runs postgresql/V7__weekly_aggregates.sql,
-- the same with a fill factor, code point order on the key columns and fresh statistics. Re-runnable (IF NOT EXISTS,
-- guarded insert) for the reason V1 gives.
--
-- One row per manager, metric and local ISO week, keyed by the week's Monday ("week" is a keyword in H2, hence
-- local_week): always the sum of that week's rows of pace_daily_aggregate, which every write adjusts in the same
-- transaction, and no row where that sum is zero. A week belongs to no month: the week of Monday 30 March is one row,
-- whatever the month of its days. Totals read the whole months inside a range from pace_monthly_aggregate, the whole
-- weeks of what is left at its edges from here, and the remaining days from pace_daily_aggregate (RangeParts.java).
-- The key is ordered as the monthly table's (see V4): manager, then week, then metric.
CREATE TABLE IF NOT EXISTS pace_weekly_aggregate (
    manager_id   VARCHAR(255) NOT NULL,
    metric       VARCHAR(64)  NOT NULL,
    local_week   DATE         NOT NULL,
    metric_value BIGINT       NOT NULL,
    CONSTRAINT pace_weekly_aggregate_pk PRIMARY KEY (manager_id, local_week, metric)
);

-- The weeks of the aggregates counted so far (a recount groups them the same way: AggregateTable.WEEKLY). ISODOW is
-- 1 on a Monday and 7 on a Sunday on both databases. Only into an empty table: once it has rows every write keeps it
-- up to date, and running this again must not add them twice.
INSERT INTO pace_weekly_aggregate (manager_id, metric, local_week, metric_value)
    SELECT manager_id, metric, local_day - (CAST(EXTRACT(ISODOW FROM local_day) AS INTEGER) - 1), SUM(metric_value)
    FROM pace_daily_aggregate
    WHERE NOT EXISTS (SELECT 1 FROM pace_weekly_aggregate)
    GROUP BY manager_id, metric, local_day - (CAST(EXTRACT(ISODOW FROM local_day) AS INTEGER) - 1)
    HAVING SUM(metric_value) <> 0
    ORDER BY manager_id, local_day - (CAST(EXTRACT(ISODOW FROM local_day) AS INTEGER) - 1), metric;
