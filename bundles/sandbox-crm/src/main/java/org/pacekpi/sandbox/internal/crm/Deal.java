package org.pacekpi.sandbox.internal.crm;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A deal in the pipeline.
 *
 * @param id        stable id
 * @param title     what is being sold
 * @param ownerId   the manager who owns it
 * @param accountId the client company, or null
 * @param contactId the main contact, or null
 * @param stage     the current stage, one of {@link DealStages#STAGES}
 * @param amount    expected (or, once won, paid) amount, or null
 * @param currency  ISO 4217 code of the amount, or null
 * @param status    open, won or lost
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record Deal(String id, String title, String ownerId, String accountId, String contactId, String stage,
                   BigDecimal amount, String currency, DealStatus status, Instant createdAt, Instant updatedAt) {

    /** Whether a deal is still in play. */
    public enum DealStatus {
        /** In the pipeline. */
        OPEN,
        /** Paid. */
        WON,
        /** Dropped. */
        LOST
    }

    /** This deal in another stage and status. */
    public Deal moved(String newStage, DealStatus newStatus, Instant at) {
        return new Deal(id, title, ownerId, accountId, contactId, newStage, amount, currency, newStatus, createdAt, at);
    }
}
