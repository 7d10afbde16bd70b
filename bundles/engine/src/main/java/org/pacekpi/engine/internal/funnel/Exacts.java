package org.pacekpi.engine.internal.funnel;


import org.pacekpi.api.targets.Exact;
import org.pacekpi.engine.internal.plan.Fraction;

/** Converts between the engine's {@link Fraction} and the API's {@link Exact}, both ways without loss. */
public final class Exacts {

    /** The decimals {@link Exact#decimal()} is rounded to. */
    public static final int DECIMALS = 4;

    private Exacts() {
    }

    /** The exact value; null for null. */
    public static Exact of(Fraction value) {
        return value == null ? null : new Exact(value.toString(), value.toDecimal(DECIMALS));
    }

    /**
     * The fraction an {@link Exact} states ({@code n} or {@code n/d}); null for null.
     *
     * @throws IllegalArgumentException if its fraction is not of that form
     */
    public static Fraction fraction(Exact value) {
        if (value == null) {
            return null;
        }
        String text = value.fraction();
        if (text == null) {
            throw new IllegalArgumentException("an exact value needs its fraction, was null");
        }
        // Fraction.parse also reads decimals; an Exact's fraction is never one
        if (text.indexOf('.') >= 0) {
            throw new IllegalArgumentException("'" + text + "' is not a fraction n or n/d");
        }
        try {
            return Fraction.parse(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a fraction n or n/d", e);
        }
    }
}
