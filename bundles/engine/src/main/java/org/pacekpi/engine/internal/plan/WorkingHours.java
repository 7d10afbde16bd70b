package org.pacekpi.engine.internal.plan;

import java.time.Duration;
import java.time.LocalTime;

import org.pacekpi.host.directory.WorkingSchedule;

/**
 * A manager's working hours in the manager's time zone: how much of today's working time has passed.
 *
 * @param start when the working day starts
 * @param end   when it ends, after {@code start}
 */
public record WorkingHours(LocalTime start, LocalTime end) {

    /** Checks the order. */
    public WorkingHours {
        if (start == null) {
            throw new PlanValidationException("workingHours.start", "is required");
        }
        if (end == null || !end.isAfter(start)) {
            throw new PlanValidationException("workingHours.end", "must be after the start " + start + ", was " + end);
        }
    }

    /** The hours of the host's schedule. */
    public static WorkingHours of(WorkingSchedule schedule) {
        return new WorkingHours(schedule.dayStart(), schedule.dayEnd());
    }

    /**
     * The share of a working day passed at a local time: 0 before the start, 1 from the end on, in between the
     * seconds passed over the day's seconds. Wall-clock time: a DST jump within the hours does not change the share.
     */
    public Fraction elapsedAt(LocalTime time) {
        if (!time.isAfter(start)) {
            return Fraction.ZERO;
        }
        if (!time.isBefore(end)) {
            return Fraction.ONE;
        }
        return Fraction.of(Duration.between(start, time).toSeconds(), Duration.between(start, end).toSeconds());
    }
}
