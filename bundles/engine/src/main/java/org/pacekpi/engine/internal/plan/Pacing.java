package org.pacekpi.engine.internal.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.pacekpi.engine.internal.calendar.DateRange;
import org.pacekpi.engine.internal.calendar.WorkingCalendar;

/**
 * How a count paces against its target over a period, at an instant, in the manager's calendar and time zone.
 * Working time is counted in working days: each working day of the period before today counts 1, today (if it is a
 * working day of the period) counts the share of its working hours passed ({@link WorkingHours#elapsedAt}), days
 * after today 0. The expected-to-date is the target times the share of the period's working time elapsed; what is
 * needed per remaining working day is what is still missing over the working time left, today's rest included. The
 * status follows {@link PaceStatus}.
 *
 * @param target                the period's target, not negative
 * @param actual                the count so far, not negative
 * @param period                the period
 * @param at                    the instant of the measurement
 * @param asOf                  the manager's local day of {@code at}
 * @param workingDays           the period's working days
 * @param workingDaysElapsed    working days elapsed, today by its share
 * @param workingDaysRemaining  {@code workingDays - workingDaysElapsed}
 * @param expectedToDate        the exact count expected by now
 * @param difference            {@code actual - expectedToDate}: positive ahead, negative behind
 * @param shortfall             what is still missing to reach the target, 0 once it is reached
 * @param status                ahead, on track, behind or at risk
 * @param neededPerRemainingDay the shortfall over the remaining working days, exact and rounded up; empty when no
 *                              working time remains (the shortfall is then due at once, or missed)
 * @param expected              how {@code expectedToDate} was computed
 * @param statusReason          which threshold decided the status, in words
 */
