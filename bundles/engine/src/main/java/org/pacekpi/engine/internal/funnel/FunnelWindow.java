package org.pacekpi.engine.internal.funnel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The days a funnel is measured over, both inclusive, in the time zone of whom it is measured for: the instants from
 * the start of {@code from} to the start of the day after {@code to} in that zone.
 *
 * @param from first day
 * @param to   last day, not before {@code from}
 * @param zone the zone the days are counted in
 */
public record FunnelWindow(LocalDate from, LocalDate to, ZoneId zone) {

    /** Checks that the days are in order. */
    public FunnelWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(zone, "zone");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
        }
    }

    /** The configured number of days ending with {@code today}. */
    public static FunnelWindow endingOn(LocalDate today, int days, ZoneId zone) {
        return new FunnelWindow(today.minusDays(days - 1L), today, zone);
    }

    /** The first instant of the window. */
    public Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the window. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The number of days, both ends counted. */
    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** {@code 2026-05-01 to 2026-10-27}, as sentences say it. */
    String describe() {
        return from.equals(to) ? "on " + from : "from " + from + " to " + to;
    }
}
