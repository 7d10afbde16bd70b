package org.pacekpi.rest.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * A manager's KPIs as a series, as {@code GET /managers/{id}/kpis/series} shows them.
 *
 * @param managerId the manager
 * @param step      day, week, month or quarter: the period of each point
 * @param from      the requested first day (the first point's period contains it)
 * @param to        the requested last day (the last point's period contains it)
 * @param points    one report per period, oldest first
 */
public record SeriesView(String managerId, String step, LocalDate from, LocalDate to, List<KpiView> points) {
}
