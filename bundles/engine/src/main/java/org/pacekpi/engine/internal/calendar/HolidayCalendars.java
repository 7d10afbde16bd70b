package org.pacekpi.engine.internal.calendar;

/**
 * Where public holidays come from: the seam that lets the holiday library be replaced (or faked in a test).
 * Implementations cache and are thread-safe.
 */
public interface HolidayCalendars {

    /**
     * The public holidays of a calendar.
     *
     * @throws IllegalArgumentException naming the country or subdivision the source does not know
     */
    PublicHolidays of(HolidayCalendarId calendar);

    /** The holidays of jollyday, the maintained library (one shared, caching instance). */
    static HolidayCalendars jollyday() {
        return JollydayCalendars.SHARED;
    }
}
