package org.pacekpi.rest.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pacekpi.api.dto.KpiReport;
import org.pacekpi.api.dto.MetricValue;
import org.pacekpi.api.dto.Money;
import org.pacekpi.api.dto.WorkingDays;

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
 */
public record KpiView(String managerId, String period, LocalDate from, LocalDate to, String timeZone,
                      WorkingDays workingDays, Map<String, Long> metrics, List<Money> revenue) {

    /** The view of a report. */
    public static KpiView of(KpiReport report) {
        return new KpiView(report.managerId(), report.period(), report.from(), report.to(), report.timeZone(),
                report.workingDays(), metrics(report.metrics()), report.revenue());
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
