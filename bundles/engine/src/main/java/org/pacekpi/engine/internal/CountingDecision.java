package org.pacekpi.engine.internal;

import java.util.List;

import org.pacekpi.api.store.Contribution;

/**
 * What the counting rules decided for one activity: the contributions it makes to the aggregates, or, when it makes
 * none, the reason why.
 *
 * @param contributions what the activity adds; empty when it does not count
 * @param exclusion     why it does not count, or null when it counts
 */
public record CountingDecision(List<Contribution> contributions, ExclusionReason exclusion) {

    /** Exactly one of "contributes" and "has a reason" holds, so a decision is never ambiguous. */
    public CountingDecision {
        contributions = contributions == null ? List.of() : List.copyOf(contributions);
        if (contributions.isEmpty() == (exclusion == null)) {
            throw new IllegalArgumentException(
                    "a decision has either contributions or an exclusion reason: " + contributions + ", " + exclusion);
        }
    }

    /** The activity counts with these contributions (at least one). */
    public static CountingDecision counted(List<Contribution> contributions) {
        return new CountingDecision(contributions, null);
    }

    /** The activity does not count, for this reason. */
    public static CountingDecision excluded(ExclusionReason reason) {
        return new CountingDecision(List.of(), reason);
    }

    /** True if the activity contributes to at least one metric. */
    public boolean counts() {
        return exclusion == null;
    }
}
