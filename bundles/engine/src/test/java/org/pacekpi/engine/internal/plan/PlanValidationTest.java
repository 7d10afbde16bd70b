package org.pacekpi.engine.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.pacekpi.api.PeriodType;
import org.pacekpi.api.dto.Money;
import org.pacekpi.engine.internal.calendar.DateRange;

/** Bad input gets a {@link PlanValidationException} naming the field. */
class PlanValidationTest {

    private static final FunnelStep MEETING = FunnelStep.DEFAULT_STAGES.get(0);
    private static final FunnelStep PROPOSAL = FunnelStep.DEFAULT_STAGES.get(3);
    private static final FunnelStep PAID = FunnelStep.DEFAULT_STAGES.get(4);
    private static final Conversion MEETING_TO_PROPOSAL = Conversion.pinned("meeting", "proposal", Fraction.of(1, 2));
    private static final Conversion PROPOSAL_TO_PAID = Conversion.measured("proposal", "paid", Fraction.of(1, 3), 42);

    private static void assertRefused(ThrowingCallable call, String field, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(PlanValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field)).hasMessage(message);
    }

    private static Money rub(String amount) {
        return new Money("RUB", new BigDecimal(amount));
    }

    @Test
    void aGoalMustBePositive() {
        assertRefused(() -> Goal.paidDeals(0), "goal.paidDeals", "goal.paidDeals: must be positive, was 0");
        assertRefused(() -> Goal.paidDeals(-3), "goal.paidDeals", "goal.paidDeals: must be positive, was -3");
        assertRefused(() -> Goal.revenue(rub("-100"), rub("10")), "goal.revenue.amount",
                "goal.revenue.amount: must be positive, was -100");
        assertRefused(() -> Goal.revenue(rub("0"), rub("10")), "goal.revenue.amount", "goal.revenue.amount: must be positive, was 0");
        assertRefused(() -> Goal.revenue(rub("100"), rub("0.00")), "goal.averagePaidDeal.amount",
                "goal.averagePaidDeal.amount: must be positive, was 0.00");
        assertRefused(() -> Goal.revenue(null, rub("10")), "goal.revenue", "goal.revenue: is required for a revenue goal");
        assertRefused(() -> Goal.revenue(rub("100"), new Money("EUR", BigDecimal.TEN)), "goal.averagePaidDeal",
                "goal.averagePaidDeal: currency EUR differs from the revenue's RUB");
        assertRefused(() -> new Goal(null, 3, null, null), "goal.kind", "goal.kind: is required (paid deals or revenue)");
        assertThat(Goal.paidDeals(1).paidDealsNeeded()).isEqualTo(Fraction.ONE);
    }

    @Test
    void aConversionIsAShareAboveZeroAndAtMostOne() {
        assertRefused(() -> Conversion.pinned("proposal", "paid", Fraction.of(3, 2)), "rate",
                "rate: must be above 0 and at most 1 (proposal -> paid), was 3/2");
        assertRefused(() -> Conversion.pinned("proposal", "paid", Fraction.ZERO), "rate",
                "rate: must be above 0 and at most 1 (proposal -> paid), was 0");
        assertRefused(() -> Conversion.measured("proposal", "paid", Fraction.of(-1, 3), 5), "rate",
                "rate: must be above 0 and at most 1 (proposal -> paid), was -1/3");
        assertRefused(() -> Conversion.measured("proposal", "paid", Fraction.of(1, 3), -1), "sampleSize",
                "sampleSize: a measured rate's sample cannot be negative (proposal -> paid), was -1");
        assertRefused(() -> new Conversion("proposal", "paid", Fraction.ONE, RateSource.PINNED, 7), "sampleSize",
                "sampleSize: a pinned rate has no sample (proposal -> paid), was 7");
        assertThat(Conversion.pinned("proposal", "paid", Fraction.ONE).rate()).isEqualTo(Fraction.ONE);
    }

    @Test
    void aFieldOfAListItemIsNamedByItsPath() {
        PlanValidationException e = new PlanValidationException("rate", "must be above 0");
        PlanValidationException nested = e.within("conversions[1]");
        assertThat(nested.field()).isEqualTo("conversions[1].rate");
        assertThat(nested).hasMessage("conversions[1].rate: must be above 0").hasCause(e);
    }

    @Test
    void anEmptyFunnelIsRefused() {
        assertRefused(() -> new Funnel(List.of(), List.of(), Map.of()), "steps",
                "steps: the funnel is empty; it needs at least the paid stage");
        assertRefused(() -> new Funnel(null, List.of(), Map.of()), "steps",
                "steps: the funnel is empty; it needs at least the paid stage");
        assertRefused(() -> new Funnel(List.of(PAID), null, Map.of()), "conversions",
                "conversions: is required (empty for a funnel of the paid stage alone)");
        assertThat(new Funnel(List.of(PAID), List.of(), null).medianTimeToPaid()).isEmpty();
    }

    @Test
    void aConversionMustNameKnownAdjacentSteps() {
        List<FunnelStep> steps = List.of(MEETING, PROPOSAL, PAID);
        assertRefused(() -> new Funnel(steps, List.of(MEETING_TO_PROPOSAL, Conversion.pinned("propsal", "paid", Fraction.ONE)), Map.of()),
                "conversions[1].from", "conversions[1].from: unknown step 'propsal'; the funnel's steps are meeting, proposal, paid");
        assertRefused(() -> new Funnel(steps, List.of(Conversion.pinned("meeting", "won", Fraction.ONE), PROPOSAL_TO_PAID), Map.of()),
                "conversions[0].to", "conversions[0].to: unknown step 'won'; the funnel's steps are meeting, proposal, paid");
        assertRefused(() -> new Funnel(steps, List.of(Conversion.pinned("meeting", "paid", Fraction.ONE), PROPOSAL_TO_PAID), Map.of()),
                "conversions[0]", "conversions[0]: meeting -> paid does not join a step to the next one; the next step after "
                        + "meeting is proposal");
        assertRefused(() -> new Funnel(steps, List.of(PROPOSAL_TO_PAID), Map.of()), "conversions",
                "conversions: no conversion from meeting to proposal");
        assertRefused(() -> new Funnel(steps, List.of(MEETING_TO_PROPOSAL, PROPOSAL_TO_PAID, PROPOSAL_TO_PAID), Map.of()),
                "conversions[2]", "conversions[2]: a second conversion from proposal; conversions[1] already gives it");
        // Given in any order, the conversions are found by their steps.
        assertThat(new Funnel(steps, List.of(PROPOSAL_TO_PAID, MEETING_TO_PROPOSAL), Map.of()).conversionFrom("meeting"))
                .contains(MEETING_TO_PROPOSAL);
    }

    @Test
    void stepsAreUniqueWithActivitiesFirstAndAStageLast() {
        assertRefused(() -> new Funnel(List.of(PROPOSAL, PROPOSAL, PAID), List.of(), Map.of()), "steps[1].id",
                "steps[1].id: 'proposal' is already steps[0]");
        assertRefused(() -> new Funnel(List.of(PROPOSAL, FunnelStep.TOUCHES, PAID), List.of(), Map.of()), "steps[1].kind",
                "steps[1].kind: activity 'touches' comes after stage 'proposal'; activities sit in front of the deal stages");
        assertRefused(() -> new Funnel(List.of(FunnelStep.TOUCHES), List.of(), Map.of()), "steps[0].kind",
                "steps[0].kind: the last step must be the paid stage, was activity 'touches'");
        assertRefused(() -> FunnelStep.stage(" ", "x", "xs"), "id", "id: is required");
    }

    @Test
    void timesToPaidNameKnownStepsAndAreNotNegative() {
        List<FunnelStep> steps = List.of(PROPOSAL, PAID);
        assertRefused(() -> new Funnel(steps, List.of(PROPOSAL_TO_PAID), Map.of("propsal", Duration.ofDays(3))),
                "medianTimeToPaid[propsal]", "medianTimeToPaid[propsal]: unknown step 'propsal'; the funnel's steps are proposal, paid");
        assertRefused(() -> new Funnel(steps, List.of(PROPOSAL_TO_PAID), Map.of("proposal", Duration.ofDays(-1))),
                "medianTimeToPaid[proposal]", "medianTimeToPaid[proposal]: must be a duration of zero or more, was PT-24H");
        assertRefused(() -> new Funnel(steps, List.of(PROPOSAL_TO_PAID), Map.of("proposal", Duration.ofDays(3651))),
                "medianTimeToPaid[proposal]", "medianTimeToPaid[proposal]: must be at most 3650 days, was PT87624H");
    }

    @Test
    void aPeriodIsAMonthOrAQuarter() {
        assertRefused(() -> PlanPeriod.of(new DateRange(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 31))), "period",
                "period: 2026-03-02..2026-03-31 is neither a calendar month nor a calendar quarter");
        assertRefused(() -> new PlanPeriod(PeriodType.WEEK, new DateRange(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 8))),
                "period", "period: must be a month or a quarter, was WEEK");
        assertRefused(() -> new PlanPeriod(PeriodType.QUARTER, new DateRange(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 4, 30))),
                "period", "period: 2026-02-01..2026-04-30 is not a calendar quarter");
        assertRefused(() -> PlanPeriod.parse("2026-13"), "period",
                "period: must be a month such as 2026-03 or a quarter such as 2026-Q1; was '2026-13'");
        assertRefused(() -> PlanPeriod.parse("2026-Q5"), "period",
                "period: must be a month such as 2026-03 or a quarter such as 2026-Q1; was '2026-Q5'");
        assertRefused(() -> PlanPeriod.parse(null), "period",
                "period: must be a month such as 2026-03 or a quarter such as 2026-Q1; was 'null'");
        assertRefused(() -> PlanPeriod.quarter(2026, 0), "period", "period: quarter must be 1 to 4, was 0");

        assertThat(PlanPeriod.parse(" 2026-q2 ")).isEqualTo(new PlanPeriod(PeriodType.QUARTER,
                new DateRange(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30))));
        assertThat(PlanPeriod.parse("2026-02")).isEqualTo(PlanPeriod.month(YearMonth.of(2026, 2)));
        assertThat(PlanPeriod.parse("2026-02").range().to()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(PlanPeriod.of(new DateRange(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31))).toString()).isEqualTo("2026-Q4");
        assertThat(PlanPeriod.month(YearMonth.of(2026, 2)).toString()).isEqualTo("2026-02");
    }

    @Test
    void aRequestNamesItsMissingField() {
        Funnel funnel = new Funnel(List.of(PROPOSAL, PAID), List.of(PROPOSAL_TO_PAID), Map.of());
        PlanPeriod march = PlanPeriod.month(YearMonth.of(2026, 3));
        LocalDate asOf = LocalDate.of(2026, 3, 1);
        assertRefused(() -> new PlanRequest(null, march, funnel, WeeksRule.WORKING_CALENDAR, asOf), "goal", "goal: is required");
        assertRefused(() -> new PlanRequest(Goal.paidDeals(1), null, funnel, WeeksRule.WORKING_CALENDAR, asOf), "period", "period: is required");
        assertRefused(() -> new PlanRequest(Goal.paidDeals(1), march, null, WeeksRule.WORKING_CALENDAR, asOf), "funnel", "funnel: is required");
        assertRefused(() -> new PlanRequest(Goal.paidDeals(1), march, funnel, null, asOf), "weeksRule", "weeksRule: is required");
        assertRefused(() -> new PlanRequest(Goal.paidDeals(1), march, funnel, WeeksRule.WORKING_CALENDAR, null), "asOf", "asOf: is required");
    }

    @Test
    void aGoalIsSplitAmongAtLeastOneManager() {
        assertRefused(() -> Goal.paidDeals(3).splitAmong(0), "goal.splitAmong", "goal.splitAmong: must be at least 1 manager, was 0");
        assertThat(Goal.paidDeals(3).splitAmong(1)).isEqualTo(Goal.paidDeals(3));
        assertThatThrownBy(() -> Goal.paidDeals(3).revenueShare()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theWeeksRuleIsReadByItsId() {
        assertThat(WeeksRule.parse(" Four-Weeks-A-Month ", "weeksRule")).isEqualTo(WeeksRule.FOUR_WEEKS_A_MONTH);
        assertThat(WeeksRule.WORKING_CALENDAR.id()).isEqualTo("working-calendar");
        assertRefused(() -> WeeksRule.parse("monthly", "weeksRule"), "weeksRule",
                "weeksRule: must be one of working-calendar, four-weeks-a-month; was 'monthly'");
        assertRefused(() -> WeeksRule.parse(null, "rule"), "rule",
                "rule: must be one of working-calendar, four-weeks-a-month; was missing");
    }
}
