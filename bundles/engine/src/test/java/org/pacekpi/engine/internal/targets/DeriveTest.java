package org.pacekpi.engine.internal.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.pacekpi.engine.internal.targets.TargetWorld.ANNA;
import static org.pacekpi.engine.internal.targets.TargetWorld.BORIS;
import static org.pacekpi.engine.internal.targets.TargetWorld.NORTH;
import static org.pacekpi.engine.internal.targets.TargetWorld.eur;
import static org.pacekpi.engine.internal.targets.TargetWorld.pin;
import static org.pacekpi.engine.internal.targets.TargetWorld.workedExamplePins;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.pacekpi.api.dto.Money;
import org.pacekpi.api.targets.ConversionMethod;
import org.pacekpi.api.targets.DeriveRequest;
import org.pacekpi.api.targets.DerivedTargets.ManagerTargets;
import org.pacekpi.api.targets.DerivedTargets.StepTargets;
import org.pacekpi.api.targets.DerivedTargets;
import org.pacekpi.api.targets.Exact;
import org.pacekpi.api.targets.Explanation;
import org.pacekpi.api.targets.GoalAmount;
import org.pacekpi.api.targets.MeasuredRate;
import org.pacekpi.api.targets.Scope;
import org.pacekpi.engine.internal.InMemoryDirectory;
import org.pacekpi.host.directory.Role;
import org.pacekpi.host.directory.User;

/** TargetService.derive: the worked example, team splits, money goals, measured rates and times, explanations. */
class DeriveTest {

    private final TargetWorld world = new TargetWorld();

    private static StepTargets step(ManagerTargets manager, String id) {
        return manager.steps().stream().filter(step -> step.step().equals(id)).findFirst().orElseThrow();
    }

    private static Exact exact(String fraction, String decimal) {
        return new Exact(fraction, new BigDecimal(decimal));
    }

    @Test
    void theWorkedExampleComesOutExactly() {
        // 3 paid deals a month, 1 paid deal per 3 proposals, 2 meetings per proposal, 4 weeks a month.
        DerivedTargets derived = world.service().derive(new DeriveRequest(ANNA, "2026-03", GoalAmount.paidDeals(3),
                "four-weeks-a-month", null, null, workedExamplePins(), null));

        assertThat(derived.managers()).hasSize(1);
        ManagerTargets anna = derived.managers().get(0);
        assertThat(anna.weeks()).isEqualTo(exact("4", "4.0000"));
        assertThat(anna.steps()).extracting(StepTargets::step, StepTargets::metric, StepTargets::target).containsExactly(
                tuple("meeting", "stage:meeting", 18L), tuple("intro", "stage:intro", 18L),
                tuple("presentation", "stage:presentation", 18L), tuple("proposal", "stage:proposal", 9L),
                tuple("paid", "dealsWon", 3L));

        StepTargets proposals = step(anna, "proposal");
        assertThat(proposals.needed()).isEqualTo(exact("9", "9.0000"));
        assertThat(proposals.perWeek().exact()).isEqualTo(exact("9/4", "2.2500"));
        assertThat(proposals.perWeek().target()).isEqualTo(3);
        assertThat(proposals.explanation().text())
                .isEqualTo("9 proposals: 3 paid deals / 1 paid deal per 3 proposals (rate 0.33, pinned by an admin)");
        assertThat(proposals.explanation().operation()).isEqualTo("divide");
        assertThat(proposals.explanation().operands()).containsExactly(
                new Explanation.Operand("paid deals", exact("3", "3.0000")),
                new Explanation.Operand("rate proposal -> paid", exact("1/3", "0.3333")));

        StepTargets meetings = step(anna, "meeting");
        assertThat(meetings.needed()).isEqualTo(exact("18", "18.0000"));
        assertThat(meetings.perWeek().exact()).isEqualTo(exact("9/2", "4.5000"));
        assertThat(meetings.perWeek().target()).isEqualTo(5);
        assertThat(meetings.perWeek().explanation().text()).isEqualTo("4.5 meetings a week: 18 meetings over 4 weeks, so 5 a week");

        // 0.3333 was read as the 1 in 3 it stands for: 3 / 0.3333 would be 9.0009 proposals, a target of 10.
        assertThat(anna.rates()).extracting(DerivedTargets.RateUsed::from, rate -> rate.rate().fraction(),
                DerivedTargets.RateUsed::source, DerivedTargets.RateUsed::sampleSize).containsExactly(
                tuple("meeting", "1", "pinned", 0L), tuple("intro", "1", "pinned", 0L),
                tuple("presentation", "1/2", "pinned", 0L), tuple("proposal", "1/3", "pinned", 0L));
        assertThat(anna.rates().get(3).explanation()).isEqualTo("pinned by an admin at 0.3333, read as 1/3");
        assertThat(anna.rates().get(2).explanation()).isEqualTo("pinned by an admin at 0.5");
        assertThat(derived.weeksRule()).isEqualTo("four-weeks-a-month");
        assertThat(derived.split()).isNull();
    }

