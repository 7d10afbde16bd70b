package org.pacekpi.engine.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.pacekpi.api.dto.Money;
import org.pacekpi.engine.internal.calendar.DateRange;
import org.pacekpi.engine.internal.calendar.WorkingCalendar;

class ReverseFunnelTest {

    private static final FunnelStep MEETING = FunnelStep.DEFAULT_STAGES.get(0);
    private static final FunnelStep PROPOSAL = FunnelStep.DEFAULT_STAGES.get(3);
    private static final FunnelStep PAID = FunnelStep.DEFAULT_STAGES.get(4);
    private static final PlanPeriod MARCH_2026 = PlanPeriod.month(YearMonth.of(2026, 3));

    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    /** Meeting -> proposal -> paid: 2 meetings per proposal (pinned), 1 paid deal per 3 proposals (measured on 42). */
    private static Funnel workedExampleFunnel(Map<String, Duration> times) {
        return new Funnel(List.of(MEETING, PROPOSAL, PAID),
                List.of(Conversion.pinned("meeting", "proposal", Fraction.of(1, 2)),
                        Conversion.measured("proposal", "paid", Fraction.of(1, 3), 42)),
                times);
    }

    private static Plan derive(Goal goal, PlanPeriod period, Funnel funnel, WeeksRule rule, WorkingCalendar calendar) {
        return ReverseFunnel.derive(new PlanRequest(goal, period, funnel, rule, period.range().from()), calendar);
    }

    @Test
    void theWorkedExampleComesOutExactly() {
        Plan plan = derive(Goal.paidDeals(3), MARCH_2026, workedExampleFunnel(Map.of()), WeeksRule.FOUR_WEEKS_A_MONTH,
                Calendars.PLAIN);

        assertThat(plan.weeks()).isEqualTo(Fraction.of(4));
        assertThat(plan.steps()).extracting(target -> target.step().id()).containsExactly("meeting", "proposal", "paid");

        StepTarget paid = plan.step("paid");
        assertThat(paid.needed()).isEqualTo(Fraction.of(3));
        assertThat(paid.target()).isEqualTo(3);
        assertThat(paid.explanation().text()).isEqualTo("3 paid deals: the goal for 2026-03");

        StepTarget proposals = plan.step("proposal");
        assertThat(proposals.needed()).isEqualTo(Fraction.of(9));
        assertThat(proposals.target()).isEqualTo(9);
        assertThat(proposals.perWeek().exact()).isEqualTo(Fraction.of(9, 4));
        assertThat(proposals.perWeek().target()).isEqualTo(3);
        assertThat(proposals.explanation().text())
                .isEqualTo("9 proposals: 3 paid deals / 1 paid deal per 3 proposals (rate 0.33, measured on 42 deals)");
        assertThat(proposals.explanation().operation()).isEqualTo(Operation.DIVIDE);
        assertThat(proposals.explanation().operands()).containsExactly(new Operand("paid deals", Fraction.of(3)),
                new Operand("rate proposal -> paid", Fraction.of(1, 3)));
        assertThat(proposals.explanation().result()).isEqualTo(Fraction.of(9));
        assertThat(proposals.perWeek().explanation().text()).isEqualTo("2.25 proposals a week: 9 proposals over 4 weeks, so 3 a week");

        StepTarget meetings = plan.step("meeting");
        assertThat(meetings.needed()).isEqualTo(Fraction.of(18));
        assertThat(meetings.target()).isEqualTo(18);
        assertThat(meetings.perWeek().exact()).isEqualTo(Fraction.of(9, 2));
        assertThat(meetings.perWeek().target()).isEqualTo(5);
        assertThat(meetings.explanation().text())
                .isEqualTo("18 meetings: 9 proposals / 1 proposal per 2 meetings (rate 0.5, pinned by an admin)");
        assertThat(meetings.perWeek().explanation().text()).isEqualTo("4.5 meetings a week: 18 meetings over 4 weeks, so 5 a week");
        assertThat(plan.weeksExplanation().text()).isEqualTo("4 weeks: 4 weeks a month (the plain rule)");
    }

