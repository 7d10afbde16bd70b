package org.pacekpi.store.jdbc.internal;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store contract on PostgreSQL at 127.0.0.1:5432 (user postgres, trust authentication, database test), in a
 * schema of its own that is emptied before every test and dropped at the end. Without PostgreSQL the tests fail:
 * the store must be proven on both databases, so a missing server is an error, not a reason to skip.
 */
class PostgresPaceStoreTest extends PaceStoreContract {

    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String USER = "postgres";

    private static final String SCHEMA = "pace_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @BeforeAll
    static void requirePostgres() {
        try (Connection connection = DriverManager.getConnection(SERVER, USER, "")) {
            connection.isValid(5);
        } catch (SQLException e) {
            fail("PostgreSQL at 127.0.0.1:5432 (user " + USER + ", database test) is required by the store tests"
                    + " and could not be reached: " + e.getMessage(), e);
        }
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        admin("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }

    @Override
    protected String freshDatabase() throws SQLException {
        admin("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        admin("CREATE SCHEMA " + SCHEMA);
        return SERVER + "?currentSchema=" + SCHEMA;
    }

    @Override
    protected String user() {
        return USER;
    }

    @Override
    protected SqlDialect dialect() {
        return SqlDialect.POSTGRESQL;
    }

    private static void admin(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER, USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
