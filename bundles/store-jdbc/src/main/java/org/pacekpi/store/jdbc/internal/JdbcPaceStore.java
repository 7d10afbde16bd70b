package org.pacekpi.store.jdbc.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import org.pacekpi.api.store.ActivityEntry;
import org.pacekpi.api.store.ApplyResult;
import org.pacekpi.api.store.Contribution;
import org.pacekpi.api.store.LoggedActivity;
import org.pacekpi.api.store.LoggedActivity.LoggedCounterpart;
import org.pacekpi.api.store.PaceStore;
import org.pacekpi.api.store.StoreException;

/**
 * {@link PaceStore} on JDBC (H2 or PostgreSQL), plain Java so it can be tested without OSGi.
 *
 * <p>Tables: {@code pace_activity} (one row per activity id, the newest version; a deleted one stays as a
 * tombstone), {@code pace_activity_counterpart}, {@code pace_contribution} (what each stored version adds),
 * {@code pace_daily_aggregate} (per manager, metric and local day; always equal to the sum of the contributions) and
 * {@code pace_cursor}. The schema is migrated on first use, not on construction (see {@link #ensureSchema()}).
 *
 * <p>Amounts are stored as {@code NUMERIC(19,4)}: they come back with scale 4 (rounded half-up beyond that), so
 * compare them with {@link BigDecimal#compareTo}.
 */
public final class JdbcPaceStore implements PaceStore {

    /** Ids per IN list: well below every driver's parameter limit, few round trips for a 500-entry page. */
    private static final int IN_CHUNK = 500;
    private static final int AMOUNT_SCALE = 4;

    private static final String ACTIVITY_COLUMNS = "sequence, deleted, occurred_at_epoch_s, occurred_at_nano,"
            + " actor_id, kind, channel, direction, outcome, duration_s, deal_id, stage, amount, currency, automated";
    private static final String INSERT_ACTIVITY = "INSERT INTO pace_activity (" + ACTIVITY_COLUMNS + ", id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE_ACTIVITY = "UPDATE pace_activity SET sequence = ?, deleted = ?,"
            + " occurred_at_epoch_s = ?, occurred_at_nano = ?, actor_id = ?, kind = ?, channel = ?, direction = ?,"
            + " outcome = ?, duration_s = ?, deal_id = ?, stage = ?, amount = ?, currency = ?, automated = ?"
            + " WHERE id = ?";
    private static final String INSERT_COUNTERPART = "INSERT INTO pace_activity_counterpart"
            + " (activity_id, position, contact_id, account_id, email, phone, internal) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_CONTRIBUTION = "INSERT INTO pace_contribution"
            + " (activity_id, manager_id, metric, local_day, metric_value) VALUES (?, ?, ?, ?, ?)";
    private static final String DELETE_EMPTY_AGGREGATE = "DELETE FROM pace_daily_aggregate"
            + " WHERE manager_id = ? AND metric = ? AND local_day = ? AND metric_value = 0";
    private static final String SELECT_ACTIVITY = "SELECT a.id, a." + ACTIVITY_COLUMNS.replace(", ", ", a.")
            + ", c.position, c.contact_id, c.account_id, c.email, c.phone, c.internal"
            + " FROM pace_activity a LEFT JOIN pace_activity_counterpart c ON c.activity_id = a.id"
            + " WHERE a.id = ? ORDER BY c.position";

    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final Migrations migrations;

    /** Serializes writers in this JVM; the cursor row lock does the same across instances sharing the database. */
    private final ReentrantLock applyLock = new ReentrantLock();

    private final Object schemaMonitor = new Object();
    private volatile boolean schemaReady;
    /** A migration failure that trying again cannot fix; guarded by schemaMonitor. */
    private StoreException schemaFailure;

    /**
     * A store on a data source (ideally a pool). Cheap: it does not connect until first used.
     *
     * @param dialect the database behind the data source, e.g. {@link SqlDialect#fromUrl}
     */
    public JdbcPaceStore(DataSource dataSource, SqlDialect dialect) {
        this(dataSource, dialect, Migrations.standard(dataSource, dialect));
    }