    @Test
    void theWorkedExampleFromMeasuredRatesWithTouchesInFront() {
        world.funnel.steps(List.of(FakeFunnelService.activity("touches", "touch"), FakeFunnelService.stage("meeting", "meeting"),
                FakeFunnelService.stage("intro", "intro"), FakeFunnelService.stage("presentation", "presentation"),
                FakeFunnelService.stage("proposal", "proposal"), FakeFunnelService.stage("paid", "paid")));
        world.measureWorkedExample(ANNA);
        world.funnel.rate(ANNA, "touches", "meeting", "1/10", 400);

        DerivedTargets derived = world.service().derive(new DeriveRequest(ANNA, "2026-03", GoalAmount.paidDeals(3),
                "four-weeks-a-month", null, null, List.of(), null));

        ManagerTargets anna = derived.managers().get(0);
        assertThat(anna.steps()).extracting(StepTargets::step, StepTargets::kind, StepTargets::metric, StepTargets::target)
                .containsExactly(tuple("touches", "activity", "touches", 180L), tuple("meeting", "stage", "stage:meeting", 18L),
                        tuple("intro", "stage", "stage:intro", 18L), tuple("presentation", "stage", "stage:presentation", 18L),
                        tuple("proposal", "stage", "stage:proposal", 9L), tuple("paid", "stage", "dealsWon", 3L));
        assertThat(step(anna, "touches").perWeek().target()).isEqualTo(45);
        assertThat(step(anna, "proposal").perWeek().target()).isEqualTo(3);
        assertThat(step(anna, "meeting").perWeek().target()).isEqualTo(5);
        assertThat(step(anna, "proposal").explanation().text())
                .isEqualTo("9 proposals: 3 paid deals / 1 paid deal per 3 proposals (rate 0.33, measured on 42 deals)");
        assertThat(step(anna, "touches").explanation().text())
                .isEqualTo("180 touches: 18 meetings / 1 meeting per 10 touches (rate 0.1, measured on 400 touches)");
        DerivedTargets.RateUsed proposalToPaid = anna.rates().get(4);
        assertThat(proposalToPaid).isEqualTo(new DerivedTargets.RateUsed("proposal", "paid", exact("1/3", "0.3333"),
                "measured", 42, "14 of 42 proposal reached paid"));
    }

