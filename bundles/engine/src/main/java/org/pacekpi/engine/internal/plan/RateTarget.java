package org.pacekpi.engine.internal.plan;

/**
 * A count per week or per working day: the exact rate, shown beside the target it is rounded up to.
 *
 * @param exact       the exact rate, e.g. 9/4 proposals a week
 * @param target      the rate rounded up, e.g. 3 a week
 * @param explanation the division, e.g. {@code 2.25 proposals a week: 9 proposals over 4 weeks, so 3 a week}
 */
public record RateTarget(Fraction exact, long target, Explanation explanation) {
}
