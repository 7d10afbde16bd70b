package org.pacekpi.store.jdbc.internal;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A schema of its own on PostgreSQL at 127.0.0.1:5432 (user postgres, trust authentication, database test) for one
 * test class, emptied before every test and dropped at the end. Without PostgreSQL the tests fail: the store must be
 * proven on both databases, so a missing server is an error, not a reason to skip.
 */
final class PostgresSchema {

    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String USER = "postgres";

    private final String name = "pace_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    /** Fails the test class when the server cannot be reached. */
    static void require() {
        try (Connection connection = DriverManager.getConnection(SERVER, USER, "")) {
            connection.isValid(5);
        } catch (SQLException e) {
            fail("PostgreSQL at 127.0.0.1:5432 (user " + USER + ", database test) is required by the store tests"
                    + " and could not be reached: " + e.getMessage(), e);
        }
    }

    /**
     * Drops and recreates the schema; returns the URL of a connection to it, with the batch rewriting the OSGi
     * component turns on (see PaceStoreComponent), so the tests run the statements production runs.
     */
    String fresh() throws SQLException {
        drop();
        admin("CREATE SCHEMA " + name);
        return SERVER + "?currentSchema=" + name + "&reWriteBatchedInserts=true";
    }

    void drop() throws SQLException {
        admin("DROP SCHEMA IF EXISTS " + name + " CASCADE");
    }

    private static void admin(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER, USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
