package org.pacekpi.sandbox.internal.crm;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Client companies ({@code crm_account}). */
public final class Accounts {

    private Accounts() {
    }

    /** Inserts an account. */
    public static void insert(Connection connection, Account account) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO crm_account (id, name, web_domain, owner_id, created_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, account.id());
            insert.setString(2, account.name());
            insert.setString(3, account.webDomain());
            insert.setString(4, account.ownerId());
            Jdbc.setInstant(insert, 5, account.createdAt());
            insert.executeUpdate();
        }
    }

    /** The account with this id. */
    public static Optional<Account> find(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, name, web_domain, owner_id, created_at FROM crm_account WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next()
                        ? Optional.of(new Account(row.getString("id"), row.getString("name"),
                                row.getString("web_domain"), row.getString("owner_id"), Jdbc.getInstant(row, "created_at")))
                        : Optional.empty();
            }
        }
    }
}
