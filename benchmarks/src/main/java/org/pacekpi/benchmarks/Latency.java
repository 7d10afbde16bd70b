package org.pacekpi.benchmarks;

import java.util.Arrays;

/**
 * Latency percentiles of one series of timed calls, in milliseconds.
 *
 * @param samples the number of timed calls
 * @param p50     the median
 * @param p99     the 99th percentile (nearest rank)
 * @param max     the slowest call
 */
public record Latency(int samples, double p50, double p99, double max) {

    /** The percentiles of call durations given in nanoseconds. */
    public static Latency ofNanos(long[] nanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no timed calls");
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latency(sorted.length, millis(rank(sorted, 0.50)), millis(rank(sorted, 0.99)),
                millis(sorted[sorted.length - 1]));
    }

    private static long rank(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, index)];
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
