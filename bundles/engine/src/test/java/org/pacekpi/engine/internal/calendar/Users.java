package org.pacekpi.engine.internal.calendar;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import org.pacekpi.host.directory.Role;
import org.pacekpi.host.directory.User;
import org.pacekpi.host.directory.WorkingSchedule;

/** Host users for calendar tests. */
final class Users {

    private Users() {
    }

    /** A Monday-to-Friday manager with the host's holiday calendar (or none). */
    static User manager(String id, String teamId, String zone, String holidayCalendar) {
        WorkingSchedule schedule = new WorkingSchedule(holidayCalendar, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(9, 0), LocalTime.of(18, 0));
        return new User(id, id, id, null, Set.of(Role.MANAGER), teamId, ZoneId.of(zone), schedule, true);
    }
}
