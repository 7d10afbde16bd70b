package org.pacekpi.engine.internal.targets;

import java.util.List;

import org.pacekpi.api.Metrics;
import org.pacekpi.api.targets.ValidationException;

/**
 * The metrics a manual target may be set on: the counts Pace computes ({@link Metrics}), touches on one channel
 * ({@code touches:phone}, lower case as counted) and deals entering a stage ({@code stage:<id>}, any stage id: Pace's
 * configured stages and the host's own stage ids alike, since hosts name their stages). Revenue is not a count: a
 * money goal sets it.
 */
public final class MetricIds {

    /** The plain counts, in the order error messages list them. */
    public static final List<String> COUNTS = List.of(Metrics.TOUCHES, Metrics.FIRST_CONTACTS, Metrics.NEW_CONTACTS,
            Metrics.MEETINGS_HELD, Metrics.CALL_ATTEMPTS, Metrics.DEALS_WON, Metrics.DEALS_LOST);

    private MetricIds() {
    }

    /**
     * Checks a metric id.
     *
     * @throws ValidationException naming {@code field} and the known metrics
     */
    public static String check(String metric, String field) {
        if (metric == null || metric.isBlank()) {
            throw new ValidationException(field, "is required; " + known());
        }
        if (COUNTS.contains(metric)) {
            return metric;
        }
        if (metric.startsWith(Metrics.TOUCHES_BY_CHANNEL_PREFIX)) {
            String channel = metric.substring(Metrics.TOUCHES_BY_CHANNEL_PREFIX.length());
            if (!channel.isBlank() && channel.strip().equals(channel) && Metrics.touchesBy(channel).equals(metric)) {
                return metric;
            }
            throw new ValidationException(field, "'" + metric + "' is not a channel's touches: write touches: and the "
                    + "channel in lower case, e.g. touches:phone");
        }
        if (metric.startsWith(Metrics.STAGE_PREFIX)) {
            String stage = metric.substring(Metrics.STAGE_PREFIX.length());
            if (!stage.isBlank() && stage.strip().equals(stage)) {
                return metric;
            }
            throw new ValidationException(field, "'" + metric + "' names no stage: write stage: and the stage id, e.g. "
                    + "stage:proposal");
        }
        throw new ValidationException(field, "unknown metric '" + metric + "'; " + known());
    }

    private static String known() {
        return "the known metrics are " + String.join(", ", COUNTS) + ", touches:<channel> and stage:<stage id>";
    }
}
