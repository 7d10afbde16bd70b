package org.pacekpi.host.activity;

import java.util.Objects;

/**
 * One entry of the activity history: what a change did and the activity's state after it (its last state for a
 * deletion). The change's sequence number is {@code activity().sequence()}.
 *
 * @param type     created, updated or deleted
 * @param activity the activity after the change
 */
public record ActivityChange(ChangeType type, Activity activity) {

    /** Both fields are required. */
    public ActivityChange {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(activity, "activity");
    }

    /** The sequence number of this change. */
    public long sequence() {
        return activity.sequence();
    }
}
