package org.pacekpi.engine.internal.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import org.junit.jupiter.api.Test;
import org.pacekpi.engine.internal.plan.Fraction;

/** A pinned decimal is read as the simple ratio it rounds from, and otherwise exactly. */
class PinnedRateReadingTest {

    private static Fraction read(String written) {
        return PinnedRateReading.read(written);
    }

    @Test
    void aFractionIsReadExactly() {
        assertThat(read("1/3")).isEqualTo(Fraction.of(1, 3));
        assertThat(read(" 2/6 ")).isEqualTo(Fraction.of(1, 3));
        assertThat(read("5/12")).isEqualTo(Fraction.of(5, 12));
        assertThat(read("1")).isEqualTo(Fraction.ONE);
    }

    @Test
    void ratiosThatDecimalsCannotHoldAreRecognised() {
        assertThat(read("0.3333")).isEqualTo(Fraction.of(1, 3));
        assertThat(read("0.333")).isEqualTo(Fraction.of(1, 3));
        assertThat(read("0.667")).isEqualTo(Fraction.of(2, 3));
        assertThat(read("0.0833")).isEqualTo(Fraction.of(1, 12));
        assertThat(read("0.143")).isEqualTo(Fraction.of(1, 7));
        assertThat(read("0.125")).isEqualTo(Fraction.of(1, 8));
        assertThat(read("1.000")).isEqualTo(Fraction.ONE);
    }

    @Test
    void everythingElseIsReadAsWritten() {
        assertThat(read("0.3")).isEqualTo(Fraction.of(3, 10));
        assertThat(read("0.33")).isEqualTo(Fraction.of(33, 100));
        assertThat(read("0.5")).isEqualTo(Fraction.of(1, 2));
        assertThat(read("0.3330")).isEqualTo(Fraction.of(333, 1000));
        assertThat(read("0.142")).isEqualTo(Fraction.of(142, 1000));
        assertThat(read("0.123")).isEqualTo(Fraction.of(123, 1000));
        assertThat(read("0.001")).isEqualTo(Fraction.of(1, 1000));
    }

    @Property
    void aSmallRatioWrittenToThreeOrMoreDecimalsReadsBack(@ForAll @IntRange(min = 1, max = 12) int denominator,
                                                         @ForAll @IntRange(min = 1, max = 12) int numerator,
                                                         @ForAll @IntRange(min = 3, max = 8) int decimals) {
        Fraction ratio = Fraction.of(Math.min(numerator, denominator), denominator);
        BigDecimal written = ratio.toDecimal(decimals);

        assertThat(PinnedRateReading.read(written)).isEqualTo(ratio);
    }

    @Property
    void theReadingRoundsToWhatWasWritten(@ForAll @IntRange(min = 1, max = 100_000) int tenThousandths,
                                          @ForAll @IntRange(min = 0, max = 4) int dropped) {
        BigDecimal written = BigDecimal.valueOf(tenThousandths, 5).setScale(5 - dropped, RoundingMode.HALF_UP);
        if (written.signum() == 0) {
            return;
        }
        Fraction read = PinnedRateReading.read(written);

        assertThat(read.toDecimal(written.scale())).isEqualByComparingTo(written);
        if (written.scale() < 3) {
            assertThat(read).isEqualTo(Fraction.of(written));
        }
    }
}
