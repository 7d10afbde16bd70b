package org.pacekpi.engine.internal;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.pacekpi.api.ExclusionReason;
import org.pacekpi.api.store.CountedActivity;
import org.pacekpi.api.store.LoggedActivity;
import org.pacekpi.api.store.LoggedActivity.LoggedCounterpart;
import org.pacekpi.host.activity.ActivityKind;
import org.pacekpi.host.activity.Direction;

/**
 * Says in words why an interaction did not count, e.g. "call of 12 s, shorter than the minimum of 30 s" or "e-mail
 * to a colleague (anna@pace-demo.example)". Thresholds are the current configuration's: after a change of the rules
 * and before a rebuild an explanation may quote the new value.
 */
public final class ExclusionExplainer {

    private final CountingSettings settings;
    private final CounterpartRule counterparts;

    /** @param settings the counting rules, for the thresholds quoted */
    public ExclusionExplainer(CountingSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.counterparts = new CounterpartRule(settings);
    }

    /** Who the activity was with, as shown next to it: the contact it was judged by, or its first counterpart. */
    public String counterpart(LoggedActivity activity) {
        return contact(activity).map(CounterpartRule::describe).orElse("");
    }

    /** The explanation of an excluded activity's reason. */
    public String explain(CountedActivity excluded) {
        LoggedActivity activity = excluded.activity();
        String reasonName = excluded.state().exclusionReason();
        ExclusionReason reason;
        try {
            reason = ExclusionReason.valueOf(reasonName);
        } catch (IllegalArgumentException | NullPointerException e) {
            // A reason stored by another version of Pace: show it as it is rather than fail the whole report.
            return "excluded: " + reasonName;
        }
        String kind = kind(activity.kind());
        String who = counterpart(activity);
        return switch (reason) {
            case COLLEAGUE -> colleague(activity, kind);
            case DUPLICATE -> "not the first touch with " + who + " " + channel(activity.channel()) + " "
                    + window(excluded.state().localDay());
            case SHORT_CALL -> "call of " + activity.durationSeconds() + " s, shorter than the minimum of "
                    + settings.minCallSeconds() + " s";
            case NOT_CONNECTED -> "call not connected (" + outcome(activity.outcome()) + ")";
            case NOT_DELIVERED -> kind + " not delivered (" + outcome(activity.outcome()) + ")";
            case MEETING_NOT_HELD -> "meeting not held (" + outcome(activity.outcome()) + ")";
            case AUTOMATED -> kind + " created by automation; automated activities do not count";
            case NO_COUNTERPART -> kind + " with no contact, e-mail or phone recorded";
        };
    }

    private String colleague(LoggedActivity activity, String kind) {
        if (ActivityKind.MEETING.name().equals(activity.kind())) {
            return "meeting with colleagues only (" + CounterpartRule.identifiable(activity).stream()
                    .map(CounterpartRule::describe).collect(Collectors.joining(", ")) + ")";
        }
        String who = CounterpartRule.primary(activity).map(CounterpartRule::describe).orElse("");
        if (ActivityKind.CALL.name().equals(activity.kind())) {
            return "call with a colleague (" + who + ")";
        }
        String preposition = Direction.INBOUND.name().equals(activity.direction()) ? " from" : " to";
        return kind + preposition + " a colleague (" + who + ")";
    }

    /** The contact a meeting is judged by is its first external attendee; for the rest, the primary counterpart. */
    private Optional<LoggedCounterpart> contact(LoggedActivity activity) {
        if (ActivityKind.MEETING.name().equals(activity.kind())) {
            Optional<LoggedCounterpart> external = counterparts.firstExternal(activity);
            if (external.isPresent()) {
                return external;
            }
        }
        return CounterpartRule.primary(activity);
    }

    private String window(LocalDate day) {
        int days = settings.duplicateWindowDays();
        if (day == null) {
            return "in the same window";
        }
        if (days <= 1) {
            return "on " + day;
        }
        LocalDate start = LocalDate.ofEpochDay(Math.floorDiv(day.toEpochDay(), (long) days) * days);
        return "in the " + days + " days from " + start;
    }

    private static String kind(String kind) {
        if (ActivityKind.EMAIL.name().equals(kind)) {
            return "e-mail";
        }
        return kind == null ? "activity" : kind.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String channel(String channel) {
        if (channel == null) {
            return "on an unknown channel";
        }
        return switch (channel) {
            case "PHONE" -> "by phone";
            case "EMAIL" -> "by e-mail";
            case "MESSENGER" -> "by messenger";
            case "IN_PERSON" -> "in person";
            case "VIDEO" -> "by video";
            case "NONE" -> "on an unknown channel";
            default -> "by " + channel.toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    private static String outcome(String outcome) {
        if (outcome == null || "NONE".equals(outcome)) {
            return "no outcome recorded";
        }
        return switch (outcome) {
            case "NOT_HELD" -> "cancelled or did not take place";
            case "SCHEDULED" -> "only scheduled";
            default -> outcome.toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }
}
