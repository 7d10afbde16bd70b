package org.pacekpi.host.directory;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A user's working calendar as the host knows it: the public-holiday calendar that applies (by country), the days
 * of the week that are working days, and the working hours. Pace layers holidays, transferred working days and
 * days off configured by an admin on top of it.
 *
 * @param holidayCalendar ISO 3166-1 alpha-2 country code whose public holidays apply, e.g. {@code RU}; may carry a
 *                        subdivision after a slash ({@code DE/BY}); null for none
 * @param workingDays     the working days of a normal week
 * @param dayStart        start of the working day in the user's time zone
 * @param dayEnd          end of the working day in the user's time zone, after {@code dayStart}
 */
public record WorkingSchedule(String holidayCalendar, Set<DayOfWeek> workingDays, LocalTime dayStart, LocalTime dayEnd) {

    /** Monday to Friday, 09:00 to 18:00, no public holidays. */
    public static final WorkingSchedule DEFAULT = new WorkingSchedule(null,
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(18, 0));

    /** Checks the fields; the message names what is wrong. */
    public WorkingSchedule {
        Objects.requireNonNull(workingDays, "workingDays");
        if (workingDays.isEmpty()) {
            throw new IllegalArgumentException("workingDays must name at least one day");
        }
        workingDays = Set.copyOf(workingDays);
        Objects.requireNonNull(dayStart, "dayStart");
        Objects.requireNonNull(dayEnd, "dayEnd");
        if (!dayEnd.isAfter(dayStart)) {
            throw new IllegalArgumentException("dayEnd " + dayEnd + " must be after dayStart " + dayStart);
        }
    }

    /** The same schedule with another public-holiday calendar. */
    public WorkingSchedule withHolidayCalendar(String country) {
        return new WorkingSchedule(country, workingDays, dayStart, dayEnd);
    }
}
