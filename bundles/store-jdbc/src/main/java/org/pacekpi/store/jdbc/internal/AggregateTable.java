package org.pacekpi.store.jdbc.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The three tables of sums the store keeps, with the same columns but for the day: {@code pace_daily_aggregate} per
 * manager, metric and local day, {@code pace_weekly_aggregate} per manager, metric and local ISO week (its Monday), and
 * {@code pace_monthly_aggregate} per manager, metric and local month (its first day). A weekly or monthly row always
 * holds the sum of the daily rows of its week or month. All three leave out the rows whose sum is zero.
 * A write adjusts all three ({@link SqlDialect#addToAggregates}); a recount replaces each by the sums of its new
 * contributions ({@link SqlDialect#replaceRows}), each added up by its own day in memory first
 * ({@link AggregateSums}) and staged as partial sums of its own ({@link #sums()}).
 */
enum AggregateTable {

    /** Per manager, metric and local day: what every write adjusts first, and what ranges of single days read. */
    DAILY("pace_daily_aggregate", "local_day") {
        @Override
        long epochDayOf(LocalDate localDay) {
            return localDay.toEpochDay();
        }
    },
    /**
     * Per manager, metric and local ISO week, keyed by the week's Monday: what whole weeks outside the whole months of
     * a range read (a week view reads one row per metric, not seven).
     */
    WEEKLY("pace_weekly_aggregate", "local_week") {
        @Override
        long epochDayOf(LocalDate localDay) {
            return localDay.toEpochDay() - localDay.getDayOfWeek().getValue() + 1; // Monday is 1
        }
    },
    /** Per manager, metric and local month, keyed by the month's first day: what whole months inside a range read. */
    MONTHLY("pace_monthly_aggregate", "local_month") {
        @Override
        long epochDayOf(LocalDate localDay) {
            return localDay.toEpochDay() - localDay.getDayOfMonth() + 1; // the month's first day, without a LocalDate
        }
    };

    private final String table;
    private final String dayColumn;

    AggregateTable(String table, String dayColumn) {
        this.table = table;
        this.dayColumn = dayColumn;
    }

    /**
     * The epoch day of the row a contribution on {@code localDay} adds to: the day itself, the Monday of its week or
     * the first day of its month (as {@link AggregateKey#in} and the backfills of migrations V4 and V7 take them).
     */
    abstract long epochDayOf(LocalDate localDay);

    /** The table's name. */
    String table() {
        return table;
    }

    /** The column of the day a row is for: the local day, the Monday of the local week, or the month's first day. */
    String dayColumn() {
        return dayColumn;
    }

    /** The names of the key columns. */
    List<String> keys() {
        return List.of("manager_id", "metric", dayColumn);
    }

    /** The key columns, then {@code metric_value}: the columns of {@link #sums()} and {@link #lateSums()}. */
    List<String> sumColumns() {
        return List.of("manager_id", "metric", dayColumn, "metric_value");
    }

    /**
     * The table's rows as a recount computes them from its partial sums ({@link AggregateSums}): the key columns and
     * {@code metric_value}, each key once, no value zero.
     *
     * @param fullJoin true where the database has FULL JOIN: each key's sum is then joined with its late sums, grouped
     *                 (few); else both are grouped together
     */
    String recountedRows(boolean fullJoin) {
        // SUM of a BIGINT is a NUMERIC on both databases: cast back, so that the joins add and compare BIGINTs (on
        // PostgreSQL at 10 M activities that takes a tenth off the comparison of the daily rows).
        String keys = String.join(", ", keys());
        String total = "CAST(SUM(metric_value) AS BIGINT)";
        if (!fullJoin) {
            return "SELECT " + keys + ", " + total + " AS metric_value FROM (SELECT " + keys + ", metric_value FROM "
                    + sums().name() + " UNION ALL SELECT " + keys + ", metric_value FROM " + lateSums().name()
                    + ") p GROUP BY " + keys + " HAVING " + total + " <> 0";
        }
        String sum = "COALESCE(s.metric_value, 0) + COALESCE(l.metric_value, 0)";
        return "SELECT " + keys().stream().map(k -> "COALESCE(s." + k + ", l." + k + ") AS " + k)
                .collect(Collectors.joining(", ")) + ", " + sum + " AS metric_value FROM "
                + sums().name() + " s FULL JOIN (SELECT " + keys + ", " + total + " AS metric_value FROM "
                + lateSums().name() + " GROUP BY " + keys + ") l ON " + SqlDialect.joinOn(keys(), "s", "l")
                + " WHERE " + sum + " <> 0";
    }

    /**
     * The recount's staging table of the sums of the new contributions of each day (or month) as it leaves the memory
     * ({@link AggregateSums}): each key once at most, keyed like the table (a month by its first day).
     */
    StagingTable sums() {
        return new StagingTable(stagingName("_sum"), keyColumns() + ", metric_value BIGINT NOT NULL", null);
    }

    /**
     * The recount's staging table of the sums of new contributions that came after their day had left the memory: a key
     * possibly on several rows.
     */
    StagingTable lateSums() {
        return new StagingTable(stagingName("_late_sum"), keyColumns() + ", metric_value BIGINT NOT NULL", null);
    }

    /** The recount's staging table of the differences: the key columns, then the new value or null to remove the row. */
    StagingTable changes() {
        return new StagingTable(stagingName("_change"), keyColumns() + ", metric_value BIGINT", null);
    }

    /** The recount's staging table of the new rows, where a dialect needs them in a table of their own. */
    StagingTable fresh() {
        return new StagingTable(stagingName("_new"), keyColumns() + ", metric_value BIGINT NOT NULL",
                String.join(", ", keys()));
    }

    private String keyColumns() {
        return "manager_id VARCHAR(255) NOT NULL, metric VARCHAR(64) NOT NULL, " + dayColumn + " DATE NOT NULL";
    }

    private String stagingName(String suffix) {
        return "pace_recount_" + table.substring("pace_".length()) + suffix;
    }
}
