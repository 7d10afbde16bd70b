package org.pacekpi.engine.internal;

import java.util.List;
import java.util.Optional;

import org.pacekpi.api.store.LoggedActivity;
import org.pacekpi.api.store.LoggedActivity.LoggedCounterpart;
import org.pacekpi.host.activity.ActivityKind;
import org.pacekpi.host.activity.Outcome;

/**
 * Decides whether an activity is a client touch: a completed interaction with an external contact on any channel.
 * <ul>
 * <li>a call counts when it connected;</li>
 * <li>an e-mail or a message counts when it was sent or received (outcome {@code SENT}, or {@code NONE} since many
 * hosts do not track delivery), not when it failed;</li>
 * <li>a meeting counts when it was held and at least one attendee is external;</li>
 * <li>nothing counts when automated, when it has no identifiable counterpart, or when the counterpart is a
 * colleague (for a call, e-mail or message: the primary counterpart; for a meeting: every attendee).</li>
 * </ul>
 * It works on the {@link LoggedActivity} rather than the host record, so that every touch can be recomputed from
 * Pace's activity log alone (the colleague check was frozen into {@link LoggedCounterpart#internal()} at ingest).
 *
 * <p>The checks run in a fixed order and the first failing one gives the reason: what the activity is, who made it,
 * who it was with, and only then how it ended. Who it was with comes before the outcome because "colleague" is the
 * reason the diagnosis cares about (padding the KPI with colleagues), whatever the outcome.
 */
public final class TouchRule {

    /** Empty when the activity is a touch, otherwise why it is not. Deleted activities are not judged here. */
    public Optional<ExclusionReason> exclusion(LoggedActivity activity) {
        String kind = activity.kind();
        boolean meeting = ActivityKind.MEETING.name().equals(kind);
        if (!meeting && !isMessageLike(kind) && !ActivityKind.CALL.name().equals(kind)) {
            return Optional.of(ExclusionReason.NOT_AN_INTERACTION);
        }
        if (activity.automated()) {
            return Optional.of(ExclusionReason.AUTOMATED);
        }
        // Anonymous counterparts (a name at most) cannot be told apart from a colleague, so they do not count.
        List<LoggedCounterpart> known = activity.counterparts().stream().filter(TouchRule::identifiable).toList();
        if (known.isEmpty()) {
            return Optional.of(ExclusionReason.NO_COUNTERPART);
        }
        boolean colleague = meeting
                ? known.stream().allMatch(LoggedCounterpart::internal)
                : known.get(0).internal();
        if (colleague) {
            return Optional.of(ExclusionReason.COLLEAGUE);
        }
        String outcome = activity.outcome();
        if (meeting) {
            return Outcome.HELD.name().equals(outcome) ? Optional.empty() : Optional.of(ExclusionReason.MEETING_NOT_HELD);
        }
        if (isMessageLike(kind)) {
            return Outcome.SENT.name().equals(outcome) || Outcome.NONE.name().equals(outcome) || outcome == null
                    ? Optional.empty()
                    : Optional.of(ExclusionReason.NOT_DELIVERED);
        }
        return Outcome.CONNECTED.name().equals(outcome) ? Optional.empty() : Optional.of(ExclusionReason.NOT_CONNECTED);
    }

    private static boolean isMessageLike(String kind) {
        return ActivityKind.EMAIL.name().equals(kind) || ActivityKind.MESSAGE.name().equals(kind);
    }

    /** Same test as the host's {@code Counterpart.isAnonymous()}: a contact id, an e-mail or a phone identifies. */
    private static boolean identifiable(LoggedCounterpart counterpart) {
        return !blank(counterpart.contactId()) || !blank(counterpart.email()) || !blank(counterpart.phone());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
