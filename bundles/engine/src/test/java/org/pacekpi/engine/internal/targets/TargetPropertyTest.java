package org.pacekpi.engine.internal.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.pacekpi.api.targets.DeriveRequest;
import org.pacekpi.api.targets.DerivedTargets;
import org.pacekpi.api.targets.DerivedTargets.ManagerTargets;
import org.pacekpi.api.targets.DerivedTargets.ScheduleEntry;
import org.pacekpi.api.targets.DerivedTargets.StepTargets;
import org.pacekpi.api.targets.Exact;
import org.pacekpi.api.targets.FunnelStage;
import org.pacekpi.api.targets.GoalAmount;
import org.pacekpi.api.targets.GoalInput;
import org.pacekpi.api.targets.GoalRecord;
import org.pacekpi.api.targets.PinnedRate;
import org.pacekpi.api.targets.Scope;
import org.pacekpi.api.targets.TargetRecord;
import org.pacekpi.engine.internal.plan.Fraction;

/**
 * The promises of derivation through the service, on random funnels, teams, measured and pinned rates and goals: the
 * API's numbers are the exact ones (a derived plan pushed back through the rates it used reaches each manager's share,
 * and the shares add up to the goal), every cumulative schedule sums to its target, and a stored goal reads back with
 * its stored targets after the measurements change. The plan-level promises (targets rounded up once, per-week and
 * per-day targets, pacing) are {@code plan.PlanPropertyTest}'s.
 */
class TargetPropertyTest {

    private static final List<String> ZONES = List.of("Europe/Moscow", "Asia/Tokyo", "America/New_York", "UTC");

