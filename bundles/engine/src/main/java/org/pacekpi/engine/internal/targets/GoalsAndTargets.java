package org.pacekpi.engine.internal.targets;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.pacekpi.api.NotFoundException;
import org.pacekpi.api.store.PaceStore;
import org.pacekpi.api.store.StoredChange;
import org.pacekpi.api.store.StoredGoal;
import org.pacekpi.api.store.StoredTarget;
import org.pacekpi.api.store.TargetStore;
import org.pacekpi.api.targets.Change;
import org.pacekpi.api.targets.ConflictException;
import org.pacekpi.api.targets.DeriveRequest;
import org.pacekpi.api.targets.DerivedTargets;
import org.pacekpi.api.targets.FunnelService;
import org.pacekpi.api.targets.GoalInput;
import org.pacekpi.api.targets.GoalRecord;
import org.pacekpi.api.targets.PinnedRate;
import org.pacekpi.api.targets.Scope;
import org.pacekpi.api.targets.StaleVersionException;
import org.pacekpi.api.targets.TargetInput;
import org.pacekpi.api.targets.TargetPace;
import org.pacekpi.api.targets.TargetRecord;
import org.pacekpi.api.targets.TargetService;
import org.pacekpi.api.targets.ValidationException;
import org.pacekpi.engine.internal.Teams;
import org.pacekpi.engine.internal.calendar.WorkingCalendar;
import org.pacekpi.engine.internal.plan.Fraction;
import org.pacekpi.engine.internal.targets.Derivation.ManagerBasis;
import org.pacekpi.host.directory.Directory;

/**
 * Pace's {@link TargetService}: goals derived into targets ({@link GoalDeriver}, {@link DerivationView}) and kept in
 * the {@link TargetStore} with the derivation they came from ({@link GoalCodec}), manual targets, their history, and
 * pacing ({@link TargetPacer}).
 * <ul>
 * <li>A stored goal's targets are one per manager of its scope and step of the funnel: scope the manager, metric the
 * step's ({@link FunnelSteps#metric}), value the step's target, explanation the step's arithmetic in words.</li>
 * <li>Reading a goal recomputes its {@link DerivedTargets} from the stored derivation, not from today's measurements:
 * its targets are the stored ones. Only the spreading over weeks and days follows the managers' working calendars
 * of today (a day off added later moves the schedules, not the targets). A manager no longer in the directory is
 * spread over a Monday-to-Friday week in the stored time zone.</li>
 * <li>At most one goal exists per scope and period: a second one conflicts (so that two goals do not derive the
 * same targets twice).</li>
 * <li>Writes check the expected version before deriving (a stale write costs no measurement); the store checks it
 * again atomically.</li>
 * </ul>
 * Ids are random UUIDs; times come from the clock.
 */
public final class GoalsAndTargets implements TargetService {

    private final TargetStore store;
    private final Directory directory;
    private final ManagerCalendars calendars;
    private final GoalDeriver deriver;
    private final TargetPacer pacer;
    private final Clock clock;

    /**
     * @param store     goals, targets and history
     * @param counts    the daily aggregates, for pacing
     * @param funnel    the steps and the measured conversions
     * @param directory the managers and teams
     * @param calendars the managers' working calendars
     * @param settings  the defaults of goals
     * @param clock     now and today
     */
    public GoalsAndTargets(TargetStore store, PaceStore counts, FunnelService funnel, Directory directory,
                           ManagerCalendars calendars, TargetSettings settings, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.calendars = Objects.requireNonNull(calendars, "calendars");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.deriver = new GoalDeriver(directory, funnel, settings, clock);
        this.pacer = new TargetPacer(directory, counts, store, funnel, calendars, clock);
    }

    @Override
    public DerivedTargets derive(DeriveRequest request) {
        return DerivationView.targets(deriver.derive(request), this::calendar);
    }

    @Override
    public List<GoalRecord> goals(Scope scope, String period) {
        String periodText = period == null ? null : TargetPeriod.parse(period, "period").text();
        List<GoalRecord> goals = new ArrayList<>();
        for (StoredGoal goal : store.goals(scope == null ? null : scope.type().id(), scope == null ? null : scope.id(), periodText)) {
            goals.add(record(goal));
        }
        return goals;
    }

    @Override
    public GoalRecord goal(String id) {
        return record(storedGoal(id));
    }

    @Override
    public GoalRecord createGoal(GoalInput input, String actor) {
        requireActor(actor);
        Derivation derivation = derive(input);
        checkNoOtherGoal(derivation, null);
        DerivedTargets derived = DerivationView.targets(derivation, this::calendar);
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        StoredGoal stored = store.insertGoal(storedGoal(id, 1, input, derivation, actor, now),
                storedTargets(derived, actor, now));
        return new GoalRecord(stored.id(), stored.version(), input, derived, stored.updatedBy(), stored.updatedAt());
    }

    @Override
    public GoalRecord updateGoal(String id, long expectedVersion, GoalInput input, String actor) {
        requireActor(actor);
        StoredGoal current = storedGoal(id);
        checkVersion(current, expectedVersion);
        return replace(current, expectedVersion, input, actor, "updated");
    }

