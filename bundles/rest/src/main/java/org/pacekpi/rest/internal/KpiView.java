package org.pacekpi.rest.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pacekpi.api.dto.KpiReport;
import org.pacekpi.api.dto.MetricValue;
import org.pacekpi.api.dto.Money;
import org.pacekpi.api.dto.WorkingDays;
import org.pacekpi.api.targets.TargetPace;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A manager's KPIs for one period, as {@code GET /managers/{id}/kpis} shows them: the metrics as an object keyed by
 * metric id, so a client reads {@code metrics.touches} without searching a list.
 *
 * @param managerId   the manager
 * @param period      day, week, month, quarter or custom
 * @param from        first day of the period (ISO-8601)
 * @param to          last day of the period, inclusive
 * @param timeZone    the time zone the days are counted in
 * @param workingDays working days of the period: total, elapsed, remaining, as of which day
 * @param metrics     metric id to value, in the report's order (by id)
 * @param revenue     revenue of deals won per currency, amounts in the major unit
 * @param pacing      how the manager stands against each of their targets whose period contains the requested
 *                    date: target, actual, expected to date, status; absent (not in the JSON) when Pace runs without
 *                    a target service, and for custom ranges and series, which no target's period matches
 */
public record KpiView(String managerId, String period, LocalDate from, LocalDate to, String timeZone,
                      WorkingDays workingDays, Map<String, Long> metrics, List<Money> revenue,
                      @JsonInclude(JsonInclude.Include.NON_NULL) List<TargetPace> pacing) {

    /** The view of a report, without pacing. */
    public static KpiView of(KpiReport report) {
        return of(report, null);
    }

    /** The view of a report with the pacing of the manager's targets (null for none known). */
    public static KpiView of(KpiReport report, List<TargetPace> pacing) {
        return new KpiView(report.managerId(), report.period(), report.from(), report.to(), report.timeZone(),
                report.workingDays(), metrics(report.metrics()), report.revenue(), pacing);
    }

    /** Metric values as an object keyed by id, in their order. */
    static Map<String, Long> metrics(List<MetricValue> values) {
        Map<String, Long> metrics = new LinkedHashMap<>();
        for (MetricValue metric : values) {
            metrics.put(metric.id(), metric.value());
        }
        return metrics;
    }
}
