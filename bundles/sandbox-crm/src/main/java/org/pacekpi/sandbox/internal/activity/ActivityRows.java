package org.pacekpi.sandbox.internal.activity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.pacekpi.host.activity.Activity;
import org.pacekpi.host.activity.ActivityKind;
import org.pacekpi.host.activity.Channel;
import org.pacekpi.host.activity.Counterpart;
import org.pacekpi.host.activity.Direction;
import org.pacekpi.host.activity.Outcome;
import org.pacekpi.sandbox.internal.crm.Jdbc;

/** The current state of activities ({@code crm_activity} and its counterparts). */
public final class ActivityRows {

    private static final String COLUMNS = "id, last_seq, occurred_at, actor_id, kind, channel, direction, outcome, "
            + "duration_seconds, deal_id, stage, amount, currency, automated";

    private ActivityRows() {
    }

    /** Inserts a new activity and its counterparts. */
    static void insert(Connection connection, Activity activity, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO crm_activity (" + COLUMNS
                + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(insert, activity);
            Jdbc.setInstant(insert, 15, now);
            insert.executeUpdate();
        }
        insertCounterparts(connection, activity);
    }

    /** Replaces an activity's state and counterparts. */
    static void replace(Connection connection, Activity activity, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE crm_activity SET id = ?, last_seq = ?, "
                + "occurred_at = ?, actor_id = ?, kind = ?, channel = ?, direction = ?, outcome = ?, "
                + "duration_seconds = ?, deal_id = ?, stage = ?, amount = ?, currency = ?, automated = ?, "
                + "updated_at = ? WHERE id = ?")) {
            bind(update, activity);
            Jdbc.setInstant(update, 15, now);
            update.setString(16, activity.id());
            update.executeUpdate();
        }
        deleteCounterparts(connection, activity.id());
        insertCounterparts(connection, activity);
    }

    /** Removes an activity (its history stays). */
    static void delete(Connection connection, String id) throws SQLException {
        deleteCounterparts(connection, id);
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM crm_activity WHERE id = ?")) {
            delete.setString(1, id);
            delete.executeUpdate();
        }
    }

    /** The current state of an activity, empty if it does not exist or was deleted. */
    public static Optional<Activity> find(Connection connection, String id) throws SQLException {
        return query(connection, "SELECT " + COLUMNS + " FROM crm_activity WHERE id = ?", List.of(id), 1)
                .stream().findFirst();
    }

    /** A user's activities, most recent first. */
    public static List<Activity> byActor(Connection connection, String actorId, int limit) throws SQLException {
        return query(connection, "SELECT " + COLUMNS + " FROM crm_activity WHERE actor_id = ? "
                + "ORDER BY occurred_at DESC, id DESC", List.of(actorId), limit);
    }

    /** How many activities exist (not counting deleted ones). */
    public static long count(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM crm_activity");
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void bind(PreparedStatement statement, Activity activity) throws SQLException {
        statement.setString(1, activity.id());
        statement.setLong(2, activity.sequence());
        Jdbc.setInstant(statement, 3, activity.occurredAt());
        statement.setString(4, activity.actorId());
        statement.setString(5, activity.kind().name());
        statement.setString(6, activity.channel().name());
        statement.setString(7, activity.direction().name());
        statement.setString(8, activity.outcome().name());
        Jdbc.setLong(statement, 9, activity.duration() == null ? null : activity.duration().getSeconds());
        statement.setString(10, activity.dealId());
        statement.setString(11, activity.stage());
        Jdbc.setDecimal(statement, 12, activity.amount());
        statement.setString(13, activity.currency());
        statement.setBoolean(14, activity.automated());
    }

    private static void insertCounterparts(Connection connection, Activity activity) throws SQLException {
        if (activity.counterparts().isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO crm_activity_counterpart "
                + "(activity_id, ordinal, contact_id, account_id, email, phone, name) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int ordinal = 0;
            for (Counterpart counterpart : activity.counterparts()) {
                insert.setString(1, activity.id());
                insert.setInt(2, ordinal++);
                insert.setString(3, counterpart.contactId());
                insert.setString(4, counterpart.accountId());
                insert.setString(5, counterpart.email());
                insert.setString(6, counterpart.phone());
                insert.setString(7, counterpart.name());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void deleteCounterparts(Connection connection, String id) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM crm_activity_counterpart WHERE activity_id = ?")) {
            delete.setString(1, id);
            delete.executeUpdate();
        }
    }

    private static List<Activity> query(Connection connection, String sql, List<String> parameters, int limit)
            throws SQLException {
        Map<String, Activity.Builder> builders = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setString(i + 1, parameters.get(i));
            }
            select.setMaxRows(limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Long seconds = Jdbc.getLong(rows, "duration_seconds");
                    builders.put(rows.getString("id"), Activity.builder()
                            .id(rows.getString("id"))
                            .sequence(rows.getLong("last_seq"))
                            .occurredAt(Jdbc.getInstant(rows, "occurred_at"))
                            .actorId(rows.getString("actor_id"))
                            .kind(ActivityKind.valueOf(rows.getString("kind")))
                            .channel(Channel.valueOf(rows.getString("channel")))
                            .direction(Direction.valueOf(rows.getString("direction")))
                            .outcome(Outcome.valueOf(rows.getString("outcome")))
                            .duration(seconds == null ? null : Duration.ofSeconds(seconds))
                            .dealId(rows.getString("deal_id"))
                            .stage(rows.getString("stage"))
                            .amount(rows.getBigDecimal("amount"))
                            .currency(Jdbc.getTrimmed(rows, "currency"))
                            .automated(rows.getBoolean("automated")));
                }
            }
        }
        List<Activity> result = new ArrayList<>(builders.size());
        for (Map.Entry<String, Activity.Builder> entry : builders.entrySet()) {
            result.add(entry.getValue().counterparts(counterparts(connection, entry.getKey())).build());
        }
        return result;
    }

    private static List<Counterpart> counterparts(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT contact_id, account_id, email, phone, "
                + "name FROM crm_activity_counterpart WHERE activity_id = ? ORDER BY ordinal")) {
            select.setString(1, id);
            List<Counterpart> result = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    result.add(new Counterpart(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5)));
                }
            }
            return result;
        }
    }
}
