package org.pacekpi.api.store;

import java.util.Objects;

/**
 * An activity of the log with its counting state.
 *
 * @param activity the activity as logged (for a deleted one, its tombstone)
 * @param state    what the counting rules decided
 */
public record CountedActivity(LoggedActivity activity, CountingState state) {

    /** Both required. */
    public CountedActivity {
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(state, "state");
        if (activity.deleted() && !state.contributions().isEmpty()) {
            throw new IllegalArgumentException("deleted activity " + activity.id() + " cannot contribute");
        }
    }
}
