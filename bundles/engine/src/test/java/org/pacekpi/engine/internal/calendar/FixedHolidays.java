package org.pacekpi.engine.internal.calendar;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Public holidays from a fixed list, and a holiday source of them: tests that must not depend on jollyday's data. */
final class FixedHolidays implements PublicHolidays {

    private final HolidayCalendarId calendar;
    private final Set<LocalDate> days;

    FixedHolidays(HolidayCalendarId calendar, Collection<LocalDate> days) {
        this.calendar = calendar;
        this.days = new TreeSet<>(days);
    }

    static FixedHolidays of(String calendar, String... days) {
        return new FixedHolidays(HolidayCalendarId.parse(calendar), Arrays.stream(days).map(LocalDate::parse).toList());
    }

    /** A source that knows exactly these calendars. */
    static HolidayCalendars source(FixedHolidays... calendars) {
        Map<HolidayCalendarId, PublicHolidays> known = new HashMap<>();
        for (FixedHolidays holidays : calendars) {
            known.put(holidays.calendar(), holidays);
        }
        return calendar -> {
            PublicHolidays holidays = known.get(calendar);
            if (holidays == null) {
                throw new IllegalArgumentException("no public holidays are known for '" + calendar + "'");
            }
            return holidays;
        };
    }

    @Override
    public HolidayCalendarId calendar() {
        return calendar;
    }

    @Override
    public List<PublicHoliday> between(LocalDate from, LocalDate to) {
        return days.stream().filter(day -> !day.isBefore(from) && !day.isAfter(to))
                .map(day -> new PublicHoliday(day, "holiday", day)).toList();
    }

    @Override
    public boolean isHoliday(LocalDate day) {
        return days.contains(day);
    }
}