    @Test
    void weeksFollowTheWorkingCalendarByDefault() {
        Funnel funnel = workedExampleFunnel(Map.of());
        // March 2026 has 22 weekdays; in Russia Monday 9 March is the holiday for Sunday 8 March: 21 working days.
        Plan plain = derive(Goal.paidDeals(3), MARCH_2026, funnel, WeeksRule.WORKING_CALENDAR, Calendars.PLAIN);
        assertThat(plain.workingDays()).isEqualTo(22);
        assertThat(plain.weeks()).isEqualTo(Fraction.of(22, 5));
        Plan russia = derive(Goal.paidDeals(3), MARCH_2026, funnel, WeeksRule.WORKING_CALENDAR, Calendars.RUSSIA);
        assertThat(russia.workingDays()).isEqualTo(21);
        assertThat(russia.weeks()).isEqualTo(Fraction.of(21, 5));
        assertThat(russia.weeksExplanation().text()).isEqualTo("4.2 weeks: 21 working days in 2026-03 / 5 working days a week");
        // 9 proposals over 4.2 weeks is 15/7 = 2.14 a week, still 3 a week; over 21 working days 3/7 a day, so 1.
        StepTarget proposals = russia.step("proposal");
        assertThat(proposals.perWeek().exact()).isEqualTo(Fraction.of(15, 7));
        assertThat(proposals.perWeek().target()).isEqualTo(3);
        assertThat(proposals.perWorkingDay().exact()).isEqualTo(Fraction.of(3, 7));
        assertThat(proposals.perWorkingDay().target()).isEqualTo(1);
        assertThat(proposals.perWorkingDay().explanation().text())
                .isEqualTo("0.43 proposals a working day: 9 proposals over 21 working days, so 1 a working day");
    }

    @Test
    void aQuarterOfTheRussianCalendarSpreadsOverItsWorkingWeeks() {
        Funnel funnel = new Funnel(List.of(PROPOSAL, PAID), List.of(Conversion.measured("proposal", "paid", Fraction.of(1, 3), 42)),
                Map.of());
        Plan plan = derive(Goal.paidDeals(10), PlanPeriod.quarter(2026, 1), funnel, WeeksRule.WORKING_CALENDAR, Calendars.RUSSIA);
        // 15 + 19 + 21 working days: 1-11 January, 23 February and 9 March off.
        assertThat(plan.workingDays()).isEqualTo(55);
        assertThat(plan.weeks()).isEqualTo(Fraction.of(11));
        StepTarget proposals = plan.step("proposal");
        assertThat(proposals.target()).isEqualTo(30);
        assertThat(proposals.perWeek().exact()).isEqualTo(Fraction.of(30, 11));
        assertThat(proposals.perWeek().target()).isEqualTo(3);
        assertThat(proposals.perWorkingDay().exact()).isEqualTo(Fraction.of(6, 11));
        assertThat(proposals.perWorkingDay().target()).isEqualTo(1);

        // By week: ceiling(30 x working days to date / 55), worked out by hand.
        assertThat(proposals.byWeek()).extracting(entry -> entry.range().from(), ScheduleEntry::workingDays,
                ScheduleEntry::expectedToDate, ScheduleEntry::increment).containsExactly(
                tuple(day("2026-01-01"), 0, 0L, 0L),
                tuple(day("2026-01-05"), 0, 0L, 0L),
                tuple(day("2026-01-12"), 5, 3L, 3L),
                tuple(day("2026-01-19"), 5, 6L, 3L),
                tuple(day("2026-01-26"), 5, 9L, 3L),
                tuple(day("2026-02-02"), 5, 11L, 2L),
                tuple(day("2026-02-09"), 5, 14L, 3L),
                tuple(day("2026-02-16"), 5, 17L, 3L),
                tuple(day("2026-02-23"), 4, 19L, 2L),
                tuple(day("2026-03-02"), 5, 22L, 3L),
                tuple(day("2026-03-09"), 4, 24L, 2L),
                tuple(day("2026-03-16"), 5, 27L, 3L),
                tuple(day("2026-03-23"), 5, 29L, 2L),
                tuple(day("2026-03-30"), 2, 30L, 1L));
        assertThat(proposals.byWeek().get(0).range()).isEqualTo(new DateRange(day("2026-01-01"), day("2026-01-04")));
        assertThat(proposals.byWeek().get(13).range()).isEqualTo(new DateRange(day("2026-03-30"), day("2026-03-31")));

        assertThat(proposals.byWorkingDay()).hasSize(55);
        assertThat(proposals.byWorkingDay().get(0).range().from()).isEqualTo(day("2026-01-12"));
        assertThat(proposals.byWorkingDay()).extracting(entry -> entry.range().from())
                .doesNotContain(day("2026-02-23"), day("2026-03-09"), day("2026-01-09"));
        assertThat(proposals.byWorkingDay().get(54).expectedToDate()).isEqualTo(30);
    }

