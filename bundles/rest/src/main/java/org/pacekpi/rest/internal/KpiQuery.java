package org.pacekpi.rest.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.pacekpi.api.PeriodType;

/**
 * Parses the query parameters of a KPI request. Every failure is an {@link IllegalArgumentException} whose message
 * names the parameter and the value, answered as 400.
 */
final class KpiQuery {

    private KpiQuery() {
    }

    /** {@code day}, {@code week} or {@code month}; required. */
    static PeriodType period(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("period is required: one of day, week, month");
        }
        return PeriodType.parse(text);
    }

    /** An ISO date, {@code YYYY-MM-DD}; empty if the parameter is absent. */
    static Optional<LocalDate> date(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.trim()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("date must be YYYY-MM-DD, was '" + text + "'", e);
        }
    }
}
