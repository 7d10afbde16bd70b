package org.pacekpi.api.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

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

    /**
     * True if the other state says the same: equal but for the order of the contributions, which a store need not
     * keep (each contribution as many times in both).
     */
    public boolean sameAs(CountingState other) {
        return Objects.equals(localDay, other.localDay) && Objects.equals(exclusionReason, other.exclusionReason)
                && Objects.equals(duplicateKey, other.duplicateKey) && Objects.equals(contactKey, other.contactKey)
                && sameContributions(contributions, other.contributions);
    }

    /** The same contributions, each as many times, in any order. */
    public static boolean sameContributions(List<Contribution> a, List<Contribution> b) {
        if (a.size() != b.size()) {
            return false;
        }
        boolean[] matched = new boolean[b.size()];
        outer:
        for (Contribution c : a) {
            for (int i = 0; i < matched.length; i++) {
                if (!matched[i] && c.equals(b.get(i))) {
                    matched[i] = true;
                    continue outer;
                }
            }
            return false;
        }
        return true;
    }

    /** The state of an activity that counts for nothing and belongs to no group. */
    public static CountingState none(LocalDate localDay) {
        return new CountingState(localDay, null, null, null, List.of());
    }
}
