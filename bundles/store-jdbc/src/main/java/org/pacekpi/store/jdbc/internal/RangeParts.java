package org.pacekpi.store.jdbc.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * How totals read an inclusive range of local days: the whole months inside it from {@link AggregateTable#MONTHLY}
 * (a few rows per manager and metric) and the days left over at its edges from {@link AggregateTable#DAILY}. Every day
 * of the range falls in exactly one part; the parts are in date order, at most three (days, months, days).
 */
final class RangeParts {

    /**
     * One part: the rows of {@code table} whose day column lies in [first, last]. For the monthly table the bounds are
     * the first day of the first month and the last day of the last month, so that they equal the range's own bounds
     * where the range starts or ends with a whole month (which keeps {@link LocalDate#MIN} and {@link LocalDate#MAX}
     * as the drivers know them: PostgreSQL's -infinity and infinity).
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
        YearMonth fromMonth = YearMonth.from(from);
        YearMonth toMonth = YearMonth.from(to);
        boolean startsAMonth = from.getDayOfMonth() == 1;
        boolean endsAMonth = to.equals(toMonth.atEndOfMonth());
        if (fromMonth.equals(toMonth)) {
            return List.of(startsAMonth && endsAMonth ? new Part(AggregateTable.MONTHLY, from, to)
                    : new Part(AggregateTable.DAILY, from, to));
        }
        // fromMonth is before toMonth here, so neither step below leaves the range of LocalDate.
        YearMonth firstWhole = startsAMonth ? fromMonth : fromMonth.plusMonths(1);
        YearMonth lastWhole = endsAMonth ? toMonth : toMonth.minusMonths(1);
        if (firstWhole.isAfter(lastWhole)) {
            // Two partial months side by side: one run of days.
            return List.of(new Part(AggregateTable.DAILY, from, to));
        }
        List<Part> parts = new ArrayList<>(3);
        if (!startsAMonth) {
            parts.add(new Part(AggregateTable.DAILY, from, fromMonth.atEndOfMonth()));
        }
        parts.add(new Part(AggregateTable.MONTHLY, startsAMonth ? from : firstWhole.atDay(1),
                endsAMonth ? to : lastWhole.atEndOfMonth()));
        if (!endsAMonth) {
            parts.add(new Part(AggregateTable.DAILY, toMonth.atDay(1), to));
        }
        return List.copyOf(parts);
    }
}
