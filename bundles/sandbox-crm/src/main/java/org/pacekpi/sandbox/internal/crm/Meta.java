package org.pacekpi.sandbox.internal.crm;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Facts about the database itself ({@code crm_meta}), such as whether the simulator has run. */
public final class Meta {

    /** Set to {@code true} once the sales-team simulation is written. */
    public static final String SIMULATED = "simulated";

    private Meta() {
    }

    /** A value, if set. */
    public static Optional<String> get(Connection connection, String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT meta_value FROM crm_meta WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    /** Sets a value (update, or insert when missing: the same SQL in H2 and PostgreSQL). */
    public static void put(Connection connection, String name, String value) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE crm_meta SET meta_value = ? WHERE name = ?")) {
            update.setString(1, value);
            update.setString(2, name);
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO crm_meta (name, meta_value) VALUES (?, ?)")) {
            insert.setString(1, name);
            insert.setString(2, value);
            insert.executeUpdate();
        }
    }
}
