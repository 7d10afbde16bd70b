package org.pacekpi.store.jdbc.internal;

import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.pacekpi.api.store.DealEvent;
import org.pacekpi.api.store.LoggedActivity;

/**
 * The projection {@code pace_deal_event} of the activity log (schema V5): one row per activity that is, as last
 * written, a deal event. {@link JdbcPaceStore#write} keeps it in step with the log in the same transaction; the V5
 * migration fills it from the log. It follows from the logged activity alone, never from its counting state.
 */
final class DealEvents {

    /** The host activity kinds that are deal events. */
    static final Set<String> KINDS = Set.of("DEAL_STAGE_CHANGED", "DEAL_WON", "DEAL_LOST");

    /** The projection's columns, in the order {@link #values} gives them and {@link #read} reads them. */
    static final List<ActivityColumns.Column> COLUMNS = List.of(
            new ActivityColumns.Column("activity_id", Types.VARCHAR),
            new ActivityColumns.Column("deal_id", Types.VARCHAR),
            new ActivityColumns.Column("manager_id", Types.VARCHAR),
            new ActivityColumns.Column("kind", Types.VARCHAR),
            new ActivityColumns.Column("stage", Types.VARCHAR),
            new ActivityColumns.Column("occurred_at_epoch_s", Types.BIGINT),
            new ActivityColumns.Column("occurred_at_nano", Types.INTEGER),
            new ActivityColumns.Column("amount", Types.NUMERIC),
            new ActivityColumns.Column("currency", Types.VARCHAR));

    /** The column names, comma separated, in {@link #COLUMNS} order. */
    static final String NAMES = String.join(", ", COLUMNS.stream().map(ActivityColumns.Column::name).toList());

    /** The order of {@link org.pacekpi.api.store.PaceStore#dealHistories}, for a query of {@code pace_deal_event e}. */
    static final String HISTORY_ORDER = " ORDER BY e.deal_id, e.occurred_at_epoch_s, e.occurred_at_nano,"
            + " e.activity_id";

    private DealEvents() {
    }

    /** True if the activity, as logged, belongs in the projection: a not deleted deal event with a deal id. */
    static boolean isDealEvent(LoggedActivity activity) {
        return !activity.deleted() && activity.dealId() != null && KINDS.contains(activity.kind());
    }

    /**
     * True if a stored row of this kind may have a projection row: a write that makes the activity something else must
     * delete it.
     */
    static boolean mayBeProjected(String storedKind) {
        return KINDS.contains(storedKind);
    }

    /** The projection row of a deal event, in {@link #COLUMNS} order; null for SQL NULL. */
    static Object[] values(LoggedActivity a) {
        return new Object[] {a.id(), a.dealId(), a.actorId(), a.kind(), a.stage(), a.occurredAt().getEpochSecond(),
                a.occurredAt().getNano(),
                // Rounded as the activity row's amount is (ActivityColumns), so the two always agree.
                a.amount() == null ? null : a.amount().setScale(ActivityColumns.AMOUNT_SCALE, RoundingMode.HALF_UP),
                a.currency()};
    }

    /** Deletes the projection rows of these activities, if any, in the open transaction. */
    static void delete(Connection connection, Collection<String> activityIds, SqlDialect dialect)
            throws SQLException {
        for (InList chunk : InList.lookups(activityIds, dialect)) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM pace_deal_event WHERE "
                    + chunk.condition("activity_id"))) {
                chunk.bind(delete, 1);
                delete.executeUpdate();
            }
        }
    }

    /** Reads the rows of a query that selects {@code e.<NAMES>} from {@code pace_deal_event e}. */
    static List<DealEvent> read(PreparedStatement query) throws SQLException {
        List<DealEvent> events = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                events.add(new DealEvent(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        rows.getString(5), Instant.ofEpochSecond(rows.getLong(6), rows.getInt(7)),
                        rows.getBigDecimal(8), rows.getString(9)));
            }
        }
        return events;
    }
}
