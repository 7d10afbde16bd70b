package org.pacekpi.shell.internal;

import java.io.PrintStream;
import java.time.Clock;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.pacekpi.api.KpiService;
import org.pacekpi.host.directory.Directory;

/**
 * What {@code pace:kpis} and {@code pace:why} share: a manager id and the days asked about, either a period
 * ({@code --period}, {@code --date}) or a custom range ({@code --from}, {@code --to}). Karaf reads the options and
 * services of superclasses too.
 */
abstract class ManagerDaysCommand implements Action {

    @Argument(index = 0, name = "managerId", description = "The manager's user id.", required = true)
    @Completion(ManagerIdCompleter.class)
    String managerId;

    @Option(name = "--period", aliases = "-p", description = "day, week, month or quarter (default: week).")
    @Completion(value = StringsCompleter.class, values = { "day", "week", "month", "quarter" })
    String period;

    @Option(name = "--date", aliases = "-d",
            description = "A day in the period, YYYY-MM-DD (default: today in the manager's time zone).")
    String date;

    @Option(name = "--from", description = "First day of a custom range, YYYY-MM-DD (with --to).")
    String from;

    @Option(name = "--to", description = "Last day of a custom range, YYYY-MM-DD, inclusive (with --from).")
    String to;

    @Reference
    KpiService kpis;

    @Reference
    Directory directory;

    /** What "today" is; tests fix it. */
    Clock clock = Clock.systemUTC();

    /** Where the command writes: in Karaf, System.out is the session's console. Tests replace it. */
    PrintStream out = System.out;

    /** The days asked about, checked; "today" is the manager's. */
    DayOptions days() {
        return DayOptions.of(period, date, from, to, () -> Managers.today(directory, managerId, clock));
    }
}
