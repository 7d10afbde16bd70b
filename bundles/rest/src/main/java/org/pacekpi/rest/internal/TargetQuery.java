package org.pacekpi.rest.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

import org.pacekpi.api.targets.ConversionMethod;
import org.pacekpi.api.targets.Scope;
import org.pacekpi.api.targets.ValidationException;

/**
 * Parses the query parameters of the goal, target and funnel requests. Every failure is a
 * {@link ValidationException} naming the parameter, answered as 400 with the parameter as {@code field}. A blank
 * parameter counts as absent. A scope is written {@code team:north} or {@code manager:anna} in a query (and
 * {@code {"type":"team","id":"north"}} in a body).
 */
final class TargetQuery {

    /** The default window of conversions: the 180 days up to yesterday, about two sales cycles of 3 months. */
    static final int DEFAULT_WINDOW_DAYS = 180;

    private TargetQuery() {
    }

    /**
     * A conversion window, both days inclusive.
     *
     * @param from first day
     * @param to   last day
     */
    record Window(LocalDate from, LocalDate to) {
    }

    /** The scope in parameter {@code name}; required. */
    static Scope scope(String name, String text) {
        if (!present(text)) {
            throw new ValidationException(name, "is required: team:<teamId> or manager:<managerId>");
        }
        return parseScope(name, text.trim());
    }

    /** The scope in parameter {@code name}, or null if absent. */
    static Scope optionalScope(String name, String text) {
        return present(text) ? parseScope(name, text.trim()) : null;
    }

    /** The text, or null if absent or blank. */
    static String optional(String text) {
        return present(text) ? text.trim() : null;
    }

    /** {@code cohort} or {@code snapshot} in parameter {@code method}; cohort if absent. */
    static ConversionMethod method(String text) {
        return present(text) ? ConversionMethod.parse(text, "method") : ConversionMethod.COHORT;
    }

    /**
     * The window of {@code from} and {@code to}: without either, the {@value #DEFAULT_WINDOW_DAYS} days ending
     * yesterday; with one, that many days from or to it; at most {@link KpiQuery#MAX_RANGE_DAYS} days.
     *
     * @param today today in the scope's time zone
     */
    static Window window(String from, String to, Supplier<LocalDate> today) {
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        if (first == null && last == null) {
            last = today.get().minusDays(1);
        }
        if (first == null) {
            first = last.minusDays(DEFAULT_WINDOW_DAYS - 1L);
        } else if (last == null) {
            last = first.plusDays(DEFAULT_WINDOW_DAYS - 1L);
        }
        if (first.isAfter(last)) {
            throw new ValidationException("from", "must not be after to: " + first + " is after " + last);
        }
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        if (days > KpiQuery.MAX_RANGE_DAYS) {
            throw new ValidationException("from", "the window " + first + " .. " + last + " spans " + days
                    + " days; at most " + KpiQuery.MAX_RANGE_DAYS);
        }
        return new Window(first, last);
    }

    private static Scope parseScope(String name, String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new ValidationException(name, "must be team:<teamId> or manager:<managerId>, was '" + text + "'");
        }
        Scope.Type type = Scope.Type.parse(text.substring(0, colon), name);
        return new Scope(type, text.substring(colon + 1));
    }

    private static LocalDate date(String name, String text) {
        if (!present(text)) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            ValidationException invalid = new ValidationException(name, "must be YYYY-MM-DD, was '" + text + "'");
            invalid.initCause(e);
            throw invalid;
        }
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
