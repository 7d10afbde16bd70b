package org.pacekpi.sandbox.internal.crm;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Deals ({@code crm_deal}). */
public final class Deals {

    private static final String COLUMNS = "id, title, owner_id, account_id, contact_id, stage, amount, currency, "
            + "status, created_at, updated_at";

    private Deals() {
    }

    /** Inserts a deal. */
    public static void insert(Connection connection, Deal deal) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO crm_deal (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, deal.id());
            insert.setString(2, deal.title());
            insert.setString(3, deal.ownerId());
            insert.setString(4, deal.accountId());
            insert.setString(5, deal.contactId());
            insert.setString(6, deal.stage());
            Jdbc.setDecimal(insert, 7, deal.amount());
            insert.setString(8, deal.currency());
            insert.setString(9, deal.status().name().toLowerCase(Locale.ROOT));
            Jdbc.setInstant(insert, 10, deal.createdAt());
            Jdbc.setInstant(insert, 11, deal.updatedAt());
            insert.executeUpdate();
        }
    }

    /** Stores a deal's stage, status and update time. */
    public static void updateStage(Connection connection, Deal deal) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE crm_deal SET stage = ?, status = ?, updated_at = ? WHERE id = ?")) {
            update.setString(1, deal.stage());
            update.setString(2, deal.status().name().toLowerCase(Locale.ROOT));
            Jdbc.setInstant(update, 3, deal.updatedAt());
            update.setString(4, deal.id());
            update.executeUpdate();
        }
    }

    /** The deal with this id. */
    public static Optional<Deal> find(Connection connection, String id) throws SQLException {
        return query(connection, "SELECT " + COLUMNS + " FROM crm_deal WHERE id = ?", List.of(id)).stream().findFirst();
    }

    /** Deals owned by these users (all when {@code owners} is null), newest first. */
    public static List<Deal> ownedBy(Connection connection, Collection<String> owners) throws SQLException {
        if (owners == null) {
            return query(connection, "SELECT " + COLUMNS + " FROM crm_deal ORDER BY created_at DESC, id", List.of());
        }
        if (owners.isEmpty()) {
            return List.of();
        }
        String placeholders = String.join(", ", Collections.nCopies(owners.size(), "?"));
        return query(connection, "SELECT " + COLUMNS + " FROM crm_deal WHERE owner_id IN (" + placeholders
                + ") ORDER BY created_at DESC, id", List.copyOf(owners));
    }

    private static List<Deal> query(Connection connection, String sql, List<String> parameters) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setString(i + 1, parameters.get(i));
            }
            List<Deal> result = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    result.add(new Deal(rows.getString("id"), rows.getString("title"), rows.getString("owner_id"),
                            rows.getString("account_id"), rows.getString("contact_id"), rows.getString("stage"),
                            rows.getBigDecimal("amount"), Jdbc.getTrimmed(rows, "currency"),
                            Deal.DealStatus.valueOf(rows.getString("status").toUpperCase(Locale.ROOT)),
                            Jdbc.getInstant(rows, "created_at"), Jdbc.getInstant(rows, "updated_at")));
                }
            }
            return result;
        }
    }
}
