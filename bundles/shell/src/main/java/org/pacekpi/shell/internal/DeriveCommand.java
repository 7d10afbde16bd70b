package org.pacekpi.shell.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.pacekpi.api.targets.DeriveRequest;
import org.pacekpi.api.targets.DerivedTargets;

/**
 * {@code pace:derive [options] <scope> <period>}: the targets a goal would give, per manager, saving nothing. E.g.
 * {@code pace:derive --paid-deals 3 team:north 2026-03}, or {@code pace:derive --revenue 30000 --currency EUR
 * --pin proposal:paid=0.33 --explain manager:anna 2026-Q1}.
 */
@Service
@Command(scope = "pace", name = "derive", description = "Previews the targets a goal in paid deals or money would "
        + "give a team or a manager for a month or quarter: per step the period's target, per week and per working "
        + "day, and when it is needed. Saves nothing (pace:goal set does).")
public class DeriveCommand extends GoalOptions {

    @Argument(index = 0, name = "scope", description = "team:<teamId> or manager:<managerId>.", required = true)
    @Completion(ScopeCompleter.class)
    String scope;

    @Argument(index = 1, name = "period", description = "A month (2026-03) or a quarter (2026-Q1).",
            required = true)
    String period;

    @Option(name = "--as-of", description = "The day the derivation is made for, YYYY-MM-DD (default: today in each "
            + "manager's time zone); \"needed by\" days before it are late.")
    String asOf;

    @Option(name = "--explain", aliases = "-x", description = "Print every sentence of the arithmetic.")
    boolean explain;

    @Override
    public Object execute() {
        DeriveRequest request = new DeriveRequest(Scopes.parse("<scope>", scope), period, goal(), weeksRule,
                method(), windowDays, pinnedRates(), asOf());
        DerivedTargets derived = OptionErrors.named(() -> targets.derive(request), "<scope>", "<period>");
        DerivedTargetsTable.print(derived, directory, explain, out);
        return null;
    }

    private LocalDate asOf() {
        if (asOf == null || asOf.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(asOf.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--as-of must be YYYY-MM-DD, was '" + asOf + "'", e);
        }
    }
}