    @Test
    void aTransferredSaturdayIsAWorkingDayOfTheSchedule() {
        Funnel funnel = new Funnel(List.of(PAID), List.of(), Map.of());
        // November 2025: Saturday 1 November works, Monday 3 and Tuesday 4 November are off; 19 working days.
        Plan plan = derive(Goal.paidDeals(19), PlanPeriod.month(YearMonth.of(2025, 11)), funnel, WeeksRule.WORKING_CALENDAR,
                Calendars.RUSSIA);
        assertThat(plan.workingDays()).isEqualTo(19);
        StepTarget paid = plan.step("paid");
        assertThat(paid.byWorkingDay()).extracting(entry -> entry.range().from()).startsWith(day("2025-11-01"), day("2025-11-05"));
        assertThat(paid.byWorkingDay()).allSatisfy(entry -> assertThat(entry.increment()).isEqualTo(1));
        // The first ISO week is cut to Saturday 1 and Sunday 2 November: one working day.
        assertThat(paid.byWeek().get(0)).isEqualTo(new ScheduleEntry(new DateRange(day("2025-11-01"), day("2025-11-02")), 1,
                Fraction.ONE, 1, 1));
        assertThat(paid.byWeek().get(1).workingDays()).isEqualTo(3);
    }

    @Test
    void aGoalOfOneDealIsDueByTheThirdOfThePeriod() {
        Funnel funnel = new Funnel(List.of(PROPOSAL, PAID), List.of(Conversion.measured("proposal", "paid", Fraction.of(1, 3), 9)),
                Map.of());
        Plan plan = derive(Goal.paidDeals(1), MARCH_2026, funnel, WeeksRule.WORKING_CALENDAR, Calendars.RUSSIA);
        StepTarget proposals = plan.step("proposal");
        assertThat(proposals.target()).isEqualTo(3);
        // ceiling(3k / 21) = ceiling(k / 7): one proposal due from the 1st, 8th and 15th working day on.
        List<ScheduleEntry> days = proposals.byWorkingDay();
        assertThat(days).hasSize(21);
        for (int k = 1; k <= 21; k++) {
            assertThat(days.get(k - 1).expectedToDate()).as("working day %s", k).isEqualTo((k + 6) / 7);
            assertThat(days.get(k - 1).increment()).as("working day %s", k).isEqualTo(k % 7 == 1 ? 1 : 0);
        }
        StepTarget paid = plan.step("paid");
        assertThat(paid.perWeek().target()).isEqualTo(1);
        assertThat(paid.perWeek().exact()).isEqualTo(Fraction.of(5, 21));
        assertThat(paid.perWorkingDay().target()).isEqualTo(1);
        assertThat(paid.byWorkingDay().get(0).expectedToDate()).isEqualTo(1);
        assertThat(paid.byWorkingDay()).extracting(ScheduleEntry::increment).containsOnlyOnce(1L);
    }

