package org.pacekpi.api.store;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Pace's persistence: the activity log keyed by activity id with each activity's counting state, the daily
 * aggregates derived from the contributions, and the history cursor. Thread-safe; every method throws
 * {@link StoreException} when the database fails.
 *
 * <p>Writing follows read-decide-write by a single writer (the engine's ingest thread): the engine reads the stored
 * versions and the group members it needs, decides with the counting rules, and writes the outcome with
 * {@link #write}. The store does not judge sequence numbers; it stores what it is given, atomically.
 */
@ProviderType
public interface PaceStore {

    /** The history cursor: every host change with a sequence number up to it has been applied. 0 at first. */
    long appliedSequence();

    /** The stored activities with these ids, deleted ones (tombstones) included; unknown ids are absent. */
    Map<String, CountedActivity> activities(Collection<String> ids);

    /**
     * The earliest stored touch candidates of some groups: for each contact key, the first {@code perGroup} stored,
     * not deleted activities counted in the current counting state whose {@link CountingState#contactKey()} is that
     * key, and for each duplicate group the first {@code perGroup} such activities whose
     * {@link CountingState#duplicateKey()} is the group's key; "first" by {@code occurredAt}, ties by id in
     * {@link String#compareTo} order. Both group rules elect the earliest member, so these are all a recount needs:
     * the caller asks for one more per group than the number of that group's members it is recounting itself.
     *
     * @return the members found, each once, oldest first (by occurredAt, then id)
     */
    List<CountedActivity> earliestCandidates(Collection<String> contactKeys, Collection<DuplicateGroup> duplicateGroups,
                                             int perGroup);

    /**
     * In one transaction: inserts or replaces each activity's row and counting state, replaces its contributions and
     * adjusts the aggregates by the difference, and moves the cursor to {@code historyCursor} if that is higher.
     * Nothing is written if anything fails.
     *
     * @param activities    the activities to store (each id at most once)
     * @param historyCursor the history sequence number up to which the caller has now applied the host's history,
     *                      or 0 for live events, which never move the cursor
     */
    void write(List<CountedActivity> activities, long historyCursor);

    /**
     * The sums of every metric of a manager over a range of the manager's local days, both inclusive; metrics with
     * no contribution are absent.
     */
    Map<String, Long> totals(String managerId, LocalDate from, LocalDate to);

    /** {@link #totals(String, LocalDate, LocalDate)} for several managers in one query: manager id to totals. */
    Map<String, Map<String, Long>> totals(Collection<String> managerIds, LocalDate from, LocalDate to);

    /** How many of a manager's activities in a range of local days were excluded, by exclusion reason. */
    Map<String, Long> exclusionCounts(String managerId, LocalDate from, LocalDate to);

    /** A manager's excluded activities in a range of local days, newest first, at most {@code limit}. */
    List<CountedActivity> excluded(String managerId, LocalDate from, LocalDate to, int limit);

    /**
     * A page of the log in ascending id order, for a rebuild: the activities with an id greater than
     * {@code afterId} (null for the start), at most {@code limit}, tombstones included.
     */
    List<LoggedActivity> logPage(String afterId, int limit);

    /**
     * Forgets every counting state, contribution and aggregate, keeping the log and the cursor: the first step of a
     * rebuild, after which the engine recounts the log page by page.
     */
    void resetCounting();

    /** The stored state of an activity, including a tombstone for a deleted one. */
    Optional<LoggedActivity> activity(String activityId);

    /** Number of activities in the log, deleted ones included. */
    long activityCount();
}
