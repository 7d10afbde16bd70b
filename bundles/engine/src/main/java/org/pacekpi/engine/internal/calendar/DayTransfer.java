package org.pacekpi.engine.internal.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One day of a production calendar whose status is set by decree rather than by the week and the public holidays:
 * a Saturday made a working day, a weekday made a day off (Russia moves days off this way every year), or a day
 * the holiday library gets wrong for the country.
 *
 * @param calendar the country (or subdivision) it applies to, and every subdivision within it
 * @param date     the day
 * @param kind     what the day is
 * @param note     where it comes from (decree and date), for explanations
 */
public record DayTransfer(HolidayCalendarId calendar, LocalDate date, Kind kind, String note) {

    /** What a transferred day is. */
    public enum Kind {
        /** A working day, even on a weekend or a public holiday of the library. */
        WORKING,
        /** A day off, even on a weekday. */
        DAY_OFF
    }

    /** Checks the fields. */
    public DayTransfer {
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        note = note == null ? "" : note.trim();
    }
}
