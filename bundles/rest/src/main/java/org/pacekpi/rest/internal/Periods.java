package org.pacekpi.rest.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

import org.pacekpi.api.PeriodType;

/**
 * The calendar periods as ranges of days: a day, an ISO week (Monday to Sunday), a month, a quarter. The REST layer
 * needs them where the KPI service takes a range (the excluded activities of a period) and to bound a series; the
 * days are already the manager's local days, so no time zone is involved here.
 */
final class Periods {

    private Periods() {
    }

    /** The first day of the period of {@code type} that contains {@code date}. */
    static LocalDate start(PeriodType type, LocalDate date) {
        return switch (type) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
            case QUARTER -> date.withMonth(date.getMonth().firstMonthOfQuarter().getValue()).withDayOfMonth(1);
        };
    }

    /** The last day of the period of {@code type} that contains {@code date}. */
    static LocalDate end(PeriodType type, LocalDate date) {
        LocalDate start = start(type, date);
        return switch (type) {
            case DAY -> start;
            case WEEK -> start.plusDays(6);
            case MONTH -> start.plusMonths(1).minusDays(1);
            case QUARTER -> start.plusMonths(3).minusDays(1);
        };
    }

    /** The range of days of the period of {@code type} that contains {@code date}. */
    static KpiQuery.Range range(PeriodType type, LocalDate date) {
        return new KpiQuery.Range(start(type, date), end(type, date));
    }

    /** How many periods of {@code type} there are from the one containing {@code from} to the one containing {@code to}. */
    static long count(PeriodType type, LocalDate from, LocalDate to) {
        LocalDate first = start(type, from);
        LocalDate last = start(type, to);
        return switch (type) {
            case DAY -> ChronoUnit.DAYS.between(first, last);
            case WEEK -> ChronoUnit.WEEKS.between(first, last);
            case MONTH -> ChronoUnit.MONTHS.between(first, last);
            case QUARTER -> ChronoUnit.MONTHS.between(first, last) / 3;
        } + 1;
    }
}
