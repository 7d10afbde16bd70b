package org.pacekpi.engine.internal.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.pacekpi.api.PeriodType;

/**
 * The periods KPIs are reported for: a day, an ISO week (Monday to Sunday), a calendar month, a calendar quarter,
 * or a custom range of days; and series of them. All of them are ranges of a manager's local days: an instant
 * belongs to the day it falls on in the manager's time zone ({@link #localDay(Instant, ZoneId)}), never in the
 * server's.
 */
public final class Periods {

    /** The longest custom range or series span, in years: longer ones are refused (they would be a full scan). */
    public static final int MAX_YEARS = 3;

    private Periods() {
    }

    /** The period of the given type that contains the day. */
    public static DateRange containing(PeriodType type, LocalDate day) {
        Objects.requireNonNull(type, "period type");
        Objects.requireNonNull(day, "day");
        return switch (type) {
            case DAY -> DateRange.day(day);
            // ISO weeks always run Monday to Sunday, also across a year boundary (week 53 of 2026 ends in 2027).
            case WEEK -> new DateRange(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                    day.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)));
            case MONTH -> new DateRange(day.withDayOfMonth(1), day.with(TemporalAdjusters.lastDayOfMonth()));
            case QUARTER -> {
                LocalDate first = day.with(IsoFields.DAY_OF_QUARTER, 1);
                yield new DateRange(first, first.plusMonths(3).minusDays(1));
            }
        };
    }

    /** The period of the given type that contains the instant, on the manager's local calendar. */
    public static DateRange containing(PeriodType type, Instant at, ZoneId zone) {
        return containing(type, localDay(at, zone));
    }

    /** The day an instant falls on in a time zone: 00:30 local on a DST day is that local day, whatever the server's zone. */
    public static LocalDate localDay(Instant at, ZoneId zone) {
        Objects.requireNonNull(at, "instant");
        Objects.requireNonNull(zone, "zone");
        return LocalDate.ofInstant(at, zone);
    }

    /** Today in a time zone, by the clock (whose own zone does not matter). */
    public static LocalDate today(Clock clock, ZoneId zone) {
        return localDay(clock.instant(), zone);
    }

    /** The period of the same type that follows the given one. */
    public static DateRange next(PeriodType type, DateRange period) {
        return containing(type, period.to().plusDays(1));
    }

    /**
     * A custom range of days, both inclusive, as a user asks for it.
     *
     * @throws IllegalArgumentException naming {@code from} or {@code to}: missing, {@code to} before {@code from},
     *                                  or longer than {@value #MAX_YEARS} years
     */
    public static DateRange custom(LocalDate from, LocalDate to) {
        if (from == null) {
            throw new IllegalArgumentException("from is required");
        }
        if (to == null) {
            throw new IllegalArgumentException("to is required");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to (" + to + ") must not be before from (" + from + ")");
        }
        if (!to.isBefore(from.plusYears(MAX_YEARS))) {
            throw new IllegalArgumentException("to (" + to + ") must be less than " + MAX_YEARS
                    + " years after from (" + from + ")");
        }
        return new DateRange(from, to);
    }

    /**
     * A series: every period of type {@code step} from the one that contains {@code from} to the one that contains
     * {@code to}, whole periods (the first and last may reach outside {@code from..to}), in order.
     *
     * @throws IllegalArgumentException naming {@code step}, {@code from} or {@code to} (see {@link #custom})
     */
    public static List<DateRange> series(PeriodType step, LocalDate from, LocalDate to) {
        if (step == null) {
            throw new IllegalArgumentException("step is required");
        }
        DateRange span = custom(from, to);
        List<DateRange> periods = new ArrayList<>();
        for (DateRange period = containing(step, span.from()); !period.from().isAfter(span.to());
                period = next(step, period)) {
            periods.add(period);
        }
        return periods;
    }

    /**
     * The periods of type {@code step} that meet the range, each clipped to it: the weeks of a month, cut at the
     * month's ends, so that their working days add up to the month's.
     *
     * @throws IllegalArgumentException naming {@code step} or the range's ends (see {@link #custom})
     */
    public static List<DateRange> within(PeriodType step, DateRange range) {
        Objects.requireNonNull(range, "range");
        List<DateRange> periods = series(step, range.from(), range.to());
        List<DateRange> clipped = new ArrayList<>(periods.size());
        for (DateRange period : periods) {
            // Every period of the series meets the range by construction, so the intersection is never empty.
            clipped.add(period.intersection(range).orElseThrow());
        }
        return clipped;
    }
}
