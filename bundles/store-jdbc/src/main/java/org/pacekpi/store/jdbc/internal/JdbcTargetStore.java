package org.pacekpi.store.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.pacekpi.api.NotFoundException;
import org.pacekpi.api.store.StoreException;
import org.pacekpi.api.store.StoredChange;
import org.pacekpi.api.store.StoredGoal;
import org.pacekpi.api.store.StoredTarget;
import org.pacekpi.api.store.TargetStore;
import org.pacekpi.api.targets.ConflictException;
import org.pacekpi.api.targets.StaleVersionException;

/**
 * {@link TargetStore} on JDBC (H2 or PostgreSQL), plain Java so it can be tested without OSGi.
 *
 * <p>Tables (schema V5): {@code pace_goal}, {@code pace_target} (manual targets, and the targets derived from a goal,
 * which carry its id) and {@code pace_target_change} (the audit history). A write is one transaction: it locks the row
 * it changes ({@code SELECT ... FOR UPDATE}), compares the version the caller read with the stored one, writes, and
 * appends its history rows. Two writers of the same row are thereby serialized by the database, also across Pace
 * instances sharing it: the second waits for the first to commit and then finds a newer version. The database also
 * enforces that at most one manual target exists per scope, metric and period (the unique constraint
 * {@value #MANUAL_UNIQUE}), so that two writers inserting the same one at once cannot both succeed.
 *
 * <p>The schema is migrated on first use, through the {@link StoreSchema} this store shares with the
 * {@link JdbcPaceStore} on the same database.
 *
 * <p>Ids and scope, metric and period texts are ordered as {@link String#compareTo} orders them (on PostgreSQL the
 * columns are in the "C" collation). Times are kept to the nanosecond.
 */
public final class JdbcTargetStore implements TargetStore {

    /** The unique constraint on the manual targets; see the V5 migration. */
    static final String MANUAL_UNIQUE = "pace_target_manual_uq";
    /** The constraint that keeps one goal per scope and period. */
    static final String GOAL_UNIQUE = "pace_goal_scope_period_uq";

    /** SQLState of a unique constraint violation, on both databases. */
    private static final String UNIQUE_VIOLATION = "23505";

    private static final String GOAL_COLUMNS = "id, version, scope_type, scope_id, period, period_from, period_to,"
            + " definition, summary, updated_by, updated_at_epoch_s, updated_at_nano";
    private static final String TARGET_COLUMNS = "id, version, scope_type, scope_id, metric, period, period_from,"
            + " period_to, target_value, goal_id, explanation, updated_by, updated_at_epoch_s, updated_at_nano";
    private static final String CHANGE_COLUMNS = "sequence, entity, entity_id, version, action, actor, at_epoch_s,"
            + " at_nano, before_summary, after_summary";
    private static final String TARGET_ORDER = " ORDER BY period_from, scope_type, scope_id, metric, id";
    private static final String TARGETS_ON_ORDER = " ORDER BY scope_type, scope_id, metric, period_from, id";

    private static final Comparator<StoredTarget> TARGETS_ON = Comparator.comparing(StoredTarget::scopeType)
            .thenComparing(StoredTarget::scopeId).thenComparing(StoredTarget::metric)
            .thenComparing(StoredTarget::from).thenComparing(StoredTarget::id);

    /** The actions of a goal's update, for the history. */
    private static final Set<String> GOAL_UPDATE_ACTIONS = Set.of("updated", "rederived");

    private static final String GOAL = "goal";
    private static final String TARGET = "target";

    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final StoreSchema schema;

    /**
     * A target store on a data source (ideally a pool), with a schema of its own to migrate on first use. Cheap: it
     * does not connect until first used.
     */
    public JdbcTargetStore(DataSource dataSource, SqlDialect dialect) {
        this(dataSource, dialect, new StoreSchema(Migrations.standard(dataSource, dialect)));
    }

