package org.pacekpi.store.jdbc.internal;

import java.util.List;

/**
 * An aggregate table a recount replaces by the sums of the new contributions ({@link SqlDialect#replaceAggregates}):
 * its key columns (then {@code metric_value}), and the query of its new rows from the recount's partial sums
 * ({@link BulkRecount#SUMS}: manager_id, metric, local_day, metric_value; several rows per key possible).
 *
 * @param name       the table, pace_...
 * @param keyColumns the definitions of its key columns, as in its CREATE TABLE
 * @param keys       the names of its key columns
 * @param rows       the query of its new rows: the key columns and {@code metric_value}, by those names, each key
 *                   once, no value zero
 */
record RecountedAggregate(String name, String keyColumns, List<String> keys, String rows) {

    /** The daily aggregates: the sums per manager, metric and day. */
    static final RecountedAggregate DAILY = new RecountedAggregate(AggregateTable.DAILY.table(),
            "manager_id VARCHAR(255) NOT NULL, metric VARCHAR(64) NOT NULL, local_day DATE NOT NULL",
            List.of("manager_id", "metric", "local_day"),
            "SELECT manager_id, metric, local_day, SUM(metric_value) AS metric_value FROM " + BulkRecount.SUMS
                    + " GROUP BY manager_id, metric, local_day HAVING SUM(metric_value) <> 0");

    /**
     * The monthly aggregates (V4): the sums per manager, metric and local month, the month's first day computed as in
     * the V4 migration and {@link SqlDialect#insertMonthlyAggregatesFromDaily}.
     */
    static final RecountedAggregate MONTHLY = new RecountedAggregate(AggregateTable.MONTHLY.table(),
            "manager_id VARCHAR(255) NOT NULL, metric VARCHAR(64) NOT NULL, local_month DATE NOT NULL",
            List.of("manager_id", "metric", "local_month"),
            "SELECT manager_id, metric, " + SqlDialect.MONTH_OF_LOCAL_DAY + " AS local_month,"
                    + " SUM(metric_value) AS metric_value FROM " + BulkRecount.SUMS + " GROUP BY manager_id, metric, "
                    + SqlDialect.MONTH_OF_LOCAL_DAY + " HAVING SUM(metric_value) <> 0");

    /**
     * Every aggregate table a recount replaces, in this order. A rollup kept beside the daily aggregates belongs here,
     * with its own GROUP BY of the sums.
     */
    static final List<RecountedAggregate> ALL = List.of(DAILY, MONTHLY);

    /** The staging table of the differences: the key columns, then the new value or null to remove the row. */
    StagingTable changes() {
        return new StagingTable(stagingName("_change"), keyColumns + ", metric_value BIGINT", null);
    }

    /** The staging table of the new rows, where a dialect needs them in a table of their own. */
    StagingTable fresh() {
        return new StagingTable(stagingName("_new"), keyColumns + ", metric_value BIGINT NOT NULL",
                String.join(", ", keys));
    }

    private String stagingName(String suffix) {
        return "pace_recount_" + name.substring("pace_".length()) + suffix;
    }
}
