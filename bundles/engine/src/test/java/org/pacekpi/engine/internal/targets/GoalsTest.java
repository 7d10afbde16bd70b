package org.pacekpi.engine.internal.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.pacekpi.engine.internal.targets.TargetWorld.ANNA;
import static org.pacekpi.engine.internal.targets.TargetWorld.BORIS;
import static org.pacekpi.engine.internal.targets.TargetWorld.NORTH;
import static org.pacekpi.engine.internal.targets.TargetWorld.eur;
import static org.pacekpi.engine.internal.targets.TargetWorld.goal;
import static org.pacekpi.engine.internal.targets.TargetWorld.pin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pacekpi.api.NotFoundException;
import org.pacekpi.api.targets.Change;
import org.pacekpi.api.targets.ConflictException;
import org.pacekpi.api.targets.DerivedTargets;
import org.pacekpi.api.targets.GoalAmount;
import org.pacekpi.api.targets.GoalInput;
import org.pacekpi.api.targets.GoalRecord;
import org.pacekpi.api.targets.StaleVersionException;
import org.pacekpi.api.targets.TargetInput;
import org.pacekpi.api.targets.TargetRecord;

/** Goals stored with their derivation: read back unchanged, re-derived on request, their targets in the history. */
class GoalsTest {

    private final TargetWorld world = new TargetWorld();
    private final GoalsAndTargets service;

    GoalsTest() {
        world.measureWorkedExample(ANNA);
        world.measureWorkedExample(BORIS);
        service = world.service();
    }

    private static long target(DerivedTargets derived, String managerId, String step) {
        return derived.managers().stream().filter(m -> m.managerId().equals(managerId)).findFirst().orElseThrow()
                .steps().stream().filter(s -> s.step().equals(step)).findFirst().orElseThrow().target();
    }

    @Test
    void aGoalIsStoredWithATargetPerManagerAndStep() {
        GoalRecord goal = service.createGoal(goal(NORTH, GoalAmount.paidDeals(6), List.of()), "admin");

        assertThat(goal.version()).isEqualTo(1);
        assertThat(goal.updatedBy()).isEqualTo("admin");
        assertThat(goal.updatedAt()).isEqualTo(TargetWorld.NOW);
        // 6 paid deals over anna and boris: 3 each, 9 proposals each, 18 of every earlier stage.
        List<TargetRecord> targets = service.targets(null, "2026-03", null);
        assertThat(targets).extracting(t -> t.scope().toString(), TargetRecord::metric, TargetRecord::value).containsExactly(
                tuple("manager:anna", "dealsWon", 3L), tuple("manager:anna", "stage:intro", 18L),
                tuple("manager:anna", "stage:meeting", 18L), tuple("manager:anna", "stage:presentation", 18L),
                tuple("manager:anna", "stage:proposal", 9L),
                tuple("manager:boris", "dealsWon", 3L), tuple("manager:boris", "stage:intro", 18L),
                tuple("manager:boris", "stage:meeting", 18L), tuple("manager:boris", "stage:presentation", 18L),
                tuple("manager:boris", "stage:proposal", 9L));
        assertThat(targets).allSatisfy(target -> {
            assertThat(target.goalId()).isEqualTo(goal.id());
            assertThat(target.period()).isEqualTo("2026-03");
            assertThat(target.from()).isEqualTo(LocalDate.of(2026, 3, 1));
            assertThat(target.to()).isEqualTo(LocalDate.of(2026, 3, 31));
            assertThat(target.version()).isEqualTo(1);
        });
        assertThat(service.targets(ANNA, null, "stage:proposal")).singleElement().extracting(TargetRecord::explanation)
                .isEqualTo("9 proposals: 3 paid deals / 1 paid deal per 3 proposals (rate 0.33, measured on 42 deals)");
        assertThat(service.history(goal.id())).singleElement().satisfies(change -> {
            assertThat(change.action()).isEqualTo("created");
            assertThat(change.entity()).isEqualTo("goal");
            assertThat(change.before()).isNull();
            assertThat(change.after()).isEqualTo("6 paid deals in 2026-03 for team:north, split among 2 managers (anna, "
                    + "boris); weeks: four-weeks-a-month; cohort conversions over 180 days");
        });
    }

