package org.pacekpi.shell.internal;

import java.util.Map;
import java.util.function.Supplier;

import org.pacekpi.api.targets.ValidationException;

/**
 * Turns the target service's {@link ValidationException}, which names a field of the API ({@code goal.paidDeals},
 * {@code pinnedRates[1].rate}), into an {@link IllegalArgumentException} that names the command's option
 * ({@code --paid-deals}, the second {@code --pin}). Karaf prints such an exception's message, not its stack trace.
 */
final class OptionErrors {

    /** API field (or its first part) to the option that sets it, for every command of this bundle. */
    private static final Map<String, String> OPTIONS = Map.ofEntries(
            Map.entry("goal", "--paid-deals or --revenue"),
            Map.entry("goal.paidDeals", "--paid-deals"),
            Map.entry("goal.revenue", "--revenue"),
            Map.entry("goal.revenue.amount", "--revenue"),
            Map.entry("goal.revenue.currency", "--currency"),
            Map.entry("goal.averagePaidDeal", "--average-deal"),
            Map.entry("goal.averagePaidDeal.amount", "--average-deal"),
            Map.entry("goal.averagePaidDeal.currency", "--currency"),
            Map.entry("weeksRule", "--weeks-rule"),
            Map.entry("method", "--method"),
            Map.entry("windowDays", "--window-days"),
            Map.entry("asOf", "--as-of"),
            Map.entry("note", "--note"),
            Map.entry("metric", "--metric"),
            Map.entry("value", "--value"));

    private OptionErrors() {
    }

    /**
     * Runs a service call, naming options in its validation errors.
     *
     * @param scopeOption  how the command takes the scope: {@code --scope}, or the argument {@code <scope>}
     * @param periodOption how the command takes the period: {@code --period}, or the argument {@code <period>}
     */
    static <T> T named(Supplier<T> call, String scopeOption, String periodOption) {
        try {
            return call.get();
        } catch (ValidationException e) {
            throw new IllegalArgumentException(option(e.field(), scopeOption, periodOption) + ": "
                    + reason(e) + " (" + e.field() + ")", e);
        }
    }

    /** The option that sets {@code field}; the field itself when no option does. */
    static String option(String field, String scopeOption, String periodOption) {
        if (field.equals("scope") || field.startsWith("scope.")) {
            return scopeOption;
        }
        if (field.equals("period")) {
            return periodOption;
        }
        if (field.startsWith("pinnedRates[")) {
            int end = field.indexOf(']');
            try {
                int index = Integer.parseInt(field.substring("pinnedRates[".length(), end));
                return "--pin #" + (index + 1);
            } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                // not the service's usual path; the message still carries the field as given
                return "--pin";
            }
        }
        return OPTIONS.getOrDefault(field, field);
    }

    private static String reason(ValidationException e) {
        String message = e.getMessage();
        String prefix = e.field() + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
