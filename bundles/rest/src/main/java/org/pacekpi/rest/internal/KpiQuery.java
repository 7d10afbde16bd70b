package org.pacekpi.rest.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.pacekpi.api.PeriodType;

/**
 * Parses the query parameters of the KPI, series and exclusion requests. Every failure is an
 * {@link IllegalArgumentException} whose message names the parameter and the value, answered as 400. A blank
 * parameter ({@code ?date=}) counts as absent.
 */
final class KpiQuery {

    /** The longest custom range, in days: three years (one leap day included) is enough to compare years. */
    static final long MAX_RANGE_DAYS = 1096;

    /** The most points a series answers in one request: a bit more than a year of days, or 7 years of weeks. */
    static final long MAX_POINTS = 400;

    /** The default number of excluded activities listed. */
    static final int DEFAULT_LIMIT = 100;

    /** The most excluded activities listed in one request; the counts by reason always cover all of them. */
    static final int MAX_LIMIT = 1000;

    private static final String PERIODS = "day, week, month, quarter";

    private KpiQuery() {
    }

    /** What a request asks for: the calendar period containing a day, or a custom range of days. */
    sealed interface Selection permits PeriodOf, Range {

        /** The days selected, both inclusive. */
        Range days();
    }

    /**
     * The period of a type that contains a day.
     *
     * @param type the period type
     * @param date a day in it
     */
    record PeriodOf(PeriodType type, LocalDate date) implements Selection {

        @Override
        public Range days() {
            return Periods.range(type, date);
        }
    }

    /**
     * A range of days, both inclusive, {@code from} not after {@code to}.
     *
     * @param from first day
     * @param to   last day
     */
    record Range(LocalDate from, LocalDate to) implements Selection {

        @Override
        public Range days() {
            return this;
        }
    }

    /**
     * Either {@code period} (with an optional {@code date}, {@code today} if absent) or {@code from} and
     * {@code to} together, never both kinds.
     */
    static Selection selection(String period, String date, String from, String to, Supplier<LocalDate> today) {
        boolean custom = present(from) || present(to);
        if (present(period) && custom) {
            List<String> given = new ArrayList<>(List.of("period"));
            if (present(from)) {
                given.add("from");
            }
            if (present(to)) {
                given.add("to");
            }
            throw new IllegalArgumentException("give either period (with an optional date) or from and to, not both;"
                    + " this request has " + String.join(", ", given));
        }
        if (custom) {
            if (present(date)) {
                throw new IllegalArgumentException(
                        "date goes with period; a custom range is from and to only, was date '" + date + "'");
            }
            return range(from, to);
        }
        if (!present(period)) {
            throw new IllegalArgumentException("period is required: one of " + PERIODS
                    + "; or from and to (YYYY-MM-DD) for a custom range");
        }
        return periodOf(period, date, today);
    }

    /** {@code period}, required, and the day in it: {@code date}, or {@code today} if absent. */
    static PeriodOf periodOf(String period, String date, Supplier<LocalDate> today) {
        if (!present(period)) {
            throw new IllegalArgumentException("period is required: one of " + PERIODS);
        }
        PeriodType type = period("period", period);
        return new PeriodOf(type, date("date", date).orElseGet(today));
    }

    /** {@code from} and {@code to}, both required, as a range of at most {@link #MAX_RANGE_DAYS} days. */
    static Range range(String from, String to) {
        Range range = requiredRange(from, to);
        long days = ChronoUnit.DAYS.between(range.from(), range.to()) + 1;
        if (days > MAX_RANGE_DAYS) {
            throw new IllegalArgumentException("from " + range.from() + " to " + range.to() + " spans " + days
                    + " days; a custom range may span at most " + MAX_RANGE_DAYS + " days");
        }
        return range;
    }

    /** The {@code step} of a series; required. */
    static PeriodType step(String text) {
        if (!present(text)) {
            throw new IllegalArgumentException("step is required: one of " + PERIODS);
        }
        return period("step", text);
    }

    /**
     * The range of a series: {@code from} and {@code to} required, and at most {@link #MAX_POINTS} periods of
     * {@code step} from the one containing {@code from} to the one containing {@code to}.
     */
    static Range seriesRange(PeriodType step, String from, String to) {
        Range range = requiredRange(from, to);
        long points = Periods.count(step, range.from(), range.to());
        if (points > MAX_POINTS) {
            throw new IllegalArgumentException("from " + range.from() + " to " + range.to() + " is " + points + " "
                    + step.id() + "s; a series has at most " + MAX_POINTS
                    + " points: narrow from and to, or use a longer step");
        }
        return range;
    }

    /** How many excluded activities to list: {@link #DEFAULT_LIMIT} if absent, 0 to {@link #MAX_LIMIT}. */
    static int limit(String text) {
        if (!present(text)) {
            return DEFAULT_LIMIT;
        }
        int limit;
        try {
            limit = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(limitRule(text), e);
        }
        if (limit < 0 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException(limitRule(text));
        }
        return limit;
    }

    /** An ISO date, {@code YYYY-MM-DD}, in the parameter {@code name}; empty if absent. */
    static Optional<LocalDate> date(String name, String text) {
        if (!present(text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.trim()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be YYYY-MM-DD, was '" + text + "'", e);
        }
    }

    private static Range requiredRange(String from, String to) {
        if (!present(from) || !present(to)) {
            String missing = present(from) ? "to" : present(to) ? "from" : "from and to";
            throw new IllegalArgumentException("from and to (YYYY-MM-DD) go together: " + missing
                    + (missing.contains(" and ") ? " are" : " is") + " missing");
        }
        LocalDate first = date("from", from).orElseThrow();
        LocalDate last = date("to", to).orElseThrow();
        if (first.isAfter(last)) {
            throw new IllegalArgumentException("from " + first + " is after to " + last);
        }
        return new Range(first, last);
    }

    private static PeriodType period(String name, String text) {
        try {
            return PeriodType.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " must be one of " + PERIODS + "; was '" + text + "'", e);
        }
    }

    private static String limitRule(String text) {
        return "limit must be a whole number from 0 to " + MAX_LIMIT + ", was '" + text + "'";
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
