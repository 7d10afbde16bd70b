package org.pacekpi.engine.internal.targets;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.pacekpi.api.NotFoundException;
import org.pacekpi.api.store.StoredChange;
import org.pacekpi.api.store.StoredGoal;
import org.pacekpi.api.store.StoredTarget;
import org.pacekpi.api.store.TargetStore;
import org.pacekpi.api.targets.ConflictException;
import org.pacekpi.api.targets.StaleVersionException;

/**
 * A {@link TargetStore} in memory that keeps the SPI's contract as a database store does: every write is atomic
 * (all checks before any change) and appends its history rows; versions start at 1 and grow by one per change; a
 * write at another version throws {@link StaleVersionException}, on an unknown id {@link NotFoundException}; at most
 * one manual target per scope, metric and period, and no direct write of a derived target
 * ({@link ConflictException}); derived targets are created, replaced and deleted with their goal; the history
 * survives deletions. Thread-safe by one lock.
 */
public final class InMemoryTargetStore implements TargetStore {

    private static final Comparator<StoredGoal> GOAL_ORDER = Comparator.comparing(StoredGoal::from)
            .thenComparing(StoredGoal::id);
    private static final Comparator<StoredTarget> TARGET_ORDER = Comparator.comparing(StoredTarget::from)
            .thenComparing(StoredTarget::scopeType).thenComparing(StoredTarget::scopeId)
            .thenComparing(StoredTarget::metric).thenComparing(StoredTarget::id);
    private static final Comparator<StoredTarget> TARGET_ON_ORDER = Comparator.comparing(StoredTarget::scopeType)
            .thenComparing(StoredTarget::scopeId).thenComparing(StoredTarget::metric)
            .thenComparing(StoredTarget::from).thenComparing(StoredTarget::id);

    private final Map<String, StoredGoal> goals = new LinkedHashMap<>();
    private final Map<String, StoredTarget> targets = new LinkedHashMap<>();
    private final List<StoredChange> history = new ArrayList<>();
    private long sequence;

    @Override
    public synchronized StoredGoal insertGoal(StoredGoal goal, List<StoredTarget> derived) {
        Objects.requireNonNull(goal.id(), "goal id");
        if (goals.containsKey(goal.id())) {
            throw new ConflictException("goal " + goal.id() + " exists already");
        }
        StoredGoal stored = withVersion(goal, 1);
        goals.put(stored.id(), stored);
        record("goal", stored.id(), 1, "created", stored.updatedBy(), stored.updatedAt(), null, stored.summary());
        createDerived(stored, derived);
        return stored;
    }

    @Override
    public synchronized StoredGoal updateGoal(StoredGoal goal, long expectedVersion, List<StoredTarget> derived, String action) {
        if (!action.equals("updated") && !action.equals("rederived")) {
            throw new IllegalArgumentException("action must be updated or rederived, was " + action);
        }
        StoredGoal current = existingGoal(goal.id());
        checkVersion("goal", current.id(), current.version(), expectedVersion);
        StoredGoal stored = withVersion(goal, expectedVersion + 1);
        goals.put(stored.id(), stored);
        record("goal", stored.id(), stored.version(), action, stored.updatedBy(), stored.updatedAt(), current.summary(),
                stored.summary());
        deleteDerived(stored.id(), stored.updatedBy(), stored.updatedAt());
        createDerived(stored, derived);
        return stored;
    }

    @Override
    public synchronized void deleteGoal(String id, long expectedVersion, String actor, Instant at) {
        StoredGoal current = existingGoal(id);
        checkVersion("goal", id, current.version(), expectedVersion);
        goals.remove(id);
        record("goal", id, current.version(), "deleted", actor, at, current.summary(), null);
        deleteDerived(id, actor, at);
    }

    @Override
    public synchronized Optional<StoredGoal> goal(String id) {
        return Optional.ofNullable(goals.get(id));
    }

    @Override
    public synchronized List<StoredGoal> goals(String scopeType, String scopeId, String period) {
        return goals.values().stream().filter(goal -> matches(scopeType, goal.scopeType()) && matches(scopeId, goal.scopeId())
                && matches(period, goal.period())).sorted(GOAL_ORDER).toList();
    }

    @Override
    public synchronized StoredTarget insertTarget(StoredTarget target) {
        if (target.goalId() != null) {
            throw new IllegalArgumentException("a manual target has no goal id; derived targets are written with their goal");
        }
        checkNoDuplicate(target, null);
        StoredTarget stored = copy(target, target.id() == null ? UUID.randomUUID().toString() : target.id(), 1, null);
        if (targets.containsKey(stored.id())) {
            throw new ConflictException("target " + stored.id() + " exists already");
        }
        targets.put(stored.id(), stored);
        record("target", stored.id(), 1, "created", stored.updatedBy(), stored.updatedAt(), null, stored.summary());
        return stored;
    }

    @Override
    public synchronized StoredTarget updateTarget(StoredTarget target, long expectedVersion) {
        StoredTarget current = existingTarget(target.id());
        checkManual(current);
        checkVersion("target", current.id(), current.version(), expectedVersion);
        checkNoDuplicate(target, current.id());
        StoredTarget stored = copy(target, current.id(), expectedVersion + 1, null);
        targets.put(stored.id(), stored);
        record("target", stored.id(), stored.version(), "updated", stored.updatedBy(), stored.updatedAt(),
                current.summary(), stored.summary());
        return stored;
    }

