package org.pacekpi.api;

import java.time.LocalDate;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.pacekpi.api.dto.ExclusionReport;
import org.pacekpi.api.dto.KpiReport;
import org.pacekpi.api.dto.TeamKpiReport;

/**
 * The KPIs of managers and teams, computed from the activity stream. Periods are counted in each manager's time
 * zone and working calendar. Every method throws {@link NotFoundException} for an unknown manager or team and
 * {@link IllegalArgumentException} (naming the parameter) for a bad range.
 */
@ProviderType
public interface KpiService {

    /** A manager's KPIs for the period of the given type that contains {@code date}. */
    KpiReport managerKpis(String managerId, PeriodType period, LocalDate date);

    /** A manager's KPIs for a custom range of days, both inclusive. */
    KpiReport managerKpis(String managerId, LocalDate from, LocalDate to);

    /**
     * A manager's KPIs as a series: one report per period of type {@code step} (e.g. weekly) from the period that
     * contains {@code from} to the one that contains {@code to}.
     */
    List<KpiReport> managerSeries(String managerId, PeriodType step, LocalDate from, LocalDate to);

    /** A team's KPIs: each member's report for the period containing {@code date}, and the team's totals. */
    TeamKpiReport teamKpis(String teamId, PeriodType period, LocalDate date);

    /**
     * The interactions of a manager in a range of days that did not count as touches, newest first, with the reason
     * for each and the counts by reason.
     *
     * @param limit the most activities to list (the counts cover all of them)
     */
    ExclusionReport exclusions(String managerId, LocalDate from, LocalDate to, int limit);
}
