package org.pacekpi.engine.internal.plan;

import org.pacekpi.engine.internal.calendar.DateRange;

/**
 * One step of a cumulative schedule: what should be done by the end of a week (clipped to the period) or of a
 * working day. Over a period the {@code expectedToDate} never decreases and ends at the period's target, so the
 * increments add up to the target exactly.
 *
 * @param range          the week (cut at the period's ends) or the day
 * @param workingDays    working days in the range
 * @param exactToDate    the exact share of the period's need due by the end of the range
 * @param expectedToDate {@code exactToDate} rounded up: the count expected by the end of the range
 * @param increment      what the range adds to the previous entry's {@code expectedToDate}
 */
public record ScheduleEntry(DateRange range, int workingDays, Fraction exactToDate, long expectedToDate, long increment) {
}
