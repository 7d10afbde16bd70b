package org.pacekpi.api.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An activity as Pace keeps it in its activity log: the host's record, flattened to plain values so the store needs
 * no host types. Enum-valued fields hold the host enum's name (e.g. {@code CALL}, {@code CONNECTED}).
 *
 * @param id              the host's activity id
 * @param sequence        the sequence number of the change this state comes from
 * @param deleted         true when the host deleted the activity (the row stays as a tombstone)
 * @param occurredAt      when it happened
 * @param actorId         the credited user
 * @param kind            the activity kind
 * @param channel         the channel
 * @param direction       the direction
 * @param outcome         the outcome
 * @param durationSeconds duration in seconds, or null
 * @param counterparts    the counterparts, in the host's order
 * @param dealId          the deal, or null
 * @param stage           the stage, or null
 * @param amount          the amount, or null
 * @param currency        the currency, or null
 * @param automated       created by automation
 */
public record LoggedActivity(String id, long sequence, boolean deleted, Instant occurredAt, String actorId,
                             String kind, String channel, String direction, String outcome, Long durationSeconds,
                             List<LoggedCounterpart> counterparts, String dealId, String stage, BigDecimal amount,
                             String currency, boolean automated) {

    /** Checks the required fields and copies the list. */
    public LoggedActivity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(kind, "kind");
        counterparts = counterparts == null ? List.of() : List.copyOf(counterparts);
    }

    /**
     * One counterpart of a logged activity.
     *
     * @param contactId contact id or null
     * @param accountId account id or null
     * @param email     e-mail or null
     * @param phone     phone or null
     * @param internal  true when the host's directory said this counterpart is a colleague, when it was ingested
     */
    public record LoggedCounterpart(String contactId, String accountId, String email, String phone, boolean internal) {
    }
}
