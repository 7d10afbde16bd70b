package org.pacekpi.sandbox.internal.db;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work done with a JDBC connection.
 *
 * @param <T> the result
 */
@FunctionalInterface
public interface SqlWork<T> {
    /** Does the work; SQL failures are turned into {@link CrmDataException} by the caller. */
    T run(Connection connection) throws SQLException;
}