    @Test
    void largeGoalsStayExactAndTooLargeOnesAreRefused() {
        Funnel funnel = new Funnel(List.of(FunnelStep.TOUCHES, PROPOSAL, PAID),
                List.of(Conversion.measured("touches", "proposal", Fraction.of(1, 1000), 5_000_000),
                        Conversion.measured("proposal", "paid", Fraction.of(1, 3), 42)),
                Map.of());
        Plan plan = derive(Goal.paidDeals(1_000_000_000_000L), MARCH_2026, funnel, WeeksRule.WORKING_CALENDAR, Calendars.PLAIN);
        assertThat(plan.step("touches").target()).isEqualTo(3_000_000_000_000_000L);
        assertThat(plan.step("touches").perWorkingDay().exact()).isEqualTo(Fraction.of(3_000_000_000_000_000L, 22));
        assertThat(plan.step("touches").byWorkingDay().get(21).expectedToDate()).isEqualTo(3_000_000_000_000_000L);
        assertThat(plan.step("touches").explanation().text()).startsWith("3000000000000000 touches: 3000000000000 proposals / 1 proposal per 1000 touches (rate 0.001, measured on 5000000 touches)");

        assertThatThrownBy(() -> derive(Goal.paidDeals(10_000_000_000_000_000L), MARCH_2026, funnel, WeeksRule.WORKING_CALENDAR,
                Calendars.PLAIN))
                .isInstanceOfSatisfying(PlanValidationException.class, e -> assertThat(e.field()).isEqualTo("goal"))
                .hasMessageContaining("30000000000000000000 touches");
    }

    @Test
    void aMoneyGoalTurnsIntoPaidDealsByTheAverageDeal() {
        Goal goal = Goal.revenue(new Money("RUB", new BigDecimal("1000000")), new Money("RUB", new BigDecimal("300000.00")));
        Plan plan = derive(goal, MARCH_2026, workedExampleFunnel(Map.of()), WeeksRule.FOUR_WEEKS_A_MONTH, Calendars.PLAIN);
        StepTarget paid = plan.step("paid");
        assertThat(paid.needed()).isEqualTo(Fraction.of(10, 3));
        assertThat(paid.target()).isEqualTo(4);
        assertThat(paid.explanation().text()).isEqualTo("3.33 paid deals: 1000000 RUB for 2026-03 / 300000 RUB average paid deal, so 4");
        assertThat(paid.explanation().operands()).containsExactly(new Operand("revenue", Fraction.of(1_000_000)),
                new Operand("average paid deal", Fraction.of(300_000)));
        // The chain divides the exact 10/3, not the rounded 4: 10 proposals, not 12.
        assertThat(plan.step("proposal").target()).isEqualTo(10);
        assertThat(plan.step("proposal").explanation().text())
                .isEqualTo("10 proposals: 3.33 paid deals / 1 paid deal per 3 proposals (rate 0.33, measured on 42 deals)");
        assertThat(plan.step("meeting").target()).isEqualTo(20);
    }