    @Test
    void aStoredGoalReadsBackWithItsStoredTargetsWhateverTheMeasurementsDoLater() {
        world.funnel.medianDaysToPaid(ANNA, "proposal", "12.5");
        world.funnel.averagePaidDeal(NORTH, eur("2000"));
        GoalInput input = new GoalInput(NORTH, "2026-Q2", GoalAmount.revenue(eur("21000")), null, null, 90,
                List.of(pin("intro", "presentation", "0.667")), "Push the spring campaign\nand = mind the \\ backslash");
        GoalRecord created = service.createGoal(input, "admin");

        // The measurements change completely: other rates, no times, another average, another day.
        world.funnel.clearMeasurements();
        world.funnel.rate(ANNA, "meeting", "intro", "1/2", 80).rate(ANNA, "intro", "presentation", "1/2", 80)
                .rate(ANNA, "presentation", "proposal", "1/5", 80).rate(ANNA, "proposal", "paid", "1/10", 80);
        world.funnel.averagePaidDeal(NORTH, eur("100"));
        world.clock.set(Instant.parse("2026-04-15T10:00:00Z"));

        GoalRecord read = world.service().goal(created.id());
        assertThat(read).isEqualTo(created);
        assertThat(read.input()).isEqualTo(input);
        assertThat(world.service().goals(NORTH, "2026-q2")).containsExactly(created);
        for (TargetRecord target : service.targets(null, "2026-Q2", null)) {
            DerivedTargets.StepTargets step = read.derived().managers().stream()
                    .filter(m -> m.managerId().equals(target.scope().id())).findFirst().orElseThrow()
                    .steps().stream().filter(s -> s.metric().equals(target.metric())).findFirst().orElseThrow();
            assertThat(target.value()).isEqualTo(step.target());
            assertThat(target.explanation()).isEqualTo(step.explanation().text());
        }
        // 21000 EUR / 2 managers / 2000 EUR = 21/4 paid deals each; 0.667 read as 2/3.
        assertThat(read.derived().managers().get(0).paidDeals().fraction()).isEqualTo("21/4");
        assertThat(read.derived().managers().get(0).rates().get(1).rate().fraction()).isEqualTo("2/3");
        assertThat(read.derived().managers().get(0).steps().get(3).neededBy().medianDaysToPaid()).isEqualByComparingTo("12.5");
    }

    @Test
    void reDerivingTakesTheNewMeasurementsAndKeepsTheOldTargetsInTheHistory() {
        GoalRecord created = service.createGoal(goal(ANNA, GoalAmount.paidDeals(3), List.of()), "admin");
        TargetRecord oldProposals = service.targets(ANNA, "2026-03", "stage:proposal").get(0);
        assertThat(oldProposals.value()).isEqualTo(9);

        world.funnel.rate(ANNA, "proposal", "paid", "1/4", 60);
        world.clock.set(Instant.parse("2026-03-05T10:00:00Z"));
        GoalRecord rederived = service.rederive(created.id(), 1, "eve");

        assertThat(rederived.version()).isEqualTo(2);
        assertThat(rederived.updatedBy()).isEqualTo("eve");
        assertThat(rederived.input()).isEqualTo(created.input());
        assertThat(rederived.derived().managers().get(0).asOf()).isEqualTo(LocalDate.of(2026, 3, 5));
        assertThat(target(rederived.derived(), "anna", "proposal")).isEqualTo(12);
        assertThat(service.goal(created.id())).isEqualTo(rederived);
        TargetRecord newProposals = service.targets(ANNA, "2026-03", "stage:proposal").get(0);
        assertThat(newProposals.value()).isEqualTo(12);
        assertThat(newProposals.id()).isNotEqualTo(oldProposals.id());
        assertThatThrownBy(() -> service.target(oldProposals.id())).isInstanceOf(NotFoundException.class);

        assertThat(service.history(oldProposals.id())).extracting(Change::action, Change::actor, Change::before, Change::after)
                .containsExactly(
                        tuple("created", "admin", null, "stage:proposal = 9 for manager:anna in 2026-03 (derived from goal "
                                + created.id() + ")"),
                        tuple("deleted", "eve", "stage:proposal = 9 for manager:anna in 2026-03 (derived from goal "
                                + created.id() + ")", null));
        assertThat(service.history(newProposals.id())).extracting(Change::action, Change::actor)
                .containsExactly(tuple("created", "eve"));
        assertThat(service.history(created.id())).extracting(Change::action, Change::version).containsExactly(
                tuple("created", 1L), tuple("rederived", 2L));
    }

