package org.pacekpi.store.jdbc.internal;

/**
 * A table a recount stages rows in, for the length of the recount (see {@link SqlDialect#prepareStagingTables}).
 *
 * @param name    its name, pace_recount_...
 * @param columns its column definitions
 * @param key     columns that identify a row, which the table is read in order of or joined on; or null
 */
record StagingTable(String name, String columns, String key) {
}
