package org.pacekpi.api.dto;

/**
 * One KPI value.
 *
 * @param id    the metric id, see {@link org.pacekpi.api.Metrics}
 * @param value the count for the period
 */
public record MetricValue(String id, long value) {
}
