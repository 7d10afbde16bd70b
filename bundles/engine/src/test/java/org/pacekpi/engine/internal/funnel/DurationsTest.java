package org.pacekpi.engine.internal.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pacekpi.api.targets.Exact;
import org.pacekpi.engine.internal.plan.Fraction;

/** Median, nearest-rank percentile, days; and exact values both ways. */
class DurationsTest {

    private static List<Duration> days(long... values) {
        return java.util.Arrays.stream(values).mapToObj(Duration::ofDays).toList();
    }

    @Test
    void theMedianIsTheMiddleOrTheMeanOfTheTwoMiddles() {
        assertThat(Durations.median(days(9, 1, 5))).contains(Duration.ofDays(5));
        assertThat(Durations.median(days(1, 2, 3, 10))).contains(Duration.ofHours(60));
        assertThat(Durations.median(days(4))).contains(Duration.ofDays(4));
        assertThat(Durations.median(List.of())).isEmpty();
    }

    @Test
    void thePercentileIsByNearestRank() {
        // rank = ceil(0.8 n): 1 of 1, 4 of 5, 8 of 10, 3 of 3, 2 of 2.
        assertThat(Durations.percentile(days(7), 80)).contains(Duration.ofDays(7));
        assertThat(Durations.percentile(days(5, 4, 3, 2, 1), 80)).contains(Duration.ofDays(4));
        assertThat(Durations.percentile(days(10, 9, 8, 7, 6, 5, 4, 3, 2, 1), 80)).contains(Duration.ofDays(8));
        assertThat(Durations.percentile(days(16, 3, 7), 80)).contains(Duration.ofDays(16));
        assertThat(Durations.percentile(days(1, 2), 80)).contains(Duration.ofDays(2));
        assertThat(Durations.percentile(days(1, 2), 50)).contains(Duration.ofDays(1));
        assertThat(Durations.percentile(days(1, 2, 3), 100)).contains(Duration.ofDays(3));
        assertThat(Durations.percentile(List.of(), 80)).isEmpty();
        assertThatThrownBy(() -> Durations.percentile(days(1), 0)).hasMessage("percent must be 1 to 100, was 0");
    }

    @Test
    void daysAreRoundedHalfUpToTwoDecimals() {
        assertThat(Durations.days(Duration.ofDays(3))).isEqualTo(new BigDecimal("3.00"));
        assertThat(Durations.days(Duration.ofHours(36))).isEqualTo(new BigDecimal("1.50"));
        // 1 hour is 0.041666... days.
        assertThat(Durations.days(Duration.ofHours(1))).isEqualTo(new BigDecimal("0.04"));
        // 0.005 days (432 s) rounds up.
        assertThat(Durations.days(Duration.ofSeconds(432))).isEqualTo(new BigDecimal("0.01"));
    }

    @Test
    void exactValuesConvertBothWays() {
        assertThat(Exacts.of(Fraction.of(9, 4))).isEqualTo(new Exact("9/4", new BigDecimal("2.2500")));
        assertThat(Exacts.of(Fraction.of(2, 3))).isEqualTo(new Exact("2/3", new BigDecimal("0.6667")));
        assertThat(Exacts.of(Fraction.of(3))).isEqualTo(new Exact("3", new BigDecimal("3.0000")));
        assertThat(Exacts.of(null)).isNull();
        assertThat(Exacts.fraction(new Exact("18/35", null))).isEqualTo(Fraction.of(18, 35));
        assertThat(Exacts.fraction(new Exact("4", null))).isEqualTo(Fraction.of(4));
        assertThat(Exacts.fraction(null)).isNull();
        assertThatThrownBy(() -> Exacts.fraction(new Exact("0.25", null)))
                .hasMessage("'0.25' is not a fraction n or n/d");
        assertThatThrownBy(() -> Exacts.fraction(new Exact("1/0", null)))
                .hasMessage("'1/0' is not a fraction n or n/d");
    }
}
