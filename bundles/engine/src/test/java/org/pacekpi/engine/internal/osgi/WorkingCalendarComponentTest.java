package org.pacekpi.engine.internal.osgi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.pacekpi.engine.internal.calendar.WorkingCalendar;
import org.pacekpi.host.directory.Role;
import org.pacekpi.host.directory.User;

/** The managers' calendars come from the calendar configuration the KPI reports use. */
class WorkingCalendarComponentTest {

    private static final User ANNA = new User("anna", "anna", "anna", null, Set.of(Role.MANAGER), "north",
            ZoneId.of("Europe/Moscow"), null, true);

    @Test
    void theConfiguredHolidaysAndDaysOffApply() {
        WorkingCalendarComponent component = new WorkingCalendarComponent(Map.of("defaultCountry", "RU",
                "manager.anna.daysOff", "2026-03-10", "service.pid", "org.pacekpi.calendar"));

        WorkingCalendar calendar = component.of(ANNA);

        assertThat(calendar.zone()).isEqualTo(ZoneId.of("Europe/Moscow"));
        // 9 March 2026 is Russia's holiday for Sunday 8 March; the 10th anna's day off; the 11th a working day.
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 9))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 10))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 11))).isTrue();
        assertThat(new WorkingCalendarComponent(Map.of()).of(ANNA).isWorkingDay(LocalDate.of(2026, 3, 9))).isTrue();
    }

    @Test
    void aBadValueNamesTheKey() {
        assertThatThrownBy(() -> new WorkingCalendarComponent(Map.of("daysOff", "tomorrow")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("daysOff");
    }
}