    @Test
    void activitiesInFrontOfTheFunnelAreDerivedToo() {
        List<FunnelStep> steps = new java.util.ArrayList<>(List.of(FunnelStep.TOUCHES, FunnelStep.FIRST_CONTACTS, FunnelStep.MEETINGS_HELD));
        steps.addAll(FunnelStep.DEFAULT_STAGES);
        Funnel funnel = new Funnel(steps, List.of(
                Conversion.measured("touches", "firstContacts", Fraction.of(1, 4), 800),
                Conversion.measured("firstContacts", "meetingsHeld", Fraction.of(1, 5), 200),
                Conversion.pinned("meetingsHeld", "meeting", Fraction.ONE),
                Conversion.measured("meeting", "intro", Fraction.of(3, 4), 60),
                Conversion.measured("intro", "presentation", Fraction.of(2, 3), 45),
                Conversion.measured("presentation", "proposal", Fraction.of(1, 2), 30),
                Conversion.measured("proposal", "paid", Fraction.of(1, 3), 15)), Map.of());
        Plan plan = derive(Goal.paidDeals(2), MARCH_2026, funnel, WeeksRule.FOUR_WEEKS_A_MONTH, Calendars.PLAIN);
        // 2 paid <- 6 proposals <- 12 presentations <- 18 intros <- 24 meetings <- 24 held <- 120 first contacts <- 480 touches.
        assertThat(plan.steps()).extracting(target -> target.step().id(), StepTarget::target).containsExactly(
                tuple("touches", 480L), tuple("firstContacts", 120L), tuple("meetingsHeld", 24L), tuple("meeting", 24L),
                tuple("intro", 18L), tuple("presentation", 12L), tuple("proposal", 6L), tuple("paid", 2L));
        assertThat(plan.step("touches").explanation().text())
                .isEqualTo("480 touches: 120 first contacts / 1 first contact per 4 touches (rate 0.25, measured on 800 touches)");
        assertThat(plan.step("meetingsHeld").explanation().text())
                .isEqualTo("24 meetings held: 24 meetings / 1 meeting per meeting held (rate 1, pinned by an admin)");
        assertThat(plan.step("intro").explanation().text())
                .isEqualTo("18 intros: 12 presentations / 1 presentation per 1.5 intros (rate 0.67, measured on 45 deals)");
    }

    @Test
    void earlierStagesAreNeededEarlier() {
        Funnel funnel = workedExampleFunnel(Map.of("proposal", Duration.ofDays(30), "meeting", Duration.ofDays(45)));
        PlanPeriod april = PlanPeriod.month(YearMonth.of(2026, 4));
        Plan plan = ReverseFunnel.derive(new PlanRequest(Goal.paidDeals(3), april, funnel, WeeksRule.WORKING_CALENDAR,
                day("2026-03-10")), Calendars.PLAIN);

        NeededBy proposals = plan.step("proposal").neededBy().orElseThrow();
        assertThat(proposals.date()).isEqualTo(day("2026-03-31"));
        assertThat(proposals.beforePeriodStart()).isTrue();
        assertThat(proposals.late()).isFalse();
        assertThat(proposals.text()).isEqualTo("proposals needed by 2026-03-31: the period ends on 2026-04-30 and a proposal "
                + "takes a median 30 days to be paid; that is before the period starts on 2026-04-01");
        assertThat(plan.step("meeting").neededBy().orElseThrow().date()).isEqualTo(day("2026-03-16"));
        NeededBy paid = plan.step("paid").neededBy().orElseThrow();
        assertThat(paid.date()).isEqualTo(day("2026-04-30"));
        assertThat(paid.beforePeriodStart()).isFalse();
        assertThat(paid.text()).isEqualTo("paid deals needed by 2026-04-30: the period ends on 2026-04-30");

        Plan later = ReverseFunnel.derive(new PlanRequest(Goal.paidDeals(3), april, funnel, WeeksRule.WORKING_CALENDAR,
                day("2026-03-20")), Calendars.PLAIN);
        assertThat(later.step("meeting").neededBy().orElseThrow().late()).isTrue();
        assertThat(later.step("meeting").neededBy().orElseThrow().text()).endsWith("; already late on 2026-03-20");
        assertThat(later.step("proposal").neededBy().orElseThrow().late()).isFalse();
    }

    @Test
    void partOfADayToPaidCountsAsAWholeDayEarlier() {
        Funnel funnel = workedExampleFunnel(Map.of("proposal", Duration.ofDays(29).plusHours(12), "meeting", Duration.ofDays(1)));
        Plan plan = derive(Goal.paidDeals(3), PlanPeriod.month(YearMonth.of(2026, 4)), funnel, WeeksRule.WORKING_CALENDAR,
                Calendars.PLAIN);
        assertThat(plan.step("proposal").neededBy().orElseThrow().date()).isEqualTo(day("2026-03-31"));
        assertThat(plan.step("meeting").neededBy().orElseThrow().date()).isEqualTo(day("2026-04-29"));
        assertThat(plan.step("meeting").neededBy().orElseThrow().beforePeriodStart()).isFalse();
    }

