package org.pacekpi.engine.internal.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pacekpi.api.PeriodType;
import org.pacekpi.api.dto.WorkingDays;
import org.pacekpi.host.directory.User;

/** Which calendar a manager gets: the host's record, the admin's configuration, and their order. */
class WorkingCalendarsTest {

    private static final FixedHolidays RU = FixedHolidays.of("RU", "2026-06-12");
    private static final FixedHolidays DE = FixedHolidays.of("DE", "2026-10-03", "2026-06-05");
    private static final FixedHolidays DE_BY = FixedHolidays.of("DE/BY", "2026-10-03", "2026-06-04");
    private static final FixedHolidays US = FixedHolidays.of("US", "2026-07-03");
    private static final TransferredDays TRANSFERS = TransferredDays.of(List.of(
            new DayTransfer(HolidayCalendarId.parse("RU"), LocalDate.parse("2026-06-13"), DayTransfer.Kind.WORKING, "test")));

    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    private static WorkingCalendars calendars(Map<String, ?> properties) {
        return new WorkingCalendars(CalendarSettings.parse(properties), FixedHolidays.source(RU, DE, DE_BY, US), TRANSFERS);
    }

    @Test
    void theHostsCalendarAppliesWithItsTransfers() {
        WorkingCalendar calendar = calendars(Map.of()).forUser(Users.manager("m1", "t1", "Europe/Moscow", "RU"));
        assertThat(calendar.holidayCalendar()).contains(HolidayCalendarId.parse("RU"));
        assertThat(calendar.status(day("2026-06-12"))).isEqualTo(DayStatus.PUBLIC_HOLIDAY);
        assertThat(calendar.status(day("2026-06-13"))).isEqualTo(DayStatus.TRANSFERRED_WORKING_DAY);
        assertThat(calendar.zone()).isEqualTo(ZoneId.of("Europe/Moscow"));
    }

    @Test
    void theDefaultCountryOnlyFillsInForAHostWithoutOne() {
        WorkingCalendars calendars = calendars(Map.of("defaultCountry", "US"));
        assertThat(calendars.forUser(Users.manager("m1", "t1", "America/New_York", null)).holidayCalendar())
                .contains(HolidayCalendarId.parse("US"));
        assertThat(calendars.forUser(Users.manager("m2", "t1", "Europe/Moscow", "RU")).holidayCalendar())
                .contains(HolidayCalendarId.parse("RU"));
        assertThat(calendars(Map.of()).forUser(Users.manager("m3", "t1", "UTC", null)).holidayCalendar()).isEmpty();
    }

    @Test
    void aTeamsCountryWinsOverTheHostsAndAManagersOverTheTeams() {
        WorkingCalendars calendars = calendars(Map.of("team.t1.country", "DE/BY", "manager.m2.country", "US"));
        WorkingCalendar inTeam = calendars.forUser(Users.manager("m1", "t1", "Europe/Berlin", "RU"));
        assertThat(inTeam.holidayCalendar()).contains(HolidayCalendarId.parse("DE/BY"));
        assertThat(inTeam.status(day("2026-06-04"))).isEqualTo(DayStatus.PUBLIC_HOLIDAY);
        // Russia's transfers no longer apply to someone on the German calendar.
        assertThat(inTeam.status(day("2026-06-13"))).isEqualTo(DayStatus.WEEKEND);
        assertThat(calendars.forUser(Users.manager("m2", "t1", "America/New_York", "RU")).holidayCalendar())
                .contains(HolidayCalendarId.parse("US"));
        assertThat(calendars.forUser(Users.manager("m3", "t2", "Europe/Moscow", "RU")).holidayCalendar())
                .contains(HolidayCalendarId.parse("RU"));
    }

