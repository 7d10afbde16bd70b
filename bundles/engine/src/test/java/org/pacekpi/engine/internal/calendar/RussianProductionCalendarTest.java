package org.pacekpi.engine.internal.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pacekpi.api.PeriodType;

/**
 * Russia's production calendar for a five-day week, from jollyday's holidays and the bundled transfers, against the
 * official production calendars of 2025 (Government Decree No. 1335 of 4 October 2024) and 2026 (Decree No. 1466 of
 * 24 September 2025): working days per month as published.
 */
class RussianProductionCalendarTest {

    private static final WorkingCalendar MOSCOW = WorkingCalendars.of(CalendarSettings.none())
            .forUser(Users.manager("m1", null, "Europe/Moscow", "RU"));

    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    private static void assertMonths(int year, List<Integer> expected) {
        for (Month month : Month.values()) {
            YearMonth yearMonth = YearMonth.of(year, month);
            assertThat(MOSCOW.workingDays(yearMonth.atDay(1), yearMonth.atEndOfMonth())).as("%s", yearMonth)
                    .isEqualTo(expected.get(month.ordinal()));
        }
        assertThat(MOSCOW.workingDays(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))).isEqualTo(247);
    }

    @Test
    void year2025HasTheOfficialWorkingDays() {
        assertMonths(2025, List.of(17, 20, 21, 22, 18, 19, 23, 21, 22, 23, 19, 22));
    }

    @Test
    void year2026HasTheOfficialWorkingDays() {
        assertMonths(2026, List.of(15, 19, 21, 22, 19, 21, 23, 21, 22, 22, 20, 22));
    }

    @Test
    void theNewYearHolidaysAreDaysOffButNotTheNinthAndTenthOf2025() {
        assertThat(day("2025-01-01").datesUntil(day("2025-01-09"))).allSatisfy(d -> assertThat(MOSCOW.isWorkingDay(d)).as("%s", d).isFalse());
        assertThat(MOSCOW.status(day("2025-01-09"))).isEqualTo(DayStatus.TRANSFERRED_WORKING_DAY);
        assertThat(MOSCOW.isWorkingDay(day("2025-01-10"))).isTrue();
        // 2026: 1 to 11 January off (3 and 4 January moved to Friday 9 January), Monday 12 January works.
        assertThat(day("2026-01-01").datesUntil(day("2026-01-12"))).allSatisfy(d -> assertThat(MOSCOW.isWorkingDay(d)).as("%s", d).isFalse());
        assertThat(MOSCOW.status(day("2026-01-09"))).isEqualTo(DayStatus.TRANSFERRED_DAY_OFF);
        assertThat(MOSCOW.isWorkingDay(day("2026-01-12"))).isTrue();
    }

    @Test
    void theFixedHolidaysAreDaysOff() {
        for (int year : List.of(2025, 2026)) {
            for (String monthDay : List.of("02-23", "03-08", "05-01", "05-09", "06-12", "11-04")) {
                assertThat(MOSCOW.isWorkingDay(day(year + "-" + monthDay))).as("%s-%s", year, monthDay).isFalse();
            }
        }
        // On weekdays they are public holidays rather than weekends.
        assertThat(MOSCOW.status(day("2026-02-23"))).isEqualTo(DayStatus.PUBLIC_HOLIDAY);
        assertThat(MOSCOW.status(day("2026-11-04"))).isEqualTo(DayStatus.PUBLIC_HOLIDAY);
    }

    @Test
    void the2025TransfersMoveDaysOffAndMakeASaturdayWork() {
        assertThat(MOSCOW.status(day("2025-11-01"))).isEqualTo(DayStatus.TRANSFERRED_WORKING_DAY); // Saturday
        assertThat(MOSCOW.status(day("2025-11-03"))).isEqualTo(DayStatus.TRANSFERRED_DAY_OFF);     // Monday
        for (String moved : List.of("2025-05-02", "2025-05-08", "2025-06-13", "2025-12-31")) {
            assertThat(MOSCOW.status(day(moved))).as(moved).isEqualTo(DayStatus.TRANSFERRED_DAY_OFF);
        }
        // 23 February and 8 March 2025 fell on a weekend; their days off went to 8 May and 13 June, not to Monday.
        assertThat(MOSCOW.isWorkingDay(day("2025-02-24"))).isTrue();
        assertThat(MOSCOW.isWorkingDay(day("2025-03-10"))).isTrue();
        // The six-day week before the working Saturday, and the three-day week after it.
        assertThat(MOSCOW.workingDays(day("2025-10-27"), day("2025-11-02"))).isEqualTo(6);
        assertThat(MOSCOW.workingDays(Periods.containing(PeriodType.WEEK, day("2025-11-05")))).isEqualTo(3);
    }

    @Test
    void the2026WeekendHolidaysMoveToTheNextMonday() {
        // Labour Code art. 112: Sunday 8 March -> Monday 9 March; Saturday 9 May -> Monday 11 May.
        assertThat(MOSCOW.status(day("2026-03-09"))).isEqualTo(DayStatus.PUBLIC_HOLIDAY);
        assertThat(MOSCOW.status(day("2026-05-11"))).isEqualTo(DayStatus.PUBLIC_HOLIDAY);
        assertThat(MOSCOW.status(day("2026-12-31"))).isEqualTo(DayStatus.TRANSFERRED_DAY_OFF);
        assertThat(MOSCOW.workingDays(Periods.containing(PeriodType.QUARTER, day("2026-02-01")))).isEqualTo(15 + 19 + 21);
    }
}