    @Test
    void updatingAGoalReplacesItsTargets() {
        GoalRecord created = service.createGoal(goal(ANNA, GoalAmount.paidDeals(3), List.of()), "admin");

        GoalRecord updated = service.updateGoal(created.id(), 1, goal(ANNA, GoalAmount.paidDeals(5), List.of()), "admin");

        assertThat(updated.version()).isEqualTo(2);
        assertThat(target(updated.derived(), "anna", "proposal")).isEqualTo(15);
        assertThat(service.targets(ANNA, null, "stage:proposal")).extracting(TargetRecord::value).containsExactly(15L);
        Change change = service.history(created.id()).get(1);
        assertThat(change.action()).isEqualTo("updated");
        assertThat(change.before()).startsWith("3 paid deals in 2026-03 for manager:anna");
        assertThat(change.after()).startsWith("5 paid deals in 2026-03 for manager:anna");
    }

    @Test
    void aStaleWriteChangesNothingAndMeasuresNothing() {
        GoalRecord created = service.createGoal(goal(ANNA, GoalAmount.paidDeals(3), List.of()), "admin");
        service.updateGoal(created.id(), 1, goal(ANNA, GoalAmount.paidDeals(4), List.of()), "first admin");
        int calls = world.funnel.calls().size();

        assertThatThrownBy(() -> service.updateGoal(created.id(), 1, goal(ANNA, GoalAmount.paidDeals(5), List.of()),
                "second admin")).isInstanceOfSatisfying(StaleVersionException.class, e -> {
                    assertThat(e.expectedVersion()).isEqualTo(1);
                    assertThat(e.currentVersion()).isEqualTo(2);
                });
        assertThatThrownBy(() -> service.rederive(created.id(), 1, "second admin")).isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> service.deleteGoal(created.id(), 1, "second admin")).isInstanceOf(StaleVersionException.class);

