package org.pacekpi.host.activity;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One activity as the host CRM records it: an interaction with a contact, a deal event or a contact creation.
 * Immutable; a correction is a new record with the same {@link #id()} and a higher {@link #sequence()}.
 *
 * <p>The fields map onto W3C Activity Streams 2.0 so that an AS2 document can describe any activity:
 * {@code actorId} is {@code actor}, {@code kind} is {@code type}, the counterparts are the {@code object}
 * (or the attendees), the deal is the {@code target}, {@code occurredAt} is {@code published}/{@code startTime},
 * {@code duration} is {@code duration}, and {@code automated} marks an {@code Application} actor acting on the
 * manager's behalf.
 *
 * @param id           stable id of the activity in the host, never reused
 * @param sequence     monotonic sequence number of this change; the history cursor (positive)
 * @param occurredAt   when the activity happened (not when it was logged)
 * @param actorId      the user (normally a sales manager) credited with the activity
 * @param kind         what happened
 * @param channel      the channel used ({@link Channel#NONE} for deal and contact events)
 * @param direction    who started it ({@link Direction#NONE} when that does not apply)
 * @param outcome      how it ended: connected, no answer, held, not held... ({@link Outcome#NONE} if not known)
 * @param duration     how long a call or meeting lasted, or null if unknown
 * @param counterparts who the actor interacted with (callee, recipients, attendees); empty for deal events
 * @param dealId       the deal the activity belongs to, or null
 * @param stage        for a stage change: the host's id of the stage the deal entered; otherwise the deal's stage or null
 * @param amount       for a won deal: the money; otherwise the deal amount if known, or null
 * @param currency     ISO 4217 code of {@code amount}, or null
 * @param automated    true when a robot, sequence or integration created the activity rather than a person
 */
public record Activity(
        String id,
        long sequence,
        Instant occurredAt,
        String actorId,
        ActivityKind kind,
        Channel channel,
        Direction direction,
        Outcome outcome,
        Duration duration,
        List<Counterpart> counterparts,
        String dealId,
        String stage,
        BigDecimal amount,
        String currency,
        boolean automated) {

    /** Checks the invariants every host must respect; the message names the field that is wrong. */
    public Activity {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("activity id is required");
        }
        if (sequence <= 0) {
            throw new IllegalArgumentException("activity " + id + ": sequence must be positive, was " + sequence);
        }
        Objects.requireNonNull(occurredAt, () -> "activity " + id + ": occurredAt is required");
        if (actorId == null || actorId.isBlank()) {
            throw new IllegalArgumentException("activity " + id + ": actorId is required");
        }
        Objects.requireNonNull(kind, () -> "activity " + id + ": kind is required");
        channel = channel == null ? Channel.NONE : channel;
        direction = direction == null ? Direction.NONE : direction;
        outcome = outcome == null ? Outcome.NONE : outcome;
        if (duration != null && duration.isNegative()) {
            throw new IllegalArgumentException("activity " + id + ": duration must not be negative, was " + duration);
        }
        counterparts = counterparts == null ? List.of() : List.copyOf(counterparts);
        if (currency != null && !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("activity " + id + ": currency must be an ISO 4217 code such as EUR, was '" + currency + "'");
        }
    }

    /** The first counterpart, or null when there is none. */
    public Counterpart primaryCounterpart() {
        return counterparts.isEmpty() ? null : counterparts.get(0);
    }

    /** A builder, handy for hosts and tests. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with this activity's fields, to make a corrected copy. */
    public Builder toBuilder() {
        return new Builder().id(id).sequence(sequence).occurredAt(occurredAt).actorId(actorId).kind(kind)
                .channel(channel).direction(direction).outcome(outcome).duration(duration).counterparts(counterparts)
                .dealId(dealId).stage(stage).amount(amount).currency(currency).automated(automated);
    }

    /** Builds an {@link Activity}; {@link #build()} checks the invariants. */
    public static final class Builder {
        private String id;
        private long sequence;
        private Instant occurredAt;
        private String actorId;
        private ActivityKind kind;
        private Channel channel = Channel.NONE;
        private Direction direction = Direction.NONE;
        private Outcome outcome = Outcome.NONE;
        private Duration duration;
        private List<Counterpart> counterparts = List.of();
        private String dealId;
        private String stage;
        private BigDecimal amount;
        private String currency;
        private boolean automated;

        private Builder() {
        }

        /** @see Activity#id() */
        public Builder id(String value) { this.id = value; return this; }
        /** @see Activity#sequence() */
        public Builder sequence(long value) { this.sequence = value; return this; }
        /** @see Activity#occurredAt() */
        public Builder occurredAt(Instant value) { this.occurredAt = value; return this; }
        /** @see Activity#actorId() */
        public Builder actorId(String value) { this.actorId = value; return this; }
        /** @see Activity#kind() */
        public Builder kind(ActivityKind value) { this.kind = value; return this; }
        /** @see Activity#channel() */
        public Builder channel(Channel value) { this.channel = value; return this; }
        /** @see Activity#direction() */
        public Builder direction(Direction value) { this.direction = value; return this; }
        /** @see Activity#outcome() */
        public Builder outcome(Outcome value) { this.outcome = value; return this; }
        /** @see Activity#duration() */
        public Builder duration(Duration value) { this.duration = value; return this; }
        /** @see Activity#counterparts() */
        public Builder counterparts(List<Counterpart> value) { this.counterparts = value; return this; }
        /** Sets a single counterpart. */
        public Builder counterpart(Counterpart value) { this.counterparts = value == null ? List.of() : List.of(value); return this; }
        /** @see Activity#dealId() */
        public Builder dealId(String value) { this.dealId = value; return this; }
        /** @see Activity#stage() */
        public Builder stage(String value) { this.stage = value; return this; }
        /** @see Activity#amount() */
        public Builder amount(BigDecimal value) { this.amount = value; return this; }
        /** @see Activity#currency() */
        public Builder currency(String value) { this.currency = value; return this; }
        /** @see Activity#automated() */
        public Builder automated(boolean value) { this.automated = value; return this; }

        /** The activity; throws {@link IllegalArgumentException} or {@link NullPointerException} naming a wrong field. */
        public Activity build() {
            return new Activity(id, sequence, occurredAt, actorId, kind, channel, direction, outcome, duration,
                    counterparts, dealId, stage, amount, currency, automated);
        }
    }
}
