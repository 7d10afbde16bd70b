package org.pacekpi.shell.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pacekpi.api.NotFoundException;
import org.pacekpi.api.targets.Change;
import org.pacekpi.api.targets.ConflictException;
import org.pacekpi.api.targets.ConversionMethod;
import org.pacekpi.api.targets.DeriveRequest;
import org.pacekpi.api.targets.DerivedTargets;
import org.pacekpi.api.targets.DerivedTargets.ManagerTargets;
import org.pacekpi.api.targets.DerivedTargets.NeededBy;
import org.pacekpi.api.targets.DerivedTargets.RateTarget;
import org.pacekpi.api.targets.DerivedTargets.RateUsed;
import org.pacekpi.api.targets.DerivedTargets.StepTargets;
import org.pacekpi.api.targets.Exact;
import org.pacekpi.api.targets.Explanation;
import org.pacekpi.api.targets.GoalAmount;
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

/**
 * A target service in memory: records every call as a line of text (with what it was given), keeps versions and
 * history, and refuses what the real one is specified to refuse, naming the API field. Its derivation is the worked
 * example of issue 4 for manager m1: 3 paid deals, 1 in 3 proposals paid, 2 meetings per proposal, 4 weeks.
 */
final class FakeTargets implements TargetService {

    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    final List<String> calls = new ArrayList<>();
    final Map<String, GoalRecord> goals = new LinkedHashMap<>();
    final Map<String, TargetRecord> targets = new LinkedHashMap<>();
    final List<Change> history = new ArrayList<>();
    private int nextId = 1;

    /** The last request derived or goal stored, as given. */
    DeriveRequest derived;
    GoalInput goalInput;
    TargetInput targetInput;

    @Override
    public DerivedTargets derive(DeriveRequest request) {
        calls.add("derive " + request.scope() + " " + request.period());
        derived = request;
        validate(request.period(), request.goal(), request.pinnedRates());
        return example(request.scope(), request.period(), request.goal(), request.method());
    }

    @Override
    public List<GoalRecord> goals(Scope scope, String period) {
        calls.add("goals " + scope + " " + period);
        return goals.values().stream().filter(g -> scope == null || g.input().scope().equals(scope))
                .filter(g -> period == null || g.input().period().equals(period)).toList();
    }

    @Override
    public GoalRecord goal(String id) {
        GoalRecord goal = goals.get(id);
        if (goal == null) {
            throw new NotFoundException("no goal with id '" + id + "'");
        }
        return goal;
    }

    @Override
    public GoalRecord createGoal(GoalInput input, String actor) {
        calls.add("createGoal " + input.scope() + " by " + actor);
        goalInput = input;
        validate(input.period(), input.goal(), input.pinnedRates());
        GoalRecord goal = new GoalRecord("g" + nextId++, 1, input,
                example(input.scope(), input.period(), input.goal(), input.method()), actor, NOW);
        goals.put(goal.id(), goal);
        record("goal", goal.id(), 1, "created", actor, null, input.goal().paidDeals() + " paid deals");
        return goal;
    }

    @Override
    public GoalRecord updateGoal(String id, long expectedVersion, GoalInput input, String actor) {
        calls.add("updateGoal " + id + " v" + expectedVersion + " by " + actor);
        goalInput = input;
        validate(input.period(), input.goal(), input.pinnedRates());
        GoalRecord stored = checked(goal(id), expectedVersion);
        GoalRecord updated = new GoalRecord(id, stored.version() + 1, input,
                example(input.scope(), input.period(), input.goal(), input.method()), actor, NOW);
        goals.put(id, updated);
        return updated;
    }

    @Override
    public GoalRecord rederive(String id, long expectedVersion, String actor) {
        calls.add("rederive " + id + " v" + expectedVersion + " by " + actor);
        GoalRecord stored = checked(goal(id), expectedVersion);
        GoalRecord updated = new GoalRecord(id, stored.version() + 1, stored.input(), stored.derived(), actor, NOW);
        goals.put(id, updated);
        return updated;
    }

