package org.pacekpi.api.store;

import java.util.List;
import java.util.Objects;

/**
 * An activity change ready to store: the activity's new state and what it contributes to the aggregates under the
 * counting rules (nothing for a deleted activity or one that does not count).
 *
 * @param activity      the new state
 * @param contributions its contributions
 */
public record ActivityEntry(LoggedActivity activity, List<Contribution> contributions) {

    /** Copies the list; a deleted activity contributes nothing. */
    public ActivityEntry {
        Objects.requireNonNull(activity, "activity");
        contributions = contributions == null ? List.of() : List.copyOf(contributions);
        if (activity.deleted() && !contributions.isEmpty()) {
            throw new IllegalArgumentException("deleted activity " + activity.id() + " cannot contribute");
        }
    }
}
