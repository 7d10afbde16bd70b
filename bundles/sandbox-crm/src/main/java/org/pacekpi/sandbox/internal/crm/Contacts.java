package org.pacekpi.sandbox.internal.crm;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.pacekpi.sandbox.internal.directory.PhoneNumbers;

/** Contacts ({@code crm_contact}). */
public final class Contacts {

    private static final String COLUMNS = "id, owner_id, account_id, name, email, phone, internal, created_at";

    private Contacts() {
    }

    /** Inserts a contact. */
    public static void insert(Connection connection, Contact contact) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO crm_contact (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, contact.id());
            insert.setString(2, contact.ownerId());
            insert.setString(3, contact.accountId());
            insert.setString(4, contact.name());
            insert.setString(5, contact.email() == null ? null : contact.email().toLowerCase(Locale.ROOT));
            insert.setString(6, contact.phone());
            insert.setBoolean(7, contact.internal());
            Jdbc.setInstant(insert, 8, contact.createdAt());
            insert.executeUpdate();
        }
    }

    /** The contact with this id. */
    public static Optional<Contact> find(Connection connection, String id) throws SQLException {
        List<Contact> found = query(connection, "SELECT " + COLUMNS + " FROM crm_contact WHERE id = ?", id);
        return found.stream().findFirst();
    }

    /** The first contact (by id) with this e-mail address, compared case-insensitively. */
    public static Optional<Contact> byEmail(Connection connection, String email) throws SQLException {
        return query(connection, "SELECT " + COLUMNS + " FROM crm_contact WHERE email = ? ORDER BY id",
                email.strip().toLowerCase(Locale.ROOT)).stream().findFirst();
    }

    /**
     * The first contact (by id) with this phone number, compared by digits. A scan: the sandbox has hundreds of
     * contacts, not millions, and numbers are stored as people type them.
     */
    public static Optional<Contact> byPhone(Connection connection, String phone) throws SQLException {
        for (Contact contact : query(connection,
                "SELECT " + COLUMNS + " FROM crm_contact WHERE phone IS NOT NULL ORDER BY id")) {
            if (PhoneNumbers.same(contact.phone(), phone)) {
                return Optional.of(contact);
            }
        }
        return Optional.empty();
    }

    /** Contacts owned by these users (all contacts when {@code owners} is null), ordered by name and id. */
    public static List<Contact> ownedBy(Connection connection, Collection<String> owners) throws SQLException {
        if (owners == null) {
            return query(connection, "SELECT " + COLUMNS + " FROM crm_contact ORDER BY name, id");
        }
        if (owners.isEmpty()) {
            return List.of();
        }
        String placeholders = String.join(", ", java.util.Collections.nCopies(owners.size(), "?"));
        return query(connection, "SELECT " + COLUMNS + " FROM crm_contact WHERE owner_id IN (" + placeholders
                + ") ORDER BY name, id", owners.toArray(String[]::new));
    }

    /** Every colleague recorded as a contact. */
    public static List<Contact> internal(Connection connection) throws SQLException {
        return query(connection, "SELECT " + COLUMNS + " FROM crm_contact WHERE internal = TRUE ORDER BY id");
    }

    private static List<Contact> query(Connection connection, String sql, String... parameters) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setString(i + 1, parameters[i]);
            }
            List<Contact> result = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    result.add(new Contact(rows.getString("id"), rows.getString("owner_id"),
                            rows.getString("account_id"), rows.getString("name"), rows.getString("email"),
                            rows.getString("phone"), rows.getBoolean("internal"), Jdbc.getInstant(rows, "created_at")));
                }
            }
            return result;
        }
    }
}
