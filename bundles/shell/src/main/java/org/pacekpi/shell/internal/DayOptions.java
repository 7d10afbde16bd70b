package org.pacekpi.shell.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.function.Supplier;

import org.pacekpi.api.PeriodType;

/**
 * The days a command is about, from its options: {@code --period} (week by default) with an optional
 * {@code --date} (today in the manager's time zone by default), or {@code --from} and {@code --to} together. A bad
 * option is an {@link IllegalArgumentException} naming it, which the shell prints.
 *
 * @param period the period type, or null for a custom range
 * @param date   a day in the period, or null for a custom range
 * @param from   the first day (of the period, or of the custom range)
 * @param to     the last day, inclusive
 */
record DayOptions(PeriodType period, LocalDate date, LocalDate from, LocalDate to) {

    /** Reads the options; {@code today} is asked only when a period has no date. */
    static DayOptions of(String period, String date, String from, String to, Supplier<LocalDate> today) {
        boolean custom = given(from) || given(to);
        if (custom) {
            if (given(period) || given(date)) {
                throw new IllegalArgumentException(
                        "give either --period (with an optional --date) or --from and --to, not both");
            }
            if (!given(from) || !given(to)) {
                throw new IllegalArgumentException("--from and --to go together: " + (given(from) ? "--to" : "--from")
                        + " is missing");
            }
            LocalDate first = date("--from", from);
            LocalDate last = date("--to", to);
            if (first.isAfter(last)) {
                throw new IllegalArgumentException("--from " + first + " is after --to " + last);
            }
            return new DayOptions(null, null, first, last);
        }
        PeriodType type = given(period) ? period(period) : PeriodType.WEEK;
        LocalDate day = given(date) ? date("--date", date) : today.get();
        return new DayOptions(type, day, start(type, day), end(type, day));
    }

    /** True for {@code --from}/{@code --to}. */
    boolean custom() {
        return period == null;
    }

    private static PeriodType period(String text) {
        try {
            return PeriodType.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--period must be one of day, week, month, quarter; was '" + text
                    + "'", e);
        }
    }

    private static LocalDate date(String option, String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " must be YYYY-MM-DD, was '" + text + "'", e);
        }
    }

    /** The first day of the period containing {@code day}: ISO weeks start on Monday. */
    private static LocalDate start(PeriodType type, LocalDate day) {
        return switch (type) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> day.withMonth(day.getMonth().firstMonthOfQuarter().getValue()).withDayOfMonth(1);
        };
    }

    private static LocalDate end(PeriodType type, LocalDate day) {
        LocalDate start = start(type, day);
        return switch (type) {
            case DAY -> start;
            case WEEK -> start.plusDays(6);
            case MONTH -> start.plusMonths(1).minusDays(1);
            case QUARTER -> start.plusMonths(3).minusDays(1);
        };
    }

    private static boolean given(String text) {
        return text != null && !text.isBlank();
    }
}
