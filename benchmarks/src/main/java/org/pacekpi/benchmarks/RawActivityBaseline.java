package org.pacekpi.benchmarks;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.pacekpi.host.activity.Activity;
import org.pacekpi.host.activity.ActivityChange;
import org.pacekpi.host.activity.ChangeType;
import org.pacekpi.host.activity.Counterpart;

/**
 * What a CRM does today, as the baselines of issue 3: the activity rows upserted by plain batched JDBC on one
 * connection into {@code bench_raw_activity} (indexed on manager and time), KPIs answered by a {@code GROUP BY}
 * over it, and a full {@code INSERT ... SELECT ... GROUP BY} recompute of simple daily counts.
 *
 * <p>The table keeps each activity's newest state with a deleted flag. Its GROUP BY counts are the naive ones a
 * report would write: touches without duplicate collapsing or first contacts, every call, held meetings, won deals
 * and their revenue by currency. Won deals and revenue follow no counting rule in Pace either (deal events count
 * whether automated or not, with their amount), so there both must agree exactly.
 */
public final class RawActivityBaseline implements AutoCloseable {

    /** Rows per JDBC batch and per commit. */
    static final int BATCH = 1_000;

    private static final String COLUMNS = "id, sequence, deleted, manager_id, occurred_at, kind, channel, outcome,"
            + " duration_s, contact_id, contact_internal, deal_id, stage, amount, currency, automated";

    private static final String SELECT_KPIS = "SELECT manager_id, currency,"
            + " SUM(CASE WHEN kind IN ('CALL', 'EMAIL', 'MESSAGE', 'MEETING') AND NOT automated"
            + " AND NOT contact_internal AND outcome <> 'FAILED'"
            + " AND (kind <> 'CALL' OR (outcome = 'CONNECTED' AND COALESCE(duration_s, 30) >= 30))"
            + " AND (kind <> 'MEETING' OR outcome = 'HELD') THEN 1 ELSE 0 END) AS touches,"
            + " SUM(CASE WHEN kind = 'CALL' THEN 1 ELSE 0 END) AS calls,"
            + " SUM(CASE WHEN kind = 'MEETING' AND outcome = 'HELD' THEN 1 ELSE 0 END) AS meetings,"
            + " SUM(CASE WHEN kind = 'DEAL_WON' THEN 1 ELSE 0 END) AS deals_won,"
            + " SUM(CASE WHEN kind = 'DEAL_WON' THEN amount END) AS revenue"
            + " FROM bench_raw_activity"
            + " WHERE manager_id %s AND occurred_at >= ? AND occurred_at < ? AND NOT deleted"
            + " GROUP BY manager_id, currency";

    private final BenchDatabase database;
    private final Connection connection;
    private final GeneratedOrganisation organisation;
    private final Map<Integer, PreparedStatement> kpiQueries = new HashMap<>();