    JdbcPaceStore(DataSource dataSource, SqlDialect dialect, Migrations migrations) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.migrations = Objects.requireNonNull(migrations, "migrations");
    }

    /** The database this store writes to. */
    public SqlDialect dialect() {
        return dialect;
    }

    @Override
    public long appliedSequence() {
        ensureSchema();
        return read("the history cursor", connection -> readCursor(connection, false));
    }

    @Override
    public Map<String, Long> totals(String managerId, LocalDate from, LocalDate to) {
        Objects.requireNonNull(managerId, "managerId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        ensureSchema();
        return read("the totals of manager " + managerId + " from " + from + " to " + to, connection -> {
            Map<String, Long> totals = new TreeMap<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT metric, SUM(metric_value)"
                    + " FROM pace_daily_aggregate WHERE manager_id = ? AND local_day BETWEEN ? AND ?"
                    + " GROUP BY metric")) {
                query.setString(1, managerId);
                query.setObject(2, from);
                query.setObject(3, to);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        totals.put(rows.getString(1), rows.getLong(2));
                    }
                }
            }
            return Collections.unmodifiableMap(totals);
        });
    }

    @Override
    public Optional<LoggedActivity> activity(String activityId) {
        Objects.requireNonNull(activityId, "activityId");
        ensureSchema();
        // One statement (a join) so the activity and its counterparts come from the same snapshot.
        return read("activity " + activityId, connection -> {
            try (PreparedStatement query = connection.prepareStatement(SELECT_ACTIVITY)) {
                query.setString(1, activityId);
                try (ResultSet rows = query.executeQuery()) {
                    return readActivity(rows);
                }
            }
        });
    }

    @Override
    public long activityCount() {
        ensureSchema();
        return read("the number of activities", connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM pace_activity")) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    @Override
    public ApplyResult apply(List<ActivityEntry> entries, long historyCursor) {
        Objects.requireNonNull(entries, "entries");
        if (historyCursor < 0) {
            throw new IllegalArgumentException(
                    "historyCursor must be 0 (live events) or a history sequence number, was " + historyCursor);
        }
        ensureSchema();
        SortedMap<String, ActivityEntry> newest = newestPerActivity(entries);
        String[] step = {"getting a connection"};
        applyLock.lock();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                ApplyResult result = applyInTransaction(connection, newest, entries.size(), historyCursor, step);
                step[0] = "committing";
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(applyFailure(entries, historyCursor, step[0], e), e);
        } finally {
            applyLock.unlock();
        }
    }

    private ApplyResult applyInTransaction(Connection connection, SortedMap<String, ActivityEntry> newest,
                                           int entryCount, long historyCursor, String[] step) throws SQLException {
        step[0] = "locking the history cursor";
        long cursor = readCursor(connection, true);

        step[0] = "reading the stored versions";
        Map<String, Long> stored = storedSequences(connection, newest.keySet());
        List<LoggedActivity> inserts = new ArrayList<>();
        List<LoggedActivity> updates = new ArrayList<>();
        List<ActivityEntry> changed = new ArrayList<>();
        for (ActivityEntry entry : newest.values()) {
            Long storedSequence = stored.get(entry.activity().id());
            if (storedSequence == null) {
                inserts.add(entry.activity());
                changed.add(entry);
            } else if (storedSequence < entry.activity().sequence()) {
                updates.add(entry.activity());
                changed.add(entry);
            }
        }

        if (!changed.isEmpty()) {
            // Net change per aggregate row: old contributions out, new ones in, written once per row.
            Map<AggregateKey, Long> deltas = new TreeMap<>();
            if (!updates.isEmpty()) {
                List<String> replacedIds = updates.stream().map(LoggedActivity::id).toList();
                step[0] = "reading the contributions being replaced";
                for (Contribution old : storedContributions(connection, replacedIds)) {
                    deltas.merge(AggregateKey.of(old), -old.value(), Long::sum);
                }
                step[0] = "removing the replaced contributions and counterparts";
                deleteByActivity(connection, "DELETE FROM pace_contribution WHERE activity_id = ?", replacedIds);
                deleteByActivity(connection, "DELETE FROM pace_activity_counterpart WHERE activity_id = ?",
                        replacedIds);
            }
            step[0] = "writing activity rows";
            writeActivities(connection, UPDATE_ACTIVITY, updates);
            writeActivities(connection, INSERT_ACTIVITY, inserts);
            step[0] = "writing counterparts";
            writeCounterparts(connection, changed);
            step[0] = "writing contributions";
            writeContributions(connection, changed, deltas);
            step[0] = "adjusting the daily aggregates";
            adjustAggregates(connection, deltas);
        }

        long newCursor = cursor;
        if (historyCursor > cursor) {
            step[0] = "moving the history cursor";
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE pace_cursor SET applied_sequence = ? WHERE id = 1")) {
                update.setLong(1, historyCursor);
                update.executeUpdate();
            }
            newCursor = historyCursor;
        }
        return new ApplyResult(changed.size(), entryCount - changed.size(), newCursor);
    }

    /**
     * The newest entry per activity id, in id order (a fixed order in which rows are written keeps lock order
     * predictable). Of several entries with the same sequence the first wins; the rest are duplicates.
     */
    private static SortedMap<String, ActivityEntry> newestPerActivity(List<ActivityEntry> entries) {
        SortedMap<String, ActivityEntry> newest = new TreeMap<>();
        for (ActivityEntry entry : entries) {
            Objects.requireNonNull(entry, "entries must not contain null");
            newest.merge(entry.activity().id(), entry,
                    (kept, candidate) -> candidate.activity().sequence() > kept.activity().sequence() ? candidate : kept);
        }
        return newest;
    }

    private static long readCursor(Connection connection, boolean forUpdate) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT applied_sequence FROM pace_cursor WHERE id = 1"
                     + (forUpdate ? " FOR UPDATE" : ""))) {
            if (!rows.next()) {
                throw new SQLException("pace_cursor has no row: the store's schema is damaged (its V1 migration"
                        + " inserts the row)");
            }
            return rows.getLong(1);
        }
    }

    private static Map<String, Long> storedSequences(Connection connection, Collection<String> ids)
            throws SQLException {
        Map<String, Long> stored = new HashMap<>();
        for (List<String> chunk : chunks(ids)) {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT id, sequence FROM pace_activity WHERE id IN (" + placeholders(chunk.size()) + ")")) {
                bindStrings(query, chunk);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        stored.put(rows.getString(1), rows.getLong(2));
                    }
                }
            }
        }
        return stored;
    }

    private static List<Contribution> storedContributions(Connection connection, Collection<String> activityIds)
            throws SQLException {
        List<Contribution> contributions = new ArrayList<>();
        for (List<String> chunk : chunks(activityIds)) {
            try (PreparedStatement query = connection.prepareStatement("SELECT manager_id, metric, local_day,"
                    + " metric_value FROM pace_contribution WHERE activity_id IN (" + placeholders(chunk.size()) + ")")) {
                bindStrings(query, chunk);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        contributions.add(new Contribution(rows.getString(1), rows.getString(2),
                                rows.getObject(3, LocalDate.class), rows.getLong(4)));
                    }
                }
            }
        }
        return contributions;
    }

    private static void deleteByActivity(Connection connection, String sql, List<String> activityIds)
            throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(sql)) {
            for (String id : activityIds) {
                delete.setString(1, id);
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }

    /** Both statements take the 15 value columns first and the id last. */
    private static void writeActivities(Connection connection, String sql, List<LoggedActivity> activities)
            throws SQLException {
        if (activities.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (LoggedActivity a : activities) {
                statement.setLong(1, a.sequence());
                statement.setBoolean(2, a.deleted());
                statement.setLong(3, a.occurredAt().getEpochSecond());
                statement.setInt(4, a.occurredAt().getNano());
                statement.setString(5, a.actorId());
                statement.setString(6, a.kind());
                setNullableString(statement, 7, a.channel());
                setNullableString(statement, 8, a.direction());
                setNullableString(statement, 9, a.outcome());
                if (a.durationSeconds() == null) {
                    statement.setNull(10, Types.BIGINT);
                } else {
                    statement.setLong(10, a.durationSeconds());
                }
                setNullableString(statement, 11, a.dealId());
                setNullableString(statement, 12, a.stage());
                if (a.amount() == null) {
                    statement.setNull(13, Types.NUMERIC);
                } else {
                    // Round here rather than leave it to the database: H2 and PostgreSQL would both round half-up,
                    // but doing it once keeps the two stores byte-identical.
                    statement.setBigDecimal(13, a.amount().setScale(AMOUNT_SCALE, RoundingMode.HALF_UP));
                }
                setNullableString(statement, 14, a.currency());
                statement.setBoolean(15, a.automated());
                statement.setString(16, a.id());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static void writeCounterparts(Connection connection, List<ActivityEntry> changed) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_COUNTERPART)) {
            boolean any = false;
            for (ActivityEntry entry : changed) {
                List<LoggedCounterpart> counterparts = entry.activity().counterparts();
                for (int position = 0; position < counterparts.size(); position++) {
                    LoggedCounterpart c = counterparts.get(position);
                    insert.setString(1, entry.activity().id());
                    insert.setInt(2, position);
                    setNullableString(insert, 3, c.contactId());
                    setNullableString(insert, 4, c.accountId());
                    setNullableString(insert, 5, c.email());
                    setNullableString(insert, 6, c.phone());
                    insert.setBoolean(7, c.internal());
                    insert.addBatch();
                    any = true;
                }
            }
            if (any) {
                insert.executeBatch();
            }
        }
    }

    private static void writeContributions(Connection connection, List<ActivityEntry> changed,
                                           Map<AggregateKey, Long> deltas) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_CONTRIBUTION)) {
            boolean any = false;
            for (ActivityEntry entry : changed) {
                for (Contribution c : entry.contributions()) {
                    insert.setString(1, entry.activity().id());
                    insert.setString(2, c.managerId());
                    insert.setString(3, c.metric());
                    insert.setObject(4, c.day());
                    insert.setLong(5, c.value());
                    insert.addBatch();
                    deltas.merge(AggregateKey.of(c), c.value(), Long::sum);
                    any = true;
                }
            }
            if (any) {
                insert.executeBatch();
            }
        }
    }

    private void adjustAggregates(Connection connection, Map<AggregateKey, Long> deltas) throws SQLException {
        List<AggregateKey> shrunk = new ArrayList<>();
        try (PreparedStatement upsert = connection.prepareStatement(dialect.aggregateDeltaSql())) {
            boolean any = false;
            for (Map.Entry<AggregateKey, Long> delta : deltas.entrySet()) {
                if (delta.getValue() == 0) {
                    continue; // e.g. a correction that changed the outcome but not the counting
                }
                bindKey(upsert, delta.getKey());
                upsert.setLong(4, delta.getValue());
                upsert.addBatch();
                any = true;
                if (delta.getValue() < 0) {
                    shrunk.add(delta.getKey());
                }
            }
            if (any) {
                upsert.executeBatch();
            }
        }
        if (!shrunk.isEmpty()) {
            // An aggregate without contributions must not exist: totals() promises absent metrics, not zeros.
            try (PreparedStatement delete = connection.prepareStatement(DELETE_EMPTY_AGGREGATE)) {
                for (AggregateKey key : shrunk) {
                    bindKey(delete, key);
                    delete.addBatch();
                }
                delete.executeBatch();
            }
        }
    }

    private static Optional<LoggedActivity> readActivity(ResultSet rows) throws SQLException {
        if (!rows.next()) {
            return Optional.empty();
        }
        String id = rows.getString(1);
        long sequence = rows.getLong(2);
        boolean deleted = rows.getBoolean(3);
        Instant occurredAt = Instant.ofEpochSecond(rows.getLong(4), rows.getInt(5));
        String actorId = rows.getString(6);
        String kind = rows.getString(7);
        String channel = rows.getString(8);
        String direction = rows.getString(9);
        String outcome = rows.getString(10);
        long duration = rows.getLong(11);
        Long durationSeconds = rows.wasNull() ? null : duration;
        String dealId = rows.getString(12);
        String stage = rows.getString(13);
        BigDecimal amount = rows.getBigDecimal(14);
        String currency = rows.getString(15);
        boolean automated = rows.getBoolean(16);
        List<LoggedCounterpart> counterparts = new ArrayList<>();
        do {
            rows.getInt(17);
            if (!rows.wasNull()) {
                counterparts.add(new LoggedCounterpart(rows.getString(18), rows.getString(19), rows.getString(20),
                        rows.getString(21), rows.getBoolean(22)));
            }
        } while (rows.next());
        return Optional.of(new LoggedActivity(id, sequence, deleted, occurredAt, actorId, kind, channel, direction,
                outcome, durationSeconds, counterparts, dealId, stage, amount, currency, automated));
    }

    /**
     * Migrates the schema on first use, once. Not in the constructor: the OSGi component constructs the store in
     * its activation, which must stay quick and free of DDL; and not in a background thread, because then every
     * caller would need to wait for it anyway. The first caller (the engine's writer, normally) pays for it and
     * gets the error if it fails. A failure that only means the database could not be reached (or the connection
     * broke) is not remembered, so the next use tries again; any other failure (a bad script, an edited script, a newer schema) is remembered
     * and every later use throws a {@link StoreException} with the original cause, until the store is recreated.
     */
    private void ensureSchema() {
        if (schemaReady) {
            return;
        }
        synchronized (schemaMonitor) {
            if (schemaReady) {
                return;
            }
            if (schemaFailure != null) {
                throw new StoreException("The Pace store is unusable: its schema migration failed earlier: "
                        + schemaFailure.getMessage(), schemaFailure.getCause() != null ? schemaFailure.getCause()
                        : schemaFailure);
            }
            try {
                migrations.migrate();
                schemaReady = true;
            } catch (StoreException e) {
                if (!(e instanceof Migrations.DatabaseUnreachableException) && !lostConnection(e)) {
                    schemaFailure = e;
                }
                throw e;
            }
        }
    }

    /** True when the failure is the connection's (SQLState class 08), not the schema's: worth trying again. */
    private static boolean lostConnection(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    private <T> T read(String what, SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("Could not read " + what + " from the Pace store on " + dialect.displayName()
                    + ": " + sqlMessage(e), e);
        }
    }

    private static String applyFailure(List<ActivityEntry> entries, long historyCursor, String step, SQLException e) {
        StringBuilder message = new StringBuilder("Failed ");
        if (entries.isEmpty()) {
            message.append("moving the history cursor to ").append(historyCursor);
        } else {
            long min = entries.stream().mapToLong(entry -> entry.activity().sequence()).min().orElseThrow();
            long max = entries.stream().mapToLong(entry -> entry.activity().sequence()).max().orElseThrow();
            message.append("applying ").append(entries.size())
                    .append(entries.size() == 1 ? " activity change" : " activity changes")
                    .append(" (sequences ").append(min).append("..").append(max).append(')');
            if (historyCursor > 0) {
                message.append(" with history cursor ").append(historyCursor);
            }
        }
        return message.append(", while ").append(step).append("; nothing of the batch was stored: ")
                .append(sqlMessage(e)).toString();
    }

    /** The driver's message; for a batch, also the first underlying error when the driver keeps it apart. */
    private static String sqlMessage(SQLException e) {
        String message = String.valueOf(e.getMessage());
        SQLException next = e instanceof BatchUpdateException ? e.getNextException() : null;
        if (next != null && next.getMessage() != null && !message.contains(next.getMessage())) {
            message += " (" + next.getMessage() + ")";
        }
        return message;
    }

    private static void rollback(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static void bindKey(PreparedStatement statement, AggregateKey key) throws SQLException {
        statement.setString(1, key.managerId());
        statement.setString(2, key.metric());
        statement.setObject(3, key.day());
    }

    private static void setNullableString(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    private static void bindStrings(PreparedStatement statement, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            statement.setString(i + 1, values.get(i));
        }
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static List<List<String>> chunks(Collection<String> values) {
        List<String> all = List.copyOf(values);
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + IN_CHUNK)));
        }
        return chunks;
    }

    /** One row of pace_daily_aggregate; ordered so rows are always written in the same order. */
    private record AggregateKey(String managerId, String metric, LocalDate day) implements Comparable<AggregateKey> {
        private static final Comparator<AggregateKey> ORDER = Comparator.comparing(AggregateKey::managerId)
                .thenComparing(AggregateKey::metric).thenComparing(AggregateKey::day);

        static AggregateKey of(Contribution contribution) {
            return new AggregateKey(contribution.managerId(), contribution.metric(), contribution.day());
        }

        @Override
        public int compareTo(AggregateKey other) {
            return ORDER.compare(this, other);
        }
    }

    /** A piece of JDBC work on a connection. */
    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
