package org.pacekpi.store.jdbc.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import org.pacekpi.api.store.Contribution;
import org.pacekpi.api.store.CountedActivity;
import org.pacekpi.api.store.CountingState;
import org.pacekpi.api.store.LoggedActivity;
import org.pacekpi.api.store.LoggedActivity.LoggedCounterpart;

/** Test data: activities with counting states as the engine would hand them to the store. */
final class Activities {

    static final String TOUCHES = "touches";
    static final String MEETINGS = "meetingsHeld";
    static final String REVENUE = "revenue:EUR";
    /** A Monday, so day arithmetic in tests reads like a week. */
    static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    private Activities() {
    }

    /** A connected call by {@code actor} at 09:15 UTC on {@code day}, with one external counterpart. */
    static LoggedActivity call(String id, long sequence, String actor, LocalDate day) {
        return new LoggedActivity(id, sequence, false, day.atTime(9, 15, 30, 123_456_789).toInstant(ZoneOffset.UTC),
                actor, "CALL", "PHONE", "OUTBOUND", "CONNECTED", 180L,
                List.of(new LoggedCounterpart("contact-" + id, "account-1", null, "+4930123456", false)), null, null,
                null, null, false);
    }

    /** A call on {@code day} that adds the given contributions; no exclusion, no group keys. */
    static CountedActivity counting(String id, long sequence, String actor, LocalDate day,
                                    Contribution... contributions) {
        return new CountedActivity(call(id, sequence, actor, day),
                new CountingState(day, null, null, null, Arrays.asList(contributions)));
    }

    /** A call that counts one touch for {@code manager} on {@code day}, in duplicate group "dup-{id}". */
    static CountedActivity touch(String id, long sequence, String manager, LocalDate day) {
        return new CountedActivity(call(id, sequence, manager, day), new CountingState(day, null, "dup-" + id,
                "contact-" + id, List.of(new Contribution(manager, TOUCHES, day, 1))));
    }

    /** A call that did not count, for {@code reason}, at {@code occurredAt}. */
    static CountedActivity excluded(String id, String actor, LocalDate day, Instant occurredAt, String reason,
                                    Contribution... contributions) {
        LoggedActivity a = call(id, 1, actor, day);
        return new CountedActivity(with(a, occurredAt), new CountingState(day, reason, null, null,
                Arrays.asList(contributions)));
    }

    /** The same activity in another state. */
    static CountedActivity withState(CountedActivity activity, CountingState state) {
        return new CountedActivity(activity.activity(), state);
    }

    /** The deletion of an activity: a tombstone with the given group keys and reason, contributing nothing. */
    static CountedActivity tombstone(String id, long sequence, String actor, LocalDate day, String reason,
                                     String duplicateKey, String contactKey) {
        LoggedActivity last = call(id, sequence, actor, day);
        return new CountedActivity(new LoggedActivity(id, sequence, true, last.occurredAt(), actor, last.kind(),
                last.channel(), last.direction(), last.outcome(), last.durationSeconds(), last.counterparts(),
                null, null, null, null, false), new CountingState(day, reason, duplicateKey, contactKey, List.of()));
    }

    /** The deletion of an activity: a tombstone in no group, contributing nothing. */
    static CountedActivity tombstone(String id, long sequence, String actor) {
        return tombstone(id, sequence, actor, MONDAY, null, null, null);
    }

    /** A copy with another amount and currency: a won deal. */
    static CountedActivity withMoney(CountedActivity counted, BigDecimal amount, String currency) {
        LoggedActivity a = counted.activity();
        return new CountedActivity(new LoggedActivity(a.id(), a.sequence(), a.deleted(), a.occurredAt(),
                a.actorId(), "DEAL_WON", a.channel(), a.direction(), a.outcome(), a.durationSeconds(),
                a.counterparts(), "deal-7", "paid", amount, currency, a.automated()), counted.state());
    }

    /**
     * A deal event as the host logs it: a stage change, a win or a loss of {@code dealId} by {@code actor} at
     * {@code at}, counted for nothing (the store keeps deal events apart from the counting anyway).
     */
    static CountedActivity dealEvent(String id, long sequence, String actor, String kind, String dealId, String stage,
                                     Instant at, BigDecimal amount, String currency) {
        return new CountedActivity(new LoggedActivity(id, sequence, false, at, actor, kind, null, null, null, null,
                List.of(), dealId, stage, amount, currency, false),
                CountingState.none(LocalDate.ofInstant(at, ZoneOffset.UTC)));
    }

    /** A stage change of {@code dealId} into {@code stage}, without an amount. */
    static CountedActivity stageChange(String id, String actor, String dealId, String stage, Instant at) {
        return dealEvent(id, 1, actor, "DEAL_STAGE_CHANGED", dealId, stage, at, null, null);
    }

    /** The activity as logged after its deletion: the same fields, deleted, counted for nothing. */
    static CountedActivity deleted(CountedActivity counted, long sequence) {
        LoggedActivity a = counted.activity();
        return new CountedActivity(new LoggedActivity(a.id(), sequence, true, a.occurredAt(), a.actorId(), a.kind(),
                a.channel(), a.direction(), a.outcome(), a.durationSeconds(), a.counterparts(), a.dealId(),
                a.stage(), a.amount(), a.currency(), a.automated()), CountingState.none(counted.state().localDay()));
    }

    /** A copy that happened at another instant. */
    /** The counted activity at another instant, with the same state. */
    static CountedActivity withTime(CountedActivity counted, Instant occurredAt) {
        return new CountedActivity(with(counted.activity(), occurredAt), counted.state());
    }

    static LoggedActivity with(LoggedActivity a, Instant occurredAt) {
        return new LoggedActivity(a.id(), a.sequence(), a.deleted(), occurredAt, a.actorId(), a.kind(), a.channel(),
                a.direction(), a.outcome(), a.durationSeconds(), a.counterparts(), a.dealId(), a.stage(), a.amount(),
                a.currency(), a.automated());
    }
}
