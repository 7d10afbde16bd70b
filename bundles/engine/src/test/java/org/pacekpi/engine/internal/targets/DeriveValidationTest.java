package org.pacekpi.engine.internal.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pacekpi.engine.internal.targets.TargetWorld.ANNA;
import static org.pacekpi.engine.internal.targets.TargetWorld.BORIS;
import static org.pacekpi.engine.internal.targets.TargetWorld.NORTH;
import static org.pacekpi.engine.internal.targets.TargetWorld.eur;
import static org.pacekpi.engine.internal.targets.TargetWorld.pin;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.pacekpi.api.NotFoundException;
import org.pacekpi.api.dto.Money;
import org.pacekpi.api.targets.DeriveRequest;
import org.pacekpi.api.targets.GoalAmount;
import org.pacekpi.api.targets.GoalInput;
import org.pacekpi.api.targets.PinnedRate;
import org.pacekpi.api.targets.Scope;
import org.pacekpi.api.targets.ValidationException;
import org.pacekpi.host.directory.Role;
import org.pacekpi.host.directory.User;

/** Every bad derive request is refused with a ValidationException naming the field by its JSON path. */
class DeriveValidationTest {

    private final TargetWorld world = new TargetWorld();

    DeriveValidationTest() {
        world.measureWorkedExample(ANNA);
        world.measureWorkedExample(BORIS);
    }

    private static DeriveRequest request(String period, GoalAmount goal) {
        return new DeriveRequest(ANNA, period, goal, null, null, null, List.of(), null);
    }

    private static DeriveRequest withPins(PinnedRate... pins) {
        return new DeriveRequest(ANNA, "2026-03", GoalAmount.paidDeals(3), null, null, null, List.of(pins), null);
    }

    private void assertRefused(DeriveRequest request, String field, String message) {
        assertRefused(() -> world.service().derive(request), field, message);
    }