    @Override
    public GoalRecord rederive(String id, long expectedVersion, String actor) {
        requireActor(actor);
        StoredGoal current = storedGoal(id);
        checkVersion(current, expectedVersion);
        GoalInput input = GoalCodec.decode(current.id(), current.definition()).input();
        return replace(current, expectedVersion, input, actor, "rederived");
    }

    @Override
    public void deleteGoal(String id, long expectedVersion, String actor) {
        requireActor(actor);
        store.deleteGoal(id, expectedVersion, actor, clock.instant());
    }

    @Override
    public List<TargetRecord> targets(Scope scope, String period, String metric) {
        String periodText = period == null ? null : TargetPeriod.parse(period, "period").text();
        return store.targets(scope == null ? null : scope.type().id(), scope == null ? null : scope.id(), periodText, metric)
                .stream().map(GoalsAndTargets::record).toList();
    }

    @Override
    public TargetRecord target(String id) {
        return record(storedTarget(id));
    }

    @Override
    public TargetRecord createTarget(TargetInput input, String actor) {
        requireActor(actor);
        StoredTarget target = manualTarget(UUID.randomUUID().toString(), 1, input, actor);
        return record(store.insertTarget(target));
    }

    @Override
    public TargetRecord updateTarget(String id, long expectedVersion, TargetInput input, String actor) {
        requireActor(actor);
        checkManual(storedTarget(id), "changed");
        StoredTarget target = manualTarget(id, expectedVersion + 1, input, actor);
        return record(store.updateTarget(target, expectedVersion));
    }

    @Override
    public void deleteTarget(String id, long expectedVersion, String actor) {
        requireActor(actor);
        checkManual(storedTarget(id), "deleted");
        store.deleteTarget(id, expectedVersion, actor, clock.instant());
    }

    @Override
    public List<Change> history(String id) {
        List<StoredChange> changes = id == null ? List.of() : store.history(id);
        if (changes.isEmpty() && (id == null || store.goal(id).isEmpty() && store.target(id).isEmpty())) {
            throw new NotFoundException("no goal or target with id '" + id + "'");
        }
        return changes.stream().map(change -> new Change(change.sequence(), change.entity(), change.entityId(),
                change.version(), change.action(), change.actor(), change.at(), change.before(), change.after())).toList();
    }

    @Override
    public List<TargetPace> managerPacing(String managerId, LocalDate date) {
        return pacer.managerPacing(managerId, date);
    }

    @Override
    public List<TargetPace> teamPacing(String teamId, LocalDate date) {
        return pacer.teamPacing(teamId, date);
    }

    /** The goal in words, for the history. */
    static String summary(GoalInput input, Derivation derivation) {
        StringBuilder text = new StringBuilder();
        if (input.goal().paidDeals() != null) {
            long deals = input.goal().paidDeals();
            text.append(deals).append(deals == 1 ? " paid deal" : " paid deals");
        } else {
            text.append(Fraction.of(input.goal().revenue().amount()).toDisplay()).append(' ')
                    .append(input.goal().revenue().currency());
        }
        text.append(" in ").append(derivation.period()).append(" for ").append(derivation.scope());
        if (derivation.scope().type() == Scope.Type.TEAM) {
            int managers = derivation.managers().size();
            text.append(", split among ").append(managers).append(managers == 1 ? " manager (" : " managers (")
                    .append(String.join(", ", derivation.managers().stream().map(ManagerBasis::managerId).toList()))
                    .append(')');
        }
        if (derivation.averagePaidDeal() != null) {
            text.append(", average paid deal ").append(Fraction.of(derivation.averagePaidDeal().amount().amount()).toDisplay())
                    .append(' ').append(derivation.averagePaidDeal().amount().currency())
                    .append(derivation.averagePaidDeal().measured() ? " (measured)" : " (given)");
        }
        text.append("; weeks: ").append(derivation.weeksRule().id()).append("; ").append(derivation.method().id())
                .append(" conversions over ").append(derivation.windowDays()).append(" days");
        for (PinnedRate pin : input.pinnedRates()) {
            text.append("; pinned ").append(pin.from()).append(" -> ").append(pin.to()).append(' ')
                    .append(pin.rate());
        }
        if (input.note() != null && !input.note().isBlank()) {
            text.append("; note: ").append(input.note());
        }
        return text.toString();
    }

    private GoalRecord replace(StoredGoal current, long expectedVersion, GoalInput input, String actor, String action) {
        Derivation derivation = derive(input);
        checkNoOtherGoal(derivation, current.id());
        DerivedTargets derived = DerivationView.targets(derivation, this::calendar);
        Instant now = clock.instant();
        StoredGoal stored = store.updateGoal(storedGoal(current.id(), expectedVersion + 1, input, derivation, actor, now),
                expectedVersion, storedTargets(derived, actor, now), action);
        return new GoalRecord(stored.id(), stored.version(), input, derived, stored.updatedBy(), stored.updatedAt());
    }