        assertThat(world.funnel.calls()).hasSize(calls);
        assertThat(service.goal(created.id()).version()).isEqualTo(2);
        assertThat(target(service.goal(created.id()).derived(), "anna", "paid")).isEqualTo(4);
        assertThat(service.history(created.id())).hasSize(2);
    }

    @Test
    void deletingAGoalDeletesItsTargetsAndKeepsTheHistory() {
        GoalRecord created = service.createGoal(goal(ANNA, GoalAmount.paidDeals(3), List.of()), "admin");
        String targetId = service.targets(ANNA, null, "dealsWon").get(0).id();

        service.deleteGoal(created.id(), 1, "admin");

        assertThat(service.targets(null, null, null)).isEmpty();
        assertThat(service.goals(null, null)).isEmpty();
        assertThatThrownBy(() -> service.goal(created.id())).isInstanceOf(NotFoundException.class)
                .hasMessage("no goal with id '" + created.id() + "'");
        assertThat(service.history(created.id())).extracting(Change::action).containsExactly("created", "deleted");
        assertThat(service.history(targetId)).extracting(Change::action).containsExactly("created", "deleted");
    }

    @Test
    void aSecondGoalForTheSameScopeAndPeriodConflicts() {
        GoalRecord first = service.createGoal(goal(ANNA, GoalAmount.paidDeals(3), List.of()), "admin");
        GoalRecord other = service.createGoal(new GoalInput(ANNA, "2026-04", GoalAmount.paidDeals(3), null, null, null,
                List.of(), null), "admin");

        assertThatThrownBy(() -> service.createGoal(goal(ANNA, GoalAmount.paidDeals(4), List.of()), "admin"))
                .isInstanceOf(ConflictException.class)
                .hasMessage("goal " + first.id() + " is already set for manager:anna in 2026-03: change that goal instead "
                        + "of adding another");
        assertThatThrownBy(() -> service.updateGoal(other.id(), 1, goal(ANNA, GoalAmount.paidDeals(4), List.of()), "admin"))
                .isInstanceOf(ConflictException.class);
        assertThat(service.goals(ANNA, null)).extracting(GoalRecord::id).containsExactly(first.id(), other.id());
    }

    @Test
    void aDerivedTargetIsChangedThroughItsGoalOnly() {
        GoalRecord created = service.createGoal(goal(ANNA, GoalAmount.paidDeals(3), List.of()), "admin");
        TargetRecord derived = service.targets(ANNA, null, "dealsWon").get(0);

        assertThatThrownBy(() -> service.updateTarget(derived.id(), 1, new TargetInput(ANNA, "dealsWon", "2026-03", 5, null),
                "admin")).isInstanceOf(ConflictException.class)
                .hasMessage("target " + derived.id() + " was derived from goal " + created.id()
                        + "; it is changed with its goal: change or re-derive the goal instead");
        assertThatThrownBy(() -> service.deleteTarget(derived.id(), 1, "admin")).isInstanceOf(ConflictException.class);
        assertThat(service.target(derived.id())).isEqualTo(derived);
    }

    @Test
    void aDamagedDefinitionIsReportedWithTheGoalsId() {
        GoalRecord created = service.createGoal(goal(ANNA, GoalAmount.paidDeals(3), List.of()), "admin");
        world.store.damage(created.id(), "pace-goal v1\ninput.scope.type=manager\ninput.scope.id=anna\n");

        assertThatThrownBy(() -> service.goal(created.id())).isInstanceOf(IllegalStateException.class)
                .hasMessage("goal " + created.id() + ": its stored definition is damaged and cannot be read (input.period "
                        + "is missing); delete the goal and set it again");
        assertThatThrownBy(() -> service.rederive(created.id(), 1, "admin")).hasMessageContaining(created.id());
        // Deleting does not read it.
        service.deleteGoal(created.id(), 1, "admin");
    }

    @Test
    void aManagerWhoLeftTheDirectoryKeepsTheStoredGoal() {
        GoalRecord created = service.createGoal(goal(ANNA, GoalAmount.paidDeals(3), List.of()), "admin");
        world.directory.remove("anna");

        GoalRecord read = world.service().goal(created.id());

        assertThat(read).isEqualTo(created);
    }

    @Test
    void unknownIdsAreNotFound() {
        assertThatThrownBy(() -> service.goal("nope")).isInstanceOf(NotFoundException.class).hasMessage("no goal with id 'nope'");
        assertThatThrownBy(() -> service.updateGoal("nope", 1, goal(ANNA, GoalAmount.paidDeals(3), List.of()), "admin"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.rederive("nope", 1, "admin")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.deleteGoal("nope", 1, "admin")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.history("nope")).isInstanceOf(NotFoundException.class)
                .hasMessage("no goal or target with id 'nope'");
        assertThatThrownBy(() -> service.createGoal(goal(ANNA, GoalAmount.paidDeals(3), List.of()), " "))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
