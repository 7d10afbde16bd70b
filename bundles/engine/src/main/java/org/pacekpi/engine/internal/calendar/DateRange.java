package org.pacekpi.engine.internal.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A range of local days, both ends inclusive. The days are a manager's local days: turn them into instants only
 * with the manager's time zone ({@link #start(ZoneId)}, {@link #end(ZoneId)}).
 *
 * @param from the first day
 * @param to   the last day, not before {@code from}
 */
public record DateRange(LocalDate from, LocalDate to) {

    /** Checks the order of the ends. */
    public DateRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("range end " + to + " is before its start " + from);
        }
    }

    /** The range of one day. */
    public static DateRange day(LocalDate day) {
        return new DateRange(day, day);
    }

    /** True if the day lies in the range. */
    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /** The number of days in the range, both ends counted. */
    public int days() {
        return Math.toIntExact(ChronoUnit.DAYS.between(from, to) + 1);
    }

    /** The days of the range, in order. */
    public Stream<LocalDate> dates() {
        return from.datesUntil(to.plusDays(1));
    }

    /** The days both ranges share, if any. */
    public Optional<DateRange> intersection(DateRange other) {
        LocalDate start = from.isAfter(other.from) ? from : other.from;
        LocalDate end = to.isBefore(other.to) ? to : other.to;
        return end.isBefore(start) ? Optional.empty() : Optional.of(new DateRange(start, end));
    }

    /**
     * The first instant of the range in the zone. Where clocks jump over midnight (a DST gap at 00:00), the day
     * starts at the first valid local time, as {@link LocalDate#atStartOfDay(ZoneId)} defines.
     */
    public Instant start(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the range in the zone (exclusive end): the start of the day after {@code to}. */
    public Instant end(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    @Override
    public String toString() {
        return from + ".." + to;
    }
}
