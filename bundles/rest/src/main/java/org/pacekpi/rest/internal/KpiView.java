package org.pacekpi.rest.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.pacekpi.api.dto.KpiReport;
import org.pacekpi.api.dto.MetricValue;

/**
 * A manager's KPIs for one period, as {@code GET /managers/{id}/kpis} shows them: the metrics as an object keyed by
 * metric id, so a client reads {@code metrics.touches} without searching a list.
 *
 * @param managerId the manager
 * @param period    day, week or month
 * @param from      first day of the period (ISO-8601)
 * @param to        last day of the period, inclusive
 * @param timeZone  the time zone the days are counted in
 * @param metrics   metric id to value, in the report's order
 */
public record KpiView(String managerId, String period, LocalDate from, LocalDate to, String timeZone,
                      Map<String, Long> metrics) {

    /** The view of a report. */
    public static KpiView of(KpiReport report) {
        Map<String, Long> metrics = new LinkedHashMap<>();
        for (MetricValue metric : report.metrics()) {
            metrics.put(metric.id(), metric.value());
        }
        return new KpiView(report.managerId(), report.period(), report.from(), report.to(), report.timeZone(),
                metrics);
    }
}
