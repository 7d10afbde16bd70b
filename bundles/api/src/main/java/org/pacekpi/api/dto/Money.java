package org.pacekpi.api.dto;

import java.math.BigDecimal;

/**
 * An amount of money.
 *
 * @param currency ISO 4217 code
 * @param amount   the amount in the currency's major unit
 */
public record Money(String currency, BigDecimal amount) {
}
