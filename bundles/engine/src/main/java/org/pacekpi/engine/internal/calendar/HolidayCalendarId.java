package org.pacekpi.engine.internal.calendar;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which public holidays apply: a country (ISO 3166-1 alpha-2, such as {@code RU}; jollyday also knows a few
 * market calendars such as {@code NYSE}) and optionally a subdivision path ({@code DE/BY}, {@code DE/BY/AG}), as
 * the host's {@code WorkingSchedule.holidayCalendar} spells it.
 *
 * @param country      the country code, upper case
 * @param subdivisions the subdivision path below the country, lower case, possibly empty
 */
public record HolidayCalendarId(String country, List<String> subdivisions) {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z][A-Z_]*");
    private static final Pattern SUBDIVISION = Pattern.compile("[a-z0-9_]+");

    /** Checks and normalises the parts. */
    public HolidayCalendarId {
        if (country == null || !COUNTRY.matcher(country.toUpperCase(Locale.ROOT)).matches()) {
            throw new IllegalArgumentException("country code must be letters, such as RU or DE; was '" + country + "'");
        }
        country = country.toUpperCase(Locale.ROOT);
        subdivisions = subdivisions == null ? List.of()
                : subdivisions.stream().map(s -> s == null ? "" : s.toLowerCase(Locale.ROOT)).toList();
        for (String subdivision : subdivisions) {
            if (!SUBDIVISION.matcher(subdivision).matches()) {
                throw new IllegalArgumentException("subdivision must be letters or digits, such as BY; was '"
                        + subdivision + "'");
            }
        }
    }

    /**
     * Parses {@code RU}, {@code de/by} or {@code DE/BY/AG}, ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException saying what is wrong with the text
     */
    public static HolidayCalendarId parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("holiday calendar is empty; expected a country code such as RU or DE/BY");
        }
        List<String> parts = Arrays.stream(text.trim().split("/", -1)).map(String::trim).toList();
        return new HolidayCalendarId(parts.get(0), parts.subList(1, parts.size()));
    }

    /** A country's calendar without subdivision. */
    public static HolidayCalendarId of(String country, String... subdivisions) {
        return new HolidayCalendarId(country, List.of(subdivisions));
    }

    /** The country alone, without subdivisions. */
    public HolidayCalendarId countryOnly() {
        return subdivisions.isEmpty() ? this : new HolidayCalendarId(country, List.of());
    }

    /**
     * True if this calendar is {@code other} or lies within it: {@code DE/BY} is within {@code DE}, {@code DE} is not
     * within {@code DE/BY}.
     */
    public boolean isWithin(HolidayCalendarId other) {
        return country.equals(other.country) && subdivisions.size() >= other.subdivisions.size()
                && subdivisions.subList(0, other.subdivisions.size()).equals(other.subdivisions);
    }

    /** The id as written in configuration: {@code DE/BY}. */
    public String id() {
        return subdivisions.isEmpty() ? country
                : country + "/" + String.join("/", subdivisions).toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return id();
    }
}
