package org.pacekpi.api.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What an {@link ActivityJudge} decided about one activity on its own, and what the group rules may add to it. A
 * touch candidate (its {@link CountingState#contactKey()} is set) takes part in two elections, both won by the
 * earliest candidate (by occurredAt, ties by id in {@link String#compareTo} order): its touch counts if it has no
 * duplicate key or is the earliest candidate of its duplicate key, and it is a first contact if it is the earliest
 * candidate of its contact key. {@link #state(boolean, boolean)} gives its final counting state for each outcome.
 *
 * @param own                       the state on its own: local day, exclusion reason (none for a candidate), the
 *                                  group keys (a duplicate key needs a contact key) and the contributions that do not
 *                                  depend on other activities
 * @param touchContributions        for a candidate: what it adds when its touch counts; empty otherwise
 * @param firstContactContributions for a candidate: what it adds when it is its contact's first contact; empty
 *                                  otherwise
 * @param notCountedReason          for a candidate: its exclusion reason when its touch does not count; null otherwise
 */
public record Judgement(CountingState own, List<Contribution> touchContributions,
                        List<Contribution> firstContactContributions, String notCountedReason) {

    /** Copies the lists; a candidate has no exclusion reason of its own, anything else nothing to add. */
    public Judgement {
        Objects.requireNonNull(own, "own");
        touchContributions = touchContributions == null ? List.of() : List.copyOf(touchContributions);
        firstContactContributions = firstContactContributions == null ? List.of()
                : List.copyOf(firstContactContributions);
        if (own.duplicateKey() != null && own.contactKey() == null) {
            throw new IllegalArgumentException("a duplicate key (" + own.duplicateKey() + ") needs a contact key");
        }
        if (own.contactKey() != null && own.exclusionReason() != null) {
            throw new IllegalArgumentException("a touch candidate (contact " + own.contactKey()
                    + ") has no exclusion reason of its own, but " + own.exclusionReason() + " was given");
        }
        if (own.contactKey() == null && (!touchContributions.isEmpty() || !firstContactContributions.isEmpty()
                || notCountedReason != null)) {
            throw new IllegalArgumentException("only a touch candidate (with a contact key) can add contributions"
                    + " or an exclusion reason by its groups");
        }
    }

    /** The judgement of an activity that is no touch candidate: its state is final. */
    public static Judgement alone(CountingState state) {
        return new Judgement(state, List.of(), List.of(), null);
    }

    /** True if the activity takes part in the group elections. */
    public boolean candidate() {
        return own.contactKey() != null;
    }

    /**
     * The final state for an outcome of the elections: the own contributions, then the touch contributions if the
     * touch counts, then the first-contact contributions if it is a first contact; the exclusion reason
     * {@link #notCountedReason()} if the touch does not count. For an activity that is no candidate, its own state.
     *
     * @throws IllegalArgumentException if an activity that is no candidate is said to win an election
     */
    public CountingState state(boolean touchCounts, boolean firstContact) {
        if (!candidate()) {
            if (touchCounts || firstContact) {
                throw new IllegalArgumentException("an activity that is no touch candidate wins no election");
            }
            return own;
        }
        List<Contribution> contributions = new ArrayList<>(own.contributions().size() + touchContributions.size()
                + firstContactContributions.size());
        contributions.addAll(own.contributions());
        if (touchCounts) {
            contributions.addAll(touchContributions);
        }
        if (firstContact) {
            contributions.addAll(firstContactContributions);
        }
        return new CountingState(own.localDay(), touchCounts ? null : notCountedReason, own.duplicateKey(),
                own.contactKey(), contributions);
    }
}
