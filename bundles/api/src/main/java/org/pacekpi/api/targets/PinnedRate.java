package org.pacekpi.api.targets;

import java.math.BigDecimal;

/**
 * A conversion rate an admin fixes instead of the measured one.
 *
 * @param from the step it converts from
 * @param to   the next step
 * @param rate the share of {@code from} that reaches {@code to}, above 0 and at most 1
 */
public record PinnedRate(String from, String to, BigDecimal rate) {
}
