package org.pacekpi.engine.internal.targets;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.pacekpi.engine.internal.plan.Fraction;

/**
 * How a pinned rate is read: a fraction such as {@code 1/3} exactly; a decimal as follows. "1 paid deal per 3 proposals" cannot be written as a decimal, and
 * {@code 3 / 0.3333} is 9.0009 proposals, a target of 10 where the admin meant 9. So a rate written with three or
 * more decimals is read as the fraction with the smallest denominator up to {@value #MAX_DENOMINATOR} that rounds
 * (half up) to exactly what was written: 0.3333 and 0.333 are 1/3, 0.667 is 2/3, 0.0833 is 1/12. Any other rate, and
 * every rate with fewer decimals (0.3 is 3/10, 0.33 is 33/100), is read exactly as written. Fractions with
 * denominators up to 12 lie at least 1/132 apart, more than a unit of the third decimal, so at most one fits.
 */
public final class PinnedRateReading {

    /** The largest denominator a pinned rate is read as: "1 in 12" still reads as a ratio, "1 in 13" rarely does. */
    public static final int MAX_DENOMINATOR = 12;

    private static final int MIN_SCALE = 3;

    private PinnedRateReading() {
    }

    /**
     * The rate meant by the text an admin wrote: a fraction {@code n/d} exactly, or a decimal (see the class
     * comment).
     *
     * @throws NumberFormatException naming the text if it is neither
     */
    public static Fraction read(String written) {
        if (written == null) {
            throw new NumberFormatException("a rate is required, was missing");
        }
        String text = written.trim();
        if (text.contains("/")) {
            return Fraction.parse(text);
        }
        try {
            return read(new BigDecimal(text));
        } catch (NumberFormatException e) {
            NumberFormatException named = new NumberFormatException("'" + written
                    + "' is not a rate such as 1/3 or 0.25");
            named.initCause(e);
            throw named;
        }
    }

    /** The rate meant by a decimal (see the class comment). */
    public static Fraction read(BigDecimal written) {
        Fraction exact = Fraction.of(written);
        if (written.scale() < MIN_SCALE) {
            return exact;
        }
        for (int denominator = 1; denominator <= MAX_DENOMINATOR; denominator++) {
            BigDecimal numerator = written.multiply(BigDecimal.valueOf(denominator)).setScale(0, RoundingMode.HALF_UP);
            Fraction candidate = Fraction.of(numerator).dividedBy(denominator);
            if (candidate.toDecimal(written.scale()).compareTo(written) == 0) {
                return candidate;
            }
        }
        return exact;
    }
}