    private Derivation derive(GoalInput input) {
        if (input == null) {
            throw new ValidationException("body", "is required");
        }
        GoalDeriver.checkNote(input.note(), "note");
        return deriver.derive(new DeriveRequest(input.scope(), input.period(), input.goal(), input.weeksRule(),
                input.method(), input.windowDays(), input.pinnedRates(), null));
    }

    /**
     * Refuses a second goal for a scope and period early, naming the goal there, before anything is derived; the
     * store's constraint is what holds when two admins race (its ConflictException then says the same without the id).
     */
    private void checkNoOtherGoal(Derivation derivation, String exceptId) {
        String period = derivation.period().toString();
        for (StoredGoal other : store.goals(derivation.scope().type().id(), derivation.scope().id(), period)) {
            if (!other.id().equals(exceptId)) {
                throw new ConflictException("goal " + other.id() + " is already set for " + derivation.scope() + " in "
                        + period + ": change that goal instead of adding another");
            }
        }
    }

    private static void checkVersion(StoredGoal current, long expectedVersion) {
        if (current.version() != expectedVersion) {
            throw new StaleVersionException("goal", current.id(), expectedVersion, current.version());
        }
    }

    private static StoredGoal storedGoal(String id, long version, GoalInput input, Derivation derivation, String actor,
                                         Instant now) {
        return new StoredGoal(id, version, derivation.scope().type().id(), derivation.scope().id(),
                derivation.period().toString(), derivation.period().range().from(), derivation.period().range().to(),
                GoalCodec.encode(input, derivation), summary(input, derivation), actor, now);
    }

    /** One target per manager and step; ids, versions and goal ids are the store's to set. */
    private static List<StoredTarget> storedTargets(DerivedTargets derived, String actor, Instant now) {
        List<StoredTarget> targets = new ArrayList<>();
        for (DerivedTargets.ManagerTargets manager : derived.managers()) {
            for (DerivedTargets.StepTargets step : manager.steps()) {
                targets.add(new StoredTarget(null, 0, Scope.Type.MANAGER.id(), manager.managerId(), step.metric(),
                        derived.period(), derived.from(), derived.to(), step.target(), null, step.explanation().text(),
                        actor, now));
            }
        }
        return targets;
    }

    private GoalRecord record(StoredGoal goal) {
        GoalCodec.Definition definition = GoalCodec.decode(goal.id(), goal.definition());
        return new GoalRecord(goal.id(), goal.version(), definition.input(),
                DerivationView.targets(definition.derivation(), this::calendar), goal.updatedBy(), goal.updatedAt());
    }

    /** The manager's calendar today; for a manager who left the directory, Monday to Friday in the stored zone. */
    private WorkingCalendar calendar(ManagerBasis manager) {
        return directory.user(manager.managerId()).map(calendars::of)
                .orElseGet(() -> WorkingCalendar.builder(manager.zone()).build());
    }

    private StoredGoal storedGoal(String id) {
        return (id == null ? Optional.<StoredGoal>empty() : store.goal(id))
                .orElseThrow(() -> new NotFoundException("no goal with id '" + id + "'"));
    }

    private StoredTarget storedTarget(String id) {
        return (id == null ? Optional.<StoredTarget>empty() : store.target(id))
                .orElseThrow(() -> new NotFoundException("no target with id '" + id + "'"));
    }

    private static void checkManual(StoredTarget target, String verb) {
        if (target.goalId() != null) {
            throw new ConflictException("target " + target.id() + " was derived from goal " + target.goalId()
                    + "; it is " + verb + " with its goal: change or re-derive the goal instead");
        }
    }

    private StoredTarget manualTarget(String id, long version, TargetInput input, String actor) {
        if (input == null) {
            throw new ValidationException("body", "is required");
        }
        Scope scope = input.scope();
        if (scope == null) {
            throw new ValidationException("scope", "is required: a type (team or manager) and an id");
        }
        if (scope.type() == Scope.Type.MANAGER) {
            GoalDeriver.manager(directory, scope.id());
        } else {
            Teams.team(directory, scope.id());
        }
        String metric = MetricIds.check(input.metric(), "metric");
        TargetPeriod period = TargetPeriod.parse(input.period(), "period");
        if (input.value() < 0) {
            throw new ValidationException("value", "must be 0 or more, was " + input.value());
        }
        GoalDeriver.checkNote(input.note(), "note");
        return new StoredTarget(id, version, scope.type().id(), scope.id(), metric, period.text(), period.range().from(),
                period.range().to(), input.value(), null, input.note(), actor, clock.instant());
    }

    private static void requireActor(String actor) {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("the actor (the user making the change) is required for the history");
        }
    }

    private static TargetRecord record(StoredTarget target) {
        return new TargetRecord(target.id(), target.version(), new Scope(Scope.Type.parse(target.scopeType(), "scopeType"),
                target.scopeId()), target.metric(), target.period(), target.from(), target.to(), target.value(),
                target.goalId(), target.explanation(), target.updatedBy(), target.updatedAt());
    }
}