    @Test
    void aStepWithoutATimeToPaidHasNoNeededByDate() {
        Plan plan = derive(Goal.paidDeals(3), MARCH_2026, workedExampleFunnel(Map.of("proposal", Duration.ofDays(10))),
                WeeksRule.WORKING_CALENDAR, Calendars.PLAIN);
        assertThat(plan.step("meeting").neededBy()).isEmpty();
        assertThat(plan.step("proposal").neededBy()).isPresent();
    }

    @Test
    void aPeriodWithoutWorkingDaysIsRefused() {
        WorkingCalendar onLeave = WorkingCalendar.builder(Calendars.MOSCOW_ZONE)
                .managerDaysOff(Set.copyOf(MARCH_2026.range().dates().toList())).build();
        assertThatThrownBy(() -> derive(Goal.paidDeals(3), MARCH_2026, workedExampleFunnel(Map.of()), WeeksRule.WORKING_CALENDAR, onLeave))
                .isInstanceOfSatisfying(PlanValidationException.class, e -> assertThat(e.field()).isEqualTo("period"))
                .hasMessage("period: 2026-03 has no working days in the manager's calendar");
    }

    @Test
    void aShareOfATeamsGoalIsTheGoalSplitEvenlyExactly() {
        Plan deals = derive(Goal.paidDeals(3).splitAmong(2), MARCH_2026, workedExampleFunnel(Map.of()),
                WeeksRule.FOUR_WEEKS_A_MONTH, Calendars.PLAIN);
        StepTarget paid = deals.step("paid");
        assertThat(paid.needed()).isEqualTo(Fraction.of(3, 2));
        assertThat(paid.target()).isEqualTo(2);
        assertThat(paid.explanation().operation()).isEqualTo(Operation.DIVIDE);
        assertThat(paid.explanation().operands()).containsExactly(new Operand("goal", Fraction.of(3)),
                new Operand("managers", Fraction.of(2)));
        assertThat(paid.explanation().text()).isEqualTo("1.5 paid deals: 3 paid deals for 2026-03 split evenly among 2 managers, so 2");
        // The chain divides the exact share: 9/2 proposals, so 5, and 9 meetings.
        assertThat(deals.step("proposal").target()).isEqualTo(5);
        assertThat(deals.step("meeting").target()).isEqualTo(9);

        Goal money = Goal.revenue(new Money("RUB", new BigDecimal("1000000")), new Money("RUB", new BigDecimal("100000")))
                .splitAmong(3);
        StepTarget paidMoney = derive(money, MARCH_2026, workedExampleFunnel(Map.of()), WeeksRule.FOUR_WEEKS_A_MONTH,
                Calendars.PLAIN).step("paid");
        assertThat(paidMoney.needed()).isEqualTo(Fraction.of(10, 3));
        assertThat(paidMoney.explanation().operands()).containsExactly(
                new Operand("revenue share", Fraction.of(1_000_000, 3)), new Operand("average paid deal", Fraction.of(100_000)));
        assertThat(paidMoney.explanation().text()).isEqualTo("3.33 paid deals: 1000000 RUB for 2026-03 split evenly among 3 "
                + "managers (333333.33 RUB each) / 100000 RUB average paid deal, so 4");
    }

    @Test
    void aRateWithoutASampleOfTheManagersOwnSaysItIsTheTeams() {
        Funnel funnel = new Funnel(List.of(PROPOSAL, PAID), List.of(Conversion.measured("proposal", "paid", Fraction.of(1, 4), 0)),
                Map.of());
        assertThat(derive(Goal.paidDeals(1), MARCH_2026, funnel, WeeksRule.FOUR_WEEKS_A_MONTH, Calendars.PLAIN)
                .step("proposal").explanation().text())
                .isEqualTo("4 proposals: 1 paid deal / 1 paid deal per 4 proposals (rate 0.25, the team's rate, no sample of "
                        + "the manager's own)");
    }
}
