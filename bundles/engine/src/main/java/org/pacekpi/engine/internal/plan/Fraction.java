package org.pacekpi.engine.internal.plan;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An exact rational number, always in lowest terms with a positive denominator, so that equal values are equal
 * records. Plans divide by rates such as 1/3; a {@link BigDecimal} would drift ({@code 3 / 0.33 = 9.09}), a fraction
 * does not ({@code 3 / (1/3) = 9}).
 *
 * @param numerator   the numerator, any sign
 * @param denominator the denominator, positive
 */
public record Fraction(BigInteger numerator, BigInteger denominator) implements Comparable<Fraction> {

    /** Zero. */
    public static final Fraction ZERO = new Fraction(BigInteger.ZERO, BigInteger.ONE);
    /** One. */
    public static final Fraction ONE = new Fraction(BigInteger.ONE, BigInteger.ONE);

    /** Reduces to lowest terms and moves the sign to the numerator. */
    public Fraction {
        Objects.requireNonNull(numerator, "numerator");
        Objects.requireNonNull(denominator, "denominator");
        if (denominator.signum() == 0) {
            throw new ArithmeticException("denominator must not be zero (numerator " + numerator + ")");
        }
        if (denominator.signum() < 0) {
            numerator = numerator.negate();
            denominator = denominator.negate();
        }
        BigInteger gcd = numerator.gcd(denominator);
        if (!gcd.equals(BigInteger.ONE) && gcd.signum() != 0) {
            numerator = numerator.divide(gcd);
            denominator = denominator.divide(gcd);
        }
    }

    /** A whole number. */
    public static Fraction of(long value) {
        return new Fraction(BigInteger.valueOf(value), BigInteger.ONE);
    }

    /** {@code numerator / denominator}. */
    public static Fraction of(long numerator, long denominator) {
        return new Fraction(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    /** The exact value of a decimal: 0.25 is 1/4. */
    public static Fraction of(BigDecimal value) {
        Objects.requireNonNull(value, "value");
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() <= 0) {
            return new Fraction(stripped.toBigIntegerExact(), BigInteger.ONE);
        }
        return new Fraction(stripped.unscaledValue(), BigInteger.TEN.pow(stripped.scale()));
    }

    /**
     * Reads {@link #toString()}'s form back: {@code n} or {@code n/d} with whole numbers (a sign on the numerator
     * only), or a plain decimal such as {@code 0.25}.
     *
     * @throws NumberFormatException naming the text if it is neither, or the denominator is zero
     */
    public static Fraction parse(String text) {
        if (text == null) {
            throw new NumberFormatException("a fraction is required, was missing");
        }
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        try {
            if (slash < 0) {
                return of(new BigDecimal(trimmed));
            }
            BigInteger numerator = new BigInteger(trimmed.substring(0, slash));
            String denominatorText = trimmed.substring(slash + 1);
            if (denominatorText.startsWith("-") || denominatorText.startsWith("+")) {
                throw new NumberFormatException("sign on the denominator");
            }
            BigInteger denominator = new BigInteger(denominatorText);
            if (denominator.signum() == 0) {
                throw new NumberFormatException("zero denominator");
            }
            return new Fraction(numerator, denominator);
        } catch (NumberFormatException e) {
            NumberFormatException named = new NumberFormatException("'" + text + "' is not a fraction such as 9, 9/4 or 2.25");
            named.initCause(e);
            throw named;
        }
    }

    /** {@code this + other}. */
    public Fraction plus(Fraction other) {
        return new Fraction(numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    /** {@code this - other}. */
    public Fraction minus(Fraction other) {
        return plus(other.negate());
    }

    /** {@code -this}. */
    public Fraction negate() {
        return new Fraction(numerator.negate(), denominator);
    }

    /** {@code this * other}. */
    public Fraction times(Fraction other) {
        return new Fraction(numerator.multiply(other.numerator), denominator.multiply(other.denominator));
    }

    /** {@code this * other}. */
    public Fraction times(long other) {
        return times(of(other));
    }

    /**
     * {@code this / other}.
     *
     * @throws ArithmeticException if {@code other} is zero
     */
    public Fraction dividedBy(Fraction other) {
        if (other.signum() == 0) {
            throw new ArithmeticException("division of " + this + " by zero");
        }
        return new Fraction(numerator.multiply(other.denominator), denominator.multiply(other.numerator));
    }

    /** {@code this / other}. */
    public Fraction dividedBy(long other) {
        return dividedBy(of(other));
    }

    /** {@code 1 / this}. */
    public Fraction reciprocal() {
        return ONE.dividedBy(this);
    }

    /** -1, 0 or 1. */
    public int signum() {
        return numerator.signum();
    }

    /** True for a whole number. */
    public boolean isWhole() {
        return denominator.equals(BigInteger.ONE);
    }

    /** The smallest whole number not below this. */
    public BigInteger ceiling() {
        BigInteger[] quotientAndRemainder = numerator.divideAndRemainder(denominator);
        // BigInteger division truncates toward zero: a positive remainder means the value lies above the quotient.
        return quotientAndRemainder[1].signum() > 0 ? quotientAndRemainder[0].add(BigInteger.ONE) : quotientAndRemainder[0];
    }

    /**
     * The smallest whole number not below this, as a long.
     *
     * @throws ArithmeticException naming the value if it does not fit a long
     */
    public long ceilingLong() {
        BigInteger ceiling = ceiling();
        if (ceiling.bitLength() >= Long.SIZE) {
            throw new ArithmeticException(ceiling + " does not fit a 64-bit count");
        }
        return ceiling.longValue();
    }

    /** The smaller of the two. */
    public Fraction min(Fraction other) {
        return compareTo(other) <= 0 ? this : other;
    }

    /** The larger of the two. */
    public Fraction max(Fraction other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /** The value rounded half up to {@code scale} decimal places. */
    public BigDecimal toDecimal(int scale) {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), scale, RoundingMode.HALF_UP);
    }

    /**
     * The value as people read it: at most two decimals, no trailing zeros ({@code 9}, {@code 2.25}, {@code 0.33});
     * a value below 0.01 that is not zero keeps two significant digits instead ({@code 0.001}, {@code 0.00033}), so that
     * a small rate does not read as 0.
     */
    public String toDisplay() {
        BigDecimal rounded = toDecimal(2);
        if (rounded.signum() == 0 && signum() != 0) {
            rounded = new BigDecimal(numerator).divide(new BigDecimal(denominator), new MathContext(2, RoundingMode.HALF_UP));
        }
        rounded = rounded.stripTrailingZeros();
        return (rounded.scale() < 0 ? rounded.setScale(0) : rounded).toPlainString();
    }

    @Override
    public int compareTo(Fraction other) {
        return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
    }

    /** {@code 9/4}, or {@code 9} for a whole number. */
    @Override
    public String toString() {
        return isWhole() ? numerator.toString() : numerator + "/" + denominator;
    }
}