public record Pacing(long target, long actual, DateRange period, Instant at, LocalDate asOf, int workingDays,
                     Fraction workingDaysElapsed, Fraction workingDaysRemaining, Fraction expectedToDate,
                     Fraction difference, long shortfall, PaceStatus status, Optional<RateTarget> neededPerRemainingDay,
                     Explanation expected, String statusReason) {

    /** From this ratio of actual to expected on, a count is {@link PaceStatus#AHEAD}. */
    public static final Fraction AHEAD_RATIO = Fraction.of(11, 10);
    /** From this ratio of actual to expected on, a count is {@link PaceStatus#ON_TRACK}. */
    public static final Fraction ON_TRACK_RATIO = Fraction.of(9, 10);
    /**
     * Below {@link #ON_TRACK_RATIO}, a count is {@link PaceStatus#BEHIND} while what it needs per remaining working
     * day is at most this many times the planned daily rate, else {@link PaceStatus#AT_RISK}.
     */
    public static final Fraction CATCH_UP_RATIO = Fraction.of(3, 2);

    /** Checks that the period, the status and the (possibly empty) need per day are present. */
    public Pacing {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(neededPerRemainingDay, "neededPerRemainingDay");
    }

    /**
     * The pace of a count at an instant.
     *
     * @param target   the period's target, not negative
     * @param actual   the count so far, not negative
     * @param period   the period, of the manager's local days
     * @param calendar the manager's working calendar (and time zone)
     * @param hours    the manager's working hours
     * @param at       now
     * @throws PlanValidationException naming {@code target} or {@code actual} if negative
     */
    public static Pacing measure(long target, long actual, DateRange period, WorkingCalendar calendar, WorkingHours hours,
                                 Instant at) {
        if (target < 0) {
            throw new PlanValidationException("target", "must not be negative, was " + target);
        }
        if (actual < 0) {
            throw new PlanValidationException("actual", "must not be negative, was " + actual);
        }
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(hours, "hours");
        Objects.requireNonNull(at, "at");

        LocalDate today = calendar.localDay(at);
        int workingDays = calendar.workingDays(period);
        Fraction elapsed;
        if (!today.isAfter(period.from())) {
            elapsed = today.isBefore(period.from()) ? Fraction.ZERO : todayShare(today, calendar, hours, at);
        } else if (today.isAfter(period.to())) {
            elapsed = Fraction.of(workingDays);
        } else {
            elapsed = Fraction.of(calendar.workingDays(period.from(), today.minusDays(1)))
                    .plus(todayShare(today, calendar, hours, at));
        }
        Fraction remaining = Fraction.of(workingDays).minus(elapsed);
        Fraction targetValue = Fraction.of(target);
        Fraction actualValue = Fraction.of(actual);
        // With no working days at all there is nothing to spread the target over: nothing is expected by working time.
        Fraction share = workingDays == 0 ? Fraction.ZERO : elapsed.dividedBy(workingDays);
        Fraction expectedToDate = targetValue.times(share);
        Explanation expected = new Explanation(Operation.MULTIPLY,
                List.of(new Operand("target", targetValue), new Operand("share of working time elapsed", share)),
                expectedToDate, expectedToDate.toDisplay() + " expected by now: target " + target + " x "
                        + elapsed.toDisplay() + " of " + workingDays + " working days elapsed");
        Fraction difference = actualValue.minus(expectedToDate);
        long shortfall = Math.max(0, target - actual);

        Optional<RateTarget> needed = Optional.empty();
        if (remaining.signum() > 0) {
            Fraction perDay = Fraction.of(shortfall).dividedBy(remaining);
            String text = shortfall == 0 ? "0 a working day: the target of " + target + " is reached"
                    : perDay.toDisplay() + " a working day: " + shortfall + " still needed over " + remaining.toDisplay()
                    + " working days remaining" + (perDay.isWhole() ? "" : ", so " + perDay.ceiling() + " a day");
            needed = Optional.of(new RateTarget(perDay, perDay.ceilingLong(), new Explanation(Operation.DIVIDE,
                    List.of(new Operand("still needed", Fraction.of(shortfall)),
                            new Operand("working days remaining", remaining)), perDay, text)));
        }

        PaceStatus status;
        String reason;
        if (remaining.signum() == 0) {
            if (target == 0) {
                status = actual > 0 ? PaceStatus.AHEAD : PaceStatus.ON_TRACK;
                reason = "no working time left and no target";
            } else if (actualValue.compareTo(targetValue.times(AHEAD_RATIO)) >= 0) {
                status = PaceStatus.AHEAD;
                reason = "no working time left; " + actual + " done, at least " + AHEAD_RATIO.toDisplay() + " x the target of " + target;
            } else if (actual >= target) {
                status = PaceStatus.ON_TRACK;
                reason = "no working time left; " + actual + " done, the target of " + target + " is reached";
            } else {
                status = PaceStatus.AT_RISK;
                reason = "no working time left; " + actual + " done, " + shortfall + " short of the target of " + target;
            }
        } else if (expectedToDate.signum() == 0) {
            status = actual > 0 ? PaceStatus.AHEAD : PaceStatus.ON_TRACK;
            reason = "nothing expected yet" + (actual > 0 ? "; " + actual + " done already" : "");
        } else {
            Fraction ratio = actualValue.dividedBy(expectedToDate);
            String done = actual + " done against " + expectedToDate.toDisplay() + " expected (" + ratio.toDisplay() + " of it)";
            if (ratio.compareTo(AHEAD_RATIO) >= 0) {
                status = PaceStatus.AHEAD;
                reason = done + ", at least " + AHEAD_RATIO.toDisplay();
            } else if (ratio.compareTo(ON_TRACK_RATIO) >= 0) {
                status = PaceStatus.ON_TRACK;
                reason = done + ", at least " + ON_TRACK_RATIO.toDisplay();
            } else {
                Fraction planned = targetValue.dividedBy(workingDays);
                Fraction perDay = needed.orElseThrow().exact();
                String pace = perDay.toDisplay() + " a working day needed against the planned " + planned.toDisplay();
                if (perDay.compareTo(planned.times(CATCH_UP_RATIO)) <= 0) {
                    status = PaceStatus.BEHIND;
                    reason = done + "; " + pace + ", at most " + CATCH_UP_RATIO.toDisplay() + " x";
                } else {
                    status = PaceStatus.AT_RISK;
                    reason = done + "; " + pace + ", more than " + CATCH_UP_RATIO.toDisplay() + " x";
                }
            }
        }
        return new Pacing(target, actual, period, at, today, workingDays, elapsed, remaining, expectedToDate, difference,
                shortfall, status, needed, expected, reason);
    }

    private static Fraction todayShare(LocalDate today, WorkingCalendar calendar, WorkingHours hours, Instant at) {
        return calendar.isWorkingDay(today) ? hours.elapsedAt(at.atZone(calendar.zone()).toLocalTime()) : Fraction.ZERO;
    }
}