    /**
     * Creates the tables on the connection, which the baseline then owns.
     *
     * @param database     which SQL to write
     * @param connection   a plain connection, outside Pace's pool
     * @param organisation tells colleagues, as the CRM knows them
     */
    public RawActivityBaseline(BenchDatabase database, Connection connection, GeneratedOrganisation organisation)
            throws SQLException {
        this.database = database;
        this.connection = connection;
        this.organisation = organisation;
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE bench_raw_activity (id VARCHAR(64) PRIMARY KEY, sequence BIGINT NOT NULL,"
                    + " deleted BOOLEAN NOT NULL, manager_id VARCHAR(64) NOT NULL,"
                    + " occurred_at TIMESTAMP WITH TIME ZONE NOT NULL, kind VARCHAR(32) NOT NULL,"
                    + " channel VARCHAR(16) NOT NULL, outcome VARCHAR(16) NOT NULL, duration_s INTEGER,"
                    + " contact_id VARCHAR(64), contact_internal BOOLEAN NOT NULL, deal_id VARCHAR(64),"
                    + " stage VARCHAR(64), amount NUMERIC(19, 4), currency VARCHAR(3), automated BOOLEAN NOT NULL)");
            statement.execute("CREATE INDEX bench_raw_activity_manager_time ON bench_raw_activity"
                    + " (manager_id, occurred_at)");
            statement.execute("CREATE TABLE bench_daily_count (manager_id VARCHAR(64) NOT NULL, local_day DATE NOT NULL,"
                    + " kind VARCHAR(32) NOT NULL, activities BIGINT NOT NULL, PRIMARY KEY (manager_id, local_day, kind))");
        }
        connection.setAutoCommit(false);
        connection.commit();
    }

    /**
     * Upserts every change of the history, in sequence order, in batches of {@value #BATCH} rows with a commit
     * each; a batch holds an activity once (its newest state), since one multi-row upsert may not touch a row
     * twice. Then refreshes the planner statistics, as autovacuum would after a bulk load.
     *
     * @return the rows sent
     */
    public long upsertAll(ActivityGenerator generator) throws SQLException {
        String sql = database == BenchDatabase.POSTGRESQL
                ? "INSERT INTO bench_raw_activity (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?) ON CONFLICT (id) DO UPDATE SET sequence = EXCLUDED.sequence, deleted = EXCLUDED.deleted,"
                + " manager_id = EXCLUDED.manager_id, occurred_at = EXCLUDED.occurred_at, kind = EXCLUDED.kind,"
                + " channel = EXCLUDED.channel, outcome = EXCLUDED.outcome, duration_s = EXCLUDED.duration_s,"
                + " contact_id = EXCLUDED.contact_id, contact_internal = EXCLUDED.contact_internal,"
                + " deal_id = EXCLUDED.deal_id, stage = EXCLUDED.stage, amount = EXCLUDED.amount,"
                + " currency = EXCLUDED.currency, automated = EXCLUDED.automated"
                : "MERGE INTO bench_raw_activity (" + COLUMNS + ") KEY (id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?)";
        long rows = 0;
        Map<String, ActivityChange> batch = new LinkedHashMap<>();
        try (PreparedStatement upsert = connection.prepareStatement(sql)) {
            for (long sequence = 1; sequence <= generator.total(); sequence++) {
                ActivityChange change = generator.change(sequence);
                batch.remove(change.activity().id());
                batch.put(change.activity().id(), change);
                if (sequence % BATCH == 0 || sequence == generator.total()) {
                    for (ActivityChange row : batch.values()) {
                        bind(upsert, row);
                        upsert.addBatch();
                    }
                    upsert.executeBatch();
                    connection.commit();
                    rows += batch.size();
                    batch.clear();
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE" + (database == BenchDatabase.POSTGRESQL ? " bench_raw_activity" : ""));
        }
        connection.commit();
        return rows;
    }

    private void bind(PreparedStatement upsert, ActivityChange change) throws SQLException {
        Activity activity = change.activity();
        upsert.setString(1, activity.id());
        upsert.setLong(2, activity.sequence());
        upsert.setBoolean(3, change.type() == ChangeType.DELETED);
        upsert.setString(4, activity.actorId());
        upsert.setObject(5, OffsetDateTime.ofInstant(activity.occurredAt(), ZoneOffset.UTC));
        upsert.setString(6, activity.kind().name());
        upsert.setString(7, activity.channel().name());
        upsert.setString(8, activity.outcome().name());
        if (activity.duration() == null) {
            upsert.setNull(9, Types.INTEGER);
        } else {
            upsert.setInt(9, (int) activity.duration().toSeconds());
        }
        Counterpart primary = activity.primaryCounterpart();
        upsert.setString(10, primary == null ? null : primary.contactId());
        upsert.setBoolean(11, !activity.counterparts().isEmpty()
                && activity.counterparts().stream().allMatch(this::internal));
        upsert.setString(12, activity.dealId());
        upsert.setString(13, activity.stage());
        upsert.setBigDecimal(14, activity.amount());
        upsert.setString(15, activity.currency());
        upsert.setBoolean(16, activity.automated());
    }

    private boolean internal(Counterpart counterpart) {
        return organisation.isInternalContact(counterpart.contactId())
                || organisation.isInternalEmail(counterpart.email())
                || organisation.isInternalPhone(counterpart.phone());
    }

    /**
     * Has the database write every page the baselines dirtied ({@code CHECKPOINT}, in H2 and PostgreSQL alike), so
     * that the latency phase after them times reads, not the writeback of the millions of rows they wrote going on
     * beside them.
     *
     * @return how long the checkpoint took, in seconds
     */
    public double checkpoint() throws SQLException {
        long start = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
        }
        connection.commit();
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * Recomputes {@code bench_daily_count} (activities per manager, server day and kind) from scratch in one
     * transaction.
     *
     * @return the rows written
     */
    public long recomputeDailyCounts() throws SQLException {
        int rows;
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM bench_daily_count");
            rows = statement.executeUpdate("INSERT INTO bench_daily_count (manager_id, local_day, kind, activities)"
                    + " SELECT manager_id, CAST(occurred_at AS DATE), kind, COUNT(*) FROM bench_raw_activity"
                    + " WHERE NOT deleted GROUP BY manager_id, CAST(occurred_at AS DATE), kind");
        }
        connection.commit();
        return rows;
    }

    /**
     * The KPIs of some managers between two instants (the manager's period boundaries in their time zone), by one
     * GROUP BY.
     *
     * @return per manager that has rows: the figures
     */
    public Map<String, RawKpis> kpis(List<String> managerIds, Instant from, Instant until) throws SQLException {
        readOnly();
        PreparedStatement query = kpiQueries.get(managerIds.size());
        // H2 bounds an index scan by an IN list on the first column only (it would read every activity of every
        // manager), so there the team report is the single-manager GROUP BY once per manager, joined by UNION ALL in
        // one statement: what a report written for H2 would do, and a fair baseline.
        boolean perManager = database == BenchDatabase.H2 && managerIds.size() > 1;
        if (query == null) {
            String sql;
            if (perManager) {
                sql = String.join(" UNION ALL ", Collections.nCopies(managerIds.size(), SELECT_KPIS.formatted("= ?")));
            } else {
                String in = managerIds.size() == 1 ? "= ?"
                        : "IN (" + String.join(", ", Collections.nCopies(managerIds.size(), "?")) + ")";
                sql = SELECT_KPIS.formatted(in);
            }
            query = connection.prepareStatement(sql);
            kpiQueries.put(managerIds.size(), query);
        }
        int index = 1;
        if (perManager) {
            for (String id : managerIds) {
                query.setString(index++, id);
                query.setObject(index++, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
                query.setObject(index++, OffsetDateTime.ofInstant(until, ZoneOffset.UTC));
            }
        } else {
            for (String id : managerIds) {
                query.setString(index++, id);
            }
            query.setObject(index++, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
            query.setObject(index, OffsetDateTime.ofInstant(until, ZoneOffset.UTC));
        }
        Map<String, RawKpis> kpis = new HashMap<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                String manager = rows.getString(1);
                String currency = rows.getString(2);
                BigDecimal revenue = rows.getBigDecimal(7);
                RawKpis row = new RawKpis(rows.getLong(3), rows.getLong(4), rows.getLong(5), rows.getLong(6),
                        currency == null || revenue == null ? Map.of() : Map.of(currency, revenue));
                kpis.merge(manager, row, RawKpis::plus);
            }
        }
        return kpis;
    }

    /** Rows in the raw table, deleted ones included. */
    public long rows() throws SQLException {
        readOnly();
        try (Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM bench_raw_activity")) {
            count.next();
            return count.getLong(1);
        }
    }

    /** Reports run in auto-commit, as a CRM's report page would: no extra COMMIT round trip per query. */
    private void readOnly() throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.setAutoCommit(true);
        }
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement query : kpiQueries.values()) {
            query.close();
        }
        connection.close();
    }

    /**
     * The GROUP BY's figures for one manager.
     *
     * @param revenue won amounts by currency
     */
    public record RawKpis(long touches, long calls, long meetingsHeld, long dealsWon, Map<String, BigDecimal> revenue) {

        /** No activity at all. */
        public static final RawKpis NONE = new RawKpis(0, 0, 0, 0, Map.of());

        /** The sums of two rows (two currencies of one manager). */
        public RawKpis plus(RawKpis other) {
            Map<String, BigDecimal> money = new TreeMap<>(revenue);
            other.revenue.forEach((currency, amount) -> money.merge(currency, amount, BigDecimal::add));
            return new RawKpis(touches + other.touches, calls + other.calls, meetingsHeld + other.meetingsHeld,
                    dealsWon + other.dealsWon, money);
        }
    }
}
