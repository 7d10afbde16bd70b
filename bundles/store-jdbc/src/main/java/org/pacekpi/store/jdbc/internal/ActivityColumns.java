package org.pacekpi.store.jdbc.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Types;
import java.util.List;
import java.util.stream.Collectors;

import org.pacekpi.api.store.CountedActivity;
import org.pacekpi.api.store.CountingState;
import org.pacekpi.api.store.LoggedActivity;

/**
 * The columns of a {@code pace_activity} row as the store writes it, with each column's value for an activity, so
 * that each dialect can send a batch of rows its own fastest way (see {@link SqlDialect#upsertActivities}).
 */
final class ActivityColumns {

    /** Amounts are kept with this many decimals. */
    static final int AMOUNT_SCALE = 4;

    /**
     * A column.
     *
     * @param name    its name
     * @param sqlType its {@link Types} type
     */
    record Column(String name, int sqlType) {
    }

    /** Every column, the primary key {@code id} first. */
    static final List<Column> COLUMNS = List.of(
            new Column("id", Types.VARCHAR),
            new Column("sequence", Types.BIGINT),
            new Column("deleted", Types.BOOLEAN),
            new Column("occurred_at_epoch_s", Types.BIGINT),
            new Column("occurred_at_nano", Types.INTEGER),
            new Column("actor_id", Types.VARCHAR),
            new Column("kind", Types.VARCHAR),
            new Column("channel", Types.VARCHAR),
            new Column("direction", Types.VARCHAR),
            new Column("outcome", Types.VARCHAR),
            new Column("duration_s", Types.BIGINT),
            new Column("deal_id", Types.VARCHAR),
            new Column("stage", Types.VARCHAR),
            new Column("amount", Types.NUMERIC),
            new Column("currency", Types.VARCHAR),
            new Column("automated", Types.BOOLEAN),
            new Column("local_day", Types.DATE),
            new Column("exclusion_reason", Types.VARCHAR),
            new Column("duplicate_key", Types.VARCHAR),
            new Column("contact_key", Types.VARCHAR),
            new Column("counted_generation", Types.BIGINT),
            new Column("counterparts", Types.CLOB),
            new Column("contributions", Types.CLOB));

    /** The column names, comma separated, in {@link #COLUMNS} order. */
    static final String NAMES = COLUMNS.stream().map(Column::name).collect(Collectors.joining(", "));

    private ActivityColumns() {
    }

    /** The row of an activity counted in {@code generation}, in {@link #COLUMNS} order; null for SQL NULL. */
    static Object[] values(CountedActivity counted, long generation) {
        LoggedActivity a = counted.activity();
        CountingState state = counted.state();
        return new Object[] {
                a.id(), a.sequence(), a.deleted(), a.occurredAt().getEpochSecond(), a.occurredAt().getNano(),
                a.actorId(), a.kind(), a.channel(), a.direction(), a.outcome(), a.durationSeconds(), a.dealId(),
                a.stage(),
                // Rounded here rather than by the database: both would round half-up, but doing it once keeps the
                // two stores byte-identical.
                a.amount() == null ? null : a.amount().setScale(AMOUNT_SCALE, RoundingMode.HALF_UP),
                a.currency(), a.automated(), state.localDay(), state.exclusionReason(), state.duplicateKey(),
                state.contactKey(), generation, PackedLists.packCounterparts(a.counterparts()),
                PackedLists.packContributions(state.contributions())};
    }

    /** For {@link BigDecimal} columns sent as text. */
    static String plain(Object amount) {
        return amount == null ? null : ((BigDecimal) amount).toPlainString();
    }
}
