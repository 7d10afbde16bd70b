package org.pacekpi.api.targets;

import java.time.LocalDate;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Goals, the targets derived from them, manual targets, and pacing against them. Writes take the actor (the host's
 * user id) for the audit history; authorisation is the caller's (REST) job. Every method throws
 * {@link ValidationException} naming the field for bad input, {@link org.pacekpi.api.NotFoundException} for an
 * unknown goal, target, manager or team, {@link StaleVersionException} when {@code expectedVersion} is not the
 * stored one, and {@link ConflictException} for a write that contradicts what is stored.
 */
@ProviderType
public interface TargetService {

    /** Derives the targets of a goal without saving anything. */
    DerivedTargets derive(DeriveRequest request);

    /** The goals of a scope (null for every scope) and period (null for every period), by period then id. */
    List<GoalRecord> goals(Scope scope, String period);

    /** One goal. */
    GoalRecord goal(String id);

    /** Stores a goal and the targets derived from it, at version 1. */
    GoalRecord createGoal(GoalInput input, String actor);

    /** Replaces a goal and re-derives its targets; the old targets stay in the history. */
    GoalRecord updateGoal(String id, long expectedVersion, GoalInput input, String actor);

    /** Re-derives a goal's targets with today's measured conversions; the old targets stay in the history. */
    GoalRecord rederive(String id, long expectedVersion, String actor);

    /** Deletes a goal and the targets derived from it. */
    void deleteGoal(String id, long expectedVersion, String actor);

    /**
     * The stored targets, manual and derived, of a scope (null for every scope), period (null for every period)
     * and metric (null for every metric), by period, scope, metric.
     */
    List<TargetRecord> targets(Scope scope, String period, String metric);

    /** One target. */
    TargetRecord target(String id);

    /** Stores a manual target at version 1; a second one for the same scope, metric and period is a conflict. */
    TargetRecord createTarget(TargetInput input, String actor);

    /** Changes a manual target; a derived one is changed through its goal (conflict). */
    TargetRecord updateTarget(String id, long expectedVersion, TargetInput input, String actor);

    /** Deletes a manual target; a derived one goes with its goal (conflict). */
    void deleteTarget(String id, long expectedVersion, String actor);

    /** The audit history of a goal or target, oldest first; kept after a deletion. */
    List<Change> history(String id);

    /** Pacing of every target of the manager whose period contains {@code date} (the manager's local day). */
    List<TargetPace> managerPacing(String managerId, LocalDate date);

    /** Pacing of every target of the team whose period contains {@code date}, the members' counts summed. */
    List<TargetPace> teamPacing(String teamId, LocalDate date);
}
