package org.pacekpi.itests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL server the tests need on 127.0.0.1:5432 (user {@value #USER}, trust authentication), used from the
 * test JVM: each test class gets its own database, recreated empty for each run.
 */
final class TestPostgres {

    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    static final String USER = "postgres";

    private TestPostgres() {
    }

    /**
     * Drops the database if it exists (closing its leftover connections) and creates it empty; fails with a clear
     * message when PostgreSQL is not there.
     *
     * @return its JDBC URL
     */
    static String recreateDatabase(String database) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new SQLException("PostgreSQL on 127.0.0.1:5432 (user " + USER + ") is required for this test: "
                    + e.getMessage(), e);
        }
        return SERVER + database;
    }

    /** A connection to one of the tests' databases. */
    static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(SERVER + database, USER, "");
    }
}
