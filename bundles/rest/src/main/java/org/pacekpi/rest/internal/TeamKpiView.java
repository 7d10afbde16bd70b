package org.pacekpi.rest.internal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.pacekpi.api.dto.KpiReport;
import org.pacekpi.api.dto.Money;
import org.pacekpi.api.dto.TeamKpiReport;
import org.pacekpi.api.dto.WorkingDays;

/**
 * A team's KPIs for one period, as {@code GET /teams/{id}/kpis} shows them: each member with their name, and the
 * team's sums.
 *
 * @param teamId   the team
 * @param teamName its name
 * @param period   day, week, month or quarter
 * @param from     first day of the period
 * @param to       last day of the period, inclusive
 * @param members  the members' KPIs, by display name
 * @param totals   the sums of the members' counts, by metric id
 * @param revenue  the sums of the members' revenue, per currency
 */
public record TeamKpiView(String teamId, String teamName, String period, LocalDate from, LocalDate to,
                          List<Member> members, Map<String, Long> totals, List<Money> revenue) {

    /** Members by name as people read it, then by id. */
    private static final Comparator<Member> BY_NAME = Comparator
            .comparing(Member::displayName, String.CASE_INSENSITIVE_ORDER).thenComparing(Member::managerId);

    /**
     * The view of a report.
     *
     * @param displayNames a member's display name by manager id (from the host's directory)
     */
    public static TeamKpiView of(TeamKpiReport report, Function<String, String> displayNames) {
        List<Member> members = report.members().stream().map(m -> Member.of(m, displayNames.apply(m.managerId())))
                .sorted(BY_NAME).toList();
        return new TeamKpiView(report.teamId(), report.teamName(), report.period(), report.from(), report.to(),
                members, KpiView.metrics(report.totals()), report.revenue());
    }

    /**
     * One member's KPIs: a {@link KpiView} with the member's name.
     *
     * @param managerId   the manager
     * @param displayName the manager's name
     * @param period      the period type
     * @param from        first day of the period in the manager's time zone
     * @param to          last day, inclusive
     * @param timeZone    the manager's time zone
     * @param workingDays working days of the period in the manager's calendar
     * @param metrics     metric id to value
     * @param revenue     revenue per currency
     */
    public record Member(String managerId, String displayName, String period, LocalDate from, LocalDate to,
                         String timeZone, WorkingDays workingDays, Map<String, Long> metrics, List<Money> revenue) {

        static Member of(KpiReport report, String displayName) {
            return new Member(report.managerId(), displayName == null ? report.managerId() : displayName,
                    report.period(), report.from(), report.to(), report.timeZone(), report.workingDays(),
                    KpiView.metrics(report.metrics()), report.revenue());
        }
    }
}
