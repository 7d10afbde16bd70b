package org.pacekpi.engine.internal.plan;

/**
 * The share of one step's count that reaches the next step: 1/3 from proposal to paid is one paid deal per three
 * proposals; 1/10 from touches to first contacts is one first contact per ten touches.
 *
 * @param from       the step it converts from
 * @param to         the next step
 * @param rate       the share, in (0, 1]
 * @param source     measured or pinned by an admin
 * @param sampleSize for a measured rate, what it was measured on (the deals, or the activities, of {@code from}),
 *                   0 when the manager has no sample of their own and the team's rate stands in; 0 for a pinned
 *                   rate
 */
public record Conversion(String from, String to, Fraction rate, RateSource source, long sampleSize) {

    /** Checks the fields; the message names the field and the conversion. */
    public Conversion {
        if (from == null || from.isBlank()) {
            throw new PlanValidationException("from", "is required");
        }
        if (to == null || to.isBlank()) {
            throw new PlanValidationException("to", "is required (the conversion from " + from + ")");
        }
        String which = " (" + from + " -> " + to + ")";
        if (rate == null) {
            throw new PlanValidationException("rate", "is required" + which);
        }
        if (rate.signum() <= 0 || rate.compareTo(Fraction.ONE) > 0) {
            throw new PlanValidationException("rate", "must be above 0 and at most 1" + which + ", was " + rate);
        }
        if (source == null) {
            throw new PlanValidationException("source", "is required (measured or pinned)" + which);
        }
        if (source == RateSource.MEASURED && sampleSize < 0) {
            throw new PlanValidationException("sampleSize", "a measured rate's sample cannot be negative" + which
                    + ", was " + sampleSize);
        }
        if (source == RateSource.PINNED && sampleSize != 0) {
            throw new PlanValidationException("sampleSize", "a pinned rate has no sample" + which + ", was " + sampleSize);
        }
    }

    /** A rate measured on a sample (0: the team's rate, the manager having no sample of their own). */
    public static Conversion measured(String from, String to, Fraction rate, long sampleSize) {
        return new Conversion(from, to, rate, RateSource.MEASURED, sampleSize);
    }

    /** A rate an admin pinned. */
    public static Conversion pinned(String from, String to, Fraction rate) {
        return new Conversion(from, to, rate, RateSource.PINNED, 0);
    }
}
