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
import org.pacekpi.api.targets.TargetPace;

import com.fasterxml.jackson.annotation.JsonInclude;

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
 * @param pacing   how the team stands against each of its own targets whose period contains the requested date,
 *                 the members' counts summed; absent (not in the JSON) when Pace runs without a target service
 */
public record TeamKpiView(String teamId, String teamName, String period, LocalDate from, LocalDate to,
                          List<Member> members, Map<String, Long> totals, List<Money> revenue,
                          @JsonInclude(JsonInclude.Include.NON_NULL) List<TargetPace> pacing) {

    /** Members by name as people read it, then by id. */
    private static final Comparator<Member> BY_NAME = Comparator
            .comparing(Member::displayName, String.CASE_INSENSITIVE_ORDER).thenComparing(Member::managerId);

    /**
     * The view of a report.
     *
     * @param displayNames a member's display name by manager id (from the host's directory)
     */
    public static TeamKpiView of(TeamKpiReport report, Function<String, String> displayNames) {
        return of(report, displayNames, null);
    }

    /**
     * The view of a report with the pacing of the team's targets.
     *
     * @param displayNames a member's display name by manager id (from the host's directory)
     * @param pacing       the team's pacing, or null when none is known
     */
    public static TeamKpiView of(TeamKpiReport report, Function<String, String> displayNames,
                                 List<TargetPace> pacing) {
        List<Member> members = report.members().stream().map(m -> Member.of(m, displayNames.apply(m.managerId())))
                .sorted(BY_NAME).toList();
        return new TeamKpiView(report.teamId(), report.teamName(), report.period(), report.from(), report.to(),
                members, KpiView.metrics(report.totals()), report.revenue(), pacing);
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
