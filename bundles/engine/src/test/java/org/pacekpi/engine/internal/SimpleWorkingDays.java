package org.pacekpi.engine.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

import org.pacekpi.api.dto.WorkingDays;
import org.pacekpi.engine.internal.calendar.DateRange;
import org.pacekpi.host.directory.User;

/**
 * Working days by the weekdays of the manager's {@link org.pacekpi.host.directory.WorkingSchedule} (Monday to
 * Friday by default), without public holidays, transfers or days off: the stand-in until the working calendars
 * replace it.
 */
public final class SimpleWorkingDays implements WorkingDaysProvider {

    @Override
    public WorkingDays workingDays(User manager, DateRange period, LocalDate asOf) {
        Set<DayOfWeek> weekdays = manager.schedule().workingDays();
        int total = 0;
        int elapsed = 0;
        for (LocalDate day = period.from(); !day.isAfter(period.to()); day = day.plusDays(1)) {
            if (weekdays.contains(day.getDayOfWeek())) {
                total++;
                if (day.isBefore(asOf)) {
                    elapsed++;
                }
            }
        }
        return new WorkingDays(total, elapsed, total - elapsed, asOf);
    }
}
