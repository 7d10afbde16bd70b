package org.pacekpi.api.targets;

import java.math.BigDecimal;

/**
 * An exact number as a fraction, with its decimal value for display: 9/4 is {@code {"fraction":"9/4",
 * "decimal":2.25}}.
 *
 * @param fraction the exact value in lowest terms, {@code n} or {@code n/d}
 * @param decimal  the value rounded half-up to 4 decimals
 */
public record Exact(String fraction, BigDecimal decimal) {
}
