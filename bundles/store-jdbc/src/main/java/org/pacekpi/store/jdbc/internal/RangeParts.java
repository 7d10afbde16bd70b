package org.pacekpi.store.jdbc.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * How totals read an inclusive range of local days: the whole months inside it from {@link AggregateTable#MONTHLY}
 * (a few rows per manager and metric), the whole ISO weeks (Monday to Sunday) of the days left over at its edges from
 * {@link AggregateTable#WEEKLY}, and the days left over after that from {@link AggregateTable#DAILY}. Every day of the
 * range falls in exactly one part; the parts are in date order, at most seven (days, weeks, days on either side of the
 * months). A week view is one weekly part, a month or a quarter one monthly part.
 */
final class RangeParts {

    /**
     * One part: the rows of {@code table} whose day column lies in [first, last]. For the monthly table the bounds are
     * the first day of the first month and the last day of the last month, so that they equal the range's own bounds
     * where the range starts or ends with a whole month (which keeps {@link LocalDate#MIN} and {@link LocalDate#MAX}
     * as the drivers know them: PostgreSQL's -infinity and infinity). For the weekly table they are the first week's
     * Monday and the last week's Sunday.
     */
    record Part(AggregateTable table, LocalDate first, LocalDate last) {
    }

    private RangeParts() {
    }

    /** The parts of [from, to]; none when {@code from} is after {@code to} (an empty range). */
    static List<Part> of(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            return List.of();
        }
        List<Part> parts = new ArrayList<>(7);
        YearMonth fromMonth = YearMonth.from(from);
        YearMonth toMonth = YearMonth.from(to);
        boolean startsAMonth = from.getDayOfMonth() == 1;
        boolean endsAMonth = to.equals(toMonth.atEndOfMonth());
        if (fromMonth.equals(toMonth)) {
            if (startsAMonth && endsAMonth) {
                parts.add(new Part(AggregateTable.MONTHLY, from, to));
            } else {
                addDays(parts, from, to);
            }
            return List.copyOf(parts);
        }
        // fromMonth is before toMonth here, so neither step below leaves the range of LocalDate.
        YearMonth firstWhole = startsAMonth ? fromMonth : fromMonth.plusMonths(1);
        YearMonth lastWhole = endsAMonth ? toMonth : toMonth.minusMonths(1);
        if (firstWhole.isAfter(lastWhole)) {
            // Two partial months side by side: one run of days.
            addDays(parts, from, to);
            return List.copyOf(parts);
        }
        if (!startsAMonth) {
            addDays(parts, from, fromMonth.atEndOfMonth());
        }
        parts.add(new Part(AggregateTable.MONTHLY, startsAMonth ? from : firstWhole.atDay(1),
                endsAMonth ? to : lastWhole.atEndOfMonth()));
        if (!endsAMonth) {
            addDays(parts, toMonth.atDay(1), to);
        }
        return List.copyOf(parts);
    }

    /**
     * Adds a run of days outside the whole months: its whole weeks as one weekly part, the days before and after them
     * as daily parts. In epoch days, so that no step goes past {@link LocalDate#MIN} or {@link LocalDate#MAX}: a date
     * is made only for a Monday and a Sunday inside the run.
     */
    private static void addDays(List<Part> parts, LocalDate first, LocalDate last) {
        long monday = first.toEpochDay() + (8 - first.getDayOfWeek().getValue()) % 7; // the first Monday from first on
        long sunday = last.toEpochDay() - last.getDayOfWeek().getValue() % 7; // the last Sunday up to last
        if (monday > sunday) {
            parts.add(new Part(AggregateTable.DAILY, first, last));
            return;
        }
        if (first.toEpochDay() < monday) {
            parts.add(new Part(AggregateTable.DAILY, first, LocalDate.ofEpochDay(monday - 1)));
        }
        parts.add(new Part(AggregateTable.WEEKLY, LocalDate.ofEpochDay(monday), LocalDate.ofEpochDay(sunday)));
        if (sunday < last.toEpochDay()) {
            parts.add(new Part(AggregateTable.DAILY, LocalDate.ofEpochDay(sunday + 1), last));
        }
    }
}
