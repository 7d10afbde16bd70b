package org.pacekpi.engine.internal.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.pacekpi.engine.internal.targets.TargetWorld.ANNA;
import static org.pacekpi.engine.internal.targets.TargetWorld.NORTH;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pacekpi.api.NotFoundException;
import org.pacekpi.api.targets.Exact;
import org.pacekpi.api.targets.Scope;
import org.pacekpi.api.targets.TargetInput;
import org.pacekpi.api.targets.TargetPace;
import org.pacekpi.api.targets.ValidationException;

/**
 * Pacing against stored targets on constructed daily totals. Now is Wednesday 11 March 2026, 15:00 in Moscow: of
 * March's 22 working days, 7 have passed and 6 of today's 9 working hours, so 23/3 working days have elapsed.
 */
class TargetPacingTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 11);

    private final TargetWorld world = new TargetWorld();
    private final GoalsAndTargets service;

    TargetPacingTest() {
        world.clock.set(Instant.parse("2026-03-11T12:00:00Z"));
        world.funnel.steps(List.of(FakeFunnelService.stage("meeting", "meeting"),
                FakeFunnelService.stage("proposal", "proposal", "offer", "quote"), FakeFunnelService.stage("paid", "paid")));
        world.directory.manager("carl", "Asia/Tokyo", "north");
        service = world.service();
    }

    private void target(Scope scope, String metric, String period, long value) {
        service.createTarget(new TargetInput(scope, metric, period, value, null), "admin");
    }

    private static Exact exact(String fraction, String decimal) {
        return new Exact(fraction, new BigDecimal(decimal));
    }

    private static LocalDate march(int day) {
        return LocalDate.of(2026, 3, day);
    }

    @Test
    void aManagersTargetsArePacedByTheWorkingTimeElapsed() {
        target(ANNA, "meetingsHeld", "2026-03", 22);
        target(ANNA, "touches", "2026-03", 22);
        target(ANNA, "firstContacts", "2026-03", 22);
        target(ANNA, "callAttempts", "2026-03", 22);
        target(ANNA, "meetingsHeld", "2026-W11", 5);
        target(ANNA, "meetingsHeld", "2026-02", 5);
        target(ANNA, "touches", "2026-Q1", 66);
        target(Scope.manager("boris"), "touches", "2026-03", 22);
        world.totals.add("anna", "meetingsHeld", march(2), 4).add("anna", "meetingsHeld", march(11), 5)
                .add("anna", "meetingsHeld", march(12), 3).add("anna", "meetingsHeld", LocalDate.of(2026, 2, 27), 2)
                .add("anna", "touches", march(10), 7).add("anna", "firstContacts", march(5), 6)
                .add("boris", "touches", march(10), 40);

        List<TargetPace> paces = service.managerPacing("anna", TODAY);

        assertThat(paces).extracting(TargetPace::metric, TargetPace::period, TargetPace::target, TargetPace::actual,
                TargetPace::expectedToDate, TargetPace::difference, TargetPace::status).containsExactly(
                // Expected by now: 22 x (23/3) / 22 = 23/3, so 8.
                tuple("callAttempts", "2026-03", 22L, 0L, 8L, -8L, "at_risk"),
                tuple("firstContacts", "2026-03", 22L, 6L, 8L, -2L, "behind"),
                tuple("meetingsHeld", "2026-03", 22L, 9L, 8L, 1L, "ahead"),
                // Week 11 (9-15 March): 2 days and 2/3 of 5 elapsed: 8/3 expected, so 3; 5 done.
                tuple("meetingsHeld", "2026-W11", 5L, 5L, 3L, 2L, "ahead"),
                // Q1 has 22 + 20 + 22 working days, 22 + 20 + 23/3 elapsed: 66 x (149/3) / 64 = 51.2, so 52.
                tuple("touches", "2026-Q1", 66L, 7L, 52L, -45L, "at_risk"),
                tuple("touches", "2026-03", 22L, 7L, 8L, -1L, "on_track"));
        TargetPace meetings = paces.get(2);
        assertThat(meetings.scope()).isEqualTo(ANNA);
        assertThat(meetings.from()).isEqualTo(march(1));
        assertThat(meetings.to()).isEqualTo(march(31));
        assertThat(meetings.workingDaysRemaining()).isEqualTo(exact("43/3", "14.3333"));
        // 13 still needed over 43/3 working days.
        assertThat(meetings.neededPerWorkingDay()).isEqualTo(exact("39/43", "0.9070"));
        assertThat(meetings.explanation()).isEqualTo("9 of 22 meetingsHeld; 8 expected by now (35% of the working time): "
                + "ahead, 9 done against 7.67 expected (1.17 of it), at least 1.1");
        assertThat(paces.get(0).explanation()).startsWith("0 of 22 callAttempts; 8 expected by now (35% of the working "
                + "time): at risk, ");
    }

    @Test
    void aTargetOnAPaceStageCountsTheHostStagesMappedOntoIt() {
        target(ANNA, "stage:proposal", "2026-03", 4);
        target(ANNA, "stage:offer", "2026-03", 4);
        world.totals.add("anna", "stage:offer", march(3), 2).add("anna", "stage:quote", march(4), 1)
                .add("anna", "stage:proposal", march(4), 5);

        assertThat(service.managerPacing("anna", TODAY)).extracting(TargetPace::metric, TargetPace::actual)
                .containsExactly(tuple("stage:offer", 2L), tuple("stage:proposal", 3L));
    }

    @Test
    void anotherDayIsPacedAtItsClose() {
        target(ANNA, "meetingsHeld", "2026-03", 22);
        target(ANNA, "meetingsHeld", "2026-W11", 5);
        world.totals.add("anna", "meetingsHeld", march(2), 4).add("anna", "meetingsHeld", march(9), 5);

        List<TargetPace> paces = service.managerPacing("anna", march(6));

        // By the end of Friday 6 March, 5 working days of 22 are over: 5 expected, 4 done, 17 days left.
        assertThat(paces).singleElement().satisfies(pace -> {
            assertThat(pace.actual()).isEqualTo(4);
            assertThat(pace.expectedToDate()).isEqualTo(5);
            assertThat(pace.status()).isEqualTo("behind");
            assertThat(pace.workingDaysRemaining()).isEqualTo(exact("17", "17.0000"));
            assertThat(pace.neededPerWorkingDay()).isEqualTo(exact("18/17", "1.0588"));
        });
        assertThat(world.totals.reads()).containsExactly("anna 2026-03-01..2026-03-06");
        // After the period, all of it is elapsed and nothing remains to be done per day.
        TargetPace april = service.managerPacing("anna", march(31)).get(0);
        assertThat(april.workingDaysRemaining()).isEqualTo(exact("0", "0.0000"));
        assertThat(april.neededPerWorkingDay()).isNull();
        assertThat(april.status()).isEqualTo("at_risk");
    }

    @Test
    void aTeamsTargetsSumItsManagersInTheCalendarOfMostOfThem() {
        target(NORTH, "touches", "2026-03", 44);
        target(ANNA, "touches", "2026-03", 22);
        world.totals.add("anna", "touches", march(10), 7).add("boris", "touches", march(3), 4)
                .add("carl", "touches", march(11), 3).add("solo", "touches", march(11), 100);

        // Anna and boris are in Moscow, carl in Tokyo: Moscow's 15:00 gives 23/3 of 22 working days, 46/3 expected.
        assertThat(service.teamPacing("north", TODAY)).singleElement().satisfies(pace -> {
            assertThat(pace.scope()).isEqualTo(NORTH);
            assertThat(pace.actual()).isEqualTo(14);
            assertThat(pace.expectedToDate()).isEqualTo(16);
            assertThat(pace.difference()).isEqualTo(-2);
            assertThat(pace.status()).isEqualTo("on_track");
            assertThat(pace.workingDaysRemaining()).isEqualTo(exact("43/3", "14.3333"));
        });
    }

    @Test
    void aTeamWithoutManagersIsPacedWeekdaysInUtc() {
        target(Scope.team("south"), "touches", "2026-03", 22);

        // 12:00 UTC: 7 days and 3 of 9 hours, 22/3 elapsed; 22 needed over 44/3 days is 1.5 a day, the limit of behind.
        assertThat(service.teamPacing("south", TODAY)).singleElement().satisfies(pace -> {
            assertThat(pace.actual()).isZero();
            assertThat(pace.expectedToDate()).isEqualTo(8);
            assertThat(pace.workingDaysRemaining()).isEqualTo(exact("44/3", "14.6667"));
            assertThat(pace.neededPerWorkingDay()).isEqualTo(exact("3/2", "1.5000"));
            assertThat(pace.status()).isEqualTo("behind");
        });
    }

    @Test
    void derivedTargetsArePacedLikeManualOnes() {
        world.funnel.rate(ANNA, "meeting", "proposal", "1/2", 20).rate(ANNA, "proposal", "paid", "1/3", 30);
        service.createGoal(TargetWorld.goal(ANNA, org.pacekpi.api.targets.GoalAmount.paidDeals(3), List.of()), "admin");
        world.totals.add("anna", "dealsWon", march(4), 1).add("anna", "stage:offer", march(5), 4);

        assertThat(service.managerPacing("anna", TODAY)).extracting(TargetPace::metric, TargetPace::target, TargetPace::actual)
                .containsExactly(tuple("dealsWon", 3L, 1L), tuple("stage:meeting", 18L, 0L), tuple("stage:proposal", 9L, 4L));
    }

    @Test
    void unknownScopesAndMissingDaysAreRefused() {
        assertThatThrownBy(() -> service.managerPacing("ghost", TODAY)).isInstanceOf(NotFoundException.class)
                .hasMessage("no manager with id 'ghost'");
        assertThatThrownBy(() -> service.teamPacing("west", TODAY)).isInstanceOf(NotFoundException.class)
                .hasMessage("no team with id 'west'");
        assertThatThrownBy(() -> service.managerPacing("anna", null)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("date"));
        assertThat(service.managerPacing("anna", TODAY)).isEmpty();
    }
}
