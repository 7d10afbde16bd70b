package org.pacekpi.shell.internal;

import java.util.Locale;
import java.util.Map;

import org.pacekpi.api.ExclusionReason;
import org.pacekpi.api.Metrics;
import org.pacekpi.api.targets.Exact;

/** What metric ids and exclusion reasons mean, in words, for the tables the commands print. */
final class Labels {

    private static final Map<String, String> METRICS = Map.of(
            Metrics.TOUCHES, "client touches, any channel",
            Metrics.FIRST_CONTACTS, "first touches with contacts new to the company",
            Metrics.NEW_CONTACTS, "contacts created",
            Metrics.MEETINGS_HELD, "meetings held with a client",
            Metrics.CALL_ATTEMPTS, "calls to clients, connected or not",
            Metrics.DEALS_WON, "deals won",
            Metrics.DEALS_LOST, "deals lost");

    private static final Map<String, String> REASONS = Map.of(
            ExclusionReason.COLLEAGUE.name(), "with a colleague, not a client",
            ExclusionReason.DUPLICATE.name(), "repeat: same contact and channel already counted",
            ExclusionReason.SHORT_CALL.name(), "call too short to count",
            ExclusionReason.NOT_CONNECTED.name(), "call did not connect",
            ExclusionReason.NOT_DELIVERED.name(), "e-mail or message not delivered",
            ExclusionReason.MEETING_NOT_HELD.name(), "meeting cancelled or not held (yet)",
            ExclusionReason.AUTOMATED.name(), "created by automation",
            ExclusionReason.NO_COUNTERPART.name(), "no identifiable contact");

    private Labels() {
    }

    /** What a metric counts; empty for an id this version does not know. */
    static String metric(String id) {
        if (METRICS.containsKey(id)) {
            return METRICS.get(id);
        }
        if (id.startsWith(Metrics.TOUCHES_BY_CHANNEL_PREFIX)) {
            return "client touches by " + id.substring(Metrics.TOUCHES_BY_CHANNEL_PREFIX.length());
        }
        if (id.startsWith(Metrics.STAGE_PREFIX)) {
            return "deals entering stage " + id.substring(Metrics.STAGE_PREFIX.length());
        }
        return "";
    }

    /** What an exclusion reason means; the reason's name in lower case for one this version does not know. */
    static String reason(String reason) {
        return REASONS.getOrDefault(reason, reason.toLowerCase(Locale.ROOT).replace('_', ' '));
    }

    /** An exact number for people: "9", "2.25 (9/4)"; "-" for none. */
    static String exact(Exact exact) {
        if (exact == null) {
            return "-";
        }
        if (exact.decimal() == null) {
            return exact.fraction();
        }
        String decimal = exact.decimal().stripTrailingZeros().toPlainString();
        return exact.fraction() == null || !exact.fraction().contains("/") ? decimal
                : decimal + " (" + exact.fraction() + ")";
    }

    /** A duration for people: "850 ms", "2.5 s", "3 min 20 s". */
    static String duration(long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        long tenths = Math.round(millis / 100.0);
        if (tenths < 600) {
            return tenths / 10 + "." + tenths % 10 + " s";
        }
        long seconds = Math.round(millis / 1000.0);
        return seconds / 60 + " min " + seconds % 60 + " s";
    }
}