    @Override
    public void deleteGoal(String id, long expectedVersion, String actor) {
        calls.add("deleteGoal " + id + " v" + expectedVersion + " by " + actor);
        checked(goal(id), expectedVersion);
        goals.remove(id);
    }

    @Override
    public List<TargetRecord> targets(Scope scope, String period, String metric) {
        calls.add("targets " + scope + " " + period + " " + metric);
        return targets.values().stream().filter(t -> scope == null || t.scope().equals(scope))
                .filter(t -> period == null || t.period().equals(period))
                .filter(t -> metric == null || t.metric().equals(metric)).toList();
    }

    @Override
    public TargetRecord target(String id) {
        TargetRecord target = targets.get(id);
        if (target == null) {
            throw new NotFoundException("no target with id '" + id + "'");
        }
        return target;
    }

    @Override
    public TargetRecord createTarget(TargetInput input, String actor) {
        calls.add("createTarget " + input.scope() + " " + input.metric() + " " + input.value() + " by " + actor);
        targetInput = input;
        validate(input);
        TargetRecord target = record("t" + nextId++, 1, input, null, actor);
        targets.put(target.id(), target);
        return target;
    }

    @Override
    public TargetRecord updateTarget(String id, long expectedVersion, TargetInput input, String actor) {
        calls.add("updateTarget " + id + " v" + expectedVersion + " by " + actor);
        validate(input);
        TargetRecord stored = checked(target(id), expectedVersion);
        if (stored.goalId() != null) {
            throw new ConflictException("target " + id + " was derived from goal " + stored.goalId()
                    + "; change the goal instead");
        }
        TargetRecord updated = record(id, stored.version() + 1, input, null, actor);
        targets.put(id, updated);
        return updated;
    }

    @Override
    public void deleteTarget(String id, long expectedVersion, String actor) {
        calls.add("deleteTarget " + id + " v" + expectedVersion + " by " + actor);
        checked(target(id), expectedVersion);
        targets.remove(id);
    }

    /** Stores a target as a goal would have derived it. */
    TargetRecord derivedTarget(String goalId, String managerId, String metric, long value) {
        TargetRecord target = record("t" + nextId++, 1,
                new TargetInput(Scope.manager(managerId), metric, "2026-03", value, null), goalId, "root");
        targets.put(target.id(), target);
        return target;
    }

    @Override
    public List<Change> history(String id) {
        calls.add("history " + id);
        return history.stream().filter(c -> c.entityId().equals(id)).toList();
    }

    @Override
    public List<TargetPace> managerPacing(String managerId, LocalDate date) {
        throw new UnsupportedOperationException("the shell shows no pacing");
    }

    @Override
    public List<TargetPace> teamPacing(String teamId, LocalDate date) {
        throw new UnsupportedOperationException("the shell shows no pacing");
    }

    void record(String entity, String id, long version, String action, String actor, String before, String after) {
        history.add(new Change(history.size() + 1, entity, id, version, action, actor, NOW, before, after));
    }

