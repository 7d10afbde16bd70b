package org.pacekpi.engine.internal.targets;

import org.pacekpi.engine.internal.calendar.WorkingCalendar;
import org.pacekpi.host.directory.User;

/**
 * A manager's working calendar (time zone, working week, holidays, days off): the days targets are spread over and
 * paced by. The KPI reports' {@code WorkingDaysProvider} only counts days; derivation and pacing need the calendar
 * itself.
 */
@FunctionalInterface
public interface ManagerCalendars {

    /**
     * The user's calendar.
     *
     * @throws IllegalStateException if the host names a holiday calendar that is unknown (the message says which
     *                               configuration key overrides it)
     */
    WorkingCalendar of(User manager);
}
