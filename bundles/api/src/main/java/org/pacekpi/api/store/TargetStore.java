package org.pacekpi.api.store;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.pacekpi.api.targets.ConflictException;
import org.pacekpi.api.targets.StaleVersionException;

/**
 * Persistence of goals, targets and their audit history. Every write is one transaction that also appends its
 * history rows (who, when, old and new summary), and checks the expected version under a row lock: a write based on
 * an old version throws {@link StaleVersionException} and changes nothing. Writes on an unknown id throw
 * {@link org.pacekpi.api.NotFoundException}. Thread-safe; database failures are {@link StoreException}s.
 *
 * <p>Targets derived from a goal belong to it: they are written, replaced and deleted with the goal. At most one goal
 * exists per scope and period, and at most one manual target per scope, metric and period ({@link ConflictException}
 * otherwise, also when two writers race).
 */
@ProviderType
public interface TargetStore {

    /**
     * Stores a new goal at version 1 with the targets derived from it (each stored at version 1 with this goal's id;
     * the ids, versions and goal ids given are ignored for the targets, the goal's id is kept).
     *
     * @return the goal as stored
     */
    StoredGoal insertGoal(StoredGoal goal, List<StoredTarget> derived);

    /**
     * Replaces a goal at {@code expectedVersion} (its version becomes expectedVersion + 1) and replaces its derived
     * targets with {@code derived}; the old targets' deletion and the new ones' creation go to the history.
     *
     * @param action {@code updated} or {@code rederived}, for the history
     */
    StoredGoal updateGoal(StoredGoal goal, long expectedVersion, List<StoredTarget> derived, String action);

    /** Deletes a goal at {@code expectedVersion} and its derived targets. */
    void deleteGoal(String id, long expectedVersion, String actor, java.time.Instant at);

    /** A goal by id. */
    Optional<StoredGoal> goal(String id);

    /** Goals matching every given filter (null matches all), ordered by period start, then id. */
    List<StoredGoal> goals(String scopeType, String scopeId, String period);

    /** Stores a new manual target at version 1 (goal id must be null); a duplicate scope-metric-period conflicts. */
    StoredTarget insertTarget(StoredTarget target);

    /** Replaces a manual target at {@code expectedVersion}; a derived target conflicts. */
    StoredTarget updateTarget(StoredTarget target, long expectedVersion);

    /** Deletes a manual target at {@code expectedVersion}; a derived target conflicts. */
    void deleteTarget(String id, long expectedVersion, String actor, java.time.Instant at);

    /** A target by id. */
    Optional<StoredTarget> target(String id);

    /**
     * Targets matching every given filter (null matches all), ordered by period start, scope type, scope id, metric,
     * id.
     */
    List<StoredTarget> targets(String scopeType, String scopeId, String period, String metric);

    /**
     * Targets of the given scopes whose period contains {@code day}, ordered by scope type, scope id, metric, period
     * start, id.
     */
    List<StoredTarget> targetsOn(String scopeType, Collection<String> scopeIds, LocalDate day);

    /** The history of a goal or a target, oldest first; kept after a deletion. Empty for an unknown id. */
    List<StoredChange> history(String entityId);
}
