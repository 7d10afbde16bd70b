package org.pacekpi.sandbox.internal.activity;

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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON form of an activity kept in each history row. A private, explicit shape (strings for instants and
 * durations, a plain number for the amount) rather than the host-api record itself, so that the stored history
 * does not change when the record gains a convenience method.
 */
public final class ActivityCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private ActivityCodec() {
    }

    /** The activity as JSON. */
    public static String toJson(Activity activity) {
        List<CounterpartState> counterparts = activity.counterparts().stream()
                .map(c -> new CounterpartState(c.contactId(), c.accountId(), c.email(), c.phone(), c.name()))
                .toList();
        State state = new State(activity.id(), activity.sequence(), activity.occurredAt().toString(),
                activity.actorId(), activity.kind().name(), activity.channel().name(), activity.direction().name(),
                activity.outcome().name(), activity.duration() == null ? null : activity.duration().toString(),
                counterparts, activity.dealId(), activity.stage(), activity.amount(), activity.currency(),
                activity.automated());
        try {
            return MAPPER.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write activity " + activity.id() + " as JSON", e);
        }
    }

    /** The activity from its JSON. */
    public static Activity fromJson(String json) {
        State state;
        try {
            state = MAPPER.readValue(json, State.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored activity is not valid JSON: " + e.getOriginalMessage(), e);
        }
        List<Counterpart> counterparts = state.counterparts() == null ? List.of() : state.counterparts().stream()
                .map(c -> new Counterpart(c.contactId(), c.accountId(), c.email(), c.phone(), c.name()))
                .toList();
        return new Activity(state.id(), state.sequence(), Instant.parse(state.occurredAt()), state.actorId(),
                ActivityKind.valueOf(state.kind()), Channel.valueOf(state.channel()),
                Direction.valueOf(state.direction()), Outcome.valueOf(state.outcome()),
                state.duration() == null ? null : Duration.parse(state.duration()), counterparts, state.dealId(),
                state.stage(), state.amount(), state.currency(), state.automated());
    }

    /** The stored shape of an activity. */
    record State(String id, long sequence, String occurredAt, String actorId, String kind, String channel,
                 String direction, String outcome, String duration, List<CounterpartState> counterparts,
                 String dealId, String stage, BigDecimal amount, String currency, boolean automated) {
    }

    /** The stored shape of a counterpart. */
    record CounterpartState(String contactId, String accountId, String email, String phone, String name) {
    }
}