    /** 3 paid deals, 1 in 3 proposals paid, 2 meetings a proposal, 4 weeks of 5 working days, for m1. */
    static DerivedTargets example(Scope scope, String period, GoalAmount goal, ConversionMethod method) {
        StepTargets meetings = step("meeting", "stage:meeting", exact("18", "18"), 18, exact("9/2", "4.5"), 5,
                exact("9/10", "0.9"), 1, null, "18 meetings: 9 proposals x 2 meetings per proposal");
        StepTargets proposals = step("proposal", "stage:proposal", exact("9", "9"), 9, exact("9/4", "2.25"), 3,
                exact("9/20", "0.45"), 1, new NeededBy(LocalDate.of(2026, 3, 10), new BigDecimal("21"), false, true,
                        "9 proposals by 10 March: 21 days to paid (median); late"),
                "9 proposals: 3 paid deals / 1 paid deal per 3 proposals");
        StepTargets paid = step("paid", "dealsWon", exact("3", "3"), 3, exact("3/4", "0.75"), 1,
                exact("3/20", "0.15"), 1, null, "3 paid deals: the goal");
        ManagerTargets m1 = new ManagerTargets("m1", "Europe/Moscow", LocalDate.of(2026, 3, 2), exact("3", "3"),
                explanation("3 paid deals: the goal"), 20, exact("4", "4"),
                explanation("4 weeks: 20 working days / 5 a week"),
                List.of(new RateUsed("meeting", "proposal", exact("1/2", "0.5"), "pinned", 0,
                                "pinned by the admin at 0.5"),
                        new RateUsed("proposal", "paid", exact("1/3", "0.3333"), "measured", 42,
                                "14 of 42 proposals were paid")),
                List.of(meetings, proposals, paid));
        return new DerivedTargets(scope, period, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), goal,
                "working-calendar", method == null ? ConversionMethod.COHORT : method, LocalDate.of(2025, 9, 2),
                LocalDate.of(2026, 3, 1), scope.type() == Scope.Type.TEAM
                        ? explanation("3 paid deals split evenly among 1 manager") : null,
                List.of(m1));
    }

    private static StepTargets step(String id, String metric, Exact needed, long target, Exact perWeek,
                                    long weekTarget, Exact perDay, long dayTarget, NeededBy neededBy, String how) {
        return new StepTargets(id, "stage", metric, needed, target, explanation(how),
                new RateTarget(perWeek, weekTarget, explanation(perWeek.decimal() + " a week; target " + weekTarget)),
                new RateTarget(perDay, dayTarget, explanation(perDay.decimal() + " a working day; target "
                        + dayTarget)),
                List.of(), List.of(), neededBy);
    }

    private static Exact exact(String fraction, String decimal) {
        return new Exact(fraction, new BigDecimal(decimal));
    }

    private static Explanation explanation(String text) {
        return new Explanation(text, "given", List.of(), null);
    }

    private GoalRecord checked(GoalRecord stored, long expectedVersion) {
        if (stored.version() != expectedVersion) {
            throw new StaleVersionException("goal", stored.id(), expectedVersion, stored.version());
        }
        return stored;
    }

    private TargetRecord checked(TargetRecord stored, long expectedVersion) {
        if (stored.version() != expectedVersion) {
            throw new StaleVersionException("target", stored.id(), expectedVersion, stored.version());
        }
        return stored;
    }

    private static TargetRecord record(String id, long version, TargetInput input, String goalId, String actor) {
        return new TargetRecord(id, version, input.scope(), input.metric(), input.period(), LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 31), input.value(), goalId, input.note(), actor, NOW);
    }

    private static void validate(String period, GoalAmount goal, List<PinnedRate> pins) {
        if (period == null || !period.matches("\\d{4}-(\\d{2}|Q[1-4])")) {
            throw new ValidationException("period", "must be a month (2026-03) or a quarter (2026-Q1), was '"
                    + period + "'");
        }
        if (goal.paidDeals() != null && goal.paidDeals() <= 0) {
            throw new ValidationException("goal.paidDeals", "must be positive, was " + goal.paidDeals());
        }
        if (goal.revenue() != null && goal.revenue().amount().signum() <= 0) {
            throw new ValidationException("goal.revenue.amount", "must be positive, was "
                    + goal.revenue().amount());
        }
        for (int i = 0; i < pins.size(); i++) {
            // like the engine: a fraction such as 1/3, or a decimal
            String text = pins.get(i).rate();
            int slash = text.indexOf('/');
            BigDecimal rate = slash < 0 ? new BigDecimal(text) : new BigDecimal(text.substring(0, slash))
                    .divide(new BigDecimal(text.substring(slash + 1)), java.math.MathContext.DECIMAL64);
            if (rate.compareTo(BigDecimal.ONE) > 0 || rate.signum() <= 0) {
                throw new ValidationException("pinnedRates[" + i + "].rate", "must be above 0 and at most 1, was "
                        + pins.get(i).rate());
            }
        }
    }

    private static void validate(TargetInput input) {
        if (!List.of("touches", "meetingsHeld", "stage:proposal", "dealsWon").contains(input.metric())) {
            throw new ValidationException("metric", "unknown metric '" + input.metric() + "'");
        }
        if (input.value() < 0) {
            throw new ValidationException("value", "must be at least 0, was " + input.value());
        }
    }
}
