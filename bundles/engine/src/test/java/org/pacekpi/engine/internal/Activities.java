package org.pacekpi.engine.internal;

import java.time.Duration;
import java.time.Instant;

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

    /** A connected outbound call of {@code actor} with an external contact: a touch. */
    static Activity.Builder connectedCall(String id, String actor) {
        return Activity.builder().id(id).sequence(1).occurredAt(NOON).actorId(actor).kind(ActivityKind.CALL)
                .channel(Channel.PHONE).direction(Direction.OUTBOUND).outcome(Outcome.CONNECTED)
                .duration(Duration.ofMinutes(3)).counterpart(Counterpart.contact("client-" + id));
    }

    /** An activity of the kind and outcome with one external contact. */
    static Activity.Builder activity(ActivityKind kind, Outcome outcome) {
        return connectedCall("a1", "ann").kind(kind).outcome(outcome);
    }
}
