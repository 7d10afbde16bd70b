package org.pacekpi.engine.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

import org.pacekpi.api.PeriodType;

/** The calendar periods KPIs are reported for: a day, an ISO week (Monday to Sunday), a month, a quarter. */
public final class Periods {

    private Periods() {
    }

    /** The period of the given type that contains the day. */
    public static DateRange containing(PeriodType type, LocalDate day) {
        Objects.requireNonNull(type, "period type");
        Objects.requireNonNull(day, "day");
        return switch (type) {
            case DAY -> new DateRange(day, day);
            // ISO weeks always run Monday to Sunday, also across a year boundary (week 53 of 2026 ends in 2027).
            case WEEK -> new DateRange(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                    day.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)));
            case MONTH -> new DateRange(day.withDayOfMonth(1), day.with(TemporalAdjusters.lastDayOfMonth()));
            case QUARTER -> {
                LocalDate first = day.withDayOfMonth(1).withMonth((day.getMonthValue() - 1) / 3 * 3 + 1);
                yield new DateRange(first, first.plusMonths(3).minusDays(1));
            }
        };
    }
}
