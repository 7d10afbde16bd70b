package org.pacekpi.engine.internal;

import java.util.Objects;
import java.util.Optional;

import org.pacekpi.api.ExclusionReason;
import org.pacekpi.api.store.LoggedActivity;
import org.pacekpi.api.store.LoggedActivity.LoggedCounterpart;
import org.pacekpi.host.activity.ActivityKind;
import org.pacekpi.host.activity.Outcome;

/**
 * The rules that decide on their own whether an interaction (call, e-mail, message, meeting) may be a client touch:
 * <ul>
 * <li>not created by automation (unless the configuration counts automation);</li>
 * <li>with an identifiable counterpart who is not a colleague (for a meeting: not every attendee a colleague);</li>
 * <li>a call connected and not shorter than the minimum (an unknown duration counts);</li>
 * <li>an e-mail or message not failed;</li>
 * <li>a meeting held.</li>
 * </ul>
 * The checks run in this order and the first failing one gives the reason: who made it, who it was with, and only
 * then how it ended. Who it was with comes before the outcome because "colleague" is the reason the diagnosis cares
 * about (padding the KPI with colleagues), whatever the outcome.
 *
 * <p>An interaction that passes is a touch candidate; whether it counts is then up to the duplicate rule.
 */
public final class TouchRule {

    private final CountingSettings settings;
    private final CounterpartRule counterparts;

    /** @param settings the configured rules */
    public TouchRule(CountingSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.counterparts = new CounterpartRule(settings);
    }

    /** True for the kinds the touch rules judge: calls, e-mails, messages and meetings. */
    public static boolean isInteraction(String kind) {
        return ActivityKind.CALL.name().equals(kind) || ActivityKind.EMAIL.name().equals(kind)
                || ActivityKind.MESSAGE.name().equals(kind) || ActivityKind.MEETING.name().equals(kind);
    }

    /**
     * Empty when the interaction is a touch candidate, otherwise why it is not.
     *
     * @throws IllegalArgumentException if the activity is not an interaction
     */
    public Optional<ExclusionReason> exclusion(LoggedActivity activity) {
        String kind = activity.kind();
        if (!isInteraction(kind)) {
            throw new IllegalArgumentException("activity " + activity.id() + " of kind " + kind
                    + " is not an interaction");
        }
        if (activity.automated() && !settings.countAutomated()) {
            return Optional.of(ExclusionReason.AUTOMATED);
        }
        boolean meeting = ActivityKind.MEETING.name().equals(kind);
        // A meeting is with colleagues if every identifiable attendee is one; the rest by the primary counterpart.
        boolean identifiable = false;
        boolean colleague = true;
        for (LoggedCounterpart counterpart : activity.counterparts()) {
            if (CounterpartRule.identifiable(counterpart)) {
                identifiable = true;
                colleague = counterparts.internal(counterpart);
                if (!meeting || !colleague) {
                    break;
                }
            }
        }
        if (!identifiable) {
            return Optional.of(ExclusionReason.NO_COUNTERPART);
        }
        if (colleague) {
            return Optional.of(ExclusionReason.COLLEAGUE);
        }
        String outcome = activity.outcome();
        if (meeting) {
            return Outcome.HELD.name().equals(outcome) ? Optional.empty() : Optional.of(ExclusionReason.MEETING_NOT_HELD);
        }
        if (ActivityKind.CALL.name().equals(kind)) {
            if (!Outcome.CONNECTED.name().equals(outcome)) {
                return Optional.of(ExclusionReason.NOT_CONNECTED);
            }
            Long seconds = activity.durationSeconds();
            return seconds != null && seconds < settings.minCallSeconds()
                    ? Optional.of(ExclusionReason.SHORT_CALL)
                    : Optional.empty();
        }
        // E-mail and message: many hosts do not track delivery, so only an explicit failure excludes.
        return Outcome.FAILED.name().equals(outcome) ? Optional.of(ExclusionReason.NOT_DELIVERED) : Optional.empty();
    }
}