    /**
     * One random company and goal.
     *
     * @param activities activities in front of the stages
     * @param stages     stages, paid last
     * @param managers   the team's managers
     * @param rates      per manager, per pair of adjacent steps: numerator and denominator
     * @param pinned     per pair: null for measured, else the pinned rate in hundredths
     * @param goal       the goal
     * @param weeksRule  the weeks rule
     * @param period     the period
     */
    record Scenario(int activities, int stages, int managers, List<List<int[]>> rates, List<Integer> pinned,
                    GoalAmount goal, String weeksRule, String period) {
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<int[]> rate = Arbitraries.integers().between(1, 12)
                .flatMap(den -> Arbitraries.integers().between(1, den).map(num -> new int[] {num, den}));
        Arbitrary<GoalAmount> goals = Arbitraries.oneOf(Arbitraries.longs().between(1, 500).map(GoalAmount::paidDeals),
                Combinators.combine(Arbitraries.longs().between(1, 100_000_000L), Arbitraries.longs().between(100, 10_000_000L))
                        .as((revenue, average) -> new GoalAmount(null, TargetWorld.eur(BigDecimal.valueOf(revenue, 2).toPlainString()),
                                TargetWorld.eur(BigDecimal.valueOf(average, 2).toPlainString()))));
        Arbitrary<String> periods = Arbitraries.oneOf(Arbitraries.integers().between(0, 35)
                        .map(i -> java.time.YearMonth.of(2025, 1).plusMonths(i).toString()),
                Combinators.combine(Arbitraries.integers().between(2025, 2027), Arbitraries.integers().between(1, 4))
                        .as((year, quarter) -> year + "-Q" + quarter));
        return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(1, 5),
                Arbitraries.integers().between(1, 4)).flatAs((activities, stages, managers) -> {
            int pairs = activities + stages - 1;
            return Combinators.combine(rate.list().ofSize(pairs).list().ofSize(managers),
                    Arbitraries.integers().between(1, 100).injectNull(0.6).list().ofSize(pairs), goals,
                    Arbitraries.of("working-calendar", "four-weeks-a-month"), periods)
                    .as((rates, pinned, goal, rule, period) -> new Scenario(activities, stages, managers, rates, pinned,
                            goal, rule, period));
        });
    }

    /** Sets the scenario up in a fresh world: team t with managers m0.., the steps, the measured rates. */
    private static TargetWorld world(Scenario scenario) {
        TargetWorld world = new TargetWorld();
        world.directory.addTeam("t");
        for (int m = 0; m < scenario.managers(); m++) {
            world.directory.manager("m" + m, ZONES.get(m % ZONES.size()), "t");
        }
        List<FunnelStage> steps = new ArrayList<>();
        for (int a = 0; a < scenario.activities(); a++) {
            steps.add(FakeFunnelService.activity("a" + a, "activity " + a));
        }
        for (int s = 0; s < scenario.stages(); s++) {
            steps.add(FakeFunnelService.stage("s" + s, "stage " + s));
        }
        world.funnel.steps(steps);
        for (int m = 0; m < scenario.managers(); m++) {
            for (int p = 0; p + 1 < steps.size(); p++) {
                int[] rate = scenario.rates().get(m).get(p);
                world.funnel.rate(Scope.manager("m" + m), steps.get(p).id(), steps.get(p + 1).id(), rate[0] + "/" + rate[1], 10);
            }
        }
        return world;
    }

    private static List<PinnedRate> pins(Scenario scenario, TargetWorld world) {
        List<FunnelStage> steps = world.funnel.steps();
        List<PinnedRate> pins = new ArrayList<>();
        for (int p = 0; p < scenario.pinned().size(); p++) {
            if (scenario.pinned().get(p) != null) {
                pins.add(new PinnedRate(steps.get(p).id(), steps.get(p + 1).id(), BigDecimal.valueOf(scenario.pinned().get(p), 2).toPlainString()));
            }
        }
        return pins;
    }

    private static Fraction fraction(Exact exact) {
        Fraction value = Fraction.parse(exact.fraction());
        // The decimal beside it is the same number, half up to 4 places; the fraction is in lowest terms.
        assertThat(exact.decimal()).isEqualTo(value.toDecimal(4));
        assertThat(value.toString()).isEqualTo(exact.fraction());
        return value;
    }

    @Property(tries = 200)
    void aDerivedPlanPushedBackThroughTheRatesItUsedReachesTheGoal(@ForAll("scenarios") Scenario scenario) {
        TargetWorld world = world(scenario);
        List<PinnedRate> pins = pins(scenario, world);
        DerivedTargets derived = world.service().derive(new DeriveRequest(Scope.team("t"), scenario.period(), scenario.goal(),
                scenario.weeksRule(), null, null, pins, LocalDate.of(2026, 1, 15)));

        GoalAmount goal = scenario.goal();
        Fraction whole = goal.paidDeals() != null ? Fraction.of(goal.paidDeals())
                : Fraction.of(goal.revenue().amount()).dividedBy(Fraction.of(goal.averagePaidDeal().amount()));
        Fraction shares = Fraction.ZERO;
        assertThat(derived.managers()).hasSize(scenario.managers());
        for (ManagerTargets manager : derived.managers()) {
            Fraction paid = fraction(manager.paidDeals());
            shares = shares.plus(paid);
            List<StepTargets> steps = manager.steps();
            assertThat(manager.rates()).hasSize(steps.size() - 1);
            for (int i = 0; i < steps.size(); i++) {
                Fraction product = Fraction.ONE;
                for (int j = i; j < steps.size() - 1; j++) {
                    product = product.times(fraction(manager.rates().get(j).rate()));
                }
                StepTargets step = steps.get(i);
                assertThat(fraction(step.needed()).times(product)).as(step.step()).isEqualTo(paid);
                assertThat(Fraction.of(step.target()).times(product)).as(step.step()).isGreaterThanOrEqualTo(paid);
                assertThat(Fraction.of(step.target() - 1)).isLessThan(fraction(step.needed()));
            }
            // The rate used is the pinned one where pinned, else the manager's measured one.
            int m = Integer.parseInt(manager.managerId().substring(1));
            for (int p = 0; p < manager.rates().size(); p++) {
                Integer pinned = scenario.pinned().get(p);
                int[] measured = scenario.rates().get(m).get(p);
                Fraction expected = pinned != null ? Fraction.of(pinned, 100) : Fraction.of(measured[0], measured[1]);
                assertThat(fraction(manager.rates().get(p).rate())).isEqualTo(expected);
                assertThat(manager.rates().get(p).source()).isEqualTo(pinned != null ? "pinned" : "measured");
            }
        }
        assertThat(shares).isEqualTo(whole);
    }

    @Property(tries = 200)
    void everyCumulativeScheduleSumsExactlyToItsTarget(@ForAll("scenarios") Scenario scenario) {
        TargetWorld world = world(scenario);
        DerivedTargets derived = world.service().derive(new DeriveRequest(Scope.team("t"), scenario.period(), scenario.goal(),
                scenario.weeksRule(), null, null, pins(scenario, world), null));

        for (ManagerTargets manager : derived.managers()) {
            for (StepTargets step : manager.steps()) {
                for (List<ScheduleEntry> schedule : List.of(step.byWeek(), step.byWorkingDay())) {
                    assertThat(schedule.stream().mapToLong(ScheduleEntry::increment).sum()).isEqualTo(step.target());
                    assertThat(schedule.stream().mapToInt(ScheduleEntry::workingDays).sum()).isEqualTo(manager.workingDays());
                    ScheduleEntry last = schedule.get(schedule.size() - 1);
                    assertThat(last.expectedToDate()).isEqualTo(step.target());
                    assertThat(fraction(last.exactToDate())).isEqualTo(fraction(step.needed()));
                    assertThat(last.to()).isEqualTo(schedule == step.byWeek() ? derived.to() : last.from());
                }
                assertThat(step.byWorkingDay()).hasSize(manager.workingDays());
            }
        }
    }

    @Property(tries = 60)
    void aStoredGoalReadsBackWithItsStoredTargetsAfterTheMeasurementsChange(@ForAll("scenarios") Scenario scenario) {
        TargetWorld world = world(scenario);
        GoalRecord created = world.service().createGoal(new GoalInput(Scope.team("t"), scenario.period(), scenario.goal(),
                scenario.weeksRule(), null, null, pins(scenario, world), null), "admin");

        // Other measurements: every rate n/d becomes n/(d+1).
        world.funnel.clearMeasurements();
        List<FunnelStage> steps = world.funnel.steps();
        for (int m = 0; m < scenario.managers(); m++) {
            for (int p = 0; p + 1 < steps.size(); p++) {
                int[] rate = scenario.rates().get(m).get(p);
                world.funnel.rate(Scope.manager("m" + m), steps.get(p).id(), steps.get(p + 1).id(),
                        rate[0] + "/" + (rate[1] + 1), 3);
            }
        }

        GoalRecord read = world.service().goal(created.id());
        assertThat(read).isEqualTo(created);
        List<TargetRecord> stored = world.service().targets(null, null, null);
        assertThat(stored).hasSize(scenario.managers() * steps.size());
        for (TargetRecord target : stored) {
            StepTargets step = read.derived().managers().stream().filter(m -> m.managerId().equals(target.scope().id()))
                    .findFirst().orElseThrow().steps().stream().filter(s -> s.metric().equals(target.metric()))
                    .findFirst().orElseThrow();
            assertThat(target.value()).isEqualTo(step.target());
        }
    }
}