    @Test
    void adminDaysOffApplyToTheCompanyTheTeamAndTheManager() {
        WorkingCalendars calendars = calendars(Map.of(
                "daysOff", "2026-12-24",
                "team.t1.daysOff", "2026-12-28..2026-12-29",
                "manager.m1.daysOff", "2026-12-30"));
        WorkingCalendar m1 = calendars.forUser(Users.manager("m1", "t1", "Europe/Moscow", null));
        WorkingCalendar m2 = calendars.forUser(Users.manager("m2", "t1", "Europe/Moscow", null));
        WorkingCalendar m3 = calendars.forUser(Users.manager("m3", "t2", "Europe/Moscow", null));
        WorkingCalendar loner = calendars.forUser(Users.manager("m4", null, "Europe/Moscow", null));
        DateRange lastWeeks = new DateRange(day("2026-12-21"), day("2026-12-31"));
        // 21-24 and 28-31 December 2026 are nine weekdays (Mon 21 to Thu 24, Fri 25, Mon 28 to Thu 31).
        assertThat(m1.workingDays(lastWeeks)).isEqualTo(9 - 1 - 2 - 1);
        assertThat(m2.workingDays(lastWeeks)).isEqualTo(9 - 1 - 2);
        assertThat(m3.workingDays(lastWeeks)).isEqualTo(9 - 1);
        assertThat(loner.workingDays(lastWeeks)).isEqualTo(9 - 1);
        assertThat(m1.status(day("2026-12-24"))).isEqualTo(DayStatus.COMPANY_DAY_OFF);
        assertThat(m1.status(day("2026-12-28"))).isEqualTo(DayStatus.TEAM_DAY_OFF);
        assertThat(m1.status(day("2026-12-30"))).isEqualTo(DayStatus.MANAGER_DAY_OFF);
        assertThat(m3.status(day("2026-12-28"))).isEqualTo(DayStatus.WORKING_DAY);
    }

    @Test
    void anUnknownConfiguredCountryIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> calendars(Map.of("team.t1.country", "FR")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("team.t1.country:").hasMessageContaining("FR");
        assertThatThrownBy(() -> WorkingCalendars.of(CalendarSettings.parse(Map.of("manager.m1.country", "DE/XX"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("manager.m1.country:").hasMessageContaining("XX");
    }

    @Test
    void anUnknownHostCountrySaysHowToOverrideIt() {
        WorkingCalendars calendars = calendars(Map.of());
        assertThatThrownBy(() -> calendars.forUser(Users.manager("m1", "t1", "Europe/London", "UK")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("m1").hasMessageContaining("UK").hasMessageContaining("manager.m1.country");
        assertThatThrownBy(() -> calendars.forUser(Users.manager("m2", "t1", "Europe/London", "G-B")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("manager.m2.country");
        // The override makes the manager usable.
        assertThat(calendars(Map.of("manager.m1.country", "DE")).forUser(Users.manager("m1", "t1", "Europe/London", "UK"))
                .holidayCalendar()).contains(HolidayCalendarId.parse("DE"));
    }

    @Test
    void aCalendarIsKeptUntilTheHostsRecordChanges() {
        WorkingCalendars calendars = calendars(Map.of());
        User user = Users.manager("m1", "t1", "Europe/Moscow", "RU");
        WorkingCalendar first = calendars.forUser(user);
        assertThat(calendars.forUser(Users.manager("m1", "t1", "Europe/Moscow", "RU"))).isSameAs(first);
        WorkingCalendar moved = calendars.forUser(Users.manager("m1", "t1", "Asia/Vladivostok", "RU"));
        assertThat(moved).isNotSameAs(first);
        assertThat(moved.zone()).isEqualTo(ZoneId.of("Asia/Vladivostok"));
    }

    @Test
    void splitsAManagersPeriodForTheKpiReport() {
        WorkingCalendars calendars = calendars(Map.of("manager.m1.daysOff", "2026-06-01"));
        User user = Users.manager("m1", "t1", "Europe/Moscow", "RU");
        // June 2026: 22 weekdays, minus 12 June (holiday) and 1 June (the manager's day off), plus Saturday 13 June
        // (a working day by transfer); before the 15th: 2-5, 8-11 and 13 June.
        DateRange june = Periods.containing(PeriodType.MONTH, day("2026-06-10"));
        assertThat(calendars.workingDays(user, june, day("2026-06-15")))
                .isEqualTo(new WorkingDays(21, 9, 12, day("2026-06-15")));
    }

    @Test
    void realGermanStatesThroughJollyday() {
        WorkingCalendars calendars = WorkingCalendars.of(CalendarSettings.parse(Map.of("team.munich.country", "DE/BY")));
        WorkingCalendar munich = calendars.forUser(Users.manager("m1", "munich", "Europe/Berlin", "DE/BE"));
        WorkingCalendar berlin = calendars.forUser(Users.manager("m2", "berlin", "Europe/Berlin", "DE/BE"));
        // June 2026: 22 weekdays; Corpus Christi (Thursday 4 June) is a holiday in Bavaria only.
        DateRange june = Periods.containing(PeriodType.MONTH, day("2026-06-01"));
        assertThat(munich.workingDays(june)).isEqualTo(21);
        assertThat(berlin.workingDays(june)).isEqualTo(22);
    }
}
