package org.pacekpi.shell.internal;

import java.util.List;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;
import org.pacekpi.api.targets.GoalInput;
import org.pacekpi.api.targets.GoalRecord;
import org.pacekpi.api.targets.Scope;

/**
 * {@code pace:goal [options] [list|show|set|rederive|delete|history] [id]}: goals and the targets derived from them.
 * <ul>
 * <li>{@code list [--scope team:north] [--period 2026-03]}: the goals;</li>
 * <li>{@code show <id> [--explain]}: one goal with its derived targets and their explanations;</li>
 * <li>{@code set --scope ... --period ... (--paid-deals N | --revenue A --currency C) [...] [--note ...]}: stores a
 * goal and derives its targets; {@code set <id> ...} replaces that goal;</li>
 * <li>{@code rederive <id>}: derives again with today's conversions;</li>
 * <li>{@code delete <id>}: deletes it and its derived targets;</li>
 * <li>{@code history <id>}: who changed it when.</li>
 * </ul>
 * A change applies to the version given by {@code --version}, or else to the version read just before it: another
 * admin's change in between is then overwritten, so give {@code --version} (from {@code show}) to be sure.
 */
@Service
@Command(scope = "pace", name = "goal", description = "Lists, shows, sets, re-derives and deletes goals (paid deals "
        + "or money for a team or manager in a month or quarter) and the targets derived from them.")
public class GoalCommand extends GoalOptions {

    private static final List<String> ACTIONS = List.of("list", "show", "set", "rederive", "delete", "history");

    @Argument(index = 0, name = "action", description = "list (default), show, set, rederive, delete or history.")
    @Completion(value = StringsCompleter.class, values = { "list", "show", "set", "rederive", "delete", "history" })
    String action = "list";

    @Argument(index = 1, name = "id", description = "The goal's id (show, rederive, delete, history; set to replace).")
    String id;

    @Option(name = "--scope", aliases = "-s", description = "team:<teamId> or manager:<managerId>.")
    @Completion(ScopeCompleter.class)
    String scope;

    @Option(name = "--period", aliases = "-p", description = "A month (2026-03) or a quarter (2026-Q1).")
    String period;

    @Option(name = "--note", description = "Free text for the team, at most 500 characters.")
    String note;

    @Option(name = "--version", description = "The version to change (default: the current one).")
    Long version;

    @Option(name = "--explain", aliases = "-x", description = "With show, set and rederive: every sentence of the "
            + "arithmetic.")
    boolean explain;

    @Override
    public Object execute() {
        switch (action.trim().toLowerCase(Locale.ROOT)) {
            case "list" -> list();
            case "show" -> show(targets.goal(id("show")));
            case "set" -> set();
            case "rederive" -> {
                String goalId = id("rederive");
                GoalRecord goal = OptionErrors.named(() -> targets.rederive(goalId, version(goalId), actor()),
                        "--scope", "--period");
                out.println("Goal " + goal.id() + " re-derived, now version " + goal.version() + ".");
                out.println();
                DerivedTargetsTable.print(goal.derived(), directory, explain, out);
            }
            case "delete" -> {
                String goalId = id("delete");
                long deleted = version(goalId);
                targets.deleteGoal(goalId, deleted, actor());
                out.println("Goal " + goalId + " (version " + deleted + ") deleted with its derived targets.");
            }
            case "history" -> History.print(targets.history(id("history")), out);
            default -> throw new IllegalArgumentException("the action must be one of " + String.join(", ", ACTIONS)
                    + "; was '" + action + "'");
        }
        return null;
    }

    private void list() {
        Scope asked = scope == null ? null : Scopes.parse("--scope", scope);
        List<GoalRecord> goals = OptionErrors.named(() -> targets.goals(asked, period), "--scope", "--period");
        ShellTable table = new ShellTable().emptyTableText("no goals");
        table.column("Id");
        table.column("Version").alignRight();
        table.column("Scope");
        table.column("Period");
        table.column("Goal");
        table.column("Updated by");
        table.column("Updated at");
        for (GoalRecord goal : goals) {
            table.addRow().addContent(goal.id(), goal.version(), Scopes.label(directory, goal.input().scope()),
                    goal.input().period(), DerivedTargetsTable.goal(goal.input().goal()), goal.updatedBy(),
                    goal.updatedAt());
        }
        table.print(out);
    }

    private void show(GoalRecord goal) {
        out.println("Goal " + goal.id() + ", version " + goal.version() + ": "
                + DerivedTargetsTable.goal(goal.input().goal()) + " for " + Scopes.label(directory,
                        goal.input().scope()) + " in " + goal.input().period());
        out.println("Last changed by " + goal.updatedBy() + " at " + goal.updatedAt());
        if (goal.input().note() != null && !goal.input().note().isBlank()) {
            out.println("Note: " + goal.input().note());
        }
        out.println();
        DerivedTargetsTable.print(goal.derived(), directory, explain, out);
    }

    private void set() {
        GoalInput input = new GoalInput(Scopes.parse("--scope", required(scope, "--scope", "set")),
                required(period, "--period", "set"), goal(), weeksRule, method(), windowDays, pinnedRates(), note);
        GoalRecord goal;
        if (id == null) {
            if (version != null) {
                throw new IllegalArgumentException("--version goes with set <id>, which changes that goal");
            }
            goal = OptionErrors.named(() -> targets.createGoal(input, actor()), "--scope", "--period");
        } else {
            long expected = version(id);
            goal = OptionErrors.named(() -> targets.updateGoal(id, expected, input, actor()), "--scope",
                    "--period");
        }
        out.println("Goal " + goal.id() + " set, version " + goal.version() + ".");
        out.println();
        DerivedTargetsTable.print(goal.derived(), directory, explain, out);
    }

    private String id(String forAction) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(forAction + " needs the goal's id, e.g. pace:goal " + forAction
                    + " g1 (pace:goal list shows them)");
        }
        return id.trim();
    }

    /** The version to change: --version, or the one stored now. */
    private long version(String goalId) {
        return version != null ? version : targets.goal(goalId).version();
    }
}
