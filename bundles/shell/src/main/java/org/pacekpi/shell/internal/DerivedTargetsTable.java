package org.pacekpi.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.support.table.ShellTable;
import org.pacekpi.api.targets.DerivedTargets;
import org.pacekpi.api.targets.DerivedTargets.ManagerTargets;
import org.pacekpi.api.targets.DerivedTargets.NeededBy;
import org.pacekpi.api.targets.DerivedTargets.RateUsed;
import org.pacekpi.api.targets.DerivedTargets.StepTargets;
import org.pacekpi.api.targets.Explanation;
import org.pacekpi.api.targets.GoalAmount;
import org.pacekpi.host.directory.Directory;

/**
 * Prints a derivation: a heading, then per manager a table of the steps (the period's target, per week and per
 * working day exact and rounded up, the "needed by" day, how the count came about) and the conversions used. With
 * {@code explain}, every sentence the derivation carries follows each manager's tables.
 */
final class DerivedTargetsTable {

    private DerivedTargetsTable() {
    }

    static void print(DerivedTargets derived, Directory directory, boolean explain, PrintStream out) {
        out.println(Scopes.label(directory, derived.scope()) + ", " + derived.period() + " (" + derived.from()
                + " .. " + derived.to() + "): " + goal(derived.goal()));
        out.println("Weeks: " + derived.weeksRule() + "; conversions: " + derived.method().id() + ", measured "
                + derived.windowFrom() + " .. " + derived.windowTo());
        if (derived.split() != null) {
            out.println("Split: " + derived.split().text());
        }
        for (ManagerTargets manager : derived.managers()) {
            out.println();
            out.println(Managers.label(directory, manager.managerId()) + ", as of " + manager.asOf() + " ("
                    + manager.timeZone() + "): " + Labels.exact(manager.paidDeals()) + " paid deals, "
                    + manager.workingDays() + " working days, " + Labels.exact(manager.weeks()) + " weeks");
            steps(manager, out);
            rates(manager, out);
            if (explain) {
                out.println();
                explanations(manager, out);
            }
        }
        if (!explain) {
            out.println();
            out.println("(--explain for the arithmetic of every number)");
        }
    }

    /** "3 paid deals", "30000 EUR (average paid deal 10000 EUR)", "30000 EUR (measured average paid deal)". */
    static String goal(GoalAmount goal) {
        if (goal == null) {
            return "no goal";
        }
        if (goal.paidDeals() != null) {
            return goal.paidDeals() + " paid deal" + (goal.paidDeals() == 1 ? "" : "s");
        }
        if (goal.revenue() == null) {
            return "no goal";
        }
        String revenue = goal.revenue().amount().toPlainString() + " " + goal.revenue().currency();
        return revenue + (goal.averagePaidDeal() == null ? " (measured average paid deal)"
                : " (average paid deal " + goal.averagePaidDeal().amount().toPlainString() + " "
                        + goal.averagePaidDeal().currency() + ")");
    }

    private static void steps(ManagerTargets manager, PrintStream out) {
        ShellTable table = new ShellTable().emptyTableText("no steps");
        table.column("Step");
        table.column("Target").alignRight();
        table.column("Needed").alignRight();
        table.column("Per week").alignRight();
        table.column("Week target").alignRight();
        table.column("Per working day").alignRight();
        table.column("Day target").alignRight();
        table.column("Needed by");
        table.column("How").maxSize(60).wrap();
        for (StepTargets step : manager.steps()) {
            table.addRow().addContent(step.step(), step.target(), Labels.exact(step.needed()),
                    Labels.exact(step.perWeek().exact()), step.perWeek().target(),
                    Labels.exact(step.perWorkingDay().exact()), step.perWorkingDay().target(),
                    neededBy(step.neededBy()), text(step.explanation()));
        }
        table.print(out);
    }

    private static void rates(ManagerTargets manager, PrintStream out) {
        if (manager.rates().isEmpty()) {
            return;
        }
        out.println();
        ShellTable table = new ShellTable();
        table.column("From");
        table.column("To");
        table.column("Rate").alignRight();
        table.column("Source");
        table.column("Sample").alignRight();
        for (RateUsed rate : manager.rates()) {
            table.addRow().addContent(rate.from(), rate.to(), Labels.exact(rate.rate()), rate.source(),
                    rate.source().equals("pinned") ? "-" : rate.sampleSize());
        }
        table.print(out);
    }

    private static void explanations(ManagerTargets manager, PrintStream out) {
        out.println("Paid deals: " + text(manager.paidDealsExplanation()));
        out.println("Weeks: " + text(manager.weeksExplanation()));
        for (StepTargets step : manager.steps()) {
            out.println(step.step() + ":");
            out.println("  " + text(step.explanation()));
            out.println("  " + text(step.perWeek().explanation()));
            out.println("  " + text(step.perWorkingDay().explanation()));
            if (step.neededBy() != null) {
                out.println("  " + step.neededBy().text());
            }
        }
        for (RateUsed rate : manager.rates()) {
            out.println(rate.from() + " -> " + rate.to() + ": " + rate.explanation());
        }
    }

    private static String neededBy(NeededBy neededBy) {
        if (neededBy == null) {
            return "-";
        }
        return neededBy.date() + (neededBy.late() ? " (late)" : neededBy.beforePeriodStart() ? " (earlier)" : "");
    }

    private static String text(Explanation explanation) {
        return explanation == null ? "" : explanation.text();
    }
}
