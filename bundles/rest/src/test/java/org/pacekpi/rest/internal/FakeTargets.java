package org.pacekpi.rest.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import org.pacekpi.api.targets.DerivedTargets.ScheduleEntry;
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
 * A target service in memory that keeps versions and history like the real one is specified to, validates the way
 * its contract says (the field named as a JSON path), and records every call as a line of text. Its derivation is
 * the worked example of issue 4 whatever the goal: 3 paid deals, 9 proposals (9/4 a week, target 3), each manager
 * of a team getting it.
 */
final class FakeTargets implements TargetService {

    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Pattern PERIOD = Pattern.compile("(\\d{4})-(\\d{2}|Q[1-4]|W\\d{2})");
    private static final Set<String> METRICS = Set.of("touches", "firstContacts", "meetingsHeld", "dealsWon",
            "stage:meeting", "stage:proposal");

    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, GoalRecord> goals = new LinkedHashMap<>();
    private final Map<String, TargetRecord> targets = new LinkedHashMap<>();
    private final List<Change> history = new ArrayList<>();
    private int nextId = 1;

    /** Run inside every versioned write before the version is compared; tests make two writes meet here. */
    Runnable beforeVersionCheck = () -> { };

    /** The pacing answered for any manager or team. */
    List<TargetPace> pacing = List.of(pace(Scope.manager("m1"), "meetingsHeld", 18, 12, 10, "ahead"));

    @Override
    public DerivedTargets derive(DeriveRequest request) {
        calls.add("derive " + request.scope() + " " + request.period());
        validate(request.period(), request.goal(), request.pinnedRates());
        return derived(request.scope(), request.period(), request.goal(), request.method());
    }

    @Override
    public synchronized List<GoalRecord> goals(Scope scope, String period) {
        calls.add("goals " + scope + " " + period);
        if (period != null) {
            period(period);
        }
        return goals.values().stream().filter(g -> scope == null || g.input().scope().equals(scope))
                .filter(g -> period == null || g.input().period().equals(period)).toList();
    }

    @Override
    public synchronized GoalRecord goal(String id) {
        GoalRecord goal = goals.get(id);
        if (goal == null) {
            throw new NotFoundException("no goal with id '" + id + "'");
        }
        return goal;
    }

    @Override
    public GoalRecord createGoal(GoalInput input, String actor) {
        calls.add("createGoal " + input.scope() + " by " + actor);
        validate(input.period(), input.goal(), input.pinnedRates());
        synchronized (this) {
            GoalRecord goal = new GoalRecord("g" + nextId++, 1, input, derived(input.scope(), input.period(),
                    input.goal(), input.method()), actor, NOW);
            goals.put(goal.id(), goal);
            record("goal", goal.id(), 1, "created", actor, null, words(input));
            return goal;
        }
    }

    @Override
    public GoalRecord updateGoal(String id, long expectedVersion, GoalInput input, String actor) {
        calls.add("updateGoal " + id + " v" + expectedVersion + " by " + actor);
        validate(input.period(), input.goal(), input.pinnedRates());
        beforeVersionCheck.run();
        synchronized (this) {
            GoalRecord stored = checked(goal(id), expectedVersion);
            GoalRecord updated = new GoalRecord(id, stored.version() + 1, input,
                    derived(input.scope(), input.period(), input.goal(), input.method()), actor, NOW);
            goals.put(id, updated);
            record("goal", id, updated.version(), "updated", actor, words(stored.input()), words(input));
            return updated;
        }
    }

    @Override
    public synchronized GoalRecord rederive(String id, long expectedVersion, String actor) {
        calls.add("rederive " + id + " v" + expectedVersion + " by " + actor);
        GoalRecord stored = checked(goal(id), expectedVersion);
        GoalRecord updated = new GoalRecord(id, stored.version() + 1, stored.input(), stored.derived(), actor, NOW);
        goals.put(id, updated);
        record("goal", id, updated.version(), "rederived", actor, words(stored.input()), words(stored.input()));
        return updated;
    }

    @Override
    public synchronized void deleteGoal(String id, long expectedVersion, String actor) {
        calls.add("deleteGoal " + id + " v" + expectedVersion + " by " + actor);
        GoalRecord stored = checked(goal(id), expectedVersion);
        goals.remove(id);
        record("goal", id, stored.version(), "deleted", actor, words(stored.input()), null);
    }

