package org.pacekpi.shell.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.pacekpi.api.ExclusionReason;
import org.pacekpi.api.dto.ExcludedActivity;
import org.pacekpi.api.dto.ExclusionReport;

/**
 * {@code pace:why [--period ... [--date ...] | --from ... --to ...] [--limit N] <managerId>}: "why did these not
 * count?" The manager's interactions in the period that were not counted as touches: the counts by reason, then the
 * newest of them with the reason in words. As with every Karaf command, the options come before the argument.
 */
@Service
@Command(scope = "pace", name = "why", description = "Shows a manager's interactions that did not count as touches "
        + "in a period (this week by default) or a range of days: counts by reason, then the newest of them.")
public class WhyCommand extends ManagerDaysCommand {

    /** Minutes are enough to find an activity in the CRM; seconds would only clutter the table. */
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Option(name = "--limit", aliases = "-n",
            description = "How many of the excluded activities to list, newest first (default 20); the counts by "
                    + "reason cover all of them.")
    int limit = 20;

    @Override
    public Object execute() {
        if (limit < 0) {
            throw new IllegalArgumentException("--limit must not be negative, was " + limit);
        }
        DayOptions days = days();
        ExclusionReport report = kpis.exclusions(managerId, days.from(), days.to(), limit);
        String who = Managers.label(directory, report.managerId());
        String when = (days.custom() ? "" : days.period().id() + " ") + report.from() + " .. " + report.to();
        if (report.total() == 0) {
            out.println(who + ", " + when + ": every interaction counted.");
            return null;
        }
        out.println(who + ", " + when + ": " + report.total() + " interaction" + (report.total() == 1 ? "" : "s")
                + " did not count.");
        out.println();

        ShellTable reasons = new ShellTable();
        reasons.column("Reason");
        reasons.column("Count").alignRight();
        reasons.column("Meaning");
        // the reasons in their declared order, then any this version does not know
        for (ExclusionReason reason : ExclusionReason.values()) {
            Long count = report.byReason().get(reason.name());
            if (count != null) {
                reasons.addRow().addContent(reason.name(), count, Labels.reason(reason.name()));
            }
        }
        report.byReason().entrySet().stream().filter(e -> !isKnown(e.getKey())).sorted(Map.Entry.comparingByKey())
                .forEach(e -> reasons.addRow().addContent(e.getKey(), e.getValue(), Labels.reason(e.getKey())));
        reasons.print(out);

        if (!report.activities().isEmpty()) {
            ZoneId zone = Managers.zone(directory, report.managerId());
            out.println();
            out.println("The newest " + report.activities().size() + " of " + report.total() + ", times in " + zone
                    + ":");
            ShellTable activities = new ShellTable();
            activities.column("When");
            activities.column("Kind");
            activities.column("Channel");
            activities.column("Counterpart");
            activities.column("Reason");
            activities.column("Why").maxSize(60).wrap();
            activities.column("Activity");
            for (ExcludedActivity activity : report.activities()) {
                activities.addRow().addContent(WHEN.format(activity.occurredAt().atZone(zone)), activity.kind(),
                        activity.channel(), activity.counterpart(), activity.reason(), activity.explanation(),
                        activity.activityId());
            }
            activities.print(out);
        }
        return null;
    }

    private static boolean isKnown(String reason) {
        for (ExclusionReason known : ExclusionReason.values()) {
            if (known.name().equals(reason)) {
                return true;
            }
        }
        return false;
    }
}
