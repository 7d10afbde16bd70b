package org.pacekpi.api.dto;

import java.time.LocalDate;
import java.util.List;

/**
 * A team's KPIs for one period: each member's report (each in the member's own time zone) and the sums.
 *
 * @param teamId   the team
 * @param teamName its name
 * @param period   day, week, month or quarter
 * @param from     first day of the period
 * @param to       last day of the period (inclusive)
 * @param members  the managers' reports, ordered by manager id
 * @param totals   the sums of the members' counts, ordered by id
 * @param revenue  the sums of the members' revenue, per currency
 */
public record TeamKpiReport(String teamId, String teamName, String period, LocalDate from, LocalDate to,
                            List<KpiReport> members, List<MetricValue> totals, List<Money> revenue) {

    /** Copies the lists. */
    public TeamKpiReport {
        members = List.copyOf(members);
        totals = List.copyOf(totals);
        revenue = List.copyOf(revenue);
    }
}
