package org.pacekpi.api.targets;

import java.util.Locale;

/** How a stage-to-stage conversion is measured over a window of days. */
public enum ConversionMethod {
    /**
     * Of the deals that entered stage i in the window, the share that reached the next stage (at any time until now).
     * Deals still open in stage i and younger than the stage's 80th-percentile time to the next stage are left out:
     * too young to judge.
     */
    COHORT,
    /**
     * Deals that entered the next stage in the window over deals that entered stage i in the window, whatever deals
     * they were: quick to react, biased when the flow changes.
     */
    SNAPSHOT;

    /** {@code cohort} or {@code snapshot}, as in URLs and JSON. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code cohort} or {@code snapshot}, ignoring case.
     *
     * @throws ValidationException on {@code field}
     */
    public static ConversionMethod parse(String text, String field) {
        if (text != null) {
            for (ConversionMethod method : values()) {
                if (method.name().equalsIgnoreCase(text.trim())) {
                    return method;
                }
            }
        }
        throw new ValidationException(field, "must be cohort or snapshot, was " + (text == null ? "missing" : "'" + text + "'"));
    }
}
