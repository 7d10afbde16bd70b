package org.pacekpi.engine.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.pacekpi.host.activity.Activity;
import org.pacekpi.host.activity.ActivityKind;
import org.pacekpi.host.activity.Channel;
import org.pacekpi.host.activity.Counterpart;
import org.pacekpi.host.activity.Direction;
import org.pacekpi.host.activity.Outcome;

/** Activity builders for tests; the host (or {@link InMemoryHistory}) sets the sequence. */
final class Activities {

    static final Instant NOON = Instant.parse("2026-11-25T12:00:00Z");

    private Activities() {
    }

    /** A connected outbound call of {@code actor} with an external contact of its own: a touch. */
    static Activity.Builder connectedCall(String id, String actor) {
        return call(id, actor, "client-" + id);
    }

    /** A connected three-minute call of {@code actor} with the contact, at noon UTC on 2026-11-25. */
    static Activity.Builder call(String id, String actor, String contactId) {
        return Activity.builder().id(id).sequence(1).occurredAt(NOON).actorId(actor).kind(ActivityKind.CALL)
                .channel(Channel.PHONE).direction(Direction.OUTBOUND).outcome(Outcome.CONNECTED)
                .duration(Duration.ofMinutes(3)).counterpart(Counterpart.contact(contactId));
    }

    /** A sent e-mail of {@code actor} to the contact. */
    static Activity.Builder email(String id, String actor, String contactId) {
        return call(id, actor, contactId).kind(ActivityKind.EMAIL).channel(Channel.EMAIL).outcome(Outcome.SENT)
                .duration(null);
    }

    /** A held in-person meeting of {@code actor} with the attendees. */
    static Activity.Builder meeting(String id, String actor, Counterpart... attendees) {
        return call(id, actor, "unused").kind(ActivityKind.MEETING).channel(Channel.IN_PERSON).outcome(Outcome.HELD)
                .duration(Duration.ofHours(1)).counterparts(List.of(attendees));
    }

    /** A deal event of {@code actor} without counterparts. */
    static Activity.Builder dealEvent(String id, String actor, ActivityKind kind) {
        return Activity.builder().id(id).sequence(1).occurredAt(NOON).actorId(actor).kind(kind).dealId("deal-" + id);
    }

    /** A won deal of {@code amount} in {@code currency}. */
    static Activity.Builder dealWon(String id, String actor, String amount, String currency) {
        return dealEvent(id, actor, ActivityKind.DEAL_WON).amount(new BigDecimal(amount)).currency(currency);
    }

    /** An activity of the kind and outcome with one external contact. */
    static Activity.Builder activity(ActivityKind kind, Outcome outcome) {
        return connectedCall("a1", "ann").kind(kind).outcome(outcome);
    }
}
