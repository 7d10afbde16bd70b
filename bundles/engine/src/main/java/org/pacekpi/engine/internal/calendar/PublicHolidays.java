package org.pacekpi.engine.internal.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * The public holidays of one country (or subdivision) as days off. Pace counts only official public holidays
 * (jollyday's {@code PUBLIC_HOLIDAY}), not bank holidays or observances; what a company closes on besides is an
 * admin's day off ({@link CalendarSettings}). Implementations are immutable and thread-safe.
 */
public interface PublicHolidays {

    /** The calendar these holidays are of. */
    HolidayCalendarId calendar();

    /** The holidays whose day off lies between {@code from} and {@code to} (both inclusive), by date. */
    List<PublicHoliday> between(LocalDate from, LocalDate to);

    /** True if the day is a public holiday or substitutes for one. */
    boolean isHoliday(LocalDate day);

    /**
     * The public holidays of a country from the maintained holiday library (jollyday).
     *
     * @throws IllegalArgumentException if the library knows no such country
     */
    static PublicHolidays of(String country) {
        return HolidayCalendars.jollyday().of(HolidayCalendarId.of(country));
    }

    /**
     * The public holidays of a country's subdivision ({@code of("DE", "BY")}): the country's and the subdivision's.
     *
     * @throws IllegalArgumentException if the library knows no such country or subdivision
     */
    static PublicHolidays of(String country, String subdivision) {
        return HolidayCalendars.jollyday().of(HolidayCalendarId.of(country, subdivision));
    }
}
