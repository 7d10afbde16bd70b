package org.pacekpi.engine.internal;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A range of local days, both ends inclusive.
 *
 * @param from the first day
 * @param to   the last day, not before {@code from}
 */
public record DateRange(LocalDate from, LocalDate to) {

    /** Checks the order of the ends. */
    public DateRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("range end " + to + " is before its start " + from);
        }
    }

    /** True if the day lies in the range. */
    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
