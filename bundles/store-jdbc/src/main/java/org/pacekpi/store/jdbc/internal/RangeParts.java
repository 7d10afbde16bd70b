package org.pacekpi.store.jdbc.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * How totals read an inclusive range of local days with as few rows as possible: the whole months inside it from
 * {@link AggregateTable#MONTHLY}, the whole ISO weeks (Monday to Sunday) inside what is left on either side from
 * {@link AggregateTable#WEEKLY}, and the days left over at the edges from {@link AggregateTable#DAILY}. So a month or a
 * quarter reads monthly rows only, and a week reads its weekly rows only, also when it spans two months. Every day of
 * the range falls in exactly one part; the parts are in date order, at most seven (days, weeks, days, months, days,
 * weeks, days, with the days next to the months only where a whole week does not fit).
 */
final class RangeParts {

    /**
     * One part: the rows of {@code table} whose day column lies in [first, last]. For the weekly and monthly tables the
     * bounds are the first day of the first week or month and the last day of the last one, so that they equal the
     * range's own bounds where the range starts or ends with a whole month (which keeps {@link LocalDate#MIN} and
     * {@link LocalDate#MAX} as the drivers know them: PostgreSQL's -infinity and infinity).
     */
    record Part(AggregateTable table, LocalDate first, LocalDate last) {
    }

    private RangeParts() {
    }

    /** The parts of [from, to]; none when {@code from} is after {@code to} (an empty range). */
    static List<Part> of(LocalDate from, LocalDate to) {
        List<Part> parts = new ArrayList<>(7);
        if (from.isAfter(to)) {
            return List.of();
        }
        YearMonth fromMonth = YearMonth.from(from);
        YearMonth toMonth = YearMonth.from(to);
        boolean startsAMonth = from.getDayOfMonth() == 1;
        boolean endsAMonth = to.equals(toMonth.atEndOfMonth());
        // No step below leaves the range of LocalDate: a month after fromMonth or before toMonth is only computed where
        // the range reaches into it, and a day next to a whole month only where the range goes on past it.
        if (!fromMonth.equals(toMonth) || (startsAMonth && endsAMonth)) {
            YearMonth firstWhole = startsAMonth ? fromMonth : fromMonth.plusMonths(1);
            YearMonth lastWhole = endsAMonth ? toMonth : toMonth.minusMonths(1);
            if (!firstWhole.isAfter(lastWhole)) {
                if (!startsAMonth) {
                    addWeeksAndDays(parts, from, firstWhole.atDay(1).minusDays(1));
                }
                parts.add(new Part(AggregateTable.MONTHLY, startsAMonth ? from : firstWhole.atDay(1),
                        endsAMonth ? to : lastWhole.atEndOfMonth()));
                if (!endsAMonth) {
                    addWeeksAndDays(parts, lastWhole.atEndOfMonth().plusDays(1), to);
                }
                return List.copyOf(parts);
            }
        }
        addWeeksAndDays(parts, from, to); // no whole month inside
        return List.copyOf(parts);
    }

    /** Adds the parts of [from, to] (not empty, no whole month inside): its whole ISO weeks, and the days around them. */
    private static void addWeeksAndDays(List<Part> parts, LocalDate from, LocalDate to) {
        if (ChronoUnit.DAYS.between(from, to) < 6) {
            parts.add(new Part(AggregateTable.DAILY, from, to)); // shorter than a week
            return;
        }
        // Both within [from, to]: the range is at least seven days long.
        LocalDate firstMonday = from.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        LocalDate lastSunday = to.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
        if (firstMonday.isAfter(lastSunday)) {
            parts.add(new Part(AggregateTable.DAILY, from, to)); // seven days or more, but no Monday to Sunday
            return;
        }
        if (from.isBefore(firstMonday)) {
            parts.add(new Part(AggregateTable.DAILY, from, firstMonday.minusDays(1)));
        }
        parts.add(new Part(AggregateTable.WEEKLY, firstMonday, lastSunday));
        if (lastSunday.isBefore(to)) {
            parts.add(new Part(AggregateTable.DAILY, lastSunday.plusDays(1), to));
        }
    }
}
