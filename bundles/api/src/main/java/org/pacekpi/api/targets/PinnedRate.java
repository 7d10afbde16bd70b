package org.pacekpi.api.targets;

/**
 * A conversion rate an admin fixes instead of the measured one.
 *
 * @param from the step it converts from
 * @param to   the next step
 * @param rate the share of {@code from} that reaches {@code to}, above 0 and at most 1: a fraction such as
 *             {@code 1/3} ("1 paid deal per 3 proposals", exact), or a decimal such as {@code 0.25} (a decimal with 3
 *             or more places that rounds a fraction with a denominator up to 12, such as {@code 0.333}, is read as
 *             that fraction; the derivation says so)
 */
public record PinnedRate(String from, String to, String rate) {
}