    @Override
    public synchronized List<TargetRecord> targets(Scope scope, String period, String metric) {
        calls.add("targets " + scope + " " + period + " " + metric);
        return targets.values().stream().filter(t -> scope == null || t.scope().equals(scope))
                .filter(t -> period == null || t.period().equals(period))
                .filter(t -> metric == null || t.metric().equals(metric)).toList();
    }

    @Override
    public synchronized TargetRecord target(String id) {
        TargetRecord target = targets.get(id);
        if (target == null) {
            throw new NotFoundException("no target with id '" + id + "'");
        }
        return target;
    }

    @Override
    public TargetRecord createTarget(TargetInput input, String actor) {
        calls.add("createTarget " + input.scope() + " " + input.metric() + " by " + actor);
        validate(input);
        synchronized (this) {
            for (TargetRecord existing : targets.values()) {
                if (existing.scope().equals(input.scope()) && existing.metric().equals(input.metric())
                        && existing.period().equals(input.period())) {
                    throw new ConflictException("target " + existing.id() + " already sets " + input.metric()
                            + " of " + input.scope() + " for " + input.period() + "; change it instead");
                }
            }
            TargetRecord target = target("t" + nextId++, 1, input, null, actor);
            targets.put(target.id(), target);
            record("target", target.id(), 1, "created", actor, null, words(input));
            return target;
        }
    }

    /** Stores a target derived from a goal, which only its goal may change. */
    synchronized TargetRecord derivedTarget(String goalId, Scope scope, String metric, long value) {
        TargetRecord target = target("t" + nextId++, 1, new TargetInput(scope, metric, "2026-03", value, null),
                goalId, "system");
        targets.put(target.id(), target);
        return target;
    }

    @Override
    public TargetRecord updateTarget(String id, long expectedVersion, TargetInput input, String actor) {
        calls.add("updateTarget " + id + " v" + expectedVersion + " by " + actor);
        validate(input);
        beforeVersionCheck.run();
        synchronized (this) {
            TargetRecord stored = checked(target(id), expectedVersion);
            if (stored.goalId() != null) {
                throw new ConflictException("target " + id + " was derived from goal " + stored.goalId()
                        + "; change the goal instead");
            }
            TargetRecord updated = target(id, stored.version() + 1, input, null, actor);
            targets.put(id, updated);
            record("target", id, updated.version(), "updated", actor, stored.value() + "", input.value() + "");
            return updated;
        }
    }

    @Override
    public synchronized void deleteTarget(String id, long expectedVersion, String actor) {
        calls.add("deleteTarget " + id + " v" + expectedVersion + " by " + actor);
        TargetRecord stored = checked(target(id), expectedVersion);
        if (stored.goalId() != null) {
            throw new ConflictException("target " + id + " was derived from goal " + stored.goalId()
                    + "; delete the goal instead");
        }
        targets.remove(id);
        record("target", id, stored.version(), "deleted", actor, stored.value() + "", null);
    }

    @Override
    public synchronized List<Change> history(String id) {
        calls.add("history " + id);
        return history.stream().filter(c -> c.entityId().equals(id)).toList();
    }

    @Override
    public List<TargetPace> managerPacing(String managerId, LocalDate date) {
        calls.add("managerPacing " + managerId + " " + date);
        return pacing;
    }

    @Override
    public List<TargetPace> teamPacing(String teamId, LocalDate date) {
        calls.add("teamPacing " + teamId + " " + date);
        return pacing;
    }

