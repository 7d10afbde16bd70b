package org.pacekpi.engine.internal.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CalendarSettingsTest {

    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    @Test
    void noPropertiesMeansNoOverrides() {
        CalendarSettings settings = CalendarSettings.parse(Map.of("service.pid", CalendarSettings.PID));
        assertThat(settings.defaultCountry()).isEmpty();
        assertThat(settings.companyDaysOff()).isEmpty();
        assertThat(settings.teamCountry("t1")).isEmpty();
        assertThat(settings.teamDaysOff("t1")).isEmpty();
        assertThat(settings.teamDaysOff(null)).isEmpty();
        assertThat(settings.managerCountry("m1")).isEmpty();
        assertThat(settings.managerDaysOff("m1")).isEmpty();
        assertThat(settings.countryKeys()).isEmpty();
        assertThat(CalendarSettings.none().companyDaysOff()).isEmpty();
    }

    @Test
    void parsesEveryKey() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("service.pid", CalendarSettings.PID);
        properties.put("felix.fileinstall.filename", "file:/opt/karaf/etc/org.pacekpi.calendar.cfg");
        properties.put("defaultCountry", "ru");
        properties.put("daysOff", "2026-12-24, 2026-12-31");
        properties.put("team.sales.east.country", "DE/BY");
        properties.put("team.sales.east.daysOff", "2026-12-28..2026-12-30");
        properties.put("manager.u.17.country", " us ");
        properties.put("manager.u.17.daysOff", new String[] {"2026-07-03", "2026-07-06 2026-07-07"});
        properties.put("manager.u.18.daysOff", List.of("2026-08-14"));
        CalendarSettings settings = CalendarSettings.parse(properties);

        assertThat(settings.defaultCountry()).contains(HolidayCalendarId.parse("RU"));
        assertThat(settings.companyDaysOff()).containsExactly(day("2026-12-24"), day("2026-12-31"));
        assertThat(settings.teamCountry("sales.east")).contains(HolidayCalendarId.parse("DE/BY"));
        assertThat(settings.teamDaysOff("sales.east")).containsExactly(day("2026-12-28"), day("2026-12-29"), day("2026-12-30"));
        assertThat(settings.managerCountry("u.17")).contains(HolidayCalendarId.parse("US"));
        assertThat(settings.managerDaysOff("u.17")).containsExactly(day("2026-07-03"), day("2026-07-06"), day("2026-07-07"));
        assertThat(settings.managerDaysOff("u.18")).containsExactly(day("2026-08-14"));
        assertThat(settings.countryKeys()).containsOnlyKeys("defaultCountry", "team.sales.east.country", "manager.u.17.country");
    }

    @Test
    void anEmptyCountryMeansNone() {
        CalendarSettings settings = CalendarSettings.parse(Map.of("defaultCountry", "", "team.t1.country", " "));
        assertThat(settings.defaultCountry()).isEmpty();
        assertThat(settings.teamCountry("t1")).isEmpty();
    }

    @Test
    void invalidValuesNameTheKeyAndTheValue() {
        assertThatThrownBy(() -> CalendarSettings.parse(Map.of("defaultCountry", "1X")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("defaultCountry:").hasMessageContaining("1X");
        assertThatThrownBy(() -> CalendarSettings.parse(Map.of("defaultCountry", "RU,DE")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("defaultCountry:").hasMessageContaining("RU,DE");
        assertThatThrownBy(() -> CalendarSettings.parse(Map.of("daysOff", "2026-12-24,2026-13-01")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("daysOff:").hasMessageContaining("2026-13-01");
        assertThatThrownBy(() -> CalendarSettings.parse(Map.of("team.t1.daysOff", "24.12.2026")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("team.t1.daysOff:").hasMessageContaining("24.12.2026");
        assertThatThrownBy(() -> CalendarSettings.parse(Map.of("manager.m1.daysOff", "2026-12-31..2026-12-24")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("manager.m1.daysOff:").hasMessageContaining("2026-12-31..2026-12-24");
        assertThatThrownBy(() -> CalendarSettings.parse(Map.of("manager.m1.daysOff", "2026-01-01..2027-01-02")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("366");
        assertThatThrownBy(() -> CalendarSettings.parse(Map.of("manager.m1.country", "DE/B Y")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("manager.m1.country:");
    }

    @Test
    void aMistypedTeamOrManagerKeyIsAnError() {
        assertThatThrownBy(() -> CalendarSettings.parse(Map.of("team.t1.dayOff", "2026-12-24")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("team.t1.dayOff:").hasMessageContaining("2026-12-24");
        assertThatThrownBy(() -> CalendarSettings.parse(Map.of("manager..country", "RU")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("manager..country:");
    }
}
