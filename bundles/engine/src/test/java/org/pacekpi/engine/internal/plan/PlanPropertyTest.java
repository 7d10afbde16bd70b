package org.pacekpi.engine.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.constraints.LongRange;

import org.pacekpi.api.dto.Money;
import org.pacekpi.engine.internal.calendar.DateRange;
import org.pacekpi.engine.internal.calendar.WorkingCalendar;

/**
 * The promises of the reverse funnel and of pacing on random funnels, goals, periods and calendars: a plan pushed
 * back through its conversions reaches the goal; a cumulative schedule ends at the target, never decreases and
 * sums exactly; what pacing says is needed per remaining day finishes the target.
 */
class PlanPropertyTest {

    private static final LocalDate EPOCH = LocalDate.of(2024, 1, 1);

    @Provide
    Arbitrary<Fraction> rates() {
        // Denominators up to 20 over at most 8 conversions and goals up to a million paid deals keep every target
        // within a long (20^8 x 10^6 < 2^63); larger ones are refused, see ReverseFunnelTest.
        return Arbitraries.integers().between(1, 20).flatMap(den -> Arbitraries.integers().between(1, den)
                .map(num -> Fraction.of(num, den)));
    }

    @Provide
    Arbitrary<Funnel> funnels() {
        Arbitrary<Integer> activities = Arbitraries.integers().between(0, 3);
        Arbitrary<Integer> stages = Arbitraries.integers().between(1, 6);
        return Combinators.combine(activities, stages).flatAs((a, s) -> {
            List<FunnelStep> steps = new ArrayList<>();
            for (int i = 0; i < a; i++) {
                steps.add(FunnelStep.activity("a" + i, "activity " + i, "activities " + i));
            }
            for (int i = 0; i < s; i++) {
                steps.add(FunnelStep.stage("s" + i, "stage " + i, "stages " + i));
            }
            Arbitrary<Conversion> conversion = Combinators.combine(rates(), Arbitraries.longs().between(0, 500))
                    .as((rate, sample) -> sample == 0 ? Conversion.pinned("x", "y", rate) : Conversion.measured("x", "y", rate, sample));
            return conversion.list().ofSize(steps.size() - 1).map(given -> {
                List<Conversion> conversions = new ArrayList<>();
                for (int i = 0; i < given.size(); i++) {
                    Conversion c = given.get(i);
                    conversions.add(new Conversion(steps.get(i).id(), steps.get(i + 1).id(), c.rate(), c.source(), c.sampleSize()));
                }
                return new Funnel(steps, conversions, Map.of());
            });
        });
    }

    @Provide
    Arbitrary<Goal> goals() {
        Arbitrary<Goal> deals = Arbitraries.longs().between(1, 1_000_000L).map(Goal::paidDeals);
        // At most a million paid deals' worth of revenue, in cents.
        Arbitrary<Goal> money = Arbitraries.longs().between(1, 10_000_000_000L).flatMap(revenue -> Arbitraries.longs()
                .between(Math.max(1, revenue / 1_000_000), 10_000_000_000L)
                .map(average -> Goal.revenue(new Money("EUR", BigDecimal.valueOf(revenue, 2)),
                        new Money("EUR", BigDecimal.valueOf(average, 2)))));
        Arbitrary<Goal> whole = Arbitraries.oneOf(deals, money, Arbitraries.longs().between(1, 5).map(Goal::paidDeals));
        // A manager's share of a team's goal, split among up to 12 managers, as well as whole goals.
        return Arbitraries.oneOf(whole, Combinators.combine(whole, Arbitraries.integers().between(2, 12)).as(Goal::splitAmong));
    }

    @Provide
    Arbitrary<PlanPeriod> periods() {
        Arbitrary<PlanPeriod> months = Arbitraries.integers().between(0, 47).map(i -> PlanPeriod.month(YearMonth.of(2024, 1).plusMonths(i)));
        Arbitrary<PlanPeriod> quarters = Combinators.combine(Arbitraries.integers().between(2024, 2027), Arbitraries.integers().between(1, 4))
                .as(PlanPeriod::quarter);
        return Arbitraries.oneOf(months, quarters);
    }

