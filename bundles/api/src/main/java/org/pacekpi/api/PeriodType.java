package org.pacekpi.api;

import java.util.Locale;

/** The calendar periods KPIs are reported for, counted in the manager's time zone. */
public enum PeriodType {
    /** One calendar day. */
    DAY,
    /** An ISO week, Monday to Sunday. */
    WEEK,
    /** A calendar month. */
    MONTH,
    /** A calendar quarter: January-March, April-June, July-September, October-December. */
    QUARTER;

    /**
     * Parses {@code day}, {@code week}, {@code month} or {@code quarter}, ignoring case.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static PeriodType parse(String text) {
        if (text != null) {
            for (PeriodType type : values()) {
                if (type.name().equalsIgnoreCase(text.trim())) {
                    return type;
                }
            }
        }
        throw new IllegalArgumentException("period must be one of day, week, month, quarter; was '" + text + "'");
    }

    /** The lower-case name used in URLs and JSON. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
