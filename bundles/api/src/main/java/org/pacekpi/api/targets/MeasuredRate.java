package org.pacekpi.api.targets;

/**
 * A conversion rate as measured, and as used after shrinkage toward the team.
 *
 * @param from         the step it converts from
 * @param to           the step it converts to (the next one, or paid)
 * @param successes    how many of the sample reached {@code to}
 * @param sampleSize   the sample it was measured on (deals or activities of {@code from}); 0 when nothing was seen
 * @param tooYoung     deals left out of the sample as still open and too young to judge (cohort method), else 0
 * @param raw          successes / sampleSize; null when the sample is empty
 * @param teamRate     the team's raw rate this one is shrunk toward; null for a team's own rate or an empty team
 * @param rate         the rate used: raw shrunk toward the team by the sample size, capped at 1; null when nothing
 *                     is known (no sample and no team rate)
 * @param explanation  how {@code rate} was computed, e.g. "12 of 40 proposals were paid (0.3); shrunk toward the
 *                     team's 0.25 with weight 40/(40+10): 0.29"
 */
public record MeasuredRate(String from, String to, long successes, long sampleSize, long tooYoung, Exact raw,
                           Exact teamRate, Exact rate, String explanation) {
}
