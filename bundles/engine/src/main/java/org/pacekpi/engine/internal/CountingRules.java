package org.pacekpi.engine.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.pacekpi.api.Metrics;
import org.pacekpi.api.store.Contribution;
import org.pacekpi.api.store.LoggedActivity;
import org.pacekpi.host.directory.Directory;
import org.pacekpi.host.directory.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a logged activity into its contributions to the aggregates. Today that is one metric, client touches;
 * first contacts, meetings held, call attempts and duplicate collapsing will be further rules here, each adding its
 * own contributions to the same decision.
 *
 * <p>Days are the actor's local days, in the time zone the host's directory gives for the actor, so that "today"
 * and "this week" mean what the manager sees on their own clock.
 */
public final class CountingRules {

    private static final Logger LOG = LoggerFactory.getLogger(CountingRules.class);

    private final Directory directory;
    private final TouchRule touchRule = new TouchRule();

    /** @param directory gives each actor's time zone */
    public CountingRules(Directory directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** What the activity contributes, or why it contributes nothing. */
    public CountingDecision decide(LoggedActivity activity) {
        if (activity.deleted()) {
            return CountingDecision.excluded(ExclusionReason.DELETED);
        }
        Optional<ExclusionReason> notATouch = touchRule.exclusion(activity);
        if (notATouch.isPresent()) {
            return CountingDecision.excluded(notATouch.get());
        }
        LocalDate day = activity.occurredAt().atZone(zoneOf(activity)).toLocalDate();
        return CountingDecision.counted(List.of(new Contribution(activity.actorId(), Metrics.TOUCHES, day, 1)));
    }

    private ZoneId zoneOf(LoggedActivity activity) {
        Optional<User> actor = directory.user(activity.actorId());
        if (actor.isEmpty()) {
            // A user deleted from the host, or an integration account: count the activity anyway, on the UTC day.
            LOG.debug("activity {}: actor '{}' is not in the directory, counting its day in UTC",
                    activity.id(), activity.actorId());
            return ZoneOffset.UTC;
        }
        return actor.get().timeZone();
    }
}
