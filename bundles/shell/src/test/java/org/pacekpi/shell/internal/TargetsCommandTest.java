package org.pacekpi.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pacekpi.api.targets.ConflictException;
import org.pacekpi.api.targets.Scope;
import org.pacekpi.api.targets.TargetInput;

class TargetsCommandTest {

    private final FakeTargets targets = new FakeTargets();
    private final Output output = new Output();

    private TargetsCommand command(String action, String id) {
        TargetsCommand command = new TargetsCommand();
        command.targets = targets;
        command.directory = new FakeDirectory();
        command.out = output.stream;
        command.shellUser = () -> "admin";
        command.action = action;
        command.id = id;
        return command;
    }

    private TargetsCommand set(String scope, String metric, long value) {
        TargetsCommand set = command("set", null);
        set.scope = scope;
        set.metric = metric;
        set.period = "2026-03";
        set.value = value;
        return set;
    }

    @Test
    void setAManualTarget() {
        TargetsCommand set = set("manager:m1", "meetingsHeld", 18);
        set.note = "after the trade fair";
        set.execute();

        assertThat(targets.calls).containsExactly("createTarget manager:m1 meetingsHeld 18 by karaf:admin");
        assertThat(targets.targetInput).isEqualTo(new TargetInput(Scope.manager("m1"), "meetingsHeld", "2026-03", 18,
                "after the trade fair"));
        assertThat(output.lines()).containsExactly("Target t1 set, version 1: 18 meetingsHeld for Zoe North"
                + " (manager:m1) in 2026-03 (2026-03-01 .. 2026-03-31).");
    }

    @Test
    void listWithFilters() {
        set("manager:m1", "meetingsHeld", 18).execute();
        set("team:north", "touches", 400).execute();
        targets.derivedTarget("g7", "m1", "stage:proposal", 9);
        output.clear();

        TargetsCommand list = command("list", null);
        list.scope = "manager:m1";
        list.execute();
        assertThat(targets.calls).endsWith("targets manager:m1 null null");
        assertThat(output.row("Id")).contains(List.of("Id", "Version", "Scope", "Metric", "Period", "Days", "Value",
                "Goal", "Updated by"));
        assertThat(output.row("t1")).contains(List.of("t1", "1", "Zoe North (manager:m1)", "meetingsHeld", "2026-03",
                "2026-03-01 .. 2026-03-31", "18", "manual", "karaf:admin"));
        assertThat(output.row("t3")).hasValueSatisfying(row -> assertThat(row.get(7)).isEqualTo("g7"));
        assertThat(output.row("t2")).isEmpty();

        TargetsCommand byMetric = command(null, null);
        byMetric.action = "list";
        byMetric.metric = "touches";
        byMetric.period = "2026-03";
        byMetric.execute();
        assertThat(targets.calls).endsWith("targets null 2026-03 touches");
    }

    @Test
    void changeDeleteAndHistory() {
        set("manager:m1", "meetingsHeld", 18).execute();
        TargetsCommand change = set("manager:m1", "meetingsHeld", 20);
        change.id = "t1";
        change.execute();
        assertThat(output.text()).contains("Target t1 set, version 2: 20 meetingsHeld");

        targets.record("target", "t1", 2, "updated", "karaf:admin", "18", "20");
        output.clear();
        command("history", "t1").execute();
        assertThat(output.row("1")).hasValueSatisfying(row -> assertThat(row.subList(2, 7))
                .containsExactly("karaf:admin", "updated", "2", "18", "20"));

        output.clear();
        command("delete", "t1").execute();
        assertThat(output.lines()).containsExactly("Target t1 (version 2) deleted.");
        assertThat(targets.calls).contains("updateTarget t1 v1 by karaf:admin", "deleteTarget t1 v2 by karaf:admin");
    }

    @Test
    void aDerivedTargetIsChangedThroughItsGoal() {
        targets.derivedTarget("g7", "m1", "stage:proposal", 9);
        TargetsCommand change = set("manager:m1", "stage:proposal", 10);
        change.id = "t1";
        assertThatThrownBy(change::execute).isInstanceOf(ConflictException.class)
                .hasMessage("target t1 was derived from goal g7; change the goal instead");
    }

    @Test
    void errorsNameTheOption() {
        assertThatThrownBy(set("manager:m1", "calls", 5)::execute).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--metric: unknown metric 'calls' (metric)");
        assertThatThrownBy(set("manager:m1", "touches", -1)::execute)
                .hasMessage("--value: must be at least 0, was -1 (value)");
        TargetsCommand noValue = set("manager:m1", "touches", 0);
        noValue.value = null;
        assertThatThrownBy(noValue::execute).hasMessage("--value is required for set");
        assertThatThrownBy(set("m1", "touches", 5)::execute)
                .hasMessage("--scope must be team:<teamId> or manager:<managerId>, was 'm1'");
        assertThatThrownBy(set("manager:m1", null, 5)::execute).hasMessage("--metric is required for set");
        assertThatThrownBy(command("delete", null)::execute)
                .hasMessage("delete needs the target's id, e.g. pace:targets delete t1 (pace:targets list shows them)");
        assertThatThrownBy(command("show", "t1")::execute)
                .hasMessage("the action must be one of list, set, delete, history; was 'show'");
        assertThat(targets.targets).isEmpty();
    }
}
