package org.pacekpi.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pacekpi.api.NotFoundException;
import org.pacekpi.api.store.StoreException;
import org.pacekpi.api.store.StoredChange;
import org.pacekpi.api.store.StoredGoal;
import org.pacekpi.api.store.StoredTarget;
import org.pacekpi.api.targets.ConflictException;
import org.pacekpi.api.targets.StaleVersionException;

/**
 * The {@link org.pacekpi.api.store.TargetStore} contract as every database under {@link JdbcTargetStore} must keep
 * it. Subclasses give each test a fresh, empty database.
 */
abstract class TargetStoreContract extends StoreContractBase {

    private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);
    private static final LocalDate MARCH_31 = LocalDate.of(2026, 3, 31);
    private static final Instant T0 = Instant.parse("2026-02-27T16:05:09.123456789Z");

    /** A target store on the test's database. */
    private JdbcTargetStore targets;
    private ExecutorService threads;

    @BeforeEach
    void openTargetStore() {
        targets = new JdbcTargetStore(db, dialect());
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    // ---------------------------------------------------------------- goals

    @Test
    void aGoalIsStoredAtVersionOneWithItsDerivedTargetsEachLoggedAsCreated() {
        StoredGoal given = goal("g1", 7, "team", "north", "2026-03", MARCH_1, MARCH_31, "3 paid deals");
        // Ids, versions, goal ids and authors of derived targets are the goal's to set.
        List<StoredTarget> derived = List.of(
                new StoredTarget("ignored", 5, "team", "north", "stage:proposal", "2026-03", MARCH_1, MARCH_31, 9,
                        "other-goal", "1 paid per 3 proposals", "someone", Instant.EPOCH),
                new StoredTarget(null, 0, "manager", "anna", "meetingsHeld", "2026-W10", LocalDate.of(2026, 3, 2),
                        LocalDate.of(2026, 3, 8), 5, null, null, null, null));

        StoredGoal stored = targets.insertGoal(given, derived);

        StoredGoal expected = goal("g1", 1, "team", "north", "2026-03", MARCH_1, MARCH_31, "3 paid deals");
        assertThat(stored).isEqualTo(expected);
        assertThat(targets.goal("g1")).contains(expected);
        List<StoredTarget> stages = targets.targets(null, null, null, null);
        assertThat(stages).extracting(StoredTarget::scopeId, StoredTarget::metric, StoredTarget::value,
                        StoredTarget::version, StoredTarget::goalId, StoredTarget::explanation,
                        StoredTarget::updatedBy, StoredTarget::updatedAt)
                .containsExactly(
                        tuple("north", "stage:proposal", 9L, 1L, "g1", "1 paid per 3 proposals", "admin", T0),
                        tuple("anna", "meetingsHeld", 5L, 1L, "g1", null, "admin", T0));
        assertThat(stages).extracting(StoredTarget::id).doesNotContainNull().doesNotHaveDuplicates()
                .doesNotContain("ignored").allSatisfy(id -> assertThat(UUID.fromString(id)).isNotNull());

        assertThat(targets.history("g1")).singleElement().satisfies(change -> {
            assertThat(change).extracting(StoredChange::entity, StoredChange::entityId, StoredChange::version,
                    StoredChange::action, StoredChange::actor, StoredChange::at, StoredChange::before,
                    StoredChange::after).containsExactly("goal", "g1", 1L, "created", "admin", T0, null,
                    "3 paid deals");
        });
        for (StoredTarget target : stages) {
            assertThat(targets.history(target.id())).singleElement().satisfies(change -> assertThat(change)
                    .extracting(StoredChange::entity, StoredChange::version, StoredChange::action,
                            StoredChange::actor, StoredChange::before, StoredChange::after)
                    .containsExactly("target", 1L, "created", "admin", null, target.summary()));
        }
        assertThat(targets.history(stages.get(0).id()).get(0).after())
                .isEqualTo("stage:proposal = 9 for team:north in 2026-03 (derived from goal g1)");
    }

    @Test
    void aGoalWithoutAnIdGetsAUuidAndAGivenIdThatExistsConflicts() {
        StoredGoal stored = targets.insertGoal(goal(null, 0, "team", "north", "2026-03", MARCH_1, MARCH_31, "g"),
                List.of());
        assertThat(UUID.fromString(stored.id())).isNotNull();
        assertThat(targets.goal(stored.id())).contains(stored);

        assertThatThrownBy(() -> targets.insertGoal(goal(stored.id(), 0, "manager", "bob", "2026-04",
                MARCH_1.plusMonths(1), MARCH_31.plusDays(30), "other"), List.of(derivedTarget("touches", 10))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("goal with id " + stored.id());
        assertThat(targets.goal(stored.id())).contains(stored);
        assertThat(targets.targets(null, null, null, null)).as("nothing of the refused goal").isEmpty();
        assertThat(targets.history(stored.id())).hasSize(1);
    }

    @Test
    void aSecondGoalForTheSameScopeAndPeriodConflictsAlsoWhenMovedThereOrWhenTwoWritersRace() throws Exception {
        LocalDate april1 = LocalDate.of(2026, 4, 1);
        LocalDate april30 = LocalDate.of(2026, 4, 30);
        StoredGoal first = targets.insertGoal(goal("g1", 0, "team", "north", "2026-03", MARCH_1, MARCH_31, "one"),
                List.of(derivedTarget("touches", 10)));

        assertThatThrownBy(() -> targets.insertGoal(goal("g2", 0, "team", "north", "2026-03", MARCH_1, MARCH_31,
                "two"), List.of(derivedTarget("touches", 20)))).isInstanceOf(ConflictException.class)
                .hasMessage("A goal for team:north in 2026-03 exists already; change that goal instead of adding"
                        + " another");
        assertThat(targets.goals("team", "north", "2026-03")).containsExactly(first);
        assertThat(targets.history("g2")).isEmpty();
        assertThat(targets.targets(null, null, null, null)).extracting(StoredTarget::value).containsExactly(10L);

        // moving another goal onto the same scope and period conflicts too, and leaves it as it was
        StoredGoal april = targets.insertGoal(goal("g3", 0, "team", "north", "2026-04", april1, april30, "april"),
                List.of());
        assertThatThrownBy(() -> targets.updateGoal(goal("g3", 0, "team", "north", "2026-03", MARCH_1, MARCH_31,
                "moved"), 1, List.of(), "updated")).isInstanceOf(ConflictException.class);
        assertThat(targets.goal("g3")).contains(april);
        assertThat(targets.history("g3")).hasSize(1);

        // two admins creating the team's goal at once: one goal, one conflict
        JdbcTargetStore one = new JdbcTargetStore(newPool(), dialect());
        JdbcTargetStore other = new JdbcTargetStore(newPool(), dialect());
        for (int round = 1; round <= 6; round++) {
            String period = "2027-0" + round;
            LocalDate from = LocalDate.of(2027, round, 1);
            StoredGoal a = goal("a" + round, 0, "team", "south", period, from, from.plusMonths(1).minusDays(1), "a");
            StoredGoal b = goal("b" + round, 0, "team", "south", period, from, from.plusMonths(1).minusDays(1), "b");
            List<Object> outcomes = race(() -> one.insertGoal(a, List.of(derivedTarget("touches", 1))),
                    () -> other.insertGoal(b, List.of(derivedTarget("touches", 2))));

            assertThat(outcomes).as("round %s: %s", round, outcomes).filteredOn(StoredGoal.class::isInstance)
                    .hasSize(1);
            assertThat(outcomes).filteredOn(ConflictException.class::isInstance).hasSize(1);
            assertThat(targets.goals("team", "south", period)).hasSize(1);
        }
    }

    @Test
    void goalsAreListedByEveryFilterByPeriodStartThenId() {
        StoredGoal q1 = goal("g-q1", 0, "team", "north", "2026-Q1", LocalDate.of(2026, 1, 1), MARCH_31, "q1");
        StoredGoal marchB = goal("g-B", 0, "team", "north", "2026-03", MARCH_1, MARCH_31, "march");
        StoredGoal marchUnderscore = goal("g-_", 0, "manager", "anna", "2026-03", MARCH_1, MARCH_31, "march anna");
        StoredGoal marchA = goal("g-a", 0, "team", "south", "2026-03", MARCH_1, MARCH_31, "march south");
        StoredGoal april = goal("g-0", 0, "team", "north", "2026-04", LocalDate.of(2026, 4, 1),
                LocalDate.of(2026, 4, 30), "april");
        for (StoredGoal goal : List.of(april, marchA, marchUnderscore, q1, marchB)) {
            targets.insertGoal(goal, List.of());
        }

        // Java's order of the ids: "g-B" < "g-_" < "g-a".
        assertThat(targets.goals(null, null, null)).extracting(StoredGoal::id)
                .containsExactly("g-q1", "g-B", "g-_", "g-a", "g-0");
        assertThat(targets.goals("team", null, null)).extracting(StoredGoal::id)
                .containsExactly("g-q1", "g-B", "g-a", "g-0");
        assertThat(targets.goals("team", "north", null)).extracting(StoredGoal::id)
                .containsExactly("g-q1", "g-B", "g-0");
        assertThat(targets.goals(null, null, "2026-03")).extracting(StoredGoal::id)
                .containsExactly("g-B", "g-_", "g-a");
        assertThat(targets.goals("manager", "anna", "2026-03")).extracting(StoredGoal::id).containsExactly("g-_");
        assertThat(targets.goals("manager", "north", null)).isEmpty();
        assertThat(targets.goals(null, "north", "2026-04").get(0)).isEqualTo(withVersion(april, 1));
    }

    // ---------------------------------------------------------------- targets

    @Test
    void aManualTargetIsStoredAtVersionOneAndUpdatedAtItsVersionEachChangeLogged() {
        StoredTarget given = manual(null, 3, "manager", "anna", "touches", "2026-03", 120, "stretch");

        StoredTarget stored = targets.insertTarget(given);

        assertThat(UUID.fromString(stored.id())).isNotNull();
        StoredTarget expected = new StoredTarget(stored.id(), 1, "manager", "anna", "touches", "2026-03", MARCH_1,
                MARCH_31, 120, null, "stretch", "admin", T0);
        assertThat(stored).isEqualTo(expected);
        assertThat(targets.target(stored.id())).contains(expected);

        Instant later = T0.plusSeconds(60).plusNanos(1);
        StoredTarget change = new StoredTarget(stored.id(), 99, "manager", "anna", "touches", "2026-03", MARCH_1,
                MARCH_31, 150, null, null, "boss", later);
        StoredTarget updated = targets.updateTarget(change, 1);

        StoredTarget expectedUpdate = new StoredTarget(stored.id(), 2, "manager", "anna", "touches", "2026-03",
                MARCH_1, MARCH_31, 150, null, null, "boss", later);
        assertThat(updated).isEqualTo(expectedUpdate);
        assertThat(targets.target(stored.id())).contains(expectedUpdate);
        List<StoredChange> history = targets.history(stored.id());
        assertThat(history).extracting(StoredChange::entity, StoredChange::version, StoredChange::action,
                        StoredChange::actor, StoredChange::at, StoredChange::before, StoredChange::after)
                .containsExactly(
                        tuple("target", 1L, "created", "admin", T0, null, "touches = 120 for manager:anna in 2026-03"),
                        tuple("target", 2L, "updated", "boss", later, "touches = 120 for manager:anna in 2026-03",
                                "touches = 150 for manager:anna in 2026-03"));
        assertThat(history.get(1).sequence()).isGreaterThan(history.get(0).sequence());

        targets.deleteTarget(stored.id(), 2, "boss", later.plusSeconds(1));
        assertThat(targets.target(stored.id())).isEmpty();
        assertThat(targets.history(stored.id())).as("kept after the deletion").hasSize(3).last()
                .extracting(StoredChange::version, StoredChange::action, StoredChange::before, StoredChange::after)
                .containsExactly(2L, "deleted", "touches = 150 for manager:anna in 2026-03", null);
    }

    @Test
    void targetsAreListedByEveryFilterInPeriodScopeMetricAndIdOrder() {
        insertManual("t-a", "team", "north", "touches", "2026-03", MARCH_1, MARCH_31);
        insertManual("t-B", "manager", "anna", "touches", "2026-03", MARCH_1, MARCH_31);
        insertManual("t-_", "manager", "anna", "meetingsHeld", "2026-03", MARCH_1, MARCH_31);
        insertManual("t-0", "manager", "Bob", "touches", "2026-03", MARCH_1, MARCH_31);
        insertManual("t-1", "manager", "anna", "touches", "2026-W10", LocalDate.of(2026, 3, 2),
                LocalDate.of(2026, 3, 8));
        insertManual("t-2", "manager", "anna", "touches", "2026-Q1", LocalDate.of(2026, 1, 1), MARCH_31);
        StoredGoal goal = targets.insertGoal(goal("g1", 0, "manager", "anna", "2026-03", MARCH_1, MARCH_31, "g"),
                List.of(derivedTarget("touches", 100)));
        String derivedId = targets.targets(null, null, null, null).stream().filter(t -> goal.id().equals(t.goalId()))
                .findFirst().orElseThrow().id();

        // Period start, then scope type, scope id ("Bob" < "anna" in Java's order), metric, id.
        assertThat(targets.targets(null, null, null, null)).extracting(StoredTarget::id)
                .containsExactly("t-2", "t-0", "t-_", derivedId, "t-B", "t-a", "t-1");
        assertThat(derivedId).as("a UUID sorts before t-B").isLessThan("t-B");
        assertThat(targets.targets("manager", "anna", "2026-03", null)).extracting(StoredTarget::id)
                .containsExactlyInAnyOrder("t-_", "t-B", derivedId);
        assertThat(targets.targets("manager", "anna", "2026-03", "touches")).extracting(StoredTarget::id)
                .containsExactlyInAnyOrder("t-B", derivedId);
        assertThat(targets.targets(null, null, null, "meetingsHeld")).extracting(StoredTarget::id)
                .containsExactly("t-_");
        assertThat(targets.targets("team", null, null, null)).extracting(StoredTarget::id).containsExactly("t-a");
        assertThat(targets.targets(null, null, "2026-W10", null)).extracting(StoredTarget::id)
                .containsExactly("t-1");
        assertThat(targets.targets("team", "anna", null, null)).isEmpty();
    }

    @Test
    void targetsOnADayAreThoseOfTheScopesWhosePeriodContainsIt() {
        insertManual("month", "manager", "anna", "touches", "2026-03", MARCH_1, MARCH_31);
        insertManual("week", "manager", "anna", "touches", "2026-W10", LocalDate.of(2026, 3, 2),
                LocalDate.of(2026, 3, 8));
        insertManual("quarter", "manager", "anna", "touches", "2026-Q1", LocalDate.of(2026, 1, 1), MARCH_31);
        insertManual("meetings", "manager", "anna", "meetingsHeld", "2026-03", MARCH_1, MARCH_31);
        insertManual("bob", "manager", "bob", "touches", "2026-03", MARCH_1, MARCH_31);
        insertManual("carl", "manager", "carl", "touches", "2026-03", MARCH_1, MARCH_31);
        insertManual("team", "team", "anna", "touches", "2026-03", MARCH_1, MARCH_31);
        insertManual("april", "manager", "anna", "touches", "2026-04", LocalDate.of(2026, 4, 1),
                LocalDate.of(2026, 4, 30));

        // By scope type, scope id, metric, period start, id.
        assertThat(targets.targetsOn("manager", List.of("anna", "bob"), LocalDate.of(2026, 3, 2)))
                .extracting(StoredTarget::id).containsExactly("meetings", "quarter", "month", "week", "bob");
        assertThat(targets.targetsOn("manager", List.of("anna"), MARCH_31)).as("the last day belongs to its period")
                .extracting(StoredTarget::id).containsExactly("meetings", "quarter", "month");
        assertThat(targets.targetsOn("manager", List.of("anna"), LocalDate.of(2026, 4, 1)))
                .extracting(StoredTarget::id).containsExactly("april");
        assertThat(targets.targetsOn("manager", List.of("anna"), LocalDate.of(2026, 3, 9)))
                .extracting(StoredTarget::id).containsExactly("meetings", "quarter", "month");
        assertThat(targets.targetsOn("team", List.of("anna"), MARCH_1)).extracting(StoredTarget::id)
                .containsExactly("team");
        assertThat(targets.targetsOn("manager", List.of(), MARCH_1)).isEmpty();
        assertThat(targets.targetsOn("manager", List.of("nobody"), MARCH_1)).isEmpty();
    }

    @Test
    void targetsOnManyScopesAreAnsweredWholeAndInOrder() {
        List<String> scopes = new ArrayList<>();
        for (int i = 0; i < 1_100; i++) {
            scopes.add("m" + i);
        }
        targets.insertGoal(goal("g1", 0, "team", "t", "2026-03", MARCH_1, MARCH_31, "g"), scopes.stream()
                .map(m -> new StoredTarget(null, 0, "manager", m, "touches", "2026-03", MARCH_1, MARCH_31, 10, null,
                        null, null, null)).toList());

        List<StoredTarget> on = targets.targetsOn("manager", scopes, LocalDate.of(2026, 3, 15));

        assertThat(on).hasSize(1_100);
        assertThat(on).extracting(StoredTarget::scopeId).isSortedAccordingTo(String::compareTo)
                .containsExactlyInAnyOrderElementsOf(scopes);
    }

    // ---------------------------------------------------------------- versions and conflicts

    @Test
    void aStaleWriteThrowsAndChangesNothing() {
        StoredTarget target = targets.insertTarget(manual("t1", 0, "manager", "anna", "touches", "2026-03", 10,
                null));
        targets.updateTarget(withValue(target, 20), 1);
        StoredGoal goal = targets.insertGoal(goal("g1", 0, "team", "north", "2026-03", MARCH_1, MARCH_31, "g"),
                List.of(derivedTarget("touches", 40)));
        targets.updateGoal(withSummary(goal, "g2"), 1, List.of(derivedTarget("touches", 50)), "updated");
        List<StoredTarget> before = targets.targets(null, null, null, null);
        List<StoredChange> targetHistory = targets.history("t1");
        List<StoredChange> goalHistory = targets.history("g1");

        StaleVersionException staleTarget = catchThrowableOfType(StaleVersionException.class,
                () -> targets.updateTarget(withValue(target, 30), 1));
        assertThat(staleTarget.id()).isEqualTo("t1");
        assertThat(staleTarget.expectedVersion()).isEqualTo(1);
        assertThat(staleTarget.currentVersion()).isEqualTo(2);
        assertThat(staleTarget).hasMessageContaining("target t1 is at version 2, not 1");
        assertThatThrownBy(() -> targets.deleteTarget("t1", 3, "admin", T0))
                .isInstanceOf(StaleVersionException.class).hasMessageContaining("target t1 is at version 2, not 3");
        StaleVersionException staleGoal = catchThrowableOfType(StaleVersionException.class,
                () -> targets.updateGoal(withSummary(goal, "g3"), 1, List.of(derivedTarget("touches", 60)),
                        "rederived"));
        assertThat(staleGoal).hasMessageContaining("goal g1 is at version 2, not 1");
        assertThat(staleGoal.currentVersion()).isEqualTo(2);
        assertThatThrownBy(() -> targets.deleteGoal("g1", 1, "admin", T0)).isInstanceOf(StaleVersionException.class);

        assertThat(targets.targets(null, null, null, null)).isEqualTo(before);
        assertThat(targets.goal("g1")).get().extracting(StoredGoal::version, StoredGoal::summary)
                .containsExactly(2L, "g2");
        assertThat(targets.history("t1")).isEqualTo(targetHistory);
        assertThat(targets.history("g1")).isEqualTo(goalHistory);
    }

    @Test
    void twoWritersOfTheSameTargetAtTheSameVersionOneWinsTheOtherIsStaleAndNothingIsLost() throws Exception {
        // Two Pace instances, each with its own pool and store: only the database can decide.
        JdbcTargetStore first = new JdbcTargetStore(newPool(), dialect());
        JdbcTargetStore second = new JdbcTargetStore(newPool(), dialect());
        StoredTarget target = targets.insertTarget(manual("t1", 0, "manager", "anna", "touches", "2026-03", 10,
                null));
        for (long version = 1; version <= 8; version++) {
            long v = version;
            StoredTarget byFirst = withValue(target, 100 + v);
            StoredTarget bySecond = withValue(target, 200 + v);
            List<Object> outcomes = race(() -> first.updateTarget(byFirst, v), () -> second.updateTarget(bySecond, v));

            List<StoredTarget> winners = outcomes.stream().filter(StoredTarget.class::isInstance)
                    .map(StoredTarget.class::cast).toList();
            List<StaleVersionException> losers = outcomes.stream().filter(StaleVersionException.class::isInstance)
                    .map(StaleVersionException.class::cast).toList();
            assertThat(winners).as("round %s: %s", v, outcomes).hasSize(1);
            assertThat(losers).as("round %s: %s", v, outcomes).singleElement().satisfies(stale -> {
                assertThat(stale.expectedVersion()).isEqualTo(v);
                assertThat(stale.currentVersion()).isEqualTo(v + 1);
            });
            assertThat(targets.target("t1")).contains(winners.get(0));
            assertThat(winners.get(0).version()).isEqualTo(v + 1);
            List<StoredChange> history = targets.history("t1");
            assertThat(history).as("created, then one update per round").hasSize((int) v + 1);
            assertThat(history.get((int) v).after()).isEqualTo(winners.get(0).summary());
            assertThat(history.get((int) v).before()).isEqualTo(history.get((int) v - 1).after());
        }
    }

    @Test
    void twoWritersOfTheSameGoalAtTheSameVersionOneWinsWithItsDerivedTargets() throws Exception {
        JdbcTargetStore first = new JdbcTargetStore(newPool(), dialect());
        JdbcTargetStore second = new JdbcTargetStore(newPool(), dialect());
        StoredGoal goal = targets.insertGoal(goal("g1", 0, "team", "north", "2026-03", MARCH_1, MARCH_31, "g"),
                List.of(derivedTarget("touches", 1)));

        List<Object> outcomes = race(
                () -> first.updateGoal(withSummary(goal, "by first"), 1, List.of(derivedTarget("touches", 11),
                        derivedTarget("meetingsHeld", 12)), "updated"),
                () -> second.updateGoal(withSummary(goal, "by second"), 1, List.of(derivedTarget("touches", 21)),
                        "rederived"));

        StoredGoal winner = outcomes.stream().filter(StoredGoal.class::isInstance).map(StoredGoal.class::cast)
                .findFirst().orElseThrow(() -> new AssertionError("no winner: " + outcomes));
        assertThat(outcomes).filteredOn(StaleVersionException.class::isInstance).hasSize(1);
        assertThat(targets.goal("g1")).contains(winner);
        long expectedTargets = winner.summary().equals("by first") ? 2 : 1;
        assertThat(targets.targets(null, null, null, null)).hasSize((int) expectedTargets)
                .allSatisfy(t -> assertThat(t.goalId()).isEqualTo("g1"));
        assertThat(targets.history("g1")).extracting(StoredChange::after).containsExactly("g", winner.summary());
    }

    @Test
    void aSecondManualTargetForTheSameScopeMetricAndPeriodConflictsAndNothingIsWritten() {
        StoredTarget first = targets.insertTarget(manual("t1", 0, "manager", "anna", "touches", "2026-03", 10, null));

        ConflictException conflict = catchThrowableOfType(ConflictException.class, () -> targets.insertTarget(
                manual("t2", 0, "manager", "anna", "touches", "2026-03", 20, null)));

        assertThat(conflict).hasMessageContaining("manual target for touches of manager:anna in 2026-03 exists");
        assertThat(targets.target("t2")).isEmpty();
        assertThat(targets.history("t2")).isEmpty();
        assertThat(targets.targets(null, null, null, null)).containsExactly(first);

        // Another metric, period or scope is another target; a goal's target may sit beside the manual one.
        targets.insertTarget(manual("t3", 0, "manager", "anna", "meetingsHeld", "2026-03", 1, null));
        targets.insertTarget(manual("t4", 0, "manager", "anna", "touches", "2026-04", 1, null));
        targets.insertTarget(manual("t5", 0, "team", "anna", "touches", "2026-03", 1, null));
        targets.insertGoal(goal("g1", 0, "manager", "anna", "2026-03", MARCH_1, MARCH_31, "g"),
                List.of(derivedTarget("touches", 7), derivedTarget("touches", 8)));
        assertThat(targets.targets("manager", "anna", "2026-03", "touches")).hasSize(3);

        // An update into an existing manual target's place conflicts too, and changes nothing.
        StoredTarget t3 = targets.target("t3").orElseThrow();
        StoredTarget clash = new StoredTarget("t3", 0, "manager", "anna", "touches", "2026-03", MARCH_1, MARCH_31, 5,
                null, null, "admin", T0);
        assertThatThrownBy(() -> targets.updateTarget(clash, 1)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("manual target for touches of manager:anna in 2026-03 exists");
        assertThat(targets.target("t3")).contains(t3);
        assertThat(targets.history("t3")).hasSize(1);

        assertThatThrownBy(() -> targets.insertTarget(manual("t1", 0, "team", "x", "touches", "2026-03", 1, null)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("target with id t1 exists");
        assertThat(targets.target("t1")).contains(first);
    }

    @Test
    void twoConcurrentInsertsOfTheSameManualTargetLeaveExactlyOne() throws Exception {
        JdbcTargetStore first = new JdbcTargetStore(newPool(), dialect());
        JdbcTargetStore second = new JdbcTargetStore(newPool(), dialect());
        assertThat(first.targets(null, null, null, null)).isEmpty(); // migrated before the race
        for (int round = 1; round <= 6; round++) {
            String period = "2026-0" + round;
            StoredTarget a = manual("a" + round, 0, "manager", "anna", "touches", period, 1, null);
            StoredTarget b = manual("b" + round, 0, "manager", "anna", "touches", period, 2, null);
            List<Object> outcomes = race(() -> first.insertTarget(a), () -> second.insertTarget(b));

            assertThat(outcomes).as("round %s: %s", round, outcomes).filteredOn(StoredTarget.class::isInstance)
                    .hasSize(1);
            assertThat(outcomes).filteredOn(ConflictException.class::isInstance).hasSize(1);
            List<StoredTarget> stored = targets.targets("manager", "anna", period, "touches");
            assertThat(stored).hasSize(1).containsExactlyElementsOf(outcomes.stream()
                    .filter(StoredTarget.class::isInstance).map(StoredTarget.class::cast).toList());
            String loser = stored.get(0).id().startsWith("a") ? "b" + round : "a" + round;
            assertThat(targets.history(loser)).isEmpty();
        }
    }

    // ---------------------------------------------------------------- goals and their targets

    @Test
    void aGoalUpdateReplacesItsDerivedTargetsAndLogsTheReplacement() {
        targets.insertTarget(manual("manual", 0, "manager", "anna", "touches", "2026-03", 10, null));
        StoredGoal goal = targets.insertGoal(goal("g1", 0, "manager", "anna", "2026-03", MARCH_1, MARCH_31,
                "3 paid deals"), List.of(derivedTarget("stage:proposal", 9), derivedTarget("stage:meeting", 18)));
        List<StoredTarget> old = targets.targets(null, null, null, null).stream().filter(t -> t.goalId() != null)
                .toList();
        assertThat(old).hasSize(2);

        Instant later = T0.plusSeconds(3600);
        StoredGoal change = new StoredGoal("g1", 1, "manager", "anna", "2026-03", MARCH_1, MARCH_31, "{v:2}",
                "4 paid deals", "boss", later);
        StoredGoal updated = targets.updateGoal(change, 1, List.of(derivedTarget("stage:proposal", 12)), "rederived");

        assertThat(updated).isEqualTo(new StoredGoal("g1", 2, "manager", "anna", "2026-03", MARCH_1, MARCH_31,
                "{v:2}", "4 paid deals", "boss", later));
        assertThat(targets.goal("g1")).contains(updated);
        List<StoredTarget> now = targets.targets(null, null, null, null);
        assertThat(now).extracting(StoredTarget::id).contains("manual").doesNotContain(old.get(0).id(),
                old.get(1).id());
        StoredTarget replacement = now.stream().filter(t -> "g1".equals(t.goalId())).collect(
                java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(), list -> {
                    assertThat(list).hasSize(1);
                    return list.get(0);
                }));
        assertThat(replacement).extracting(StoredTarget::metric, StoredTarget::value, StoredTarget::version,
                StoredTarget::updatedBy, StoredTarget::updatedAt).containsExactly("stage:proposal", 12L, 1L, "boss",
                later);

        assertThat(targets.history("g1")).extracting(StoredChange::version, StoredChange::action,
                        StoredChange::actor, StoredChange::before, StoredChange::after)
                .containsExactly(tuple(1L, "created", "admin", null, "3 paid deals"),
                        tuple(2L, "rederived", "boss", "3 paid deals", "4 paid deals"));
        for (StoredTarget gone : old) {
            assertThat(targets.target(gone.id())).isEmpty();
            assertThat(targets.history(gone.id())).extracting(StoredChange::version, StoredChange::action,
                            StoredChange::actor, StoredChange::at, StoredChange::before, StoredChange::after)
                    .containsExactly(tuple(1L, "created", "admin", T0, null, gone.summary()),
                            tuple(1L, "deleted", "boss", later, gone.summary(), null));
        }
        assertThat(targets.history(replacement.id())).extracting(StoredChange::action, StoredChange::after)
                .containsExactly(tuple("created", "stage:proposal = 12 for manager:anna in 2026-03 (derived from goal"
                        + " g1)"));
        assertThat(targets.history("manual")).hasSize(1);

        assertThatThrownBy(() -> targets.updateGoal(change, 2, List.of(), "edited"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("updated or rederived");
        assertThat(targets.goal("g1")).contains(updated);
    }

    @Test
    void aDerivedTargetIsChangedOnlyThroughItsGoal() {
        targets.insertGoal(goal("g1", 0, "manager", "anna", "2026-03", MARCH_1, MARCH_31, "g"),
                List.of(derivedTarget("touches", 40)));
        StoredTarget derived = targets.targets(null, null, null, null).get(0);
        StoredTarget edit = new StoredTarget(derived.id(), 1, "manager", "anna", "touches", "2026-03", MARCH_1,
                MARCH_31, 41, null, null, "admin", T0);

        assertThatThrownBy(() -> targets.updateTarget(edit, 1)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("derived from goal g1").hasMessageContaining("change or re-derive the goal");
        assertThatThrownBy(() -> targets.deleteTarget(derived.id(), 1, "admin", T0))
                .isInstanceOf(ConflictException.class).hasMessageContaining("derived from goal g1");
        assertThatThrownBy(() -> targets.updateTarget(edit, 5)).as("whatever the version")
                .isInstanceOf(ConflictException.class);
        assertThat(targets.target(derived.id())).contains(derived);
        assertThat(targets.history(derived.id())).hasSize(1);

        assertThatThrownBy(() -> targets.insertTarget(new StoredTarget(null, 0, "manager", "anna", "calls",
                "2026-03", MARCH_1, MARCH_31, 1, "g1", null, "admin", T0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("goalId");
        assertThat(targets.targets(null, null, null, "calls")).isEmpty();
    }

    @Test
    void deletingAGoalDeletesItsTargetsAndLogsEveryDeletion() {
        targets.insertTarget(manual("manual", 0, "manager", "anna", "touches", "2026-03", 10, null));
        targets.insertGoal(goal("g1", 0, "manager", "anna", "2026-03", MARCH_1, MARCH_31, "g"),
                List.of(derivedTarget("touches", 40), derivedTarget("meetingsHeld", 4)));
        targets.insertGoal(goal("g2", 0, "team", "north", "2026-03", MARCH_1, MARCH_31, "other"),
                List.of(derivedTarget("touches", 400)));
        List<StoredTarget> ofG1 = targets.targets(null, null, null, null).stream()
                .filter(t -> "g1".equals(t.goalId())).toList();
        Instant at = T0.plusSeconds(5);

        targets.deleteGoal("g1", 1, "boss", at);

        assertThat(targets.goal("g1")).isEmpty();
        assertThat(targets.goals(null, null, null)).extracting(StoredGoal::id).containsExactly("g2");
        assertThat(targets.targets(null, null, null, null)).extracting(StoredTarget::goalId)
                .containsExactlyInAnyOrder(null, "g2");
        assertThat(targets.history("g1")).extracting(StoredChange::version, StoredChange::action,
                        StoredChange::actor, StoredChange::at, StoredChange::before, StoredChange::after)
                .containsExactly(tuple(1L, "created", "admin", T0, null, "g"),
                        tuple(1L, "deleted", "boss", at, "g", null));
        assertThat(ofG1).hasSize(2);
        for (StoredTarget target : ofG1) {
            assertThat(targets.target(target.id())).isEmpty();
            assertThat(targets.history(target.id())).extracting(StoredChange::action, StoredChange::actor,
                    StoredChange::before, StoredChange::after).containsExactly(
                    tuple("created", "admin", null, target.summary()), tuple("deleted", "boss", target.summary(),
                            null));
        }
    }

    @Test
    void unknownIdsAreNotFoundAndReadAsAbsent() {
        StoredTarget target = manual("nope", 0, "manager", "anna", "touches", "2026-03", 1, null);
        assertThatThrownBy(() -> targets.updateTarget(target, 1)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("no target with id 'nope'");
        assertThatThrownBy(() -> targets.deleteTarget("nope", 1, "admin", T0)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("'nope'");
        StoredGoal goal = goal("nope", 1, "team", "north", "2026-03", MARCH_1, MARCH_31, "g");
        assertThatThrownBy(() -> targets.updateGoal(goal, 1, List.of(), "updated"))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("no goal with id 'nope'");
        assertThatThrownBy(() -> targets.deleteGoal("nope", 1, "admin", T0)).isInstanceOf(NotFoundException.class);
        assertThat(targets.goal("nope")).isEmpty();
        assertThat(targets.target("nope")).isEmpty();
        assertThat(targets.history("nope")).isEmpty();
        assertThat(targets.goals(null, null, null)).isEmpty();
    }

    @Test
    void aDatabaseFailureIsAStoreExceptionThatSaysWhatFailedAndWritesNothing() {
        StoredTarget tooLong = manual("t1", 0, "x".repeat(40), "anna", "touches", "2026-03", 1, null);

        StoreException failure = catchThrowableOfType(StoreException.class, () -> targets.insertTarget(tooLong));

        assertThat(failure).hasMessageContaining("Failed creating target t1").hasMessageContaining("nothing was"
                + " changed").hasCauseInstanceOf(SQLException.class);
        assertThat(failure.getMessage().toLowerCase()).contains("too long");
        assertThat(targets.target("t1")).isEmpty();
        assertThat(targets.history("t1")).isEmpty();
    }

    @Test
    void eitherStoreOfTheComponentMigratesTheWholeSchemaOnFirstUse() throws SQLException {
        assertThat(tableExists("pace_target")).isFalse();
        JdbcStores stores = JdbcStores.on(db, dialect());

        assertThat(stores.targetStore().goals(null, null, null)).isEmpty();

        assertThat(versionRows()).extracting(row -> row[0]).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(tableExists("pace_activity")).isTrue();
        assertThat(stores.paceStore().activityCount()).isZero();
        assertThat(versionRows()).hasSize(8);
    }

    // ---------------------------------------------------------------- helpers

    /** Runs both at once (released together) and gives each one's result or exception, in order. */
    private List<Object> race(Callable<?> one, Callable<?> other) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<Object>> futures = new ArrayList<>();
        for (Callable<?> work : List.of(one, other)) {
            futures.add(threads.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                try {
                    return work.call();
                } catch (StaleVersionException | ConflictException e) {
                    return e;
                }
            }));
        }
        List<Object> outcomes = new ArrayList<>();
        for (Future<Object> future : futures) {
            try {
                outcomes.add(future.get(60, TimeUnit.SECONDS));
            } catch (ExecutionException e) {
                throw new AssertionError("a writer failed otherwise", e.getCause());
            }
        }
        return outcomes;
    }

    private void insertManual(String id, String scopeType, String scopeId, String metric, String period,
                              LocalDate from, LocalDate to) {
        targets.insertTarget(new StoredTarget(id, 0, scopeType, scopeId, metric, period, from, to, 1, null, null,
                "admin", T0));
    }

    private static StoredGoal goal(String id, long version, String scopeType, String scopeId, String period,
                                   LocalDate from, LocalDate to, String summary) {
        return new StoredGoal(id, version, scopeType, scopeId, period, from, to, "{\"paidDeals\":3}", summary,
                "admin", T0);
    }

    /** A manual target for a month of 2026 ({@code 2026-MM}) or March. */
    private static StoredTarget manual(String id, long version, String scopeType, String scopeId, String metric,
                                       String period, long value, String note) {
        LocalDate from = period.matches("2026-\\d\\d") ? LocalDate.parse(period + "-01") : MARCH_1;
        return new StoredTarget(id, version, scopeType, scopeId, metric, period, from,
                from.withDayOfMonth(from.lengthOfMonth()), value, null, note, "admin", T0);
    }

    /** A target derived for anna in March, as the engine hands it over (no id, version or goal yet). */
    private static StoredTarget derivedTarget(String metric, long value) {
        return new StoredTarget(null, 0, "manager", "anna", metric, "2026-03", MARCH_1, MARCH_31, value, null,
                "derived", null, null);
    }

    private static StoredTarget withValue(StoredTarget t, long value) {
        return new StoredTarget(t.id(), t.version(), t.scopeType(), t.scopeId(), t.metric(), t.period(), t.from(),
                t.to(), value, t.goalId(), t.explanation(), t.updatedBy(), t.updatedAt());
    }

    private static StoredGoal withSummary(StoredGoal g, String summary) {
        return new StoredGoal(g.id(), g.version(), g.scopeType(), g.scopeId(), g.period(), g.from(), g.to(),
                g.definition(), summary, g.updatedBy(), g.updatedAt());
    }

    private static StoredGoal withVersion(StoredGoal g, long version) {
        return new StoredGoal(g.id(), version, g.scopeType(), g.scopeId(), g.period(), g.from(), g.to(),
                g.definition(), g.summary(), g.updatedBy(), g.updatedAt());
    }
}
