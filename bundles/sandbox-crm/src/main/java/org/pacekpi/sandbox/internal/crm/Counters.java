package org.pacekpi.sandbox.internal.crm;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The counter rows behind ids and the activity sequence ({@code crm_counter}). */
public final class Counters {

    private Counters() {
    }

    /**
     * Reads a counter and locks its row until the transaction ends, creating it at 0 if it does not exist yet.
     * The row lock is what makes concurrent writers (even in another JVM) take numbers one after the other.
     */
    public static long lockAndRead(Connection connection, String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT counter_value FROM crm_counter WHERE name = ? FOR UPDATE")) {
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    return row.getLong(1);
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO crm_counter (name, counter_value) VALUES (?, 0)")) {
            insert.setString(1, name);
            insert.executeUpdate();
        }
        return 0;
    }

    /** Stores a counter's new value. */
    public static void write(Connection connection, String name, long value) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE crm_counter SET counter_value = ? WHERE name = ?")) {
            update.setLong(1, value);
            update.setString(2, name);
            update.executeUpdate();
        }
    }

    /** Reads a counter without locking it, 0 if it does not exist. */
    public static long read(Connection connection, String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT counter_value FROM crm_counter WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }
}