    private static void assertRefused(ThrowingCallable call, String field, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field)).hasMessage(field + ": " + message);
    }

    @Test
    void thePeriodIsAMonthOrAQuarter() {
        assertRefused(request("2026-13", GoalAmount.paidDeals(3)), "period",
                "must be a month such as 2026-03 or a quarter such as 2026-Q1; was '2026-13'");
        assertRefused(request("March", GoalAmount.paidDeals(3)), "period",
                "must be a month such as 2026-03 or a quarter such as 2026-Q1; was 'March'");
        assertRefused(request("2026-W10", GoalAmount.paidDeals(3)), "period",
                "must be a month such as 2026-03 or a quarter such as 2026-Q1; was '2026-W10'");
        assertRefused(request(null, GoalAmount.paidDeals(3)), "period",
                "is required: a month such as 2026-03 or a quarter such as 2026-Q1");
        assertThat(world.service().derive(request("2026-q2", GoalAmount.paidDeals(3))).period()).isEqualTo("2026-Q2");
    }

    @Test
    void theGoalIsPaidDealsOrRevenue() {
        assertRefused(request("2026-03", null), "goal", "is required: paidDeals, or revenue (with an optional averagePaidDeal)");
        assertRefused(request("2026-03", new GoalAmount(null, null, null)), "goal", "needs paidDeals or revenue; neither was given");
        assertRefused(request("2026-03", new GoalAmount(3L, eur("100"), null)), "goal", "needs paidDeals or revenue, not both");
        assertRefused(request("2026-03", GoalAmount.paidDeals(0)), "goal.paidDeals", "must be positive, was 0");
        assertRefused(request("2026-03", GoalAmount.paidDeals(-3)), "goal.paidDeals", "must be positive, was -3");
        assertRefused(request("2026-03", new GoalAmount(3L, null, eur("10"))), "goal.averagePaidDeal",
                "goes with a revenue goal only, not with paidDeals");
    }

    @Test
    void aRevenueIsAPositiveAmountInAKnownCurrency() {
        assertRefused(request("2026-03", GoalAmount.revenue(eur("-100"))), "goal.revenue.amount", "must be positive, was -100");
        assertRefused(request("2026-03", GoalAmount.revenue(eur("0.00"))), "goal.revenue.amount", "must be positive, was 0.00");
        assertRefused(request("2026-03", GoalAmount.revenue(new Money("EUR", null))), "goal.revenue.amount", "is required");
        assertRefused(request("2026-03", GoalAmount.revenue(new Money("XYZ", BigDecimal.TEN))), "goal.revenue.currency",
                "must be an ISO 4217 code such as EUR, was 'XYZ'");
        assertRefused(request("2026-03", GoalAmount.revenue(new Money("eur", BigDecimal.TEN))), "goal.revenue.currency",
                "must be an ISO 4217 code such as EUR, was 'eur'");
        assertRefused(request("2026-03", GoalAmount.revenue(new Money(null, BigDecimal.TEN))), "goal.revenue.currency",
                "is required: an ISO 4217 code such as EUR");
        assertRefused(request("2026-03", new GoalAmount(null, eur("100"), eur("0"))), "goal.averagePaidDeal.amount",
                "must be positive, was 0");
        assertRefused(request("2026-03", new GoalAmount(null, eur("100"), new Money("USD", BigDecimal.TEN))),
                "goal.averagePaidDeal.currency", "must be the revenue's currency EUR, was USD");
    }

    @Test
    void aMoneyGoalWithoutAnyPaidDealToAverageNeedsTheAverageGiven() {
        world.funnel.averagePaidDeal(NORTH, new Money("USD", BigDecimal.TEN));
        assertRefused(request("2026-03", GoalAmount.revenue(eur("1000"))), "goal.averagePaidDeal",
                "no deal was paid in EUR by team:north from 2025-09-03 to 2026-03-01, so the average paid deal is unknown; "
                        + "give it with the goal");
    }

    @Test
    void theWeeksRuleAndTheWindowAreKnown() {
        assertRefused(new DeriveRequest(ANNA, "2026-03", GoalAmount.paidDeals(3), "five-weeks", null, null, List.of(), null),
                "weeksRule", "must be one of working-calendar, four-weeks-a-month; was 'five-weeks'");
        assertRefused(new DeriveRequest(ANNA, "2026-03", GoalAmount.paidDeals(3), null, null, 6, List.of(), null),
                "windowDays", "must be 7 to 1095 days, was 6");
        assertRefused(new DeriveRequest(ANNA, "2026-03", GoalAmount.paidDeals(3), null, null, 1096, List.of(), null),
                "windowDays", "must be 7 to 1095 days, was 1096");
        assertThat(world.service().derive(new DeriveRequest(ANNA, "2026-03", GoalAmount.paidDeals(3), "FOUR-WEEKS-A-MONTH",
                null, 7, List.of(), null)).weeksRule()).isEqualTo("four-weeks-a-month");
        assertThat(world.service().derive(new DeriveRequest(ANNA, "2026-03", GoalAmount.paidDeals(3), null, null, 1095,
                List.of(), null)).managers()).hasSize(1);
    }

    @Test
    void aPinnedRateJoinsAStepToTheNextWithAShareAboveZeroAndAtMostOne() {
        String steps = "; the funnel's steps are meeting, intro, presentation, proposal, paid";
        assertRefused(withPins(pin("quote", "paid", "0.5")), "pinnedRates[0].from", "unknown step 'quote'" + steps);
        assertRefused(withPins(pin("proposal", "paid", "0.5"), pin("meeting", "won", "0.5")), "pinnedRates[1].to",
                "unknown step 'won'" + steps);
        assertRefused(withPins(new PinnedRate(null, "paid", "1")), "pinnedRates[0].from", "is required" + steps);
        assertRefused(withPins(new PinnedRate("proposal", null, "1")), "pinnedRates[0].to", "is required" + steps);
        assertRefused(withPins(pin("meeting", "proposal", "0.5")), "pinnedRates[0].to",
                "meeting -> proposal does not join a step to the next one; the step after meeting is intro");
        assertRefused(withPins(pin("proposal", "meeting", "0.5")), "pinnedRates[0].to",
                "proposal -> meeting does not join a step to the next one; the step after proposal is paid");
        assertRefused(withPins(pin("paid", "proposal", "0.5")), "pinnedRates[0].from",
                "paid is the funnel's last step: nothing follows it");
        assertRefused(withPins(pin("proposal", "paid", "0")), "pinnedRates[0].rate", "must be above 0 and at most 1, was 0");
        assertRefused(withPins(pin("proposal", "paid", "-0.1")), "pinnedRates[0].rate", "must be above 0 and at most 1, was -0.1");
        assertRefused(withPins(pin("proposal", "paid", "1.5")), "pinnedRates[0].rate", "must be above 0 and at most 1, was 1.5");
        assertRefused(withPins(pin("proposal", "paid", "4/3")), "pinnedRates[0].rate", "must be above 0 and at most 1, was 4/3");
        assertRefused(withPins(pin("proposal", "paid", "a third")), "pinnedRates[0].rate",
                "'a third' is not a rate such as 1/3 or 0.25");
        assertRefused(withPins(pin("proposal", "paid", "1/0")), "pinnedRates[0].rate", "'1/0' is not a fraction such as 9, 9/4 or 2.25");
        assertRefused(withPins(new PinnedRate("proposal", "paid", null)), "pinnedRates[0].rate",
                "is required: the share of proposal that reaches paid, above 0 and at most 1");
        assertRefused(withPins(pin("proposal", "paid", "0.5"), pin("intro", "presentation", "1"), pin("proposal", "paid", "0.25")),
                "pinnedRates[2]", "pins proposal -> paid a second time; pinnedRates[0] pins it already");
        assertThat(world.service().derive(withPins(pin("proposal", "paid", "1"))).managers()).hasSize(1);
    }

    @Test
    void aConversionNeitherMeasuredNorPinnedNamesTheManagerAndThePair() {
        world.funnel.unknownRate(BORIS, "proposal", "paid");
        world.funnel.rate(BORIS, "meeting", "intro", "0", 12);

        assertRefused(new DeriveRequest(NORTH, "2026-03", GoalAmount.paidDeals(3), null, null, null, List.of(), null),
                "pinnedRates", "no measured conversion is known for meeting -> intro for manager boris (2025-09-03 to "
                        + "2026-03-01: 0 of 12 meeting reached intro); proposal -> paid for manager boris (2025-09-03 to "
                        + "2026-03-01: no proposal in the window). Pinning a rate for each of these fixes it");
        // Pinning both fixes it.
        assertThat(world.service().derive(new DeriveRequest(NORTH, "2026-03", GoalAmount.paidDeals(3), null, null, null,
                List.of(pin("meeting", "intro", "1"), pin("proposal", "paid", "0.25")), null)).managers()).hasSize(2);
    }

    @Test
    void theScopeIsAKnownManagerOrTeam() {
        assertRefused(new DeriveRequest(null, "2026-03", GoalAmount.paidDeals(3), null, null, null, List.of(), null),
                "scope", "is required: a type (team or manager) and an id");
        assertThatThrownBy(() -> world.service().derive(new DeriveRequest(Scope.manager("nobody"), "2026-03",
                GoalAmount.paidDeals(3), null, null, null, List.of(), null)))
                .isInstanceOf(NotFoundException.class).hasMessage("no manager with id 'nobody'");
        world.directory.user(new User("dora", "dora", "dora", null, Set.of(Role.HEAD), "north", ZoneId.of("Europe/Moscow"),
                null, true));
        assertThatThrownBy(() -> world.service().derive(new DeriveRequest(Scope.manager("dora"), "2026-03",
                GoalAmount.paidDeals(3), null, null, null, List.of(), null)))
                .isInstanceOf(NotFoundException.class).hasMessage("no manager with id 'dora'");
        assertThatThrownBy(() -> world.service().derive(new DeriveRequest(Scope.team("west"), "2026-03",
                GoalAmount.paidDeals(3), null, null, null, List.of(), null)))
                .isInstanceOf(NotFoundException.class).hasMessage("no team with id 'west'");
        assertRefused(new DeriveRequest(Scope.team("south"), "2026-03", GoalAmount.paidDeals(3), null, null, null, List.of(),
                null), "scope.id", "team 'south' has no active managers to split the goal among");
        assertRefused(() -> world.service().derive(null), "body", "is required");
    }

    @Test
    void aGoalsNoteIsAtMost500Characters() {
        GoalInput tooLong = new GoalInput(ANNA, "2026-03", GoalAmount.paidDeals(3), null, null, null, List.of(), "x".repeat(501));
        assertRefused(() -> world.service().createGoal(tooLong, "admin"), "note", "must be at most 500 characters, was 501");
        GoalInput justRight = new GoalInput(ANNA, "2026-03", GoalAmount.paidDeals(3), null, null, null, List.of(), "x".repeat(500));
        assertThat(world.service().createGoal(justRight, "admin").input().note()).hasSize(500);
    }
}
