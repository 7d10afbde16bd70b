-- V6: weekly sums beside the daily and monthly ones, so that a week reads a few rows per manager instead of one row
-- per manager, metric and day (issue 3: a manager's week p99 was 1.28 ms at 10 million activities on PostgreSQL,
-- where the goal is 0.5 ms, because its 50 to 70 daily rows lie on as many pages).
--
-- H2 (and any database without its own folder) runs this script; PostgreSQL runs postgresql/V6__weekly_aggregates.sql,
-- the same with a fill factor and fresh statistics. Re-runnable (IF NOT EXISTS, guarded insert) for the reason V1 gives.
--
-- One row per manager, metric and ISO week of the manager's local days (Monday to Sunday), keyed by the week's
-- Monday: always the sum of that week's rows of pace_daily_aggregate, which every write adjusts in the same
-- transaction, and no row where that sum is zero. A week may span two months: its row holds all seven days, and totals
-- read it only for whole weeks inside a range (see RangeParts). Key order as V4's monthly table, for the same reasons.
CREATE TABLE IF NOT EXISTS pace_weekly_aggregate (
    manager_id   VARCHAR(255) NOT NULL,
    metric       VARCHAR(64)  NOT NULL,
    local_week   DATE         NOT NULL,
    metric_value BIGINT       NOT NULL,
    CONSTRAINT pace_weekly_aggregate_pk PRIMARY KEY (manager_id, local_week, metric)
);

-- The weeks of the aggregates counted so far (a recount groups them the same way: AggregateTable.WEEKLY, with
-- SqlDialect.WEEK_OF_LOCAL_DAY; keep the three in step). Only into an empty table: once it has rows every write keeps
-- it up to date, and running this again must not add them twice.
INSERT INTO pace_weekly_aggregate (manager_id, metric, local_week, metric_value)
    SELECT manager_id, metric, local_day - CAST(EXTRACT(ISODOW FROM local_day) AS INTEGER) + 1, SUM(metric_value)
    FROM pace_daily_aggregate
    WHERE NOT EXISTS (SELECT 1 FROM pace_weekly_aggregate)
    GROUP BY manager_id, metric, local_day - CAST(EXTRACT(ISODOW FROM local_day) AS INTEGER) + 1
    HAVING SUM(metric_value) <> 0
    ORDER BY manager_id, local_day - CAST(EXTRACT(ISODOW FROM local_day) AS INTEGER) + 1, metric;
