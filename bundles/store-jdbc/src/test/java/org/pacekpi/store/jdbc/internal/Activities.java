package org.pacekpi.store.jdbc.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.pacekpi.api.store.ActivityEntry;
import org.pacekpi.api.store.Contribution;
import org.pacekpi.api.store.LoggedActivity;
import org.pacekpi.api.store.LoggedActivity.LoggedCounterpart;

/** Test data: activities and entries as the engine would hand them to the store. */
final class Activities {

    static final String TOUCHES = "touches";
    static final String MEETINGS = "meetings";
    /** A Monday, so day arithmetic in tests reads like a week. */
    static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    private Activities() {
    }

    /** A connected call by {@code actor} with one external counterpart. */
    static LoggedActivity call(String id, long sequence, String actor) {
        return new LoggedActivity(id, sequence, false, Instant.parse("2026-03-02T09:15:30.123456789Z"), actor, "CALL",
                "PHONE", "OUTBOUND", "CONNECTED", 180L,
                List.of(new LoggedCounterpart("contact-" + id, "account-1", null, "+4930123456", false)), null, null,
                null, null, false);
    }

    /** A live activity that adds the given contributions. */
    static ActivityEntry entry(String id, long sequence, String actor, Contribution... contributions) {
        return new ActivityEntry(call(id, sequence, actor), Arrays.asList(contributions));
    }

    /** A call that counts one touch for {@code manager} on {@code day}. */
    static ActivityEntry touch(String id, long sequence, String manager, LocalDate day) {
        return entry(id, sequence, manager, new Contribution(manager, TOUCHES, day, 1));
    }

    /** The deletion of an activity: a tombstone, contributing nothing. */
    static ActivityEntry deletion(String id, long sequence, String actor) {
        LoggedActivity last = call(id, sequence, actor);
        return new ActivityEntry(new LoggedActivity(id, sequence, true, last.occurredAt(), actor, last.kind(),
                last.channel(), last.direction(), last.outcome(), last.durationSeconds(), last.counterparts(),
                null, null, null, null, false), List.of());
    }

    /** A copy of an entry's activity with another currency (and amount), contributions kept. */
    static ActivityEntry withMoney(ActivityEntry entry, BigDecimal amount, String currency) {
        LoggedActivity a = entry.activity();
        return new ActivityEntry(new LoggedActivity(a.id(), a.sequence(), a.deleted(), a.occurredAt(), a.actorId(),
                "DEAL_WON", a.channel(), a.direction(), a.outcome(), a.durationSeconds(), a.counterparts(), "deal-7",
                "paid", amount, currency, a.automated()), entry.contributions());
    }
}
