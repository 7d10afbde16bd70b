package org.pacekpi.engine.internal.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.pacekpi.api.PeriodType;
import org.pacekpi.api.dto.WorkingDays;

/** The rules of one calendar, with holidays and transfers given by the test. */
class WorkingCalendarTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    private static DateRange range(String from, String to) {
        return new DateRange(day(from), day(to));
    }

    private static DayTransfer transfer(String date, DayTransfer.Kind kind) {
        return new DayTransfer(HolidayCalendarId.parse("RU"), day(date), kind, "test");
    }

    @Test
    void aPlainWeekHasFiveWorkingDays() {
        WorkingCalendar calendar = WorkingCalendar.builder(MOSCOW).build();
        assertThat(calendar.workingDays(range("2026-03-02", "2026-03-08"))).isEqualTo(5);
        assertThat(calendar.status(day("2026-03-07"))).isEqualTo(DayStatus.WEEKEND);
        assertThat(calendar.status(day("2026-03-06"))).isEqualTo(DayStatus.WORKING_DAY);
        assertThat(calendar.holidayCalendar()).isEmpty();
    }

    @Test
    void theWorkingWeekComesFromTheSchedule() {
        WorkingCalendar sundayToThursday = WorkingCalendar.builder(ZoneId.of("Asia/Dubai"))
                .workingWeek(EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY))
                .build();
        assertThat(sundayToThursday.isWorkingDay(day("2026-03-08"))).isTrue();
        assertThat(sundayToThursday.isWorkingDay(day("2026-03-06"))).isFalse();
        assertThat(sundayToThursday.workingDays(range("2026-03-01", "2026-03-31"))).isEqualTo(23);
        assertThatThrownBy(() -> WorkingCalendar.builder(MOSCOW).workingWeek(Set.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachRuleSpeaksInItsOrder() {
        WorkingCalendar calendar = WorkingCalendar.builder(MOSCOW)
                .holidays(FixedHolidays.of("RU", "2026-06-12", "2026-06-15", "2026-06-16", "2026-06-17", "2026-06-18"))
                .transfers(Map.of(day("2026-06-13"), transfer("2026-06-13", DayTransfer.Kind.WORKING),
                        day("2026-06-15"), transfer("2026-06-15", DayTransfer.Kind.WORKING),
                        day("2026-06-19"), transfer("2026-06-19", DayTransfer.Kind.DAY_OFF),
                        day("2026-06-16"), transfer("2026-06-16", DayTransfer.Kind.WORKING),
                        day("2026-06-17"), transfer("2026-06-17", DayTransfer.Kind.WORKING)))
                .companyDaysOff(Set.of(day("2026-06-16"), day("2026-06-22")))
                .teamDaysOff(Set.of(day("2026-06-17"), day("2026-06-22")))
                .managerDaysOff(Set.of(day("2026-06-18"), day("2026-06-22")))
                .build();
        assertThat(calendar.statuses(range("2026-06-12", "2026-06-23"))).containsExactly(
                Map.entry(day("2026-06-12"), DayStatus.PUBLIC_HOLIDAY),          // Friday holiday
                Map.entry(day("2026-06-13"), DayStatus.TRANSFERRED_WORKING_DAY), // working Saturday
                Map.entry(day("2026-06-14"), DayStatus.WEEKEND),
                Map.entry(day("2026-06-15"), DayStatus.TRANSFERRED_WORKING_DAY), // a transfer wins over a holiday
                Map.entry(day("2026-06-16"), DayStatus.COMPANY_DAY_OFF),         // the admin wins over a transfer
                Map.entry(day("2026-06-17"), DayStatus.TEAM_DAY_OFF),
                Map.entry(day("2026-06-18"), DayStatus.MANAGER_DAY_OFF),
                Map.entry(day("2026-06-19"), DayStatus.TRANSFERRED_DAY_OFF),
                Map.entry(day("2026-06-20"), DayStatus.WEEKEND),
                Map.entry(day("2026-06-21"), DayStatus.WEEKEND),
                Map.entry(day("2026-06-22"), DayStatus.MANAGER_DAY_OFF),         // the most specific level explains
                Map.entry(day("2026-06-23"), DayStatus.WORKING_DAY));
        assertThat(calendar.workingDays(range("2026-06-12", "2026-06-23"))).isEqualTo(3);
    }

    @Test
    void countsCrossYearBoundaries() {
        WorkingCalendar calendar = WorkingCalendar.builder(MOSCOW)
                .holidays(FixedHolidays.of("RU", "2026-01-01", "2026-01-02", "2025-12-31"))
                .build();
        // Mon 29 and Tue 30 December 2025 work; 31 December, 1 and 2 January are holidays; Sat 3, Sun 4 January.
        assertThat(calendar.workingDays(range("2025-12-29", "2026-01-04"))).isEqualTo(2);
        // 2024 (leap) to 2026: 262 + 261 + 261 weekdays, minus the three holidays.
        assertThat(calendar.workingDays(range("2024-01-01", "2026-12-31"))).isEqualTo(262 + 261 + 261 - 3);
        assertThat(calendar.workingDays(day("2026-01-05"), day("2026-01-05"))).isEqualTo(1);
        assertThatThrownBy(() -> calendar.workingDays(day("2026-01-05"), day("2026-01-04"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void splitsAPeriodAtADay() {
        WorkingCalendar calendar = WorkingCalendar.builder(MOSCOW).holidays(FixedHolidays.of("RU", "2026-03-09")).build();
        DateRange march = Periods.containing(PeriodType.MONTH, day("2026-03-15"));
        // March 2026: 22 weekdays, Monday 9 March a holiday: 21.
        assertThat(calendar.split(march, day("2026-03-01"))).isEqualTo(new WorkingDays(21, 0, 21, day("2026-03-01")));
        // Before Wednesday 11 March: 2..6 and 10 March.
        assertThat(calendar.split(march, day("2026-03-11"))).isEqualTo(new WorkingDays(21, 6, 15, day("2026-03-11")));
        // On a Sunday nothing is lost: the days before it are elapsed, the rest remain.
        assertThat(calendar.split(march, day("2026-03-15"))).isEqualTo(new WorkingDays(21, 9, 12, day("2026-03-15")));
        assertThat(calendar.split(march, day("2026-03-31"))).isEqualTo(new WorkingDays(21, 20, 1, day("2026-03-31")));
        assertThat(calendar.split(march, day("2026-02-10"))).isEqualTo(new WorkingDays(21, 0, 21, day("2026-02-10")));
        assertThat(calendar.split(march, day("2026-04-01"))).isEqualTo(new WorkingDays(21, 21, 0, day("2026-04-01")));
    }

    @Test
    void todayAndLocalDaysAreTheManagers() {
        WorkingCalendar losAngeles = WorkingCalendar.builder(ZoneId.of("America/Los_Angeles")).build();
        // 05:00 UTC on Friday 2 January 2026 is still Thursday 1 January in Los Angeles.
        Clock server = Clock.fixed(Instant.parse("2026-01-02T05:00:00Z"), ZoneOffset.UTC);
        assertThat(losAngeles.today(server)).isEqualTo(day("2026-01-01"));
        assertThat(losAngeles.localDay(server.instant())).isEqualTo(day("2026-01-01"));
        DateRange week = Periods.containing(PeriodType.WEEK, losAngeles.today(server));
        assertThat(losAngeles.split(week, losAngeles.today(server))).isEqualTo(new WorkingDays(5, 3, 2, day("2026-01-01")));
    }
}
