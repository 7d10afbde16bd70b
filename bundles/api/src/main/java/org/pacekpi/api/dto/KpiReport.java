package org.pacekpi.api.dto;

import java.time.LocalDate;
import java.util.List;

/**
 * A manager's KPIs for one period.
 *
 * @param managerId   the manager
 * @param period      day, week, month, quarter or custom
 * @param from        first day of the period, in the manager's time zone
 * @param to          last day of the period (inclusive)
 * @param timeZone    the manager's time zone the days are counted in
 * @param workingDays the period's working days in the manager's calendar
 * @param metrics     the counts, ordered by id (see {@link org.pacekpi.api.Metrics})
 * @param revenue     revenue of deals won, per currency, ordered by currency
 */
public record KpiReport(String managerId, String period, LocalDate from, LocalDate to, String timeZone,
                        WorkingDays workingDays, List<MetricValue> metrics, List<Money> revenue) {

    /** Copies the lists. */
    public KpiReport {
        metrics = List.copyOf(metrics);
        revenue = revenue == null ? List.of() : List.copyOf(revenue);
    }

    /** The value of a metric, 0 if absent. */
    public long value(String metricId) {
        return metrics.stream().filter(m -> m.id().equals(metricId)).mapToLong(MetricValue::value).findFirst().orElse(0);
    }
}
