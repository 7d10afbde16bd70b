package org.pacekpi.store.jdbc.internal;

import java.math.BigDecimal;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.pacekpi.api.store.ActivityJudge;
import org.pacekpi.api.store.Contribution;
import org.pacekpi.api.store.CountedActivity;
import org.pacekpi.api.store.CountingState;
import org.pacekpi.api.store.DealEvent;
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
 * {@code pace_weekly_aggregate} and {@code pace_monthly_aggregate} (the same per local ISO week and per local month:
 * always the sums of their daily rows, written in the same transaction; totals read whole months and whole weeks from
 * them), {@code pace_deal_event} (the log's deal events, a projection that every write keeps in step in the same
 * transaction, independent of the counting: {@link #dealHistories} reads it instead of the log) and
 * {@code pace_cursor}. The schema is migrated on first use, not on construction (see {@link StoreSchema}).
 *
 * <p>Writes are serialized: by a lock in this JVM, and across instances sharing the database by the cursor row,
 * which every write locks first. A {@link #write} does not wait for its commit to reach the disk
 * ({@link SqlDialect#beginReplayableWrite}): a database crash may lose the last batches, each with the history cursor
 * it moved, and the next catch-up re-applies them from the host's history. Reads that take several statements (the generation and the rows counted in it) run
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
    private final StoreSchema schema;

    /** Activities written since the statistics were last checked. */
    private final AtomicLong writtenSinceStatisticsCheck = new AtomicLong();

    /** Serializes writers in this JVM; the cursor row lock does the same across instances sharing the database. */
    private final ReentrantLock writeLock = new ReentrantLock();

    /** See {@link #beforeRecountCommit(Runnable)}. */
    private volatile Runnable beforeRecountCommit = () -> { };

    /**
     * A store on a data source (ideally a pool). Cheap: it does not connect until first used.
     *
     * @param dialect the database behind the data source, e.g. {@link SqlDialect#fromUrl}
     */
    public JdbcPaceStore(DataSource dataSource, SqlDialect dialect) {
        this(dataSource, dialect, Migrations.standard(dataSource, dialect));
    }

    JdbcPaceStore(DataSource dataSource, SqlDialect dialect, Migrations migrations) {
        this(dataSource, dialect, new StoreSchema(migrations));
    }

    /**
     * A store whose schema is migrated through {@code schema}, which other stores on the same database (a
     * {@link JdbcTargetStore}) may share, so that the first use of either migrates the schema once.
     */
    JdbcPaceStore(DataSource dataSource, SqlDialect dialect, StoreSchema schema) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.schema = Objects.requireNonNull(schema, "schema");
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
     * {@inheritDoc} Whole months inside the range are read from the monthly sums, whole weeks outside them from the
     * weekly ones, and the days left at the edges from the daily ones, in one statement ({@link RangeParts}). A metric
     * whose contributions add up to zero over the range is absent, like one without any.
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
     * monthly rows after it (see PaceStoreContract.totalsNeverSeeHalfAWriteAcrossTheTablesOfSums).
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

    /**
     * {@inheritDoc} Read from pace_deal_event, the log's projection of deal events (schema V5), in one snapshot: first
     * the deals of the managers' events in the range (through the index by manager and time), then those deals'
     * events (through the index by deal). Deal and activity ids are ordered as {@link String#compareTo} orders them (on
     * PostgreSQL the columns' "C" collation). Amounts come back with scale 4, like the log's.
     */
    @Override
    public List<DealEvent> dealHistories(Collection<String> managerIds, Instant from, Instant to) {
        List<String> managers = List.copyOf(new LinkedHashSet<>(requireNoNulls(managerIds, "managerIds")));
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (managers.isEmpty() || !from.isBefore(to)) {
            return List.of();
        }
        ensureSchema();
        String what = "the deal histories of " + (managers.size() == 1 ? "manager " + managers.get(0)
                : managers.size() + " managers") + " from " + from + " to " + to;
        return readSnapshot(what, connection -> {
            SortedSet<String> deals = new TreeSet<>();
            // [from, to) on (seconds, nanoseconds); the seconds alone bound the index range. Parameters after the
            // managers': see bindRange.
            String inRange = " AND m.occurred_at_epoch_s BETWEEN ? AND ?"
                    + " AND (m.occurred_at_epoch_s > ? OR m.occurred_at_nano >= ?)"
                    + " AND (m.occurred_at_epoch_s < ? OR m.occurred_at_nano < ?)";
            String dealsOf = "SELECT DISTINCT m.deal_id FROM pace_deal_event m WHERE ";
            if (dialect == SqlDialect.H2) {
                // H2 bounds an index scan by an IN list on its first column only (see totals): one lookup per manager.
                try (PreparedStatement query = connection.prepareStatement(dealsOf + "m.manager_id = ?" + inRange)) {
                    for (String manager : managers) {
                        query.setString(1, manager);
                        bindRange(query, 2, from, to);
                        readStrings(query, deals);
                    }
                }
            } else {
                for (InList lookup : InList.lookups(managers, dialect)) {
                    try (PreparedStatement query = connection.prepareStatement(dealsOf
                            + lookup.condition("m.manager_id") + inRange)) {
                        bindRange(query, lookup.bind(query, 1), from, to);
                        readStrings(query, deals);
                    }
                }
            }
            // The chunks follow the deals' order and each comes ordered, so together they are in order.
            List<DealEvent> events = new ArrayList<>();
            for (InList chunk : InList.lookups(deals, dialect)) {
                try (PreparedStatement query = connection.prepareStatement("SELECT e."
                        + DealEvents.NAMES.replace(", ", ", e.") + " FROM pace_deal_event e WHERE "
                        + chunk.condition("e.deal_id") + DealEvents.HISTORY_ORDER)) {
                    chunk.bind(query, 1);
                    events.addAll(DealEvents.read(query));
                }
            }
            return Collections.unmodifiableList(events);
        });
    }

    /** Binds the parameters of dealHistories' time range from parameter {@code first} on. */
    private static void bindRange(PreparedStatement query, int first, Instant from, Instant to) throws SQLException {
        int next = first;
        query.setLong(next++, from.getEpochSecond());
        query.setLong(next++, to.getEpochSecond());
        query.setLong(next++, from.getEpochSecond());
        query.setInt(next++, from.getNano());
        query.setLong(next++, to.getEpochSecond());
        query.setInt(next, to.getNano());
    }

    /** Adds the first column of every row of the query's result. */
    private static void readStrings(PreparedStatement query, Collection<String> into) throws SQLException {
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                into.add(rows.getString(1));
            }
        }
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
        inWriteTransaction((connection, step) -> {
            // A batch is replayed from the host's history after a database crash (see beginReplayableWrite): the
            // writer need not wait for each commit to reach the disk, at a few milliseconds a batch.
            step[0] = "starting the write";
            dialect.beginReplayableWrite(connection);
            writeLocked(connection, step, byId, historyCursor);
        }, step -> writeFailure(byId, historyCursor, step));
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
            StoredRows storedRows = storedRows(connection, byId.keySet(), cursor.countingGeneration());
            Map<String, List<Contribution>> stored = storedRows.contributions();

            // Added up by hash and sorted once per table below: a batch adds several contributions to most keys.
            Map<AggregateKey, Long> deltas = new HashMap<>();
            for (CountedActivity activity : byId.values()) {
                List<Contribution> old = stored.getOrDefault(activity.activity().id(), List.of());
                old.forEach(c -> deltas.merge(AggregateKey.of(c), -c.value(), Long::sum));
                activity.state().contributions().forEach(c -> deltas.merge(AggregateKey.of(c), c.value(),
                        Long::sum));
            }

            step[0] = "writing activity rows";
            dialect.upsertActivities(connection, byId.values(), cursor.countingGeneration(),
                    storedRows.stored()::contains);
            writeDealEvents(connection, step, byId, storedRows.mayBeProjected());
            deltas.values().removeIf(delta -> delta == 0); // e.g. a group member recounted to the same result
            if (!deltas.isEmpty()) {
                // The weekly and monthly rows follow the daily ones, in the same transaction and the same key order.
                for (AggregateTable table : AggregateTable.values()) {
                    Map<AggregateKey, Long> tableDeltas = deltas;
                    if (table != AggregateTable.DAILY) {
                        tableDeltas = new HashMap<>();
                        for (Map.Entry<AggregateKey, Long> delta : deltas.entrySet()) {
                            tableDeltas.merge(delta.getKey().in(table), delta.getValue(), Long::sum);
                        }
                        tableDeltas.values().removeIf(delta -> delta == 0); // moved within a week or a month
                    }
                    if (!tableDeltas.isEmpty()) {
                        step[0] = "adjusting " + table.table();
                        dialect.addToAggregates(connection, table, new TreeMap<>(tableDeltas));
                    }
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
     * What a write needs to know of the stored rows of its activities.
     *
     * @param contributions  what the stored activities contribute now: the contributions of those counted in the
     *                       current generation (an activity not counted since the last reset contributes nothing: the
     *                       reset emptied the aggregates)
     * @param mayBeProjected the ids of stored activities of a deal kind, which may have a pace_deal_event row
     * @param stored         the ids that have a row
     */
    private record StoredRows(Map<String, List<Contribution>> contributions, Set<String> mayBeProjected,
                              Set<String> stored) {
    }

    /** Reads the {@link StoredRows} of the stored activities among {@code ids}, by primary key. */
    private StoredRows storedRows(Connection connection, Collection<String> ids, long generation)
            throws SQLException {
        Map<String, List<Contribution>> stored = new HashMap<>();
        Set<String> mayBeProjected = new HashSet<>();
        Set<String> storedIds = new HashSet<>();
        for (InList chunk : InList.lookups(ids, dialect)) {
            // The contributions of rows counted in another generation are not sent: they count for nothing.
            try (PreparedStatement query = connection.prepareStatement("SELECT id, kind,"
                    + " CASE WHEN counted_generation = ? THEN contributions END, counted_generation"
                    + " FROM pace_activity WHERE " + chunk.condition("id"))) {
                query.setLong(1, generation);
                chunk.bind(query, 2);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        String id = rows.getString(1);
                        storedIds.add(id);
                        if (DealEvents.mayBeProjected(rows.getString(2))) {
                            mayBeProjected.add(id);
                        }
                        String contributions = rows.getString(3);
                        long counted = rows.getLong(4);
                        if (!rows.wasNull() && counted == generation) {
                            stored.put(id, PackedLists.unpackContributions(contributions, id));
                        }
                    }
                }
            }
        }
        return new StoredRows(stored, mayBeProjected, storedIds);
    }

    /**
     * Keeps pace_deal_event in step with the activity rows just written: the deal events' rows inserted or replaced,
     * and the rows of activities that were deal events and are no longer (deleted, or changed into something else)
     * removed. A batch without deal events, now or before, runs no statement at all: the ingest of touches pays
     * nothing for the projection.
     *
     * @param mayBeProjected the written activities whose stored rows were of a deal kind before this write
     */
    private void writeDealEvents(Connection connection, String[] step, SortedMap<String, CountedActivity> byId,
                                 Set<String> mayBeProjected) throws SQLException {
        List<LoggedActivity> dealEvents = new ArrayList<>();
        List<String> noLonger = new ArrayList<>();
        for (CountedActivity counted : byId.values()) {
            LoggedActivity activity = counted.activity();
            if (DealEvents.isDealEvent(activity)) {
                dealEvents.add(activity);
            } else if (mayBeProjected.contains(activity.id())) {
                noLonger.add(activity.id());
            }
        }
        if (!noLonger.isEmpty()) {
            step[0] = "removing the deal events of activities that are no longer deal events";
            DealEvents.delete(connection, noLonger, dialect);
        }
        if (!dealEvents.isEmpty()) {
            step[0] = "writing deal events";
            dialect.upsertDealEvents(connection, dealEvents);
        }
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
        return readActivityColumns(rows, false);
    }

    /**
     * @param packedContributions true to keep the contributions as stored, packed ({@link Row#packedContributions}),
     *                            leaving {@link Row#contributions} null: a recount compares them mostly without reading
     *                            them, and replaces those that cannot be read ({@link StoredState})
     */
    static Row readActivityColumns(ResultSet rows, boolean packedContributions) throws SQLException {
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
        if (packedContributions) {
            row.packedContributions = rows.getString(23);
        } else {
            row.contributions = PackedLists.unpackContributions(rows.getString(23), row.id);
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
        /** Null if read with the contributions packed. */
        List<Contribution> contributions;
        /** The contributions as stored, if read packed (null for none then); null otherwise. */
        String packedContributions;

        /**
         * The stored state if it is counted in {@code currentGeneration}, as stored (a deleted activity's too);
         * otherwise null. For a row read with its contributions packed.
         */
        StoredState storedState(long currentGeneration) {
            if (countedGeneration == null || countedGeneration != currentGeneration) {
                return null;
            }
            return new StoredState(id, localDay, exclusionReason, duplicateKey, contactKey, packedContributions);
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

    /** Migrates the schema on first use (see {@link StoreSchema}). */
    private void ensureSchema() {
        schema.ensure();
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
