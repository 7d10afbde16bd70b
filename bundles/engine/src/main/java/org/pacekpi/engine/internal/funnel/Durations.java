package org.pacekpi.engine.internal.funnel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The statistics of stage times. The median is the middle value, or the mean of the two middle values of an even
 * sample; a percentile is by nearest rank: the p-th percentile of n sorted values is the value at rank
 * ceil(p/100 &times; n) (1-based), always one of the sample's own values, so the 80th percentile of 5 times is the
 * 4th shortest and of 1 time that time.
 */
public final class Durations {

    private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);

    private Durations() {
    }

    /** The median; empty for no values. */
    public static Optional<Duration> median(Collection<Duration> values) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<Duration> sorted = sorted(values);
        int n = sorted.size();
        if (n % 2 == 1) {
            return Optional.of(sorted.get(n / 2));
        }
        return Optional.of(sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2));
    }

    /**
     * The nearest-rank percentile.
     *
     * @param percent 1 to 100
     * @return empty for no values
     */
    public static Optional<Duration> percentile(Collection<Duration> values, int percent) {
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("percent must be 1 to 100, was " + percent);
        }
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<Duration> sorted = sorted(values);
        // ceil(percent * n / 100) in integers, so that 80% of 5 is exactly rank 4.
        int rank = (percent * sorted.size() + 99) / 100;
        return Optional.of(sorted.get(rank - 1));
    }

    /** The duration in days, rounded half up to two decimals. */
    public static BigDecimal days(Duration duration) {
        BigDecimal seconds = BigDecimal.valueOf(duration.getSeconds()).add(BigDecimal.valueOf(duration.getNano(), 9));
        return seconds.divide(SECONDS_PER_DAY, 2, RoundingMode.HALF_UP);
    }

    private static List<Duration> sorted(Collection<Duration> values) {
        List<Duration> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted;
    }
}
