package org.pacekpi.api.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Pace's persistence: the activity log keyed by activity id, the daily aggregates derived from it, and the history
 * cursor. Thread-safe. Every method throws {@link StoreException} when the database fails.
 */
@ProviderType
public interface PaceStore {

    /**
     * The history cursor: every host change with a sequence number up to it has been applied. 0 at first.
     */
    long appliedSequence();

    /**
     * Applies entries in one transaction. For each entry whose sequence is newer than the stored version of the same
     * activity (or that is not stored yet), the stored activity and its contributions are replaced and the
     * aggregates adjusted by the difference; older or equal versions are skipped, so applying twice changes
     * nothing. When {@code historyCursor} is greater than the stored cursor, the cursor moves to it in the same
     * transaction; pass 0 for live events, which must not move the cursor.
     *
     * @param entries       activity changes, in any order (several for one activity are fine)
     * @param historyCursor the history sequence number up to which these entries complete the history, or 0
     */
    ApplyResult apply(List<ActivityEntry> entries, long historyCursor);

    /**
     * The sums of every metric of a manager over a range of the manager's local days.
     *
     * @param from first day, inclusive
     * @param to   last day, inclusive
     * @return metric id to total; metrics with no contribution are absent
     */
    Map<String, Long> totals(String managerId, LocalDate from, LocalDate to);

    /** The stored state of an activity, including a tombstone for a deleted one. */
    Optional<LoggedActivity> activity(String activityId);

    /** Number of activities in the log, deleted ones included. */
    long activityCount();
}
