package org.pacekpi.engine.internal.plan;

import java.util.List;
import java.util.Optional;

/**
 * What one step of the funnel needs over the plan's period.
 *
 * @param step          the step
 * @param needed        the exact count needed in the period
 * @param target        {@code needed} rounded up: the period's target
 * @param explanation   how {@code needed} follows from the goal or the next step
 * @param perWeek       per week, exact and rounded up
 * @param perWorkingDay per working day, exact and rounded up
 * @param byWeek        the cumulative schedule by ISO week (cut at the period's ends), ending at {@code target}
 * @param byWorkingDay  the cumulative schedule by working day, ending at {@code target}
 * @param neededBy      when the count must exist, if the step's median time to paid is known
 */
public record StepTarget(FunnelStep step, Fraction needed, long target, Explanation explanation, RateTarget perWeek,
                         RateTarget perWorkingDay, List<ScheduleEntry> byWeek, List<ScheduleEntry> byWorkingDay,
                         Optional<NeededBy> neededBy) {

    /** Copies the schedules. */
    public StepTarget {
        byWeek = List.copyOf(byWeek);
        byWorkingDay = List.copyOf(byWorkingDay);
    }
}
