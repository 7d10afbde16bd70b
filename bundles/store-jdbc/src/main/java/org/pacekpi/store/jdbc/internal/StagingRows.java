package org.pacekpi.store.jdbc.internal;

import java.sql.SQLException;

/**
 * Rows appended in bulk to one staging table of a recount ({@link BulkRecount}), inside its transaction. Each dialect
 * loads them its own fastest way ({@link SqlDialect#stagingRows}). Values are {@code String}, {@code Long},
 * {@code Integer}, {@code Short}, {@link java.time.LocalDate} or null, in the order of the columns named when it was
 * opened.
 */
interface StagingRows extends AutoCloseable {

    /** Appends a row; it may be sent at once or buffered until {@link #flush()}. */
    void add(Object... values) throws SQLException;

    /** Sends every buffered row. */
    void flush() throws SQLException;

    /** Rows added so far, sent or not. */
    long count();

    /** Releases the statement, without sending what is still buffered. */
    @Override
    void close() throws SQLException;
}
