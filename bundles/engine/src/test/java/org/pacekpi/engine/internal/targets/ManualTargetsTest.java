package org.pacekpi.engine.internal.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.pacekpi.engine.internal.targets.TargetWorld.ANNA;
import static org.pacekpi.engine.internal.targets.TargetWorld.NORTH;

import java.time.Instant;
import java.time.LocalDate;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.pacekpi.api.NotFoundException;
import org.pacekpi.api.targets.Change;
import org.pacekpi.api.targets.ConflictException;
import org.pacekpi.api.targets.Scope;
import org.pacekpi.api.targets.StaleVersionException;
import org.pacekpi.api.targets.TargetInput;
import org.pacekpi.api.targets.TargetRecord;
import org.pacekpi.api.targets.ValidationException;

/** Manual targets: create, read, change and delete with versions; their history; bad input named by field. */
class ManualTargetsTest {

    private final TargetWorld world = new TargetWorld();
    private final GoalsAndTargets service = world.service();

    private static TargetInput meetings(long value, String period) {
        return new TargetInput(ANNA, "meetingsHeld", period, value, null);
    }

    private static void assertRefused(ThrowingCallable call, String field, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field)).hasMessage(field + ": " + message);
    }

    @Test
    void aManualTargetIsCreatedReadChangedAndDeletedWithItsHistory() {
        TargetRecord created = service.createTarget(new TargetInput(ANNA, "meetingsHeld", "2026-w10", 20, "spring push"), "admin");

        assertThat(created).isEqualTo(new TargetRecord(created.id(), 1, ANNA, "meetingsHeld", "2026-W10",
                LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 8), 20, null, "spring push", "admin", TargetWorld.NOW));
        assertThat(service.target(created.id())).isEqualTo(created);

        world.clock.set(Instant.parse("2026-03-03T08:00:00Z"));
        TargetRecord changed = service.updateTarget(created.id(), 1, new TargetInput(ANNA, "meetingsHeld", "2026-W10", 25, null), "eve");
        assertThat(changed.version()).isEqualTo(2);
        assertThat(changed.value()).isEqualTo(25);
        assertThat(changed.updatedBy()).isEqualTo("eve");
        assertThat(changed.updatedAt()).isEqualTo(Instant.parse("2026-03-03T08:00:00Z"));
        assertThat(changed.explanation()).isNull();

        service.deleteTarget(created.id(), 2, "admin");
        assertThatThrownBy(() -> service.target(created.id())).isInstanceOf(NotFoundException.class)
                .hasMessage("no target with id '" + created.id() + "'");
        assertThat(service.history(created.id())).extracting(Change::action, Change::version, Change::actor, Change::before,
                Change::after).containsExactly(
                tuple("created", 1L, "admin", null, "meetingsHeld = 20 for manager:anna in 2026-W10"),
                tuple("updated", 2L, "eve", "meetingsHeld = 20 for manager:anna in 2026-W10",
                        "meetingsHeld = 25 for manager:anna in 2026-W10"),
                tuple("deleted", 2L, "admin", "meetingsHeld = 25 for manager:anna in 2026-W10", null));
    }

    @Test
    void twoAdminsEditingTheSameTargetOneGetsAStaleVersionAndNothingIsLost() {
        TargetRecord created = service.createTarget(meetings(20, "2026-03"), "admin");

        TargetRecord first = service.updateTarget(created.id(), 1, meetings(22, "2026-03"), "first");
        assertThatThrownBy(() -> service.updateTarget(created.id(), 1, meetings(30, "2026-03"), "second"))
                .isInstanceOfSatisfying(StaleVersionException.class, e -> {
                    assertThat(e.id()).isEqualTo(created.id());
                    assertThat(e.currentVersion()).isEqualTo(2);
                });
        assertThatThrownBy(() -> service.deleteTarget(created.id(), 1, "second")).isInstanceOf(StaleVersionException.class);

        assertThat(service.target(created.id())).isEqualTo(first);
        assertThat(service.history(created.id())).extracting(Change::actor).containsExactly("admin", "first");
    }

    @Test
    void aSecondManualTargetForTheSameScopeMetricAndPeriodConflicts() {
        service.createTarget(meetings(20, "2026-03"), "admin");

        assertThatThrownBy(() -> service.createTarget(meetings(25, "2026-03"), "admin")).isInstanceOf(ConflictException.class);
        TargetRecord april = service.createTarget(meetings(25, "2026-04"), "admin");
        assertThatThrownBy(() -> service.updateTarget(april.id(), 1, meetings(25, "2026-03"), "admin"))
                .isInstanceOf(ConflictException.class);
        // Another scope, metric or period is another target.
        service.createTarget(new TargetInput(NORTH, "meetingsHeld", "2026-03", 50, null), "admin");
        service.createTarget(new TargetInput(ANNA, "touches", "2026-03", 50, null), "admin");
        assertThat(service.targets(null, null, null)).hasSize(4);
    }

    @Test
    void targetsAreListedByPeriodScopeAndMetric() {
        service.createTarget(new TargetInput(ANNA, "touches", "2026-Q1", 600, null), "admin");
        service.createTarget(new TargetInput(NORTH, "touches", "2026-03", 400, null), "admin");
        service.createTarget(new TargetInput(ANNA, "touches", "2026-03", 200, null), "admin");
        service.createTarget(new TargetInput(ANNA, "firstContacts", "2026-03", 40, null), "admin");

        assertThat(service.targets(null, null, null)).extracting(t -> t.period() + " " + t.scope() + " " + t.metric())
                .containsExactly("2026-Q1 manager:anna touches", "2026-03 manager:anna firstContacts",
                        "2026-03 manager:anna touches", "2026-03 team:north touches");
        assertThat(service.targets(ANNA, "2026-03", null)).hasSize(2);
        assertThat(service.targets(null, "2026-q1", "touches")).extracting(TargetRecord::value).containsExactly(600L);
        assertThat(service.targets(NORTH, null, "firstContacts")).isEmpty();
    }

    @Test
    void theMetricIsOneThatIsCounted() {
        String known = "the known metrics are touches, firstContacts, newContacts, meetingsHeld, callAttempts, dealsWon, "
                + "dealsLost, touches:<channel> and stage:<stage id>";
        assertRefused(() -> service.createTarget(new TargetInput(ANNA, "calls", "2026-03", 1, null), "admin"), "metric",
                "unknown metric 'calls'; " + known);
        assertRefused(() -> service.createTarget(new TargetInput(ANNA, "revenue:EUR", "2026-03", 1, null), "admin"), "metric",
                "unknown metric 'revenue:EUR'; " + known);
        assertRefused(() -> service.createTarget(new TargetInput(ANNA, null, "2026-03", 1, null), "admin"), "metric",
                "is required; " + known);
        assertRefused(() -> service.createTarget(new TargetInput(ANNA, "touches:", "2026-03", 1, null), "admin"), "metric",
                "'touches:' is not a channel's touches: write touches: and the channel in lower case, e.g. touches:phone");
        assertRefused(() -> service.createTarget(new TargetInput(ANNA, "touches:Phone", "2026-03", 1, null), "admin"), "metric",
                "'touches:Phone' is not a channel's touches: write touches: and the channel in lower case, e.g. touches:phone");
        assertRefused(() -> service.createTarget(new TargetInput(ANNA, "stage: ", "2026-03", 1, null), "admin"), "metric",
                "'stage: ' names no stage: write stage: and the stage id, e.g. stage:proposal");
        for (String metric : new String[] {"touches", "firstContacts", "newContacts", "meetingsHeld", "callAttempts",
                "dealsWon", "dealsLost", "touches:phone", "stage:proposal", "stage:Qualified lead"}) {
            assertThat(service.createTarget(new TargetInput(ANNA, metric, "2026-03", 1, null), "admin").metric()).isEqualTo(metric);
        }
    }

    @Test
    void thePeriodIsAWeekAMonthOrAQuarter() {
        String forms = "must be a week such as 2026-W10, a month such as 2026-03 or a quarter such as 2026-Q1; was ";
        assertRefused(() -> service.createTarget(meetings(1, "2026-3"), "admin"), "period", forms + "'2026-3'");
        assertRefused(() -> service.createTarget(meetings(1, null), "admin"), "period", forms + "missing");
        assertRefused(() -> service.createTarget(meetings(1, "2026-W00"), "admin"), "period",
                "week 0 does not exist: 2026 has weeks 01 to 53");
        assertRefused(() -> service.createTarget(meetings(1, "2025-W53"), "admin"), "period",
                "week 53 does not exist: 2025 has weeks 01 to 52");
        // 2026 starts on a Thursday: its week 53 ends on Sunday 3 January 2027; its week 1 began in 2025.
        TargetRecord w53 = service.createTarget(meetings(1, "2026-W53"), "admin");
        assertThat(w53.from()).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(w53.to()).isEqualTo(LocalDate.of(2027, 1, 3));
        TargetRecord w1 = service.createTarget(meetings(1, "2026-W01"), "admin");
        assertThat(w1.from()).isEqualTo(LocalDate.of(2025, 12, 29));
        TargetRecord quarter = service.createTarget(meetings(1, "2026-q4"), "admin");
        assertThat(quarter.period()).isEqualTo("2026-Q4");
        assertThat(quarter.to()).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void theValueIsNotNegativeAndTheNoteShort() {
        assertRefused(() -> service.createTarget(meetings(-1, "2026-03"), "admin"), "value", "must be 0 or more, was -1");
        assertRefused(() -> service.createTarget(new TargetInput(ANNA, "touches", "2026-03", 1, "n".repeat(501)), "admin"),
                "note", "must be at most 500 characters, was 501");
        assertThat(service.createTarget(meetings(0, "2026-03"), "admin").value()).isZero();
        assertRefused(() -> service.createTarget(null, "admin"), "body", "is required");
        assertRefused(() -> service.createTarget(new TargetInput(null, "touches", "2026-03", 1, null), "admin"), "scope",
                "is required: a type (team or manager) and an id");
    }

    @Test
    void theScopeIsAKnownManagerOrTeam() {
        assertThatThrownBy(() -> service.createTarget(new TargetInput(Scope.manager("ghost"), "touches", "2026-03", 1, null),
                "admin")).isInstanceOf(NotFoundException.class).hasMessage("no manager with id 'ghost'");
        assertThatThrownBy(() -> service.createTarget(new TargetInput(Scope.team("west"), "touches", "2026-03", 1, null),
                "admin")).isInstanceOf(NotFoundException.class).hasMessage("no team with id 'west'");
        assertThatThrownBy(() -> service.updateTarget("nope", 1, meetings(1, "2026-03"), "admin"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.deleteTarget("nope", 1, "admin")).isInstanceOf(NotFoundException.class);
    }
}