    @Test
    void theWindowEndsTheDayBeforeTheManagersOwnToday() {
        // 20:00 UTC on 1 March is already 05:00 on 2 March in Tokyo.
        world.clock.set(Instant.parse("2026-03-01T20:00:00Z"));
        world.directory.manager("kenji", "Asia/Tokyo", "north");
        world.measureWorkedExample(Scope.manager("kenji"));
        world.measureWorkedExample(ANNA);
        world.measureWorkedExample(BORIS);

        DerivedTargets derived = world.service().derive(new DeriveRequest(NORTH, "2026-03", GoalAmount.paidDeals(3),
                null, ConversionMethod.SNAPSHOT, 30, List.of(), null));

        assertThat(derived.managers()).extracting(ManagerTargets::managerId, ManagerTargets::timeZone, ManagerTargets::asOf)
                .containsExactly(tuple("anna", "Europe/Moscow", LocalDate.of(2026, 3, 1)),
                        tuple("boris", "Europe/Moscow", LocalDate.of(2026, 3, 1)),
                        tuple("kenji", "Asia/Tokyo", LocalDate.of(2026, 3, 2)));
        assertThat(world.funnel.calls()).containsExactly(
                new FakeFunnelService.Call(ANNA, LocalDate.of(2026, 1, 30), LocalDate.of(2026, 2, 28), ConversionMethod.SNAPSHOT),
                new FakeFunnelService.Call(BORIS, LocalDate.of(2026, 1, 30), LocalDate.of(2026, 2, 28), ConversionMethod.SNAPSHOT),
                new FakeFunnelService.Call(Scope.manager("kenji"), LocalDate.of(2026, 1, 31), LocalDate.of(2026, 3, 1),
                        ConversionMethod.SNAPSHOT));
        // The derivation's window spans the managers' windows.
        assertThat(derived.windowFrom()).isEqualTo(LocalDate.of(2026, 1, 30));
        assertThat(derived.windowTo()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(derived.method()).isEqualTo(ConversionMethod.SNAPSHOT);
    }

    @Test
    void theDefaultsComeFromTheSettings() {
        world.measureWorkedExample(ANNA);
        DerivedTargets derived = world.service().derive(TargetWorld.request(ANNA, GoalAmount.paidDeals(3), List.of()));

        // 2 March 2026 minus 180 days is 3 September 2025.
        assertThat(world.funnel.calls()).containsExactly(new FakeFunnelService.Call(ANNA, LocalDate.of(2025, 9, 3),
                LocalDate.of(2026, 3, 1), ConversionMethod.COHORT));
        assertThat(derived.weeksRule()).isEqualTo("working-calendar");
        ManagerTargets anna = derived.managers().get(0);
        // March 2026 has 22 weekdays: 22/5 weeks; 9 proposals over 4.4 weeks is 45/22 a week.
        assertThat(anna.workingDays()).isEqualTo(22);
        assertThat(anna.weeks()).isEqualTo(exact("22/5", "4.4000"));
        assertThat(step(anna, "proposal").perWeek().exact()).isEqualTo(exact("45/22", "2.0455"));
        assertThat(step(anna, "proposal").perWorkingDay().exact()).isEqualTo(exact("9/22", "0.4091"));
        assertThat(step(anna, "proposal").byWorkingDay()).hasSize(22);
        assertThat(step(anna, "proposal").byWeek()).extracting(DerivedTargets.ScheduleEntry::from)
                .containsExactly(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 9),
                        LocalDate.of(2026, 3, 16), LocalDate.of(2026, 3, 23), LocalDate.of(2026, 3, 30));
    }

