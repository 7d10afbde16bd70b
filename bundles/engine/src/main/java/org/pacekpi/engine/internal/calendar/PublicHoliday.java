package org.pacekpi.engine.internal.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A public holiday as a day off: the holiday itself, or the weekday that substitutes for it when it falls on a
 * weekend (jollyday's "observed" date).
 *
 * @param date       the day off
 * @param name       the holiday's English name, for explanations
 * @param actualDate the holiday's own date; differs from {@code date} for a substitute day off
 */
public record PublicHoliday(LocalDate date, String name, LocalDate actualDate) {

    /** Checks the fields. */
    public PublicHoliday {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(actualDate, "actualDate");
        name = name == null || name.isBlank() ? "public holiday" : name;
    }

    /** True for a weekday that substitutes for a holiday on a weekend. */
    public boolean isSubstitute() {
        return !date.equals(actualDate);
    }
}
