package org.pacekpi.api.targets;

import java.math.BigDecimal;

/**
 * How long deals take from one stage to another, over the deals that made the move.
 *
 * @param from          the stage entered first
 * @param to            the stage entered later (the next one, or paid)
 * @param sampleSize    the deals that made the move
 * @param medianDays    median days from entering {@code from} to entering {@code to}; null with no sample
 * @param p80Days       80th percentile, in days; null with no sample
 */
public record StageTiming(String from, String to, long sampleSize, BigDecimal medianDays, BigDecimal p80Days) {
}
