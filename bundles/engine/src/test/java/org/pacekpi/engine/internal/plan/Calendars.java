package org.pacekpi.engine.internal.plan;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import org.pacekpi.engine.internal.calendar.CalendarSettings;
import org.pacekpi.engine.internal.calendar.WorkingCalendar;
import org.pacekpi.engine.internal.calendar.WorkingCalendars;
import org.pacekpi.host.directory.Role;
import org.pacekpi.host.directory.User;
import org.pacekpi.host.directory.WorkingSchedule;

/** Working calendars for plan tests. */
final class Calendars {

    static final ZoneId MOSCOW_ZONE = ZoneId.of("Europe/Moscow");

    /** Monday to Friday in Moscow, no holidays. */
    static final WorkingCalendar PLAIN = WorkingCalendar.builder(MOSCOW_ZONE).build();

    /** Russia's production calendar (jollyday's RU holidays and the bundled transfers), Monday to Friday in Moscow. */
    static final WorkingCalendar RUSSIA = WorkingCalendars.of(CalendarSettings.none()).forUser(
            new User("m1", "m1", "m1", null, Set.of(Role.MANAGER), null, MOSCOW_ZONE,
                    new WorkingSchedule("RU", EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0),
                            LocalTime.of(18, 0)), true));

    /** 09:00 to 18:00. */
    static final WorkingHours NINE_TO_SIX = new WorkingHours(LocalTime.of(9, 0), LocalTime.of(18, 0));

    private Calendars() {
    }
}
