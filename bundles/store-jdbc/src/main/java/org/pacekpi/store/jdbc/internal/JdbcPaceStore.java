package org.pacekpi.store.jdbc.internal;

import java.math.BigDecimal;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.pacekpi.api.store.ActivityJudge;
import org.pacekpi.api.store.Contribution;
import org.pacekpi.api.store.CountedActivity;
import org.pacekpi.api.store.CountingState;
import org.pacekpi.api.store.DuplicateGroup;
import org.pacekpi.api.store.LoggedActivity;
import org.pacekpi.api.store.LoggedActivity.LoggedCounterpart;
import org.pacekpi.api.store.PaceStore;
import org.pacekpi.api.store.RecountOutcome;
import org.pacekpi.api.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PaceStore} on JDBC (H2 or PostgreSQL), plain Java so it can be tested without OSGi.
 *
 * <p>Tables: {@code pace_activity} (one row per activity id with its counterparts, its counting state and what it
 * contributes, packed by {@link PackedLists}; a deleted one stays as a tombstone), {@code pace_daily_aggregate} (per
 * manager, metric and local day; always the sum of the current contributions, and no row where that sum is zero),
 * {@code pace_monthly_aggregate} (the same per local month: always the sum of the month's daily rows, written in the
 * same transaction; totals read whole months from it) and {@code pace_cursor}. The schema is migrated on first use,
 * not on construction (see {@link #ensureSchema()}).
 *
 * <p>Writes are serialized: by a lock in this JVM, and across instances sharing the database by the cursor row,
 * which every write locks first. Reads that take several statements (the generation and the rows counted in it) run
 * in one repeatable-read snapshot, so they never see half of a write.
 *
 * <p>{@link #resetCounting()} does not rewrite the log: it starts a new counting generation (pace_cursor), and a row's
 * state and contribution columns count only while the row's {@code counted_generation} is the current one, so every
 * state is forgotten at once and each becomes current again when the engine writes the activity.
 *
 * <p>{@link #recountAll} recounts the whole log in one write transaction ({@link BulkRecount}): the log read through a
 * cursor, staging in temporary tables, the elections over the candidates sorted by contact, and only the states and
 * aggregates that change written, so that a rebuild under unchanged rules writes almost nothing.
 *
 * <p>What the store gives back beyond the {@link PaceStore} contract: amounts come back with scale 4 (rounded half-up
 * beyond that), so compare them with {@link BigDecimal#compareTo}; an activity not counted since the last reset has
 * a counting state of nulls (its {@link CountingState#localDay()} is null) and no contributions; contributions come back
 * ordered by manager, metric, day and value; ids are ordered as the database orders them ({@link #logPage}), which for
 * PostgreSQL depends on the column's collation.
 */
public final class JdbcPaceStore implements PaceStore {

    /** Activities written between two checks of the table statistics. */
    private static final long STATISTICS_CHECK_ROWS = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(JdbcPaceStore.class);

    private static final String ACTIVITY_COLUMNS = "sequence, deleted, occurred_at_epoch_s, occurred_at_nano,"
            + " actor_id, kind, channel, direction, outcome, duration_s, deal_id, stage, amount, currency, automated,"
            + " local_day, exclusion_reason, duplicate_key, contact_key, counted_generation, counterparts, contributions";
    /** Columns read for an activity, in the order {@link #readActivityColumns} expects: id first. */
    static final String SELECT_COLUMNS = "a.id, a." + ACTIVITY_COLUMNS.replace(", ", ", a.");
    /** A manager's excluded activities in a range of days, counted in the given generation. */
    private static final String EXCLUDED_WHERE = " WHERE a.actor_id = ? AND a.local_day BETWEEN ? AND ?"
            + " AND a.exclusion_reason IS NOT NULL AND a.deleted = FALSE AND a.counted_generation = %s";
    private static final String CURRENT_GENERATION = "(SELECT g.counting_generation FROM pace_cursor g"
            + " WHERE g.id = 1)";

    private static final Comparator<Contribution> CONTRIBUTION_ORDER = Comparator.comparing(Contribution::managerId)
            .thenComparing(Contribution::metric).thenComparing(Contribution::day)
            .thenComparingLong(Contribution::value);
    static final Comparator<CountedActivity> OLDEST_FIRST = Comparator
            .comparing((CountedActivity c) -> c.activity().occurredAt()).thenComparing(c -> c.activity().id());

    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final Migrations migrations;

    /** Activities written since the statistics were last checked. */
    private final AtomicLong writtenSinceStatisticsCheck = new AtomicLong();

    /** Serializes writers in this JVM; the cursor row lock does the same across instances sharing the database. */
    private final ReentrantLock writeLock = new ReentrantLock();

    /** See {@link #beforeRecountCommit(Runnable)}. */
    private volatile Runnable beforeRecountCommit = () -> { };

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

    // ------------------------------------------------------------------------------------------------ reads

    @Override
    public long appliedSequence() {
        ensureSchema();
        return read("the history cursor", connection -> readCursor(connection, false).appliedSequence());
    }

    @Override
    public Map<String, CountedActivity> activities(Collection<String> ids) {
        List<InList> chunks = InList.lookups(requireNoNulls(ids, "ids"), dialect);
        if (chunks.isEmpty()) {
            return Map.of();
        }
        ensureSchema();
        return readSnapshot(describeIds("activities", chunks), connection -> {
            long generation = readCursor(connection, false).countingGeneration();
            Map<String, Row> rows = new LinkedHashMap<>();
            for (InList chunk : chunks) {
                try (PreparedStatement query = connection.prepareStatement("SELECT " + SELECT_COLUMNS
                        + " FROM pace_activity a WHERE " + chunk.condition("a.id"))) {
                    chunk.bind(query, 1);
                    readRows(query, rows);
                }
            }
            Map<String, CountedActivity> result = new HashMap<>();
            rows.forEach((id, row) -> result.put(id, row.counted(generation)));
            return Collections.unmodifiableMap(result);
        });
    }

    @Override
    public List<CountedActivity> earliestCandidates(Collection<String> contactKeys,
                                                    Collection<DuplicateGroup> duplicateGroups, int perGroup) {
        Set<String> contacts = new LinkedHashSet<>(requireNoNulls(contactKeys, "contactKeys"));
        List<DuplicateGroup> groups = List.copyOf(requireNoNulls(duplicateGroups, "duplicateGroups"));
        if (perGroup < 1) {
            throw new IllegalArgumentException("perGroup must be at least 1, was " + perGroup);
        }
        if (contacts.isEmpty() && groups.isEmpty()) {
            return List.of();
        }
        ensureSchema();
        String what = "the earliest members of " + contacts.size() + " contact and " + groups.size()
                + " duplicate groups";
        return readSnapshot(what, connection -> {
            long generation = readCursor(connection, false).countingGeneration();
            Map<String, Row> rows = new LinkedHashMap<>();
            dialect.earliestCandidates(connection, "SELECT " + SELECT_COLUMNS, contacts, groups, perGroup,
                    generation, result -> {
                        Row row = readActivityColumns(result);
                        rows.putIfAbsent(row.id, row);
                    });
            return rows.values().stream().map(row -> row.counted(generation)).sorted(OLDEST_FIRST).toList();
        });
    }

    /**
     * {@inheritDoc} Whole months inside the range are read from the monthly sums, the days at its edges from the
     * daily ones, in one statement. A metric whose contributions add up to zero over the range is absent, like one
     * without any.
     */
    @Override
    public Map<String, Long> totals(String managerId, LocalDate from, LocalDate to) {
        Objects.requireNonNull(managerId, "managerId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        ensureSchema();
        List<RangeParts.Part> parts = RangeParts.of(from, to);
        if (parts.isEmpty()) {
            return Map.of();
        }
        return read("the totals of manager " + managerId + " from " + from + " to " + to, connection -> {
            try (PreparedStatement query = connection.prepareStatement(totalsQuery(parts, "manager_id = ?", false))) {
                return managerTotals(query, managerId, parts);
            }
        });
    }

    /**
     * The sums per metric (with {@code perManager}, per manager and metric) over the parts of a range, in one
     * statement: a UNION ALL of one GROUP BY per part, each bounded by the manager condition and the part's days; the
     * caller adds the parts' sums up. Its parameters, per part: the manager condition's, then the part's first and
     * last day.
     *
     * <p>A UNION ALL at the top, not one GROUP BY over a derived table of the parts: H2 takes its snapshots of the
     * tables inside a derived table one at a time, so such a statement may read the daily rows before a write and the
     * monthly rows after it (see PaceStoreContract.totalsNeverSeeHalfAWriteAcrossTheDailyAndMonthlySums).
     */
    private static String totalsQuery(List<RangeParts.Part> parts, String managerCondition, boolean perManager) {
        String keys = perManager ? "manager_id, metric" : "metric";
        return parts.stream().map(part -> "SELECT " + keys + ", SUM(metric_value) FROM " + part.table().table()
                + " WHERE " + managerCondition + " AND " + part.table().dayColumn() + " BETWEEN ? AND ? GROUP BY "
                + keys).collect(Collectors.joining(" UNION ALL "));
    }

    /** The totals as the store gives them: metrics whose sums add up to zero left out, like metrics without any. */
    private static Map<String, Long> withoutZeros(Map<String, Long> totals) {
        totals.values().removeIf(total -> total == 0);
        return Collections.unmodifiableMap(totals);
    }

    private static Map<String, Long> managerTotals(PreparedStatement query, String managerId,
                                                   List<RangeParts.Part> parts) throws SQLException {
        int next = 1;
        for (RangeParts.Part part : parts) {
            query.setString(next++, managerId);
            query.setObject(next++, part.first());
            query.setObject(next++, part.last());
        }
        Map<String, Long> totals = new TreeMap<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                totals.merge(rows.getString(1), rows.getLong(2), Long::sum);
            }
        }
        return withoutZeros(totals);
    }

    /** {@inheritDoc} Every manager asked for has an entry, empty when nothing counted for them. */
    @Override
    public Map<String, Map<String, Long>> totals(Collection<String> managerIds, LocalDate from, LocalDate to) {
        requireNoNulls(managerIds, "managerIds");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        List<String> managers = List.copyOf(new LinkedHashSet<>(managerIds));
        if (managers.isEmpty()) {
            return Map.of();
        }
        ensureSchema();
        List<RangeParts.Part> parts = RangeParts.of(from, to);
        if (parts.isEmpty()) {
            Map<String, Map<String, Long>> none = new LinkedHashMap<>();
            managers.forEach(manager -> none.put(manager, Map.of()));
            return Collections.unmodifiableMap(none);
        }
        String what = "the totals of " + managers.size() + " managers from " + from + " to " + to;
        if (dialect == SqlDialect.H2) {
            // H2 bounds an index scan by an IN list on the first column only, and would read every day or month of
            // every manager: one lookup per manager, bounded by both columns, is far quicker (and cheap when embedded).
            return readSnapshot(what, connection -> {
                Map<String, Map<String, Long>> totals = new LinkedHashMap<>();
                try (PreparedStatement query = connection.prepareStatement(totalsQuery(parts, "manager_id = ?",
                        false))) {
                    for (String manager : managers) {
                        totals.put(manager, managerTotals(query, manager, parts));
                    }
                }
                return Collections.unmodifiableMap(totals);
            });
        }
        List<InList> lookups = InList.lookups(managers, dialect);
        SqlWork<Map<String, Map<String, Long>>> work = connection -> {
            Map<String, Map<String, Long>> totals = new LinkedHashMap<>();
            for (InList lookup : lookups) {
                lookup.values().forEach(manager -> totals.put(manager, new TreeMap<>()));
                try (PreparedStatement query = connection.prepareStatement(totalsQuery(parts,
                        lookup.condition("manager_id"), true))) {
                    int next = 1;
                    for (RangeParts.Part part : parts) {
                        next = lookup.bind(query, next);
                        query.setObject(next++, part.first());
                        query.setObject(next++, part.last());
                    }
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            totals.get(rows.getString(1)).merge(rows.getString(2), rows.getLong(3), Long::sum);
                        }
                    }
                }
            }
            totals.replaceAll((manager, metrics) -> withoutZeros(metrics));
            return Collections.unmodifiableMap(totals);
        };
        // One statement reads one consistent state by itself; only several need a snapshot around them.
        return lookups.size() == 1 ? read(what, work) : readSnapshot(what, work);
    }

    @Override
    public Map<String, Long> exclusionCounts(String managerId, LocalDate from, LocalDate to) {
        Objects.requireNonNull(managerId, "managerId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        ensureSchema();
        return read("the exclusion counts of manager " + managerId + " from " + from + " to " + to, connection -> {
            Map<String, Long> counts = new TreeMap<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT a.exclusion_reason, COUNT(*)"
                    + " FROM pace_activity a" + String.format(EXCLUDED_WHERE, CURRENT_GENERATION)
                    + " GROUP BY a.exclusion_reason")) {
                query.setString(1, managerId);
                query.setObject(2, from);
                query.setObject(3, to);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        counts.put(rows.getString(1), rows.getLong(2));
                    }
                }
            }
            return Collections.unmodifiableMap(counts);
        });
    }

    /** {@inheritDoc} Deleted activities are not listed; of activities at the same instant the greater id first. */
    @Override
    public List<CountedActivity> excluded(String managerId, LocalDate from, LocalDate to, int limit) {
        Objects.requireNonNull(managerId, "managerId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, was " + limit);
        }
        if (limit == 0) {
            return List.of();
        }
        ensureSchema();
        return readSnapshot("the excluded activities of manager " + managerId + " from " + from + " to " + to,
                connection -> {
                    long generation = readCursor(connection, false).countingGeneration();
                    Map<String, Row> rows = new LinkedHashMap<>();
                    try (PreparedStatement query = connection.prepareStatement("SELECT " + SELECT_COLUMNS
                            + " FROM pace_activity a" + String.format(EXCLUDED_WHERE, "?")
                            + " ORDER BY a.occurred_at_epoch_s DESC, a.occurred_at_nano DESC, a.id DESC LIMIT ?")) {
                        query.setString(1, managerId);
                        query.setObject(2, from);
                        query.setObject(3, to);
                        query.setLong(4, generation);
                        query.setInt(5, limit);
                        readRows(query, rows);
                    }
                    return rows.values().stream().map(row -> row.counted(generation)).toList();
                });
    }

    @Override
    public List<LoggedActivity> logPage(String afterId, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, was " + limit);
        }
        if (limit == 0) {
            return List.of();
        }
        ensureSchema();
        String page = "SELECT " + SELECT_COLUMNS + " FROM pace_activity a" + (afterId == null ? "" : " WHERE a.id > ?")
                + " ORDER BY a.id LIMIT ?";
        return read("a page of the activity log after " + (afterId == null ? "the start" : "id " + afterId),
                connection -> {
                    try (PreparedStatement query = connection.prepareStatement(page)) {
                        int next = 1;
                        if (afterId != null) {
                            query.setString(next++, afterId);
                        }
                        query.setInt(next, limit);
                        return readLogged(query);
                    }
                });
    }

    @Override
    public Optional<LoggedActivity> activity(String activityId) {
        Objects.requireNonNull(activityId, "activityId");
        ensureSchema();
        return read("activity " + activityId, connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT " + SELECT_COLUMNS
                    + " FROM pace_activity a WHERE a.id = ?")) {
                query.setString(1, activityId);
                return readLogged(query).stream().findFirst();
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

    // ------------------------------------------------------------------------------------------------ writes

    @Override
    public void write(List<CountedActivity> activities, long historyCursor) {
        Objects.requireNonNull(activities, "activities");
        if (historyCursor < 0) {
            throw new IllegalArgumentException(
                    "historyCursor must be 0 (live events) or a history sequence number, was " + historyCursor);
        }
        // In id order: rows are then always written in the same order.
        SortedMap<String, CountedActivity> byId = new TreeMap<>();
        for (CountedActivity activity : activities) {
            Objects.requireNonNull(activity, "activities must not contain null");
            if (byId.put(activity.activity().id(), activity) != null) {
                throw new IllegalArgumentException("activity " + activity.activity().id()
                        + " appears more than once in one write; each id at most once");
            }
        }
        ensureSchema();
        inWriteTransaction((connection, step) -> writeLocked(connection, step, byId, historyCursor),
                step -> writeFailure(byId, historyCursor, step));
        if (writtenSinceStatisticsCheck.addAndGet(byId.size()) >= STATISTICS_CHECK_ROWS) {
            writtenSinceStatisticsCheck.set(0);
            refreshStatistics();
        }
    }

    /**
     * Lets the database refresh the statistics of tables that grew or changed a lot (see
     * {@link SqlDialect#analyzeStaleTables}). After a committed write, so it never fails one: a database that
     * refuses is only slower, which the warning says.
     */
    private void refreshStatistics() {
        try (Connection connection = dataSource.getConnection()) {
            List<String> analyzed = dialect.analyzeStaleTables(connection);
            if (!analyzed.isEmpty()) {
                LOG.debug("Refreshed the {} statistics of {}", dialect.displayName(), analyzed);
            }
        } catch (SQLException e) {
            LOG.warn("Could not refresh the {} planner statistics of the Pace store tables ({}); lookups may get"
                    + " slower as the tables grow unless autovacuum analyzes them", dialect.displayName(),
                    sqlMessage(e), e);
        }
    }

    private void writeLocked(Connection connection, String[] step, SortedMap<String, CountedActivity> byId,
                             long historyCursor) throws SQLException {
        step[0] = "locking the history cursor";
        CursorRow cursor = readCursor(connection, true);

        if (!byId.isEmpty()) {
            step[0] = "reading the stored contributions";
            Map<String, List<Contribution>> stored = currentContributions(connection, byId.keySet(),
                    cursor.countingGeneration());

            SortedMap<AggregateKey, Long> deltas = new TreeMap<>();
            for (CountedActivity activity : byId.values()) {
                List<Contribution> old = stored.getOrDefault(activity.activity().id(), List.of());
                old.forEach(c -> deltas.merge(AggregateKey.of(c), -c.value(), Long::sum));
                activity.state().contributions().forEach(c -> deltas.merge(AggregateKey.of(c), c.value(),
                        Long::sum));
            }

            step[0] = "writing activity rows";
            dialect.upsertActivities(connection, byId.values(), cursor.countingGeneration());
            step[0] = "adjusting the daily aggregates";
            deltas.values().removeIf(delta -> delta == 0); // e.g. a group member recounted to the same result
            if (!deltas.isEmpty()) {
                dialect.addToAggregates(connection, AggregateTable.DAILY, deltas);
                // The monthly rows follow the daily ones, in the same transaction and the same key order.
                SortedMap<AggregateKey, Long> monthDeltas = new TreeMap<>();
                deltas.forEach((key, delta) -> monthDeltas.merge(key.month(), delta, Long::sum));
                monthDeltas.values().removeIf(delta -> delta == 0); // moved within a month
                if (!monthDeltas.isEmpty()) {
                    step[0] = "adjusting the monthly aggregates";
                    dialect.addToAggregates(connection, AggregateTable.MONTHLY, monthDeltas);
                }
            }
        }

        if (historyCursor > cursor.appliedSequence()) {
            step[0] = "moving the history cursor";
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE pace_cursor SET applied_sequence = ? WHERE id = 1")) {
                update.setLong(1, historyCursor);
                update.executeUpdate();
            }
        }
    }

    @Override
    public void resetCounting() {
        ensureSchema();
        inWriteTransaction((connection, step) -> {
            step[0] = "locking the history cursor";
            readCursor(connection, true);
            try (Statement statement = connection.createStatement()) {
                // Rather than rewriting every activity row (minutes for millions), a new generation makes every
                // stored state stale at once; see V2__counting_state.sql.
                step[0] = "starting a new counting generation";
                statement.executeUpdate("UPDATE pace_cursor SET counting_generation = counting_generation + 1"
                        + " WHERE id = 1");
                // Last, because on PostgreSQL it locks out readers of the aggregates until the commit.
                step[0] = "deleting the aggregates";
                dialect.clearCounting(statement);
            }
        }, step -> "Failed resetting the counting state, while " + step + "; nothing was changed");
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here in one transaction of the writer, the cursor row locked throughout (see {@link BulkRecount}); the
     * counting generation stays, and only the rows whose state changes are written. A failure says which step failed.
     */
    @Override
    public RecountOutcome recountAll(ActivityJudge judge, int batchSize) {
        Objects.requireNonNull(judge, "judge");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
        ensureSchema();
        RecountOutcome[] outcome = new RecountOutcome[1];
        List<StagingTable> stagingTables = BulkRecount.stagingTables();
        writeLock.lock(); // for the staging tables too: a recount's before and after its transaction
        try {
            try {
                dialect.prepareStagingTables(dataSource, stagingTables);
            } catch (SQLException e) {
                throw new StoreException("Failed recounting the activity log, while preparing its staging tables;"
                        + " the previous counting is unchanged: " + sqlMessage(e), e);
            }
            try {
                inWriteTransaction((connection, step) -> {
                    step[0] = "locking the history cursor";
                    CursorRow cursor = readCursor(connection, true);
                    outcome[0] = new BulkRecount(connection, dialect, judge, batchSize,
                            cursor.countingGeneration()).run(step);
                    step[0] = "finishing";
                    beforeRecountCommit.run();
                }, step -> "Failed recounting the activity log, while " + step
                        + "; the previous counting is unchanged");
            } finally {
                try {
                    dialect.dropStagingTables(dataSource, stagingTables);
                } catch (SQLException e) {
                    // The recount itself is over; the next one drops them before it starts.
                    LOG.warn("Could not drop the staging tables of a recount ({}); the next recount drops them",
                            sqlMessage(e), e);
                }
            }
        } finally {
            writeLock.unlock();
        }
        if (outcome[0].changedStates() > 0) {
            refreshStatistics();
        }
        return outcome[0];
    }

    /**
     * For tests: runs at the end of every recount, in its transaction, before the commit, on the recounting thread.
     * An exception it throws fails the recount.
     */
    void beforeRecountCommit(Runnable hook) {
        beforeRecountCommit = Objects.requireNonNull(hook, "hook");
    }

    /**
     * Runs a write in one transaction under the JVM's write lock (the work takes the cursor row lock first); rolls
     * back and throws a {@link StoreException} that says what was being done when it fails.
     *
     * @param failure what failed, from the step that was running
     */
    private void inWriteTransaction(WriteWork work, Function<String, String> failure) {
        String[] step = {"getting a connection"};
        writeLock.lock();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                work.run(connection, step);
                step[0] = "committing";
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(failure.apply(step[0]) + ": " + sqlMessage(e), e);
        } finally {
            writeLock.unlock();
        }
    }

    private static CursorRow readCursor(Connection connection, boolean forUpdate) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT applied_sequence, counting_generation FROM pace_cursor"
                     + " WHERE id = 1" + (forUpdate ? " FOR UPDATE" : ""))) {
            if (!rows.next()) {
                throw new SQLException("pace_cursor has no row: the store's schema is damaged (its V1 migration"
                        + " inserts the row)");
            }
            return new CursorRow(rows.getLong(1), rows.getLong(2));
        }
    }

    /**
     * The single row of pace_cursor.
     *
     * @param appliedSequence    the history cursor
     * @param countingGeneration the generation of counting states that are current (see resetCounting)
     */
    private record CursorRow(long appliedSequence, long countingGeneration) {
    }

    /**
     * What the stored activities among {@code ids} contribute now: the contributions of those counted in the current
     * generation (an activity not counted since the last reset contributes nothing: the reset emptied the aggregates).
     */
    private Map<String, List<Contribution>> currentContributions(Connection connection, Collection<String> ids,
                                                                 long generation) throws SQLException {
        Map<String, List<Contribution>> stored = new HashMap<>();
        for (InList chunk : InList.lookups(ids, dialect)) {
            try (PreparedStatement query = connection.prepareStatement("SELECT id, contributions FROM pace_activity"
                    + " WHERE " + chunk.condition("id") + " AND counted_generation = ?")) {
                int next = chunk.bind(query, 1);
                query.setLong(next, generation);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        String id = rows.getString(1);
                        stored.put(id, PackedLists.unpackContributions(rows.getString(2), id));
                    }
                }
            }
        }
        return stored;
    }

    // ------------------------------------------------------------------------------------------------ row mapping

    /** Reads activity rows (the {@link #SELECT_COLUMNS}) into {@code rows}, keeping the first of a repeated id. */
    private static void readRows(PreparedStatement query, Map<String, Row> rows) throws SQLException {
        try (ResultSet result = query.executeQuery()) {
            while (result.next()) {
                Row row = readActivityColumns(result);
                rows.putIfAbsent(row.id, row);
            }
        }
    }

    /** Activities (the {@link #SELECT_COLUMNS}) as logged. */
    private static List<LoggedActivity> readLogged(PreparedStatement query) throws SQLException {
        List<LoggedActivity> activities = new ArrayList<>();
        try (ResultSet result = query.executeQuery()) {
            while (result.next()) {
                activities.add(readActivityColumns(result).logged());
            }
        }
        return activities;
    }

    static Row readActivityColumns(ResultSet rows) throws SQLException {
        return readActivityColumns(rows, true);
    }

    /**
     * @param strictContributions false to read a row whose packed contributions are damaged with no contributions
     *                            ({@link Row#contributions} null) instead of failing: a recount replaces them anyway
     */
    static Row readActivityColumns(ResultSet rows, boolean strictContributions) throws SQLException {
        Row row = new Row();
        row.id = rows.getString(1);
        row.sequence = rows.getLong(2);
        row.deleted = rows.getBoolean(3);
        row.occurredAt = Instant.ofEpochSecond(rows.getLong(4), rows.getInt(5));
        row.actorId = rows.getString(6);
        row.kind = rows.getString(7);
        row.channel = rows.getString(8);
        row.direction = rows.getString(9);
        row.outcome = rows.getString(10);
        long duration = rows.getLong(11);
        row.durationSeconds = rows.wasNull() ? null : duration;
        row.dealId = rows.getString(12);
        row.stage = rows.getString(13);
        row.amount = rows.getBigDecimal(14);
        row.currency = rows.getString(15);
        row.automated = rows.getBoolean(16);
        row.localDay = rows.getObject(17, LocalDate.class);
        row.exclusionReason = rows.getString(18);
        row.duplicateKey = rows.getString(19);
        row.contactKey = rows.getString(20);
        long generation = rows.getLong(21);
        row.countedGeneration = rows.wasNull() ? null : generation;
        row.counterparts = PackedLists.unpackCounterparts(rows.getString(22), row.id);
        try {
            row.contributions = PackedLists.unpackContributions(rows.getString(23), row.id);
        } catch (StoreException e) {
            if (strictContributions) {
                throw e;
            }
            LOG.warn("Recounting activity {} whose stored contributions cannot be read: {}", row.id, e.getMessage());
        }
        return row;
    }

    /** An activity row being read, before its counterparts and contributions are complete. */
    static final class Row {
        String id;
        long sequence;
        boolean deleted;
        Instant occurredAt;
        String actorId;
        String kind;
        String channel;
        String direction;
        String outcome;
        Long durationSeconds;
        String dealId;
        String stage;
        BigDecimal amount;
        String currency;
        boolean automated;
        LocalDate localDay;
        String exclusionReason;
        String duplicateKey;
        String contactKey;
        /** The generation the state columns were written in; null for a row never counted since schema V2. */
        Long countedGeneration;
        List<LoggedCounterpart> counterparts;
        List<Contribution> contributions;

        /**
         * The stored state if it is counted in {@code currentGeneration} and its contributions could be read, as
         * stored (a deleted activity's too); otherwise null.
         */
        CountingState storedState(long currentGeneration) {
            if (countedGeneration == null || countedGeneration != currentGeneration || contributions == null) {
                return null;
            }
            return new CountingState(localDay, exclusionReason, duplicateKey, contactKey, contributions);
        }

        LoggedActivity logged() {
            return new LoggedActivity(id, sequence, deleted, occurredAt, actorId, kind, channel, direction, outcome,
                    durationSeconds, counterparts, dealId, stage, amount, currency, automated);
        }

        /** The activity with its state, which is no state unless it was counted in the current generation. */
        CountedActivity counted(long currentGeneration) {
            if (countedGeneration == null || countedGeneration != currentGeneration) {
                // Counted before the last reset: its state and contributions are forgotten (no longer aggregated).
                return new CountedActivity(logged(), new CountingState(null, null, null, null, List.of()));
            }
            if (deleted && !contributions.isEmpty()) {
                // write() never stores this (CountedActivity forbids it); only a damaged database holds it.
                throw new StoreException("Activity " + id + " is deleted but still has " + contributions.size()
                        + " contributions: the Pace store is inconsistent; run a rebuild");
            }
            contributions.sort(CONTRIBUTION_ORDER);
            return new CountedActivity(logged(), new CountingState(localDay, exclusionReason, duplicateKey,
                    contactKey, contributions));
        }
    }

    // ------------------------------------------------------------------------------------------------ plumbing

    /**
     * Migrates the schema on first use, once. Not in the constructor: the OSGi component constructs the store in
     * its activation, which must stay quick and free of DDL; and not in a background thread, because then every
     * caller would need to wait for it anyway. The first caller (the engine's writer, normally) pays for it and
     * gets the error if it fails. A failure that only means the database could not be reached, the connection broke
     * or a lock could not be had in time (another bundle, such as the sandbox CRM sharing the embedded H2 database,
     * holding a long transaction) is not remembered, so the next use tries again; any other failure (a bad script, an edited script, a
     * newer schema) is remembered and every later use throws a {@link StoreException} with the original cause, until
     * the store is recreated.
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
                if (!(e instanceof Migrations.DatabaseUnreachableException) && !worthRetrying(e)) {
                    schemaFailure = e;
                }
                throw e;
            }
        }
    }

    /**
     * True when the failure is the connection's (SQLState class 08) or a transient one such as a lock timeout, not the
     * schema's: worth trying again.
     */
    private static boolean worthRetrying(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /** One statement's worth of reading, in auto-commit: a statement reads one consistent state by itself. */
    private <T> T read(String what, SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException(readFailure(what, e), e);
        }
    }

    /** Several statements reading one snapshot, in a read-only repeatable-read transaction. */
    private <T> T readSnapshot(String what, SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                dialect.beginSnapshot(connection);
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(readFailure(what, e), e);
        }
    }

    private String readFailure(String what, SQLException e) {
        return "Could not read " + what + " from the Pace store on " + dialect.displayName() + ": " + sqlMessage(e);
    }

    private static String writeFailure(SortedMap<String, CountedActivity> byId, long historyCursor, String step) {
        StringBuilder message = new StringBuilder("Failed ");
        if (byId.isEmpty()) {
            message.append("moving the history cursor to ").append(historyCursor);
        } else {
            message.append("writing ").append(byId.size()).append(byId.size() == 1 ? " activity (" : " activities (")
                    .append(byId.keySet().stream().limit(5).collect(Collectors.joining(", ")))
                    .append(byId.size() > 5 ? ", ..." : "").append(')');
            if (historyCursor > 0) {
                message.append(" with history cursor ").append(historyCursor);
            }
        }
        return message.append(", while ").append(step).append("; nothing of the write was stored").toString();
    }

    private static String describeIds(String what, List<InList> chunks) {
        int count = chunks.stream().mapToInt(chunk -> chunk.values().size()).sum();
        return count == 1 ? what + " " + chunks.get(0).values().get(0) : count + " " + what;
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

    private static <T> Collection<T> requireNoNulls(Collection<T> values, String name) {
        Objects.requireNonNull(values, name);
        for (T value : values) {
            Objects.requireNonNull(value, () -> name + " must not contain null");
        }
        return values;
    }

    /** A piece of JDBC work on a connection. */
    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** The body of a write transaction; it keeps {@code step[0]} up to date for the failure message. */
    @FunctionalInterface
    private interface WriteWork {
        void run(Connection connection, String[] step) throws SQLException;
    }
}
