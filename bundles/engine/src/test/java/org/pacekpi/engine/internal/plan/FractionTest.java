package org.pacekpi.engine.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;

import org.junit.jupiter.api.Test;

class FractionTest {

    @Test
    void keepsLowestTermsWithAPositiveDenominator() {
        assertThat(Fraction.of(6, -8)).isEqualTo(new Fraction(BigInteger.valueOf(-3), BigInteger.valueOf(4)));
        assertThat(Fraction.of(0, 5)).isEqualTo(Fraction.ZERO);
        assertThat(Fraction.of(14, 42)).isEqualTo(Fraction.of(1, 3));
        assertThatThrownBy(() -> Fraction.of(1, 0)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void dividesByAThirdWithoutDrift() {
        Fraction third = Fraction.of(1, 3);
        assertThat(Fraction.of(3).dividedBy(third)).isEqualTo(Fraction.of(9));
        assertThat(Fraction.of(9).dividedBy(4)).isEqualTo(Fraction.of(9, 4));
        assertThat(third.plus(third).plus(third)).isEqualTo(Fraction.ONE);
        assertThat(third.reciprocal()).isEqualTo(Fraction.of(3));
        assertThat(Fraction.ONE.minus(third).times(3)).isEqualTo(Fraction.of(2));
        assertThatThrownBy(() -> third.dividedBy(Fraction.ZERO)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void roundsUpTowardPositiveInfinity() {
        assertThat(Fraction.of(9, 4).ceiling()).isEqualTo(BigInteger.valueOf(3));
        assertThat(Fraction.of(8, 4).ceiling()).isEqualTo(BigInteger.valueOf(2));
        assertThat(Fraction.of(-9, 4).ceiling()).isEqualTo(BigInteger.valueOf(-2));
        assertThat(Fraction.of(1, 1_000_000).ceilingLong()).isEqualTo(1);
        assertThat(Fraction.ZERO.ceilingLong()).isZero();
        assertThatThrownBy(() -> new Fraction(BigInteger.TWO.pow(63), BigInteger.ONE).ceilingLong())
                .isInstanceOf(ArithmeticException.class).hasMessageContaining("9223372036854775808");
        assertThat(new Fraction(BigInteger.TWO.pow(63).subtract(BigInteger.ONE), BigInteger.ONE).ceilingLong()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void readsDecimalsExactly() {
        assertThat(Fraction.of(new BigDecimal("0.25"))).isEqualTo(Fraction.of(1, 4));
        assertThat(Fraction.of(new BigDecimal("1E+6"))).isEqualTo(Fraction.of(1_000_000));
        assertThat(Fraction.of(new BigDecimal("300000.00"))).isEqualTo(Fraction.of(300_000));
    }

    @Test
    void displaysAtMostTwoDecimals() {
        assertThat(Fraction.of(9).toDisplay()).isEqualTo("9");
        assertThat(Fraction.of(9, 4).toDisplay()).isEqualTo("2.25");
        assertThat(Fraction.of(1, 3).toDisplay()).isEqualTo("0.33");
        assertThat(Fraction.of(2, 3).toDisplay()).isEqualTo("0.67");
        assertThat(Fraction.of(21, 5).toDisplay()).isEqualTo("4.2");
        assertThat(Fraction.of(100).toDisplay()).isEqualTo("100");
        assertThat(Fraction.of(1, 1000).toDisplay()).isEqualTo("0.001");
        assertThat(Fraction.of(1, 3000).toDisplay()).isEqualTo("0.00033");
        assertThat(Fraction.of(-1, 3).toDisplay()).isEqualTo("-0.33");
        assertThat(Fraction.ZERO.toDisplay()).isEqualTo("0");
        assertThat(Fraction.of(9, 4).toString()).isEqualTo("9/4");
    }

    @Test
    void comparesByValue() {
        assertThat(Fraction.of(1, 3)).isLessThan(Fraction.of(34, 100));
        assertThat(Fraction.of(2, 6).compareTo(Fraction.of(1, 3))).isZero();
        assertThat(Fraction.of(1, 3).max(Fraction.of(1, 2))).isEqualTo(Fraction.of(1, 2));
        assertThat(Fraction.of(1, 3).min(Fraction.of(1, 2))).isEqualTo(Fraction.of(1, 3));
    }

    @Test
    void readsItsOwnTextBack() {
        for (Fraction value : new Fraction[] {Fraction.ZERO, Fraction.of(9), Fraction.of(9, 4), Fraction.of(-1, 3),
                new Fraction(BigInteger.TWO.pow(70), BigInteger.valueOf(3))}) {
            assertThat(Fraction.parse(value.toString())).isEqualTo(value);
        }
        assertThat(Fraction.parse(" 6/8 ")).isEqualTo(Fraction.of(3, 4));
        assertThat(Fraction.parse("2.25")).isEqualTo(Fraction.of(9, 4));
        for (String bad : new String[] {"", "1/0", "1/-3", "1/+3", "a/3", "1/3/4", "one", "1 / 3"}) {
            assertThatThrownBy(() -> Fraction.parse(bad)).as(bad).isInstanceOf(NumberFormatException.class)
                    .hasMessage("'" + bad + "' is not a fraction such as 9, 9/4 or 2.25");
        }
        assertThatThrownBy(() -> Fraction.parse(null)).isInstanceOf(NumberFormatException.class);
    }
}
