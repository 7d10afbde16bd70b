package org.pacekpi.engine.internal.plan;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How many weeks a plan's period has, for its per-week figures. The cumulative schedule by week does not depend on
 * it: it always follows the ISO weeks of the period in the manager's calendar.
 */
public enum WeeksRule {
    /**
     * The default: the period's working days over the working days of a normal week of the manager's calendar, so
     * a March with 21 working days in a Monday-to-Friday week has 4.2 weeks.
     */
    WORKING_CALENDAR,
    /** The plain rule of thumb: 4 weeks a month, 12 a quarter. */
    FOUR_WEEKS_A_MONTH;

    /** {@code working-calendar} or {@code four-weeks-a-month}, as in JSON and configuration. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Reads {@link #id()}, ignoring case.
     *
     * @throws PlanValidationException naming {@code field} and the accepted ids
     */
    public static WeeksRule parse(String text, String field) {
        if (text != null) {
            for (WeeksRule rule : values()) {
                if (rule.id().equalsIgnoreCase(text.trim())) {
                    return rule;
                }
            }
        }
        throw new PlanValidationException(field, "must be one of "
                + Arrays.stream(values()).map(WeeksRule::id).collect(Collectors.joining(", "))
                + "; was " + (text == null ? "missing" : "'" + text + "'"));
    }
}