    /** A target store that shares the schema (and its first-use migration) with other stores on the database. */
    JdbcTargetStore(DataSource dataSource, SqlDialect dialect, StoreSchema schema) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.schema = Objects.requireNonNull(schema, "schema");
    }

    // ------------------------------------------------------------------------------------------------ goals

    @Override
    public StoredGoal insertGoal(StoredGoal goal, List<StoredTarget> derived) {
        checkGoal(goal);
        List<StoredTarget> targets = checkDerived(derived);
        StoredGoal stored = withVersion(goal.id() == null ? withId(goal, newId()) : goal, 1);
        schema.ensure();
        inTransaction("creating goal " + stored.id(), connection -> {
            try {
                insertGoalRow(connection, stored);
            } catch (SQLException e) {
                throw goalConflictOrSelf(e, stored);
            }
            appendChange(connection, GOAL, stored.id(), 1, "created", stored.updatedBy(), stored.updatedAt(), null,
                    stored.summary());
            insertDerived(connection, stored, targets);
            return null;
        });
        return stored;
    }

    @Override
    public StoredGoal updateGoal(StoredGoal goal, long expectedVersion, List<StoredTarget> derived, String action) {
        checkGoal(goal);
        Objects.requireNonNull(goal.id(), "goal.id");
        List<StoredTarget> targets = checkDerived(derived);
        if (!GOAL_UPDATE_ACTIONS.contains(action)) {
            throw new IllegalArgumentException("action must be updated or rederived, was " + action);
        }
        StoredGoal stored = withVersion(goal, expectedVersion + 1);
        schema.ensure();
        inTransaction("updating goal " + goal.id(), connection -> {
            StoredGoal current = lockGoal(connection, goal.id(), expectedVersion);
            deleteDerived(connection, current.id(), stored.updatedBy(), stored.updatedAt());
            try (PreparedStatement update = connection.prepareStatement("UPDATE pace_goal SET version = ?,"
                    + " scope_type = ?, scope_id = ?, period = ?, period_from = ?, period_to = ?, definition = ?,"
                    + " summary = ?, updated_by = ?, updated_at_epoch_s = ?, updated_at_nano = ? WHERE id = ?")) {
                update.setLong(1, stored.version());
                update.setString(2, stored.scopeType());
                update.setString(3, stored.scopeId());
                update.setString(4, stored.period());
                update.setObject(5, stored.from());
                update.setObject(6, stored.to());
                update.setString(7, stored.definition());
                update.setString(8, stored.summary());
                update.setString(9, stored.updatedBy());
                update.setLong(10, stored.updatedAt().getEpochSecond());
                update.setInt(11, stored.updatedAt().getNano());
                update.setString(12, stored.id());
                update.executeUpdate();
            } catch (SQLException e) {
                throw goalConflictOrSelf(e, stored);
            }
            appendChange(connection, GOAL, stored.id(), stored.version(), action, stored.updatedBy(),
                    stored.updatedAt(), current.summary(), stored.summary());
            insertDerived(connection, stored, targets);
            return null;
        });
        return stored;
    }

    @Override
    public void deleteGoal(String id, long expectedVersion, String actor, Instant at) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
        schema.ensure();
        inTransaction("deleting goal " + id, connection -> {
            StoredGoal current = lockGoal(connection, id, expectedVersion);
            deleteDerived(connection, id, actor, at);
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM pace_goal WHERE id = ?")) {
                delete.setString(1, id);
                delete.executeUpdate();
            }
            appendChange(connection, GOAL, id, current.version(), "deleted", actor, at, current.summary(), null);
            return null;
        });
    }

    @Override
    public Optional<StoredGoal> goal(String id) {
        Objects.requireNonNull(id, "id");
        schema.ensure();
        return read("goal " + id, connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT " + GOAL_COLUMNS
                    + " FROM pace_goal WHERE id = ?")) {
                query.setString(1, id);
                return readGoals(query).stream().findFirst();
            }
        });
    }

    @Override
    public List<StoredGoal> goals(String scopeType, String scopeId, String period) {
        schema.ensure();
        Filter filter = new Filter().with("scope_type", scopeType).with("scope_id", scopeId).with("period", period);
        return read("the goals" + filter.describe(), connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT " + GOAL_COLUMNS + " FROM pace_goal"
                    + filter.where() + " ORDER BY period_from, id")) {
                filter.bind(query);
                return readGoals(query);
            }
        });
    }

    // ------------------------------------------------------------------------------------------------ targets

    @Override
    public StoredTarget insertTarget(StoredTarget target) {
        checkTarget(target);
        if (target.goalId() != null) {
            throw new IllegalArgumentException("target.goalId must be null for a manual target, was "
                    + target.goalId() + ": derived targets are written with their goal");
        }
        StoredTarget stored = withVersion(target.id() == null ? withId(target, newId()) : target, 1);
        schema.ensure();
        inTransaction("creating target " + stored.id(), connection -> {
            try {
                insertTargetRow(connection, stored);
            } catch (SQLException e) {
                throw conflictOrSelf(e, stored);
            }
            appendChange(connection, TARGET, stored.id(), 1, "created", stored.updatedBy(), stored.updatedAt(), null,
                    stored.summary());
            return null;
        });
        return stored;
    }

    @Override
    public StoredTarget updateTarget(StoredTarget target, long expectedVersion) {
        checkTarget(target);
        Objects.requireNonNull(target.id(), "target.id");
        if (target.goalId() != null) {
            throw new IllegalArgumentException("target.goalId must be null for a manual target, was "
                    + target.goalId() + ": derived targets change with their goal");
        }
        StoredTarget stored = withVersion(target, expectedVersion + 1);
        schema.ensure();
        inTransaction("updating target " + target.id(), connection -> {
            StoredTarget current = lockManualTarget(connection, target.id(), expectedVersion);
            try (PreparedStatement update = connection.prepareStatement("UPDATE pace_target SET version = ?,"
                    + " scope_type = ?, scope_id = ?, metric = ?, period = ?, period_from = ?, period_to = ?,"
                    + " target_value = ?, explanation = ?, updated_by = ?, updated_at_epoch_s = ?,"
                    + " updated_at_nano = ? WHERE id = ?")) {
                update.setLong(1, stored.version());
                update.setString(2, stored.scopeType());
                update.setString(3, stored.scopeId());
                update.setString(4, stored.metric());
                update.setString(5, stored.period());
                update.setObject(6, stored.from());
                update.setObject(7, stored.to());
                update.setLong(8, stored.value());
                update.setString(9, stored.explanation());
                update.setString(10, stored.updatedBy());
                update.setLong(11, stored.updatedAt().getEpochSecond());
                update.setInt(12, stored.updatedAt().getNano());
                update.setString(13, stored.id());
                update.executeUpdate();
            } catch (SQLException e) {
                throw conflictOrSelf(e, stored);
            }
            appendChange(connection, TARGET, stored.id(), stored.version(), "updated", stored.updatedBy(),
                    stored.updatedAt(), current.summary(), stored.summary());
            return null;
        });
        return stored;
    }

    @Override
    public void deleteTarget(String id, long expectedVersion, String actor, Instant at) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
        schema.ensure();
        inTransaction("deleting target " + id, connection -> {
            StoredTarget current = lockManualTarget(connection, id, expectedVersion);
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM pace_target WHERE id = ?")) {
                delete.setString(1, id);
                delete.executeUpdate();
            }
            appendChange(connection, TARGET, id, current.version(), "deleted", actor, at, current.summary(), null);
            return null;
        });
    }

    @Override
    public Optional<StoredTarget> target(String id) {
        Objects.requireNonNull(id, "id");
        schema.ensure();
        return read("target " + id, connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT " + TARGET_COLUMNS
                    + " FROM pace_target WHERE id = ?")) {
                query.setString(1, id);
                return readTargets(query).stream().findFirst();
            }
        });
    }

    @Override
    public List<StoredTarget> targets(String scopeType, String scopeId, String period, String metric) {
        schema.ensure();
        Filter filter = new Filter().with("scope_type", scopeType).with("scope_id", scopeId).with("period", period)
                .with("metric", metric);
        return read("the targets" + filter.describe(), connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT " + TARGET_COLUMNS
                    + " FROM pace_target" + filter.where() + TARGET_ORDER)) {
                filter.bind(query);
                return readTargets(query);
            }
        });
    }

    @Override
    public List<StoredTarget> targetsOn(String scopeType, Collection<String> scopeIds, LocalDate day) {
        Objects.requireNonNull(scopeType, "scopeType");
        Objects.requireNonNull(scopeIds, "scopeIds");
        Objects.requireNonNull(day, "day");
        for (String scopeId : scopeIds) {
            Objects.requireNonNull(scopeId, "scopeIds must not contain null");
        }
        List<InList> lookups = InList.lookups(new LinkedHashSet<>(scopeIds), dialect);
        if (lookups.isEmpty()) {
            return List.of();
        }
        schema.ensure();
        return read("the targets of " + scopeType + " " + String.join(", ", new LinkedHashSet<>(scopeIds)) + " on "
                + day, connection -> {
                    List<StoredTarget> targets = new ArrayList<>();
                    for (InList lookup : lookups) {
                        try (PreparedStatement query = connection.prepareStatement("SELECT " + TARGET_COLUMNS
                                + " FROM pace_target WHERE scope_type = ? AND " + lookup.condition("scope_id")
                                + " AND period_from <= ? AND period_to >= ?" + TARGETS_ON_ORDER)) {
                            query.setString(1, scopeType);
                            int next = lookup.bind(query, 2);
                            query.setObject(next++, day);
                            query.setObject(next, day);
                            targets.addAll(readTargets(query));
                        }
                    }
                    if (lookups.size() > 1) {
                        targets.sort(TARGETS_ON); // each chunk came ordered; together they need merging
                    }
                    return Collections.unmodifiableList(targets);
                });
    }

    @Override
    public List<StoredChange> history(String entityId) {
        Objects.requireNonNull(entityId, "entityId");
        schema.ensure();
        return read("the history of " + entityId, connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT " + CHANGE_COLUMNS
                    + " FROM pace_target_change WHERE entity_id = ? ORDER BY sequence")) {
                query.setString(1, entityId);
                List<StoredChange> changes = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        changes.add(new StoredChange(rows.getLong(1), rows.getString(2), rows.getString(3),
                                rows.getLong(4), rows.getString(5), rows.getString(6),
                                Instant.ofEpochSecond(rows.getLong(7), rows.getInt(8)), rows.getString(9),
                                rows.getString(10)));
                    }
                }
                return Collections.unmodifiableList(changes);
            }
        });
    }

    // ------------------------------------------------------------------------------------------------ writing

    /**
     * Locks a goal's row for the rest of the transaction and checks its version.
     *
     * @throws NotFoundException       when there is no such goal
     * @throws StaleVersionException   when its version is not {@code expectedVersion}
     */
    private static StoredGoal lockGoal(Connection connection, String id, long expectedVersion) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + GOAL_COLUMNS
                + " FROM pace_goal WHERE id = ? FOR UPDATE")) {
            query.setString(1, id);
            StoredGoal current = readGoals(query).stream().findFirst()
                    .orElseThrow(() -> new NotFoundException("no goal with id '" + id + "'"));
            if (current.version() != expectedVersion) {
                throw new StaleVersionException(GOAL, id, expectedVersion, current.version());
            }
            return current;
        }
    }

    /**
     * Locks a manual target's row for the rest of the transaction and checks its version.
     *
     * @throws NotFoundException     when there is no such target
     * @throws ConflictException     when it was derived from a goal
     * @throws StaleVersionException when its version is not {@code expectedVersion}
     */
    private static StoredTarget lockManualTarget(Connection connection, String id, long expectedVersion)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + TARGET_COLUMNS
                + " FROM pace_target WHERE id = ? FOR UPDATE")) {
            query.setString(1, id);
            StoredTarget current = readTargets(query).stream().findFirst()
                    .orElseThrow(() -> new NotFoundException("no target with id '" + id + "'"));
            if (current.goalId() != null) {
                // Whatever the version: a derived target is the goal's to change.
                throw new ConflictException("Target " + id + " is derived from goal " + current.goalId()
                        + "; change or re-derive the goal instead of the target");
            }
            if (current.version() != expectedVersion) {
                throw new StaleVersionException(TARGET, id, expectedVersion, current.version());
            }
            return current;
        }
    }

    private static void insertGoalRow(Connection connection, StoredGoal goal) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO pace_goal (" + GOAL_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, goal.id());
            insert.setLong(2, goal.version());
            insert.setString(3, goal.scopeType());
            insert.setString(4, goal.scopeId());
            insert.setString(5, goal.period());
            insert.setObject(6, goal.from());
            insert.setObject(7, goal.to());
            insert.setString(8, goal.definition());
            insert.setString(9, goal.summary());
            insert.setString(10, goal.updatedBy());
            insert.setLong(11, goal.updatedAt().getEpochSecond());
            insert.setInt(12, goal.updatedAt().getNano());
            insert.executeUpdate();
        }
    }

    private static void insertTargetRow(Connection connection, StoredTarget target) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO pace_target (" + TARGET_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bindTarget(insert, target);
            insert.executeUpdate();
        }
    }

    private static void bindTarget(PreparedStatement insert, StoredTarget target) throws SQLException {
        insert.setString(1, target.id());
        insert.setLong(2, target.version());
        insert.setString(3, target.scopeType());
        insert.setString(4, target.scopeId());
        insert.setString(5, target.metric());
        insert.setString(6, target.period());
        insert.setObject(7, target.from());
        insert.setObject(8, target.to());
        insert.setLong(9, target.value());
        insert.setString(10, target.goalId());
        insert.setString(11, target.explanation());
        insert.setString(12, target.updatedBy());
        insert.setLong(13, target.updatedAt().getEpochSecond());
        insert.setInt(14, target.updatedAt().getNano());
    }

    /**
     * Stores a goal's derived targets, each at version 1 with a new id and the goal's id, written by the goal's
     * author at the goal's time, and logs their creation.
     */
    private static void insertDerived(Connection connection, StoredGoal goal, List<StoredTarget> derived)
            throws SQLException {
        if (derived.isEmpty()) {
            return;
        }
        List<StoredTarget> stored = new ArrayList<>();
        for (StoredTarget target : derived) {
            stored.add(new StoredTarget(newId(), 1, target.scopeType(), target.scopeId(), target.metric(),
                    target.period(), target.from(), target.to(), target.value(), goal.id(), target.explanation(),
                    goal.updatedBy(), goal.updatedAt()));
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO pace_target (" + TARGET_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (StoredTarget target : stored) {
                bindTarget(insert, target);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        appendChanges(connection, stored.stream().map(target -> new Change(TARGET, target.id(), 1, "created",
                goal.updatedBy(), goal.updatedAt(), null, target.summary())).toList());
    }

    /** Deletes a goal's derived targets and logs each deletion, in id order. */
    private static void deleteDerived(Connection connection, String goalId, String actor, Instant at)
            throws SQLException {
        List<StoredTarget> derived;
        try (PreparedStatement query = connection.prepareStatement("SELECT " + TARGET_COLUMNS
                + " FROM pace_target WHERE goal_id = ? ORDER BY id")) {
            query.setString(1, goalId);
            derived = readTargets(query);
        }
        if (derived.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM pace_target WHERE goal_id = ?")) {
            delete.setString(1, goalId);
            delete.executeUpdate();
        }
        appendChanges(connection, derived.stream().map(target -> new Change(TARGET, target.id(), target.version(),
                "deleted", actor, at, target.summary(), null)).toList());
    }

    private static void appendChange(Connection connection, String entity, String entityId, long version,
                                     String action, String actor, Instant at, String before, String after)
            throws SQLException {
        appendChanges(connection, List.of(new Change(entity, entityId, version, action, actor, at, before, after)));
    }

    /** Appends rows to the history, in the given order (their sequence numbers follow it). */
    private static void appendChanges(Connection connection, List<Change> changes) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO pace_target_change (entity,"
                + " entity_id, version, action, actor, at_epoch_s, at_nano, before_summary, after_summary)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Change change : changes) {
                insert.setString(1, change.entity());
                insert.setString(2, change.entityId());
                insert.setLong(3, change.version());
                insert.setString(4, change.action());
                insert.setString(5, change.actor());
                insert.setLong(6, change.at().getEpochSecond());
                insert.setInt(7, change.at().getNano());
                insert.setString(8, change.before());
                insert.setString(9, change.after());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** A history row to append; see {@link StoredChange}. */
    private record Change(String entity, String entityId, long version, String action, String actor, Instant at,
                          String before, String after) {
    }

    /**
     * What a failed insert or update of a manual target means: a {@link ConflictException} for a second manual target
     * of the same scope, metric and period or an id that exists, otherwise the failure itself, rethrown.
     */
    private static ConflictException conflictOrSelf(SQLException e, StoredTarget target) throws SQLException {
        if (!uniqueViolation(e)) {
            throw e;
        }
        if (String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains(MANUAL_UNIQUE)) {
            return new ConflictException("A manual target for " + target.metric() + " of " + target.scopeType() + ":"
                    + target.scopeId() + " in " + target.period() + " exists already; update that target instead");
        }
        return new ConflictException("A target with id " + target.id() + " exists already; choose another id or"
                + " update that target");
    }

    /**
     * What a failed insert or update of a goal means: a {@link ConflictException} for a second goal of the same scope
     * and period or an id that exists, otherwise the failure itself, rethrown.
     */
    private static ConflictException goalConflictOrSelf(SQLException e, StoredGoal goal) throws SQLException {
        if (!uniqueViolation(e)) {
            throw e;
        }
        if (String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains(GOAL_UNIQUE)) {
            return new ConflictException("A goal for " + goal.scopeType() + ":" + goal.scopeId() + " in "
                    + goal.period() + " exists already; change that goal instead of adding another");
        }
        return new ConflictException("A goal with id " + goal.id() + " exists already; choose another id or update"
                + " that goal");
    }

    private static boolean uniqueViolation(SQLException e) {
        return UNIQUE_VIOLATION.equals(e.getSQLState());
    }

    // ------------------------------------------------------------------------------------------------ reading rows

    private static List<StoredGoal> readGoals(PreparedStatement query) throws SQLException {
        List<StoredGoal> goals = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                goals.add(new StoredGoal(rows.getString(1), rows.getLong(2), rows.getString(3), rows.getString(4),
                        rows.getString(5), rows.getObject(6, LocalDate.class), rows.getObject(7, LocalDate.class),
                        rows.getString(8), rows.getString(9), rows.getString(10),
                        Instant.ofEpochSecond(rows.getLong(11), rows.getInt(12))));
            }
        }
        return Collections.unmodifiableList(goals);
    }

    private static List<StoredTarget> readTargets(PreparedStatement query) throws SQLException {
        List<StoredTarget> targets = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                targets.add(new StoredTarget(rows.getString(1), rows.getLong(2), rows.getString(3),
                        rows.getString(4), rows.getString(5), rows.getString(6), rows.getObject(7, LocalDate.class),
                        rows.getObject(8, LocalDate.class), rows.getLong(9), rows.getString(10), rows.getString(11),
                        rows.getString(12), Instant.ofEpochSecond(rows.getLong(13), rows.getInt(14))));
            }
        }
        return targets;
    }

    /** Equality conditions on the columns whose filter is given (null matches all). */
    private static final class Filter {
        private final List<String> columns = new ArrayList<>();
        private final List<String> values = new ArrayList<>();

        Filter with(String column, String value) {
            if (value != null) {
                columns.add(column);
                values.add(value);
            }
            return this;
        }

        String where() {
            return columns.isEmpty() ? "" : " WHERE " + String.join(" AND ", columns.stream().map(c -> c + " = ?")
                    .toList());
        }

        void bind(PreparedStatement query) throws SQLException {
            for (int i = 0; i < values.size(); i++) {
                query.setString(i + 1, values.get(i));
            }
        }

        String describe() {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < columns.size(); i++) {
                text.append(i == 0 ? " with " : " and ").append(columns.get(i)).append(' ').append(values.get(i));
            }
            return text.toString();
        }
    }

    // ------------------------------------------------------------------------------------------------ checks

    private static void checkGoal(StoredGoal goal) {
        Objects.requireNonNull(goal, "goal");
        Objects.requireNonNull(goal.scopeType(), "goal.scopeType");
        Objects.requireNonNull(goal.scopeId(), "goal.scopeId");
        Objects.requireNonNull(goal.period(), "goal.period");
        checkPeriod(goal.from(), goal.to(), "goal");
        Objects.requireNonNull(goal.definition(), "goal.definition");
        Objects.requireNonNull(goal.summary(), "goal.summary");
        Objects.requireNonNull(goal.updatedBy(), "goal.updatedBy");
        Objects.requireNonNull(goal.updatedAt(), "goal.updatedAt");
    }

    /** The derived targets, checked; their ids, versions, goal ids and authors are the goal's to set. */
    private static List<StoredTarget> checkDerived(List<StoredTarget> derived) {
        Objects.requireNonNull(derived, "derived");
        for (StoredTarget target : derived) {
            Objects.requireNonNull(target, "derived must not contain null");
            checkTargetFields(target, "derived target");
        }
        return List.copyOf(derived);
    }

    private static void checkTarget(StoredTarget target) {
        Objects.requireNonNull(target, "target");
        checkTargetFields(target, "target");
        Objects.requireNonNull(target.updatedBy(), "target.updatedBy");
        Objects.requireNonNull(target.updatedAt(), "target.updatedAt");
    }

    private static void checkTargetFields(StoredTarget target, String what) {
        Objects.requireNonNull(target.scopeType(), () -> what + ".scopeType");
        Objects.requireNonNull(target.scopeId(), () -> what + ".scopeId");
        Objects.requireNonNull(target.metric(), () -> what + ".metric");
        Objects.requireNonNull(target.period(), () -> what + ".period");
        checkPeriod(target.from(), target.to(), what);
    }

    private static void checkPeriod(LocalDate from, LocalDate to, String what) {
        Objects.requireNonNull(from, () -> what + ".from");
        Objects.requireNonNull(to, () -> what + ".to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException(what + ".to (" + to + ") must not be before " + what + ".from (" + from
                    + ")");
        }
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    private static StoredGoal withId(StoredGoal g, String id) {
        return new StoredGoal(id, g.version(), g.scopeType(), g.scopeId(), g.period(), g.from(), g.to(),
                g.definition(), g.summary(), g.updatedBy(), g.updatedAt());
    }

    private static StoredGoal withVersion(StoredGoal g, long version) {
        return new StoredGoal(g.id(), version, g.scopeType(), g.scopeId(), g.period(), g.from(), g.to(),
                g.definition(), g.summary(), g.updatedBy(), g.updatedAt());
    }

    private static StoredTarget withId(StoredTarget t, String id) {
        return new StoredTarget(id, t.version(), t.scopeType(), t.scopeId(), t.metric(), t.period(), t.from(), t.to(),
                t.value(), t.goalId(), t.explanation(), t.updatedBy(), t.updatedAt());
    }

    private static StoredTarget withVersion(StoredTarget t, long version) {
        return new StoredTarget(t.id(), version, t.scopeType(), t.scopeId(), t.metric(), t.period(), t.from(), t.to(),
                t.value(), t.goalId(), t.explanation(), t.updatedBy(), t.updatedAt());
    }

    // ------------------------------------------------------------------------------------------------ plumbing

    /**
     * Runs a write in one transaction; rolls back on any failure. The domain exceptions (not found, stale, conflict)
     * pass as they are; a database failure becomes a {@link StoreException} that says what was being written.
     */
    private <T> T inTransaction(String what, SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(failure(what, e), e);
        }
    }

    private String failure(String what, SQLException e) {
        return "Failed " + what + " in the Pace store on " + dialect.displayName() + "; nothing was changed: "
                + e.getMessage();
    }

    private <T> T read(String what, SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("Could not read " + what + " from the Pace store on " + dialect.displayName()
                    + ": " + e.getMessage(), e);
        }
    }

    private static void rollback(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** A piece of JDBC work on a connection. */
    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
