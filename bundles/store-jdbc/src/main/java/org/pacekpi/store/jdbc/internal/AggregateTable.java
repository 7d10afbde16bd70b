package org.pacekpi.store.jdbc.internal;

import java.util.List;

/**
 * The two tables of sums the store keeps, with the same columns but for the day: {@code pace_daily_aggregate} per
 * manager, metric and local day, and {@code pace_monthly_aggregate} per manager, metric and local month (its first
 * day), which always holds the sums of the daily rows of each month. Both leave out the rows whose sum is zero.
 * A write adjusts both ({@link SqlDialect#addToAggregates}); a recount replaces both by the sums of its new
 * contributions ({@link SqlDialect#replaceAggregates}), each grouped by its own day.
 */
enum AggregateTable {

    /** Per manager, metric and local day: what every write adjusts first, and what ranges of single days read. */
    DAILY("pace_daily_aggregate", "local_day", "local_day"),
    /** Per manager, metric and local month, keyed by the month's first day: what whole months inside a range read. */
    MONTHLY("pace_monthly_aggregate", "local_month", SqlDialect.MONTH_OF_LOCAL_DAY);

    private final String table;
    private final String dayColumn;
    private final String dayOfLocalDay;

    /**
     * @param dayOfLocalDay the SQL of a row's day column from a contribution's {@code local_day}
     */
    AggregateTable(String table, String dayColumn, String dayOfLocalDay) {
        this.table = table;
        this.dayColumn = dayColumn;
        this.dayOfLocalDay = dayOfLocalDay;
    }

    /** The table's name. */
    String table() {
        return table;
    }

    /** The column of the day a row is for: the local day, or the first day of the local month. */
    String dayColumn() {
        return dayColumn;
    }

    /** The names of the key columns. */
    List<String> keys() {
        return List.of("manager_id", "metric", dayColumn);
    }

    /**
     * The table's rows as a recount computes them from its partial sums ({@link BulkRecount#SUMS}: manager_id, metric,
     * local_day, metric_value, several rows per key possible): the key columns and {@code metric_value}, each key once,
     * no value zero.
     */
    String recountedRows() {
        return "SELECT manager_id, metric, " + dayOfLocalDay + " AS " + dayColumn + ", SUM(metric_value) AS metric_value"
                + " FROM " + BulkRecount.SUMS + " GROUP BY manager_id, metric, " + dayOfLocalDay
                + " HAVING SUM(metric_value) <> 0";
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
