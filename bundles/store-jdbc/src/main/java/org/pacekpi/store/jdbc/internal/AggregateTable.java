package org.pacekpi.store.jdbc.internal;

/**
 * The two tables of sums the store keeps, with the same columns but for the day: {@code pace_daily_aggregate} per
 * manager, metric and local day, and {@code pace_monthly_aggregate} per manager, metric and local month (its first
 * day), which always holds the sums of the daily rows of each month. Both leave out the rows whose sum is zero.
 */
enum AggregateTable {

    /** Per manager, metric and local day: what every write adjusts first, and what ranges of single days read. */
    DAILY("pace_daily_aggregate", "local_day"),
    /** Per manager, metric and local month, keyed by the month's first day: what whole months inside a range read. */
    MONTHLY("pace_monthly_aggregate", "local_month");

    private final String table;
    private final String dayColumn;

    AggregateTable(String table, String dayColumn) {
        this.table = table;
        this.dayColumn = dayColumn;
    }

    /** The table's name. */
    String table() {
        return table;
    }

    /** The column of the day a row is for: the local day, or the first day of the local month. */
    String dayColumn() {
        return dayColumn;
    }
}
