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
import org.pacekpi.api.targets.Scope;
import org.pacekpi.api.targets.TargetInput;
import org.pacekpi.api.targets.TargetRecord;

/**
 * {@code pace:targets [options] [list|set|delete|history] [id]}: the stored targets, manual and derived.
 * <ul>
 * <li>{@code list [--scope ...] [--period ...] [--metric ...]}: the targets;</li>
 * <li>{@code set --scope ... --metric ... --period ... --value N [--note ...]}: a manual target; {@code set <id>
 * ...} changes that one (a derived target is changed through its goal);</li>
 * <li>{@code delete <id>}: deletes a manual target;</li>
 * <li>{@code history <id>}: who changed it when.</li>
 * </ul>
 * As with {@code pace:goal}, a change applies to {@code --version} or else to the version read just before it.
 */
@Service
@Command(scope = "pace", name = "targets", description = "Lists the targets (manual and derived from goals), sets "
        + "or deletes a manual target, and shows a target's history.")
public class TargetsCommand extends TargetCommands {

    private static final List<String> ACTIONS = List.of("list", "set", "delete", "history");

    @Argument(index = 0, name = "action", description = "list (default), set, delete or history.")
    @Completion(value = StringsCompleter.class, values = { "list", "set", "delete", "history" })
    String action = "list";

    @Argument(index = 1, name = "id", description = "The target's id (delete, history; set to change it).")
    String id;

    @Option(name = "--scope", aliases = "-s", description = "team:<teamId> or manager:<managerId>.")
    @Completion(ScopeCompleter.class)
    String scope;

    @Option(name = "--period", aliases = "-p",
            description = "A week (2026-W10), a month (2026-03) or a quarter (2026-Q1).")
    String period;

    @Option(name = "--metric", aliases = "-m",
            description = "A KPI metric: touches, firstContacts, meetingsHeld, stage:<id>, dealsWon, ...")
    String metric;

    @Option(name = "--value", description = "With set: the count to reach.")
    Long value;

    @Option(name = "--note", description = "With set: free text, at most 500 characters.")
    String note;

    @Option(name = "--version", description = "The version to change (default: the current one).")
    Long version;

    @Override
    public Object execute() {
        switch (action.trim().toLowerCase(Locale.ROOT)) {
            case "list" -> list();
            case "set" -> set();
            case "delete" -> {
                String targetId = id("delete");
                long deleted = version(targetId);
                targets.deleteTarget(targetId, deleted, actor());
                out.println("Target " + targetId + " (version " + deleted + ") deleted.");
            }
            case "history" -> History.print(targets.history(id("history")), out);
            default -> throw new IllegalArgumentException("the action must be one of " + String.join(", ", ACTIONS)
                    + "; was '" + action + "'");
        }
        return null;
    }

    private void list() {
        Scope asked = scope == null ? null : Scopes.parse("--scope", scope);
        List<TargetRecord> found = OptionErrors.named(() -> targets.targets(asked, period, metric), "--scope",
                "--period");
        ShellTable table = new ShellTable().emptyTableText("no targets");
        table.column("Id");
        table.column("Version").alignRight();
        table.column("Scope");
        table.column("Metric");
        table.column("Period");
        table.column("Days");
        table.column("Value").alignRight();
        table.column("Goal");
        table.column("Updated by");
        for (TargetRecord target : found) {
            table.addRow().addContent(target.id(), target.version(), Scopes.label(directory, target.scope()),
                    target.metric(), target.period(), target.from() + " .. " + target.to(), target.value(),
                    target.goalId() == null ? "manual" : target.goalId(), target.updatedBy());
        }
        table.print(out);
    }

    private void set() {
        if (value == null) {
            throw new IllegalArgumentException("--value is required for set");
        }
        TargetInput input = new TargetInput(Scopes.parse("--scope", required(scope, "--scope", "set")),
                required(metric, "--metric", "set"), required(period, "--period", "set"), value, note);
        TargetRecord target;
        if (id == null) {
            if (version != null) {
                throw new IllegalArgumentException("--version goes with set <id>, which changes that target");
            }
            target = OptionErrors.named(() -> targets.createTarget(input, actor()), "--scope", "--period");
        } else {
            long expected = version(id);
            target = OptionErrors.named(() -> targets.updateTarget(id, expected, input, actor()), "--scope",
                    "--period");
        }
        out.println("Target " + target.id() + " set, version " + target.version() + ": " + target.value() + " "
                + target.metric() + " for " + Scopes.label(directory, target.scope()) + " in " + target.period()
                + " (" + target.from() + " .. " + target.to() + ").");
    }

    private String id(String forAction) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(forAction + " needs the target's id, e.g. pace:targets " + forAction
                    + " t1 (pace:targets list shows them)");
        }
        return id.trim();
    }

    /** The version to change: --version, or the one stored now. */
    private long version(String targetId) {
        return version != null ? version : targets.target(targetId).version();
    }
}
