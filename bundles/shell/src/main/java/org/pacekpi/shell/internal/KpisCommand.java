package org.pacekpi.shell.internal;


import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.pacekpi.api.dto.KpiReport;
import org.pacekpi.api.dto.MetricValue;
import org.pacekpi.api.dto.Money;
import org.pacekpi.api.dto.WorkingDays;

/**
 * {@code pace:kpis [--period day|week|month|quarter] [--date YYYY-MM-DD] [--from YYYY-MM-DD --to YYYY-MM-DD]
 * <managerId>}: a manager's KPIs as a table of metric and value, with the period's working days and the revenue.
 * As with every Karaf command, the options come before the argument.
 */
@Service
@Command(scope = "pace", name = "kpis", description = "Shows a manager's KPIs for a period (this week by default) or "
        + "a range of days: the counts, the working days and the revenue.")
public class KpisCommand extends ManagerDaysCommand {


    @Override
    public Object execute() {
        DayOptions days = days();
        KpiReport report = days.custom() ? kpis.managerKpis(managerId, days.from(), days.to())
                : kpis.managerKpis(managerId, days.period(), days.date());

        out.println(Managers.label(directory, report.managerId()) + ": " + report.period() + " " + report.from()
                + " .. " + report.to() + " (" + report.timeZone() + ")");
        WorkingDays working = report.workingDays();
        out.println(working == null ? "Working days: not reported"
                : "Working days: " + working.total() + " in the period, " + working.elapsed() + " elapsed, "
                        + working.remaining() + " left as of " + working.asOf());
        out.println();

        ShellTable metrics = new ShellTable().emptyTableText("no activity counted");
        metrics.column("Metric");
        metrics.column("Value").alignRight();
        metrics.column("What it counts");
        for (MetricValue metric : report.metrics()) {
            metrics.addRow().addContent(metric.id(), metric.value(), Labels.metric(metric.id()));
        }
        metrics.print(out);

        out.println();
        if (report.revenue().isEmpty()) {
            out.println("Revenue: none");
        } else {
            ShellTable revenue = new ShellTable();
            revenue.column("Currency");
            revenue.column("Revenue").alignRight();
            for (Money money : report.revenue()) {
                revenue.addRow().addContent(money.currency(), money.amount().toPlainString());
            }
            revenue.print(out);
        }
        return null;
    }
}
