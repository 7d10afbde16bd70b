package org.pacekpi.engine.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.pacekpi.api.ExclusionReason;
import org.pacekpi.api.store.Contribution;
import org.pacekpi.api.store.LoggedActivity;

/**
 * What the counting rules decide about one activity on its own, before the group rules (duplicates, first contacts)
 * look at the other activities with the same contact.
 *
 * @param activity     the activity
 * @param localDay     the actor's local day of the activity
 * @param exclusion    why an interaction is not a touch by its own rules; null for a touch candidate and for what
 *                     is not an interaction
 * @param duplicateKey for a touch candidate when duplicates collapse: its duplicate group; otherwise null
 * @param contactKey   for a touch candidate: the contact it touched; otherwise null
 * @param base         the contributions that do not depend on other activities (call attempts, meetings held, new
 *                     contacts, deal events)
 */
public record IndividualDecision(LoggedActivity activity, LocalDate localDay, ExclusionReason exclusion,
                                 String duplicateKey, String contactKey, List<Contribution> base) {

    /** Copies the list; a candidate has a contact key and no exclusion. */
    public IndividualDecision {
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(localDay, "localDay");
        base = List.copyOf(base);
        if (contactKey != null && exclusion != null) {
            throw new IllegalArgumentException("activity " + activity.id() + ": a touch candidate has no exclusion");
        }
        if (duplicateKey != null && contactKey == null) {
            throw new IllegalArgumentException("activity " + activity.id() + ": a duplicate key needs a contact key");
        }
    }

    /** True if the activity passes every rule of its own and so takes part in the group rules. */
    public boolean candidate() {
        return contactKey != null;
    }
}
