package org.pacekpi.sandbox.internal.activity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

import org.pacekpi.host.activity.Activity;
import org.pacekpi.host.activity.ActivityKind;
import org.pacekpi.host.activity.Channel;
import org.pacekpi.host.activity.Counterpart;
import org.pacekpi.host.activity.Direction;
import org.pacekpi.host.activity.Outcome;

/**
 * An activity's state before the log gives it an id and a sequence number. The values are brought to what the
 * database stores (milliseconds, whole seconds, two decimals), so the activity published on the stream equals the
 * one read back from the history.
 *
 * @param occurredAt   when it happened
 * @param actorId      the user credited with it
 * @param kind         what happened
 * @param channel      the channel
 * @param direction    who started it
 * @param outcome      how it ended
 * @param duration     how long it lasted, or null
 * @param counterparts who it was with
 * @param dealId       the deal, or null
 * @param stage        the deal stage, or null
 * @param amount       the money, or null
 * @param currency     ISO 4217 code of the money, or null
 * @param automated    true when created by automation
 */
public record ActivityDraft(Instant occurredAt, String actorId, ActivityKind kind, Channel channel,
                            Direction direction, Outcome outcome, Duration duration, List<Counterpart> counterparts,
                            String dealId, String stage, BigDecimal amount, String currency, boolean automated) {

    /** Normalizes the values to the stored precision; rejects amounts with more than two decimals. */
    public ActivityDraft {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(kind, "kind");
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MILLIS);
        channel = channel == null ? Channel.NONE : channel;
        direction = direction == null ? Direction.NONE : direction;
        outcome = outcome == null ? Outcome.NONE : outcome;
        duration = duration == null ? null : duration.truncatedTo(ChronoUnit.SECONDS);
        counterparts = counterparts == null ? List.of() : List.copyOf(counterparts);
        if (amount != null) {
            try {
                amount = amount.setScale(2, RoundingMode.UNNECESSARY);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("amount " + amount.toPlainString() + " has more than 2 decimals", e);
            }
        }
    }

    /** The activity with its id and sequence; throws {@link IllegalArgumentException} if an invariant is broken. */
    public Activity toActivity(String id, long sequence) {
        return new Activity(id, sequence, occurredAt, actorId, kind, channel, direction, outcome, duration,
                counterparts, dealId, stage, amount, currency, automated);
    }

    /** The draft of an existing activity, e.g. to change one field of it. */
    public static ActivityDraft of(Activity activity) {
        return new ActivityDraft(activity.occurredAt(), activity.actorId(), activity.kind(), activity.channel(),
                activity.direction(), activity.outcome(), activity.duration(), activity.counterparts(),
                activity.dealId(), activity.stage(), activity.amount(), activity.currency(), activity.automated());
    }

    /** This draft with another outcome and duration (a corrected call). */
    public ActivityDraft withOutcome(Outcome newOutcome, Duration newDuration) {
        return new ActivityDraft(occurredAt, actorId, kind, channel, direction, newOutcome, newDuration, counterparts,
                dealId, stage, amount, currency, automated);
    }
}
