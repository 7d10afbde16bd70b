package org.pacekpi.engine.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.OptionalLong;

import org.pacekpi.api.dto.Money;

/**
 * Revenue is aggregated as whole minor units (cents) so that sums are exact longs in the store; these convert
 * amounts both ways with the currency's default fraction digits ({@link Currency}: 2 for EUR, 0 for JPY, 3 for KWD).
 */
public final class CurrencyUnits {

    /** Used for a code that {@link Currency} does not know: the most common number of fraction digits. */
    static final int UNKNOWN_CURRENCY_DIGITS = 2;

    private CurrencyUnits() {
    }

    /** The currency's default fraction digits; 0 for pseudo-currencies, 2 for codes the JDK does not know. */
    public static int fractionDigits(String currency) {
        try {
            return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            // Not an error to stop counting for: the host validated the code's form; the JDK may just be older.
            return UNKNOWN_CURRENCY_DIGITS;
        }
    }

    /** The amount in minor units, rounded half up; empty if it does not fit a long. */
    public static OptionalLong toMinorUnits(BigDecimal amount, String currency) {
        BigDecimal minor = amount.movePointRight(fractionDigits(currency)).setScale(0, RoundingMode.HALF_UP);
        try {
            return OptionalLong.of(minor.longValueExact());
        } catch (ArithmeticException e) {
            return OptionalLong.empty();
        }
    }

    /** Minor units back as money in the major unit, e.g. 123456 EUR cents as 1234.56 EUR. */
    public static Money toMoney(String currency, long minorUnits) {
        return new Money(currency, BigDecimal.valueOf(minorUnits, fractionDigits(currency)));
    }
}