    @Test
    void neededByDatesComeFromTheMedianTimesToPaid() {
        world.measureWorkedExample(ANNA);
        world.funnel.medianDaysToPaid(ANNA, "proposal", "30").medianDaysToPaid(ANNA, "meeting", "45.5");

        ManagerTargets anna = world.service().derive(new DeriveRequest(ANNA, "2026-03", GoalAmount.paidDeals(3), null, null,
                null, List.of(), LocalDate.of(2026, 3, 2))).managers().get(0);

        DerivedTargets.NeededBy proposals = step(anna, "proposal").neededBy();
        assertThat(proposals.date()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(proposals.medianDaysToPaid()).isEqualByComparingTo("30");
        assertThat(proposals.beforePeriodStart()).isFalse();
        assertThat(proposals.late()).isTrue();
        // 45.5 days round up to 46: 31 March minus 46 days is 13 February, before March.
        DerivedTargets.NeededBy meetings = step(anna, "meeting").neededBy();
        assertThat(meetings.date()).isEqualTo(LocalDate.of(2026, 2, 13));
        assertThat(meetings.medianDaysToPaid()).isEqualByComparingTo("45.5");
        assertThat(meetings.beforePeriodStart()).isTrue();
        assertThat(step(anna, "paid").neededBy().date()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(step(anna, "paid").neededBy().medianDaysToPaid()).isEqualByComparingTo("0");
        assertThat(step(anna, "intro").neededBy()).isNull();
    }

    @Test
    void aTeamGoalIsSplitEvenlyAmongItsActiveManagers() {
        world.directory.user(new User("carl", "carl", "carl", null, Set.of(Role.MANAGER), "north", ZoneId.of("Europe/Moscow"),
                InMemoryDirectory.WEEKDAYS, false));
        world.directory.user(new User("dora", "dora", "dora", null, Set.of(Role.HEAD), "north", ZoneId.of("Europe/Moscow"),
                InMemoryDirectory.WEEKDAYS, true));
        world.measureWorkedExample(ANNA);
        world.measureWorkedExample(BORIS);

        DerivedTargets derived = world.service().derive(new DeriveRequest(NORTH, "2026-03", GoalAmount.paidDeals(3),
                "four-weeks-a-month", null, null, List.of(), null));

        assertThat(derived.split()).isEqualTo(new Explanation(
                "3 paid deals for 2026-03 split evenly among 2 managers (anna, boris): 1.5 each", "divide",
                List.of(new Explanation.Operand("goal", exact("3", "3.0000")),
                        new Explanation.Operand("managers", exact("2", "2.0000"))), exact("3/2", "1.5000")));
        assertThat(derived.managers()).extracting(ManagerTargets::managerId).containsExactly("anna", "boris");
        for (ManagerTargets manager : derived.managers()) {
            assertThat(manager.paidDeals()).isEqualTo(exact("3/2", "1.5000"));
            assertThat(manager.paidDealsExplanation().text())
                    .isEqualTo("1.5 paid deals: 3 paid deals for 2026-03 split evenly among 2 managers, so 2");
            // 3/2 paid deals at 1 in 3 need 9/2 proposals: 5; the meetings 9, exactly.
            assertThat(step(manager, "paid").target()).isEqualTo(2);
            assertThat(step(manager, "proposal").needed()).isEqualTo(exact("9/2", "4.5000"));
            assertThat(step(manager, "proposal").target()).isEqualTo(5);
            assertThat(step(manager, "meeting").target()).isEqualTo(9);
        }
    }

    @Test
    void aMoneyGoalWithTheAveragePaidDealGiven() {
        world.measureWorkedExample(ANNA);

        ManagerTargets anna = world.service().derive(new DeriveRequest(ANNA, "2026-03",
                new GoalAmount(null, eur("9000"), eur("1000.00")), "four-weeks-a-month", null, null, List.of(), null))
                .managers().get(0);

        assertThat(anna.paidDeals()).isEqualTo(exact("9", "9.0000"));
        assertThat(anna.paidDealsExplanation().text()).isEqualTo("9 paid deals: 9000 EUR for 2026-03 / 1000 EUR average paid deal");
        assertThat(anna.paidDealsExplanation().operands()).containsExactly(
                new Explanation.Operand("revenue", exact("9000", "9000.0000")),
                new Explanation.Operand("average paid deal", exact("1000", "1000.0000")));
        assertThat(step(anna, "proposal").target()).isEqualTo(27);
        // The average was given: the team's was not asked for.
        assertThat(world.funnel.calls()).extracting(FakeFunnelService.Call::scope).containsExactly(ANNA);
    }

    @Test
    void aMoneyGoalWithTheTeamsMeasuredAveragePaidDeal() {
        world.measureWorkedExample(ANNA);
        world.funnel.averagePaidDeal(NORTH, new Money("USD", new BigDecimal("10"))).averagePaidDeal(NORTH, eur("3000"));

        ManagerTargets anna = world.service().derive(new DeriveRequest(ANNA, "2026-03", GoalAmount.revenue(eur("10000")),
                null, null, null, List.of(), null)).managers().get(0);

        // 10000 / 3000 = 10/3 paid deals: 4; 10 proposals, exactly.
        assertThat(anna.paidDeals()).isEqualTo(exact("10/3", "3.3333"));
        assertThat(step(anna, "paid").target()).isEqualTo(4);
        assertThat(step(anna, "proposal").target()).isEqualTo(10);
        assertThat(world.funnel.calls()).extracting(FakeFunnelService.Call::scope).containsExactly(ANNA, NORTH);
        assertThat(world.funnel.calls().get(1).from()).isEqualTo(LocalDate.of(2025, 9, 3));
    }

    @Test
    void aManagerWithoutATeamIsMeasuredAlone() {
        Scope solo = Scope.manager("solo");
        world.measureWorkedExample(solo);
        world.funnel.averagePaidDeal(solo, eur("500"));

        ManagerTargets manager = world.service().derive(new DeriveRequest(solo, "2026-03", GoalAmount.revenue(eur("1500")),
                null, null, null, List.of(), null)).managers().get(0);

        assertThat(manager.paidDeals()).isEqualTo(exact("3", "3.0000"));
        assertThat(world.funnel.calls()).extracting(FakeFunnelService.Call::scope).containsExactly(solo, solo);
    }

    @Test
    void aTeamsMoneyGoalIsSplitBeforeTheAverageDealTurnsItIntoDeals() {
        world.measureWorkedExample(ANNA);
        world.measureWorkedExample(BORIS);
        world.funnel.averagePaidDeal(NORTH, eur("2500"));

        DerivedTargets derived = world.service().derive(new DeriveRequest(NORTH, "2026-Q2", GoalAmount.revenue(eur("10000")),
                null, null, null, List.of(), LocalDate.of(2026, 3, 20)));

        assertThat(derived.period()).isEqualTo("2026-Q2");
        assertThat(derived.from()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(derived.to()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(derived.split().text()).isEqualTo("10000 EUR for 2026-Q2 split evenly among 2 managers (anna, boris): 5000 EUR each");
        assertThat(derived.split().result()).isEqualTo(exact("5000", "5000.0000"));
        ManagerTargets boris = derived.managers().get(1);
        assertThat(boris.paidDeals()).isEqualTo(exact("2", "2.0000"));
        assertThat(boris.paidDealsExplanation().text())
                .isEqualTo("2 paid deals: 10000 EUR for 2026-Q2 split evenly among 2 managers (5000 EUR each) / 2500 EUR average paid deal");
        assertThat(boris.asOf()).isEqualTo(LocalDate.of(2026, 3, 20));
    }

    @Test
    void aManagerWithoutASampleOfTheirOwnTakesTheTeamsRate() {
        world.measureWorkedExample(ANNA);
        // No proposal of anna's own in the window; the team's 1/4 stands in, shrunk all the way.
        world.funnel.rate(ANNA, "proposal", "paid", "1/4", 0);

        ManagerTargets anna = world.service().derive(new DeriveRequest(ANNA, "2026-03", GoalAmount.paidDeals(3),
                null, null, null, List.of(), null)).managers().get(0);

        assertThat(step(anna, "proposal").target()).isEqualTo(12);
        assertThat(step(anna, "proposal").explanation().text())
                .isEqualTo("12 proposals: 3 paid deals / 1 paid deal per 4 proposals (rate 0.25, the team's rate, no sample "
                        + "of the manager's own)");
    }

    @Test
    void aPinnedRateReplacesTheMeasuredOne() {
        world.measureWorkedExample(ANNA);

        ManagerTargets anna = world.service().derive(new DeriveRequest(ANNA, "2026-03", GoalAmount.paidDeals(3),
                null, null, null, List.of(pin("proposal", "paid", "0.25")), null)).managers().get(0);

        assertThat(step(anna, "proposal").target()).isEqualTo(12);
        assertThat(anna.rates().get(3).source()).isEqualTo("pinned");
        assertThat(anna.rates().get(2).source()).isEqualTo("measured");
    }

    @Test
    void aMeasuredRateIsReadAsTheExactFractionTheFunnelServiceGives() {
        world.measureWorkedExample(ANNA);
        world.funnel.rate(ANNA, "proposal", "paid", "7/20", 40);
        MeasuredRate given = world.funnel.conversions(ANNA, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2),
                ConversionMethod.COHORT).toNext().get(3);
        assertThat(given.rate().fraction()).isEqualTo("7/20");

        ManagerTargets anna = world.service().derive(TargetWorld.request(ANNA, GoalAmount.paidDeals(7), List.of()))
                .managers().get(0);

        assertThat(step(anna, "proposal").needed()).isEqualTo(exact("20", "20.0000"));
    }
}