    @Override
    public synchronized void deleteTarget(String id, long expectedVersion, String actor, Instant at) {
        StoredTarget current = existingTarget(id);
        checkManual(current);
        checkVersion("target", id, current.version(), expectedVersion);
        targets.remove(id);
        record("target", id, current.version(), "deleted", actor, at, current.summary(), null);
    }

    @Override
    public synchronized Optional<StoredTarget> target(String id) {
        return Optional.ofNullable(targets.get(id));
    }

    @Override
    public synchronized List<StoredTarget> targets(String scopeType, String scopeId, String period, String metric) {
        return targets.values().stream().filter(t -> matches(scopeType, t.scopeType()) && matches(scopeId, t.scopeId())
                && matches(period, t.period()) && matches(metric, t.metric())).sorted(TARGET_ORDER).toList();
    }

    @Override
    public synchronized List<StoredTarget> targetsOn(String scopeType, Collection<String> scopeIds, LocalDate day) {
        return targets.values().stream().filter(t -> t.scopeType().equals(scopeType) && scopeIds.contains(t.scopeId())
                && !day.isBefore(t.from()) && !day.isAfter(t.to())).sorted(TARGET_ON_ORDER).toList();
    }

    @Override
    public synchronized List<StoredChange> history(String entityId) {
        return history.stream().filter(change -> change.entityId().equals(entityId)).toList();
    }

    /** Every history row, oldest first. */
    synchronized List<StoredChange> allHistory() {
        return List.copyOf(history);
    }

    /** Replaces a stored goal's definition as it is, version untouched: damage done behind the store's back. */
    synchronized void damage(String goalId, String definition) {
        StoredGoal goal = existingGoal(goalId);
        goals.put(goalId, new StoredGoal(goal.id(), goal.version(), goal.scopeType(), goal.scopeId(), goal.period(),
                goal.from(), goal.to(), definition, goal.summary(), goal.updatedBy(), goal.updatedAt()));
    }

    private void createDerived(StoredGoal goal, List<StoredTarget> derived) {
        for (StoredTarget target : derived) {
            StoredTarget stored = copy(target, UUID.randomUUID().toString(), 1, goal.id());
            targets.put(stored.id(), stored);
            record("target", stored.id(), 1, "created", goal.updatedBy(), goal.updatedAt(), null, stored.summary());
        }
    }

    private void deleteDerived(String goalId, String actor, Instant at) {
        List<StoredTarget> derived = targets.values().stream().filter(t -> goalId.equals(t.goalId()))
                .sorted(TARGET_ORDER).toList();
        for (StoredTarget target : derived) {
            targets.remove(target.id());
            record("target", target.id(), target.version(), "deleted", actor, at, target.summary(), null);
        }
    }

    private void checkNoDuplicate(StoredTarget target, String exceptId) {
        for (StoredTarget other : targets.values()) {
            if (other.goalId() == null && !other.id().equals(exceptId) && other.scopeType().equals(target.scopeType())
                    && other.scopeId().equals(target.scopeId()) && other.metric().equals(target.metric())
                    && other.period().equals(target.period())) {
                throw new ConflictException("target " + other.id() + " is already set on " + target.metric() + " for "
                        + target.scopeType() + ":" + target.scopeId() + " in " + target.period());
            }
        }
    }

    private static void checkManual(StoredTarget target) {
        if (target.goalId() != null) {
            throw new ConflictException("target " + target.id() + " was derived from goal " + target.goalId());
        }
    }

    private static void checkVersion(String what, String id, long current, long expected) {
        if (current != expected) {
            throw new StaleVersionException(what, id, expected, current);
        }
    }

    private StoredGoal existingGoal(String id) {
        StoredGoal goal = goals.get(id);
        if (goal == null) {
            throw new NotFoundException("no goal with id '" + id + "'");
        }
        return goal;
    }

    private StoredTarget existingTarget(String id) {
        StoredTarget target = targets.get(id);
        if (target == null) {
            throw new NotFoundException("no target with id '" + id + "'");
        }
        return target;
    }

    private void record(String entity, String id, long version, String action, String actor, Instant at, String before,
                        String after) {
        history.add(new StoredChange(++sequence, entity, id, version, action, actor, at, before, after));
    }

    private static boolean matches(String filter, String value) {
        return filter == null || filter.equals(value);
    }

    private static StoredGoal withVersion(StoredGoal goal, long version) {
        return new StoredGoal(goal.id(), version, goal.scopeType(), goal.scopeId(), goal.period(), goal.from(), goal.to(),
                goal.definition(), goal.summary(), goal.updatedBy(), goal.updatedAt());
    }

    private static StoredTarget copy(StoredTarget target, String id, long version, String goalId) {
        return new StoredTarget(id, version, target.scopeType(), target.scopeId(), target.metric(), target.period(),
                target.from(), target.to(), target.value(), goalId, target.explanation(), target.updatedBy(),
                target.updatedAt());
    }
}