    @Provide
    Arbitrary<WorkingCalendar> calendars() {
        Arbitrary<Set<DayOfWeek>> weeks = Arbitraries.of(DayOfWeek.class).set().ofMinSize(1).ofMaxSize(7);
        Arbitrary<Set<LocalDate>> daysOff = Arbitraries.integers().between(0, 4 * 366).map(EPOCH::plusDays).set().ofMaxSize(200);
        Arbitrary<WorkingCalendar> random = Combinators.combine(weeks, daysOff).as((week, off) ->
                WorkingCalendar.builder(Calendars.MOSCOW_ZONE).workingWeek(EnumSet.copyOf(week)).managerDaysOff(off).build());
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, random),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Calendars.RUSSIA)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Calendars.PLAIN)));
    }

    @Provide
    Arbitrary<WorkingHours> hours() {
        return Combinators.combine(Arbitraries.integers().between(0, 22 * 60).withDistribution(RandomDistribution.uniform()),
                        Arbitraries.integers().between(1, 12 * 60).withDistribution(RandomDistribution.uniform()))
                .as((start, length) -> new WorkingHours(LocalTime.ofSecondOfDay(start * 60L),
                        LocalTime.ofSecondOfDay(Math.min(start + length, 24 * 60 - 1) * 60L)));
    }

    private static Plan derive(Goal goal, PlanPeriod period, Funnel funnel, WeeksRule rule, WorkingCalendar calendar) {
        Assume.that(calendar.workingDays(period.range()) > 0);
        return ReverseFunnel.derive(new PlanRequest(goal, period, funnel, rule, period.range().from()), calendar);
    }

    @Property(tries = 400)
    void aPlanPushedBackThroughItsConversionsReachesTheGoal(@ForAll("goals") Goal goal, @ForAll("periods") PlanPeriod period,
                                                            @ForAll("funnels") Funnel funnel, @ForAll WeeksRule rule,
                                                            @ForAll("calendars") WorkingCalendar calendar) {
        Plan plan = derive(goal, period, funnel, rule, calendar);
        List<StepTarget> steps = plan.steps();
        assertThat(steps).extracting(StepTarget::step).containsExactlyElementsOf(funnel.steps());
        Fraction goalDeals = goal.paidDealsNeeded();
        // The shares of a split goal add up to the whole goal.
        assertThat(goalDeals.times(goal.splitAmong())).isEqualTo(goal.splitAmong(1).paidDealsNeeded());
        for (int i = 0; i < steps.size(); i++) {
            Fraction product = Fraction.ONE;
            for (int j = i; j < steps.size() - 1; j++) {
                product = product.times(funnel.conversionFrom(steps.get(j).step().id()).orElseThrow().rate());
            }
            StepTarget step = steps.get(i);
            Fraction reached = Fraction.of(step.target()).times(product);
            assertThat(reached).as("%s: %s x %s", step.step().id(), step.target(), product).isGreaterThanOrEqualTo(goalDeals);
            if (goal.kind() == Goal.Kind.REVENUE) {
                assertThat(reached.times(Fraction.of(goal.averagePaidDeal().amount())))
                        .isGreaterThanOrEqualTo(goal.revenueShare());
            }
            // Exactly what the goal needs, rounded up once: one less would not do.
            assertThat(step.needed().times(product)).isEqualTo(goalDeals);
            assertThat(Fraction.of(step.target() - 1)).isLessThan(step.needed());
            assertThat(Fraction.of(step.target())).isGreaterThanOrEqualTo(step.needed());
            // Pushed to the next step, the target brings at least the next step's need.
            if (i + 1 < steps.size()) {
                Fraction rate = funnel.conversionFrom(step.step().id()).orElseThrow().rate();
                assertThat(Fraction.of(step.target()).times(rate)).isGreaterThanOrEqualTo(steps.get(i + 1).needed());
            }
            // The per-week and per-day targets, over the period, make the period's need.
            assertThat(Fraction.of(step.perWeek().target()).times(plan.weeks())).isGreaterThanOrEqualTo(step.needed());
            assertThat(Fraction.of(step.perWorkingDay().target()).times(plan.workingDays())).isGreaterThanOrEqualTo(step.needed());
            assertThat(step.perWeek().exact().times(plan.weeks())).isEqualTo(step.needed());
        }
    }

    @Property(tries = 400)
    void theCumulativeScheduleEndsAtTheTargetAndSumsExactly(@ForAll("goals") Goal goal, @ForAll("periods") PlanPeriod period,
                                                            @ForAll("funnels") Funnel funnel,
                                                            @ForAll("calendars") WorkingCalendar calendar) {
        Plan plan = derive(goal, period, funnel, WeeksRule.WORKING_CALENDAR, calendar);
        for (StepTarget step : plan.steps()) {
            checkSchedule(step, step.byWeek(), plan);
            checkSchedule(step, step.byWorkingDay(), plan);
            assertThat(step.byWorkingDay()).hasSize(plan.workingDays());
            assertThat(step.byWorkingDay()).allSatisfy(entry -> {
                assertThat(entry.range().days()).isEqualTo(1);
                assertThat(calendar.isWorkingDay(entry.range().from())).isTrue();
            });
            // The weeks tile the period.
            assertThat(step.byWeek().get(0).range().from()).isEqualTo(period.range().from());
            assertThat(step.byWeek().get(step.byWeek().size() - 1).range().to()).isEqualTo(period.range().to());
            for (int i = 1; i < step.byWeek().size(); i++) {
                assertThat(step.byWeek().get(i).range().from()).isEqualTo(step.byWeek().get(i - 1).range().to().plusDays(1));
            }
            // A week's figure is its last working day's.
            for (ScheduleEntry week : step.byWeek()) {
                step.byWorkingDay().stream().filter(day -> week.range().contains(day.range().from()))
                        .reduce((first, second) -> second)
                        .ifPresent(lastDay -> assertThat(week.expectedToDate()).isEqualTo(lastDay.expectedToDate()));
            }
        }
    }

    private static void checkSchedule(StepTarget step, List<ScheduleEntry> schedule, Plan plan) {
        assertThat(schedule).isNotEmpty();
        assertThat(schedule.get(schedule.size() - 1).expectedToDate()).as("%s ends at its target", step.step().id())
                .isEqualTo(step.target());
        assertThat(schedule.get(schedule.size() - 1).exactToDate()).isEqualTo(step.needed());
        long previous = 0;
        long sum = 0;
        int workingDays = 0;
        for (ScheduleEntry entry : schedule) {
            assertThat(entry.expectedToDate()).as("never decreases").isGreaterThanOrEqualTo(previous);
            assertThat(entry.increment()).isEqualTo(entry.expectedToDate() - previous);
            assertThat(Fraction.of(entry.expectedToDate())).isGreaterThanOrEqualTo(entry.exactToDate())
                    .isLessThan(entry.exactToDate().plus(Fraction.ONE));
            previous = entry.expectedToDate();
            sum += entry.increment();
            workingDays += entry.workingDays();
        }
        assertThat(sum).as("increments add up to the target").isEqualTo(step.target());
        assertThat(workingDays).isEqualTo(plan.workingDays());
    }

    @Provide
    Arbitrary<Integer> percents() {
        return Arbitraries.integers().between(0, 250).withDistribution(RandomDistribution.uniform());
    }

    @Provide
    Arbitrary<Integer> positions() {
        // Where in the period, in percent of its days: a little before it to a little after it.
        return Arbitraries.integers().between(-5, 105).withDistribution(RandomDistribution.uniform());
    }

    @Provide
    Arbitrary<Integer> minutesOfDay() {
        return Arbitraries.integers().between(0, 24 * 60 - 1).withDistribution(RandomDistribution.uniform());
    }

    @Property(tries = 600)
    void whatIsNeededPerRemainingDayFinishesTheTarget(@ForAll @LongRange(min = 0, max = 100_000) long target,
                                                      @ForAll("percents") int actualPercent,
                                                      @ForAll("periods") PlanPeriod period,
                                                      @ForAll("calendars") WorkingCalendar calendar,
                                                      @ForAll("hours") WorkingHours hours,
                                                      @ForAll("positions") int position,
                                                      @ForAll("minutesOfDay") int minuteOfDay) {
        long actual = target * actualPercent / 100;
        DateRange range = period.range();
        LocalDate day = range.from().plusDays(Math.floorDiv((long) range.days() * position, 100));
        Instant at = day.atStartOfDay(calendar.zone()).plusMinutes(minuteOfDay).toInstant();
        Pacing pacing = Pacing.measure(target, actual, range, calendar, hours, at);

        Fraction total = Fraction.of(pacing.workingDays());
        assertThat(pacing.workingDaysElapsed().plus(pacing.workingDaysRemaining())).isEqualTo(total);
        assertThat(pacing.workingDaysElapsed()).isGreaterThanOrEqualTo(Fraction.ZERO).isLessThanOrEqualTo(total);
        assertThat(pacing.expectedToDate()).isLessThanOrEqualTo(Fraction.of(target));
        assertThat(pacing.difference()).isEqualTo(Fraction.of(actual).minus(pacing.expectedToDate()));
        if (pacing.workingDaysRemaining().signum() > 0) {
            RateTarget needed = pacing.neededPerRemainingDay().orElseThrow();
            assertThat(needed.exact().times(pacing.workingDaysRemaining()).plus(Fraction.of(actual)))
                    .isGreaterThanOrEqualTo(Fraction.of(target));
            assertThat(Fraction.of(needed.target()).times(pacing.workingDaysRemaining()).plus(Fraction.of(actual)))
                    .isGreaterThanOrEqualTo(Fraction.of(target));
            // No more than needed: exactly the shortfall.
            assertThat(needed.exact().times(pacing.workingDaysRemaining())).isEqualTo(Fraction.of(pacing.shortfall()));
        } else {
            assertThat(pacing.neededPerRemainingDay()).isEmpty();
            assertThat(pacing.status() == PaceStatus.AT_RISK).isEqualTo(actual < target);
        }
        // One more done never makes the status worse; a minute later never un-elapses working time.
        Pacing oneMore = Pacing.measure(target, actual + 1, range, calendar, hours, at);
        assertThat(oneMore.status().ordinal()).isLessThanOrEqualTo(pacing.status().ordinal());
        Pacing later = Pacing.measure(target, actual, range, calendar, hours, at.plusSeconds(60));
        assertThat(later.workingDaysElapsed()).isGreaterThanOrEqualTo(pacing.workingDaysElapsed());
    }
}
