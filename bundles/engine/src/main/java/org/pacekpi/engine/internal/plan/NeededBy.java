package org.pacekpi.engine.internal.plan;

import java.time.Duration;
import java.time.LocalDate;

/**
 * When a step's count must exist for the period's paid deals to follow in time: the period's last day minus the
 * median time from the step to paid. Earlier stages are needed earlier; with 30 days from proposal to paid, the
 * proposals for next month's deals are needed this month.
 *
 * @param date              the day, possibly before the period starts
 * @param medianTimeToPaid  the measured median time from the step to paid (rounded up to whole days for the date)
 * @param beforePeriodStart true if the date falls before the period's first day: the count is needed in an earlier
 *                          period
 * @param late              true if the date is before the plan's as-of day: it can no longer be met in time
 * @param text              the sentence, e.g. {@code proposals needed by 2026-03-01: the period ends on 2026-03-31
 *                          and a proposal takes a median 30 days to be paid}
 */
public record NeededBy(LocalDate date, Duration medianTimeToPaid, boolean beforePeriodStart, boolean late, String text) {
}
