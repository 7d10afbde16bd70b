package org.pacekpi.engine.internal.targets;

import java.util.Objects;

import org.pacekpi.api.targets.ConversionMethod;
import org.pacekpi.engine.internal.plan.WeeksRule;

/**
 * The defaults a derivation takes for what a goal leaves out (PID {@code org.pacekpi.targets}).
 *
 * @param weeksRule  how a period's weeks are counted
 * @param method     how conversions are measured
 * @param windowDays the measuring window, {@value #MIN_WINDOW_DAYS} to {@value #MAX_WINDOW_DAYS} days
 */
public record TargetSettings(WeeksRule weeksRule, ConversionMethod method, int windowDays) {

    /** The configuration PID. */
    public static final String PID = "org.pacekpi.targets";
    /** The shortest measuring window: less than a week measures the weekday, not the funnel. */
    public static final int MIN_WINDOW_DAYS = 7;
    /** The longest measuring window: three years, as far as the stored history is read in one go. */
    public static final int MAX_WINDOW_DAYS = 1095;
    /** Weeks from the working calendar, cohort conversions, 180 days. */
    public static final TargetSettings DEFAULTS = new TargetSettings(WeeksRule.WORKING_CALENDAR, ConversionMethod.COHORT, 180);

    /** Checks the fields; the message names the configuration key. */
    public TargetSettings {
        Objects.requireNonNull(weeksRule, "weeksRule");
        Objects.requireNonNull(method, "method");
        if (windowDays < MIN_WINDOW_DAYS || windowDays > MAX_WINDOW_DAYS) {
            throw new IllegalArgumentException(PID + ": windowDays must be " + MIN_WINDOW_DAYS + " to "
                    + MAX_WINDOW_DAYS + " days, was " + windowDays);
        }
    }

    /**
     * Reads the configured texts.
     *
     * @throws IllegalArgumentException naming the key and the value that is wrong
     */
    public static TargetSettings of(String weeksRule, String method, int windowDays) {
        WeeksRule rule;
        try {
            rule = WeeksRule.parse(weeksRule, "weeksRule");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PID + ": " + e.getMessage(), e);
        }
        ConversionMethod conversionMethod;
        try {
            conversionMethod = ConversionMethod.parse(method, "method");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PID + ": " + e.getMessage(), e);
        }
        return new TargetSettings(rule, conversionMethod, windowDays);
    }
}
