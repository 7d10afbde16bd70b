package org.pacekpi.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;

import org.junit.jupiter.api.Test;
import org.pacekpi.api.PeriodType;
import org.pacekpi.engine.internal.calendar.DateRange;
import org.pacekpi.engine.internal.calendar.Periods;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class PeriodsTest {

    @Test
    void weekAcrossTheYearBoundaryRunsMondayToSunday() {
        DateRange week = Periods.containing(PeriodType.WEEK, LocalDate.of(2026, 12, 31));

        assertThat(week.from()).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(week.to()).isEqualTo(LocalDate.of(2027, 1, 3));
    }

    @Test
    void week53Of2026EndsIn2027() {
        LocalDate sunday = LocalDate.of(2027, 1, 3);
        assertThat(sunday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)).isEqualTo(53);
        assertThat(sunday.get(IsoFields.WEEK_BASED_YEAR)).isEqualTo(2026);

        assertThat(Periods.containing(PeriodType.WEEK, sunday))
                .isEqualTo(new DateRange(LocalDate.of(2026, 12, 28), sunday));
        // The next day opens week 1 of 2027.
        assertThat(Periods.containing(PeriodType.WEEK, LocalDate.of(2027, 1, 4)).from()).isEqualTo(LocalDate.of(2027, 1, 4));
    }

    @Test
    void mondayAndSundayBelongToTheirOwnWeek() {
        assertThat(Periods.containing(PeriodType.WEEK, LocalDate.of(2026, 11, 23)))
                .isEqualTo(new DateRange(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 29)));
        assertThat(Periods.containing(PeriodType.WEEK, LocalDate.of(2026, 11, 29)).from()).isEqualTo(LocalDate.of(2026, 11, 23));
    }

    @Test
    void monthsHaveTheirCalendarLength() {
        assertThat(Periods.containing(PeriodType.MONTH, LocalDate.of(2026, 2, 14)))
                .isEqualTo(new DateRange(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)));
        assertThat(Periods.containing(PeriodType.MONTH, LocalDate.of(2028, 2, 1)).to()).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(Periods.containing(PeriodType.MONTH, LocalDate.of(2026, 12, 31)))
                .isEqualTo(new DateRange(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31)));
    }

    @Test
    void quartersAreJanuaryAprilJulyOctober() {
        assertThat(Periods.containing(PeriodType.QUARTER, LocalDate.of(2026, 2, 14)))
                .isEqualTo(new DateRange(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)));
        assertThat(Periods.containing(PeriodType.QUARTER, LocalDate.of(2026, 4, 1)))
                .isEqualTo(new DateRange(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30)));
        assertThat(Periods.containing(PeriodType.QUARTER, LocalDate.of(2026, 9, 30)))
                .isEqualTo(new DateRange(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30)));
        assertThat(Periods.containing(PeriodType.QUARTER, LocalDate.of(2026, 12, 31)))
                .isEqualTo(new DateRange(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31)));
    }

    @Test
    void dayIsItself() {
        LocalDate day = LocalDate.of(2026, 11, 25);
        assertThat(Periods.containing(PeriodType.DAY, day)).isEqualTo(new DateRange(day, day));
    }

    @Property
    void everyWeekIsTheSevenDaysOfTheDatesIsoWeek(@ForAll("days") LocalDate day) {
        DateRange week = Periods.containing(PeriodType.WEEK, day);

        assertThat(week.contains(day)).isTrue();
        assertThat(week.from().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(ChronoUnit.DAYS.between(week.from(), week.to())).isEqualTo(6);
        assertThat(week.from().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)).isEqualTo(day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        assertThat(week.to().get(IsoFields.WEEK_BASED_YEAR)).isEqualTo(day.get(IsoFields.WEEK_BASED_YEAR));
    }

    @Property
    void everyMonthStartsOnTheFirstAndEndsBeforeTheNextMonth(@ForAll("days") LocalDate day) {
        DateRange month = Periods.containing(PeriodType.MONTH, day);

        assertThat(month.contains(day)).isTrue();
        assertThat(month.from().getDayOfMonth()).isEqualTo(1);
        assertThat(month.to().plusDays(1)).isEqualTo(month.from().plusMonths(1));
    }

    @Property
    void everyQuarterIsThreeWholeMonthsStartingInJanuaryAprilJulyOrOctober(@ForAll("days") LocalDate day) {
        DateRange quarter = Periods.containing(PeriodType.QUARTER, day);

        assertThat(quarter.contains(day)).isTrue();
        assertThat(quarter.from().getDayOfMonth()).isEqualTo(1);
        assertThat(quarter.from().getMonthValue() % 3).isEqualTo(1);
        assertThat(quarter.to().plusDays(1)).isEqualTo(quarter.from().plusMonths(3));
    }

    /** Any day from 1990 to 2100, so that every kind of year boundary and leap year comes up. */
    @Provide
    Arbitrary<LocalDate> days() {
        LocalDate first = LocalDate.of(1990, 1, 1);
        int span = (int) ChronoUnit.DAYS.between(first, LocalDate.of(2100, 12, 31));
        return Arbitraries.integers().between(0, span).map(first::plusDays);
    }
}
