-- V6: weekly sums beside the daily and monthly ones, so that a week reads a few rows per manager instead of one row
-- per manager, metric and day (issue 3: a manager's week p99 was 1.28 ms at 10 million activities, where the goal is
-- 0.5 ms, because its 50 to 70 daily rows lie on as many pages of a table kept in arrival order).
--
-- PostgreSQL's version of common/V6__weekly_aggregates.sql (read its comments): the same table and backfill, with a
-- fill factor (free space for HOT updates, as V4 gives the monthly rows) and statistics.
CREATE TABLE IF NOT EXISTS pace_weekly_aggregate (
    manager_id   VARCHAR(255) NOT NULL,
    metric       VARCHAR(64)  NOT NULL,
    local_week   DATE         NOT NULL,
    metric_value BIGINT       NOT NULL,
    CONSTRAINT pace_weekly_aggregate_pk PRIMARY KEY (manager_id, local_week, metric)
) WITH (fillfactor = 80);

-- The weekly sums of the daily rows (AggregateTable.WEEKLY, SqlDialect.WEEK_OF_LOCAL_DAY), into an empty table only,
-- in key order (each manager's weeks on adjacent pages), inside the migration's transaction.
INSERT INTO pace_weekly_aggregate (manager_id, metric, local_week, metric_value)
    SELECT manager_id, metric, local_day - CAST(EXTRACT(ISODOW FROM local_day) AS INTEGER) + 1, SUM(metric_value)
    FROM pace_daily_aggregate
    WHERE NOT EXISTS (SELECT 1 FROM pace_weekly_aggregate)
    GROUP BY manager_id, metric, local_day - CAST(EXTRACT(ISODOW FROM local_day) AS INTEGER) + 1
    HAVING SUM(metric_value) <> 0
    ORDER BY manager_id, local_day - CAST(EXTRACT(ISODOW FROM local_day) AS INTEGER) + 1, metric;

-- Statistics for the lookups from the first read on (see V4).
ANALYZE pace_weekly_aggregate;