    /** The worked example as a derivation of {@code scope}. */
    static DerivedTargets derived(Scope scope, String period, GoalAmount goal, ConversionMethod method) {
        Exact nine = new Exact("9", new BigDecimal("9"));
        Exact nineQuarters = new Exact("9/4", new BigDecimal("2.2500"));
        Explanation proposals = new Explanation("9 proposals: 3 paid deals / 1 paid deal per 3 proposals", "divide",
                List.of(new Explanation.Operand("paid deals", new Exact("3", new BigDecimal("3"))),
                        new Explanation.Operand("rate proposal -> paid", new Exact("1/3", new BigDecimal("0.3333")))),
                nine);
        StepTargets step = new StepTargets("proposal", "stage", "stage:proposal", nine, 9, proposals,
                new RateTarget(nineQuarters, 3, new Explanation("2.25 proposals a week: 9 proposals / 4 weeks;"
                        + " target 3 a week", "divide", List.of(), nineQuarters)),
                new RateTarget(new Exact("9/20", new BigDecimal("0.4500")), 1,
                        new Explanation("0.45 proposals a working day", "divide", List.of(), null)),
                List.of(new ScheduleEntry(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 8), 5,
                        nineQuarters, 3, 3)),
                List.of(),
                new NeededBy(LocalDate.of(2026, 3, 10), new BigDecimal("21"), false, false,
                        "9 proposals by 10 March: proposals take 21 days to be paid (median)"));
        ManagerTargets m1 = new ManagerTargets("m1", "Europe/Moscow", LocalDate.of(2026, 3, 2),
                new Exact("3", new BigDecimal("3")), new Explanation("3 paid deals: the goal", "given", null, null),
                20, new Exact("4", new BigDecimal("4")),
                new Explanation("4 weeks: 20 working days / 5", "divide", null, null),
                List.of(new RateUsed("proposal", "paid", new Exact("1/3", new BigDecimal("0.3333")), "measured", 42,
                        "14 of 42 proposals were paid")),
                List.of(step));
        return new DerivedTargets(scope, period, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), goal,
                "working-calendar", method == null ? ConversionMethod.COHORT : method, LocalDate.of(2025, 9, 2),
                LocalDate.of(2026, 3, 1), null, List.of(m1));
    }

    static TargetPace pace(Scope scope, String metric, long target, long actual, long expected, String status) {
        return new TargetPace("t-pace", scope, metric, "2026-03", LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 31), target, actual, expected, actual - expected, status,
                new Exact("11", new BigDecimal("11")), new Exact("6/11", new BigDecimal("0.5455")),
                actual + " of " + target + "; " + expected + " expected by now: " + status);
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

    private static TargetRecord target(String id, long version, TargetInput input, String goalId, String actor) {
        return new TargetRecord(id, version, input.scope(), input.metric(), input.period(), LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 31), input.value(), goalId, input.note(), actor, NOW);
    }

    private void record(String entity, String id, long version, String action, String actor, String before,
                        String after) {
        history.add(new Change(history.size() + 1, entity, id, version, action, actor, NOW, before, after));
    }

    private static String words(GoalInput input) {
        return input.goal().paidDeals() + " paid deals for " + input.scope() + " in " + input.period();
    }

    private static String words(TargetInput input) {
        return input.value() + " " + input.metric() + " for " + input.scope() + " in " + input.period();
    }

    /** What the real service checks, as its contract names the fields. */
    private static void validate(String period, GoalAmount goal, List<PinnedRate> pins) {
        period(period);
        if (goal == null) {
            throw new ValidationException("goal", "is required: paidDeals or revenue");
        }
        if (goal.paidDeals() != null && goal.paidDeals() <= 0) {
            throw new ValidationException("goal.paidDeals", "must be positive, was " + goal.paidDeals());
        }
        for (int i = 0; i < pins.size(); i++) {
            // like the engine: a fraction such as 1/3 or a decimal
            String text = pins.get(i).rate();
            int slash = text == null ? -1 : text.indexOf('/');
            BigDecimal rate = text == null ? null : slash < 0 ? new BigDecimal(text)
                    : new BigDecimal(text.substring(0, slash)).divide(new BigDecimal(text.substring(slash + 1)),
                            java.math.MathContext.DECIMAL64);
            if (rate == null || rate.signum() <= 0 || rate.compareTo(BigDecimal.ONE) > 0) {
                throw new ValidationException("pinnedRates[" + i + "].rate",
                        "must be above 0 and at most 1, was " + rate);
            }
        }
    }

    private static void validate(TargetInput input) {
        period(input.period());
        if (!METRICS.contains(input.metric())) {
            throw new ValidationException("metric", "unknown metric '" + input.metric() + "'");
        }
        if (input.value() < 0) {
            throw new ValidationException("value", "must be at least 0, was " + input.value());
        }
    }

    private static void period(String period) {
        Matcher matcher = PERIOD.matcher(period == null ? "" : period);
        if (!matcher.matches()) {
            throw new ValidationException("period", "must be a month (2026-03), a quarter (2026-Q1) or a week"
                    + " (2026-W10), was '" + period + "'");
        }
    }
}
