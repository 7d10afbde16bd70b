package org.pacekpi.engine.internal.plan;

import java.util.ArrayList;
import java.util.List;

import org.pacekpi.engine.internal.calendar.DateRange;
import org.pacekpi.engine.internal.calendar.WorkingCalendar;

/**
 * Spreads a period's need over its weeks or working days by working time: by the end of a range that closes the
 * first {@code w} of the period's {@code n} working days, {@code need * w / n} is due, rounded up. Rounding the
 * cumulative figure (not each increment) keeps the schedule from drifting: it never decreases, it stays within one
 * of the exact line and never below it, and it ends at exactly {@code ceiling(need)}, the period's target, so the
 * increments add up to the target and not more.
 */
final class CumulativeSchedule {

    private CumulativeSchedule() {
    }

    /**
     * The schedule over consecutive ranges that tile the period.
     *
     * @param need        the period's exact need
     * @param ranges      the weeks or days of the period, in order, covering it
     * @param calendar    the manager's calendar
     * @param workingDays the period's working days, positive
     */
    static List<ScheduleEntry> over(Fraction need, List<DateRange> ranges, WorkingCalendar calendar, int workingDays) {
        List<ScheduleEntry> entries = new ArrayList<>(ranges.size());
        int workingDaysToDate = 0;
        long previous = 0;
        for (DateRange range : ranges) {
            int days = calendar.workingDays(range);
            workingDaysToDate += days;
            Fraction exact = need.times(workingDaysToDate).dividedBy(workingDays);
            long expected = exact.ceilingLong();
            entries.add(new ScheduleEntry(range, days, exact, expected, expected - previous));
            previous = expected;
        }
        return entries;
    }
}
