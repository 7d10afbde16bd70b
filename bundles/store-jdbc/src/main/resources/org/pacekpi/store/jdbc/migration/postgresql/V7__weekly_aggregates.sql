-- V7: weekly sums beside the daily and monthly ones, so that a week reads one row per manager and metric instead of
-- seven (issue 3, the week's latency at 10 million activities).
--
-- PostgreSQL's version of common/V7__weekly_aggregates.sql (read its comments): the same table and backfill, with the
-- key columns in the "C" collation as V6 made the other tables' (byte comparisons in the index), a fill factor as V4
-- gives the monthly rows (a weekly row is updated by every write that touches its manager, metric and week: free
-- space in its page lets PostgreSQL update it in place, a HOT update, as metric_value is in no index), and statistics.
CREATE TABLE IF NOT EXISTS pace_weekly_aggregate (
    manager_id   VARCHAR(255) COLLATE "C" NOT NULL,
    metric       VARCHAR(64)  COLLATE "C" NOT NULL,
    local_week   DATE         NOT NULL,
    metric_value BIGINT       NOT NULL,
    CONSTRAINT pace_weekly_aggregate_pk PRIMARY KEY (manager_id, local_week, metric)
) WITH (fillfactor = 80);

-- In key order, so that each manager's weeks are on adjacent pages. It reads the whole daily table once, inside the
-- migration's transaction.
INSERT INTO pace_weekly_aggregate (manager_id, metric, local_week, metric_value)
    SELECT manager_id, metric, local_day - (CAST(EXTRACT(ISODOW FROM local_day) AS INTEGER) - 1), SUM(metric_value)
    FROM pace_daily_aggregate
    WHERE NOT EXISTS (SELECT 1 FROM pace_weekly_aggregate)
    GROUP BY manager_id, metric, local_day - (CAST(EXTRACT(ISODOW FROM local_day) AS INTEGER) - 1)
    HAVING SUM(metric_value) <> 0
    ORDER BY manager_id, local_day - (CAST(EXTRACT(ISODOW FROM local_day) AS INTEGER) - 1), metric;

-- Statistics for the lookups from the first read on (autovacuum may be off or behind). ANALYZE may run inside the
-- migration's transaction, unlike VACUUM.
ANALYZE pace_weekly_aggregate;
