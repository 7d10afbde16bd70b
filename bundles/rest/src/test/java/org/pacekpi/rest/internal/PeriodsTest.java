package org.pacekpi.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pacekpi.api.PeriodType;

class PeriodsTest {

    @ParameterizedTest(name = "{0} of {1}: {2}..{3}")
    @CsvSource({
            "DAY,     2026-11-18, 2026-11-18, 2026-11-18",
            // ISO weeks run Monday to Sunday, across month and year ends
            "WEEK,    2026-11-18, 2026-11-16, 2026-11-22",
            "WEEK,    2026-11-16, 2026-11-16, 2026-11-22",
            "WEEK,    2026-11-22, 2026-11-16, 2026-11-22",
            "WEEK,    2027-01-01, 2026-12-28, 2027-01-03",
            // 2026 has an ISO week 53: Monday 28 December 2026 to Sunday 3 January 2027
            "WEEK,    2026-12-31, 2026-12-28, 2027-01-03",
            "MONTH,   2028-02-10, 2028-02-01, 2028-02-29",
            "MONTH,   2026-02-28, 2026-02-01, 2026-02-28",
            "QUARTER, 2026-01-01, 2026-01-01, 2026-03-31",
            "QUARTER, 2026-05-31, 2026-04-01, 2026-06-30",
            "QUARTER, 2026-09-30, 2026-07-01, 2026-09-30",
            "QUARTER, 2026-11-18, 2026-10-01, 2026-12-31" })
    void rangeOfThePeriodContainingADay(PeriodType type, LocalDate date, LocalDate from, LocalDate to) {
        assertThat(Periods.range(type, date)).isEqualTo(new KpiQuery.Range(from, to));
        assertThat(Periods.count(type, date, date)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} from {1} to {2}: {3}")
    @CsvSource({
            "DAY,     2026-11-01, 2026-11-30, 30",
            "WEEK,    2026-10-01, 2026-12-31, 14",
            "WEEK,    2026-11-22, 2026-11-23, 2",
            "MONTH,   2026-01-31, 2026-12-01, 12",
            "QUARTER, 2026-03-31, 2026-04-01, 2",
            "QUARTER, 2025-12-31, 2026-12-31, 5" })
    void countOfPeriods(PeriodType type, LocalDate from, LocalDate to, long count) {
        assertThat(Periods.count(type, from, to)).isEqualTo(count);
    }
}
