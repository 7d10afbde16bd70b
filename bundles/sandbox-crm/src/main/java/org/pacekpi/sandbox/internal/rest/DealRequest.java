package org.pacekpi.sandbox.internal.rest;

import java.math.BigDecimal;

/**
 * The body of {@code POST /crm/api/deals}.
 *
 * @param title     what is being sold (required)
 * @param contactId the main contact
 * @param accountId the client company (default: the contact's)
 * @param amount    the expected money
 * @param currency  ISO 4217 code (default EUR when there is an amount)
 * @param stage     the stage it starts in (default meeting)
 * @param ownerId   the owning manager (default: the signed-in user; only an admin may name someone else)
 */
public record DealRequest(String title, String contactId, String accountId, BigDecimal amount, String currency,
                          String stage, String ownerId) {
}
