package org.pacekpi.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pacekpi.api.NotFoundException;
import org.pacekpi.api.targets.GoalAmount;
import org.pacekpi.api.targets.GoalInput;
import org.pacekpi.api.targets.Scope;
import org.pacekpi.api.targets.StaleVersionException;

class GoalCommandTest {

    private final FakeTargets targets = new FakeTargets();
    private final Output output = new Output();

    private GoalCommand command(String action, String id) {
        GoalCommand command = new GoalCommand();
        command.targets = targets;
        command.directory = new FakeDirectory();
        command.out = output.stream;
        command.shellUser = () -> "admin";
        command.action = action;
        command.id = id;
        return command;
    }

    private GoalCommand set(String scope, long paidDeals) {
        GoalCommand set = command("set", null);
        set.scope = scope;
        set.period = "2026-03";
        set.paidDeals = paidDeals;
        return set;
    }

    @Test
    void setStoresTheGoalAsTheKarafUserAndShowsItsTargets() {
        GoalCommand set = set("team:north", 3);
        set.note = "March push";
        set.method = "cohort";
        set.execute();

        assertThat(targets.calls).containsExactly("createGoal team:north by karaf:admin");
        assertThat(targets.goalInput.note()).isEqualTo("March push");
        assertThat(targets.goalInput.goal()).isEqualTo(GoalAmount.paidDeals(3));
        List<String> lines = output.lines();
        assertThat(lines.get(0)).isEqualTo("Goal g1 set, version 1.");
        assertThat(lines.get(2)).isEqualTo("North (team:north), 2026-03 (2026-03-01 .. 2026-03-31): 3 paid deals");
        assertThat(output.row("proposal")).hasValueSatisfying(row -> assertThat(row.get(1)).isEqualTo("9"));
    }

    @Test
    void setWithAnIdReplacesThatGoalAtTheGivenOrCurrentVersion() {
        set("team:north", 3).execute();
        GoalCommand replace = set("team:north", 4);
        replace.id = "g1";
        replace.execute();
        GoalCommand stale = set("team:north", 5);
        stale.id = "g1";
        stale.version = 1L;
        assertThatThrownBy(stale::execute).isInstanceOf(StaleVersionException.class)
                .hasMessageStartingWith("goal g1 is at version 2, not 1");
        assertThat(targets.calls).containsExactly("createGoal team:north by karaf:admin",
                "updateGoal g1 v1 by karaf:admin", "updateGoal g1 v1 by karaf:admin");
        assertThat(targets.goals.get("g1").input().goal().paidDeals()).isEqualTo(4);
    }

    @Test
    void listShowsTheGoalsWithFilters() {
        set("team:north", 3).execute();
        set("manager:m1", 1).execute();
        output.clear();

        GoalCommand list = command("list", null);
        list.scope = "manager:m1";
        list.execute();
        assertThat(targets.calls).endsWith("goals manager:m1 null");
        assertThat(output.row("Id")).contains(List.of("Id", "Version", "Scope", "Period", "Goal", "Updated by",
                "Updated at"));
        assertThat(output.row("g2")).contains(List.of("g2", "1", "Zoe North (manager:m1)", "2026-03", "1 paid deal",
                "karaf:admin", "2026-03-02T09:00:00Z"));
        assertThat(output.row("g1")).isEmpty();

        output.clear();
        command("list", null).execute();
        assertThat(output.row("g1")).isPresent();
        assertThat(output.row("g2")).isPresent();
    }

    @Test
    void showPrintsTheGoalWithItsDerivedTargetsAndWithExplainTheSentences() {
        set("team:north", 3).execute();
        targets.goals.put("g1", new org.pacekpi.api.targets.GoalRecord("g1", 1, new GoalInput(Scope.team("north"),
                "2026-03", GoalAmount.paidDeals(3), null, null, null, null, "March push"),
                targets.goals.get("g1").derived(), "root", FakeTargets.NOW));
        output.clear();

        GoalCommand show = command("show", "g1");
        show.explain = true;
        show.execute();
        List<String> lines = output.lines();
        assertThat(lines.get(0)).isEqualTo("Goal g1, version 1: 3 paid deals for North (team:north) in 2026-03");
        assertThat(lines.get(1)).isEqualTo("Last changed by root at 2026-03-02T09:00:00Z");
        assertThat(lines.get(2)).isEqualTo("Note: March push");
        assertThat(output.row("meeting")).isPresent();
        assertThat(output.text()).contains("proposal -> paid: 14 of 42 proposals were paid");
    }

    @Test
    void rederiveDeleteAndHistory() {
        set("team:north", 3).execute();
        command("rederive", "g1").execute();
        assertThat(output.text()).contains("Goal g1 re-derived, now version 2.");

        targets.record("goal", "g1", 2, "rederived", "karaf:admin", "3 paid deals", "3 paid deals");
        output.clear();
        command("history", "g1").execute();
        assertThat(output.row("#")).contains(List.of("#", "At", "Actor", "Action", "Version", "Before", "After"));
        assertThat(output.row("1")).contains(List.of("1", "2026-03-02T09:00:00Z", "karaf:admin", "created", "1", "-",
                "3 paid deals"));
        assertThat(output.row("2")).hasValueSatisfying(row -> assertThat(row.get(3)).isEqualTo("rederived"));

        output.clear();
        command("delete", "g1").execute();
        assertThat(output.lines()).containsExactly("Goal g1 (version 2) deleted with its derived targets.");
        assertThat(targets.calls).contains("rederive g1 v1 by karaf:admin", "deleteGoal g1 v2 by karaf:admin");
        assertThatThrownBy(command("show", "g1")::execute).isInstanceOf(NotFoundException.class)
                .hasMessage("no goal with id 'g1'");
    }

    @Test
    void errorsNameTheOptionOrSayWhatIsMissing() {
        assertThatThrownBy(set("team:north", -3)::execute).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--paid-deals: must be positive, was -3 (goal.paidDeals)");
        GoalCommand period = set("team:north", 3);
        period.period = "2026-13-01";
        assertThatThrownBy(period::execute)
                .hasMessage("--period: must be a month (2026-03) or a quarter (2026-Q1), was '2026-13-01' (period)");
        GoalCommand noScope = set(null, 3);
        assertThatThrownBy(noScope::execute).hasMessage("--scope is required for set");
        GoalCommand noPeriod = set("team:north", 3);
        noPeriod.period = null;
        assertThatThrownBy(noPeriod::execute).hasMessage("--period is required for set");
        GoalCommand versionWithoutId = set("team:north", 3);
        versionWithoutId.version = 2L;
        assertThatThrownBy(versionWithoutId::execute)
                .hasMessage("--version goes with set <id>, which changes that goal");
        assertThatThrownBy(command("show", null)::execute)
                .hasMessage("show needs the goal's id, e.g. pace:goal show g1 (pace:goal list shows them)");
        assertThatThrownBy(command("remove", "g1")::execute)
                .hasMessage("the action must be one of list, show, set, rederive, delete, history; was 'remove'");
        assertThat(targets.goals).isEmpty();
        assertThat(output.text()).isEmpty();
    }

    @Test
    void withoutAShellSubjectTheOperatingSystemUserIsTheActor() {
        GoalCommand set = set("team:north", 3);
        set.shellUser = () -> null;
        set.execute();
        assertThat(targets.calls).containsExactly("createGoal team:north by karaf:" + System.getProperty("user.name"));
    }
}
