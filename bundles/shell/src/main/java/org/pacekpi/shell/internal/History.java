package org.pacekpi.shell.internal;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.support.table.ShellTable;
import org.pacekpi.api.targets.Change;

/** Prints the audit history of a goal or target, oldest first. */
final class History {

    private History() {
    }

    static void print(List<Change> changes, PrintStream out) {
        ShellTable table = new ShellTable().emptyTableText("no changes");
        table.column("#").alignRight();
        table.column("At");
        table.column("Actor");
        table.column("Action");
        table.column("Version").alignRight();
        table.column("Before").maxSize(40).wrap();
        table.column("After").maxSize(40).wrap();
        for (Change change : changes) {
            table.addRow().addContent(change.sequence(), change.at(), change.actor(), change.action(),
                    change.version(), change.before() == null ? "-" : change.before(),
                    change.after() == null ? "-" : change.after());
        }
        table.print(out);
    }
}
