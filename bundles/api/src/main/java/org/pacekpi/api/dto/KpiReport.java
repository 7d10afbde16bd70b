package org.pacekpi.api.dto;

import java.time.LocalDate;
import java.util.List;

/**
 * A manager's KPIs for one period.
 *
 * @param managerId the manager
 * @param period    day, week or month
 * @param from      first day of the period, in the manager's time zone
 * @param to        last day of the period (inclusive)
 * @param timeZone  the manager's time zone the days are counted in
 * @param metrics   the metric values, ordered by id
 */
public record KpiReport(String managerId, String period, LocalDate from, LocalDate to, String timeZone,
                        List<MetricValue> metrics) {

    /** Copies the list. */
    public KpiReport {
        metrics = List.copyOf(metrics);
    }

    /** The value of a metric, 0 if absent. */
    public long value(String metricId) {
        return metrics.stream().filter(m -> m.id().equals(metricId)).mapToLong(MetricValue::value).findFirst().orElse(0);
    }
}
