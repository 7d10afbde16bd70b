package org.pacekpi.api.store;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A logged deal event (a stage change, a win or a loss) as the funnel reads it: host vocabulary, not yet mapped onto
 * Pace's stages.
 *
 * @param activityId the activity's id
 * @param dealId     the deal
 * @param managerId  who made the change (the activity's actor)
 * @param kind       the host activity kind: {@code DEAL_STAGE_CHANGED}, {@code DEAL_WON} or {@code DEAL_LOST}
 * @param stage      the host's stage id the deal entered; may be null for a win or a loss
 * @param occurredAt when
 * @param amount     the deal's amount, if the host gave one
 * @param currency   its currency (ISO 4217), if an amount is given
 */
public record DealEvent(String activityId, String dealId, String managerId, String kind, String stage,
                        Instant occurredAt, BigDecimal amount, String currency) {
}
