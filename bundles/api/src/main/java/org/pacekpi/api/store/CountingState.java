package org.pacekpi.api.store;

import java.time.LocalDate;
import java.util.List;

/**
 * What the counting rules decided about one activity, as the store keeps it next to the activity.
 *
 * @param localDay        the actor's local day of the activity (the day its contributions fall on)
 * @param exclusionReason for an interaction that is not a touch, the {@link org.pacekpi.api.ExclusionReason} name;
 *                        null when it counts or is not an interaction
 * @param duplicateKey    for an interaction that passes every rule of its own (a touch candidate): the key of its
 *                        duplicate group (actor, contact, channel, window); null otherwise. The store indexes it.
 * @param contactKey      for a touch candidate: the key of the contact it touched (first-contact group); null
 *                        otherwise. The store indexes it.
 * @param contributions   what it adds to the aggregates (empty for a deleted activity)
 */
public record CountingState(LocalDate localDay, String exclusionReason, String duplicateKey, String contactKey,
                            List<Contribution> contributions) {

    /** Copies the list. */
    public CountingState {
        contributions = contributions == null ? List.of() : List.copyOf(contributions);
    }

    /** The state of an activity that counts for nothing and belongs to no group. */
    public static CountingState none(LocalDate localDay) {
        return new CountingState(localDay, null, null, null, List.of());
    }
}
