package org.pacekpi.store.jdbc.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.pacekpi.api.store.Contribution;
import org.pacekpi.api.store.CountingState;
import org.pacekpi.api.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An activity's counting state as a recount finds it stored, to compare with the states the recount counts. Its
 * contributions stay packed ({@link PackedLists}): a recount compares millions of states, nearly all unchanged, and a
 * stored text is nearly always exactly the packing of the same contributions, which is compared in place. Only a text
 * that is not (the same contributions in another order, other contributions of the same number, or a damaged text) is
 * read into contributions, once.
 *
 * <p>A text that cannot be read makes the state equal to none, so that the recount writes the state anew (and
 * repairs the row); it is logged when it is read, which is only where it had to be compared.
 *
 * <p>Not thread-safe: one recount's, for one row.
 */
final class StoredState {

    private static final Logger LOG = LoggerFactory.getLogger(StoredState.class);

    private final String activityId;
    private final LocalDate localDay;
    private final String exclusionReason;
    private final String duplicateKey;
    private final String contactKey;
    private final String packedContributions;
    /** -1 until counted. */
    private int contributionCount = -1;
    /** Null until read, or if the text cannot be read. */
    private List<Contribution> contributions;
    private boolean unreadable;

    /**
     * @param activityId          the activity's id, for the log
     * @param packedContributions the contributions as stored: packed text, null for none
     */
    StoredState(String activityId, LocalDate localDay, String exclusionReason, String duplicateKey, String contactKey,
                String packedContributions) {
        this.activityId = activityId;
        this.localDay = localDay;
        this.exclusionReason = exclusionReason;
        this.duplicateKey = duplicateKey;
        this.contactKey = contactKey;
        this.packedContributions = packedContributions;
    }

    /** True if this state says the same as {@code state}, as {@link CountingState#sameAs} decides. */
    boolean sameAs(CountingState state) {
        return sameDayAndKeys(state) && Objects.equals(exclusionReason, state.exclusionReason())
                && holds(state.contributions(), List.of(), List.of());
    }

    /** True if the local day and the group keys are those of {@code state}. */
    boolean sameDayAndKeys(CountingState state) {
        return Objects.equals(localDay, state.localDay()) && Objects.equals(duplicateKey, state.duplicateKey())
                && Objects.equals(contactKey, state.contactKey());
    }

    /** The stored exclusion reason. */
    String exclusionReason() {
        return exclusionReason;
    }

    /**
     * True if the stored contributions are those of the three lists together, each as many times, in any order (as
     * {@link CountingState#sameContributions} decides); false too if they cannot be read.
     */
    boolean holds(List<Contribution> own, List<Contribution> touch, List<Contribution> firstContact) {
        if (PackedLists.packs(packedContributions, own, touch, firstContact)) {
            return true;
        }
        int size = own.size() + touch.size() + firstContact.size();
        if (contributionCount() != size) {
            return false; // a text that can be read holds as many contributions as it has records
        }
        List<Contribution> stored = contributions();
        if (stored == null) {
            return false;
        }
        List<Contribution> expected = new ArrayList<>(size);
        expected.addAll(own);
        expected.addAll(touch);
        expected.addAll(firstContact);
        return CountingState.sameContributions(stored, expected);
    }

    private int contributionCount() {
        if (contributionCount < 0) {
            contributionCount = PackedLists.contributionCount(packedContributions);
        }
        return contributionCount;
    }

    /** The stored contributions, read on first use; null if they cannot be read. */
    private List<Contribution> contributions() {
        if (contributions == null && !unreadable) {
            try {
                contributions = PackedLists.unpackContributions(packedContributions, activityId);
            } catch (StoreException e) {
                unreadable = true;
                LOG.warn("Recounting activity {} whose stored contributions cannot be read: {}", activityId,
                        e.getMessage());
            }
        }
        return contributions;
    }
}
