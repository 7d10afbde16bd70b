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
 * {@link #write}. The store does not judge sequence numbers; it stores what it is given, atomically. A rebuild
 * recounts the whole log in one go instead ({@link #recountAll}), on the same writer.
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
     * A page of the log in ascending id order: the activities with an id greater than {@code afterId} (null for the
     * start), at most {@code limit}, tombstones included.
     */
    List<LoggedActivity> logPage(String afterId, int limit);

    /**
     * Forgets every counting state, contribution and aggregate, keeping the log and the cursor: afterwards every
     * activity has no state until it is written again. A rebuild does not need it ({@link #recountAll} replaces the
     * counting in one transaction).
     */
    void resetCounting();

    /**
     * Recounts every activity of the log under the judge's rules, and replaces every counting state and aggregate with
     * the result in one transaction. Each activity is judged on its own ({@link ActivityJudge}); the store then elects,
     * among the touch candidates that are not deleted, the earliest of each duplicate key and of each contact key (by
     * occurredAt, ties by id in {@link String#compareTo} order; candidates that share a duplicate key must share their
     * contact key), and keeps {@link Judgement#state(boolean, boolean)} of the outcome as the activity's state. The
     * aggregates become the sums of the new contributions.
     *
     * <p>Readers see the previous states and aggregates, complete, until the new ones are complete. If anything fails
     * (the judge included) nothing changes. Writers wait meanwhile; the cursor does not move. Memory does not grow
     * with the log.
     *
     * @param judge     judges each activity on its own
     * @param batchSize how many activities are read and staged per round trip to the database (at least 1)
     * @return what the recount did
     */
    RecountOutcome recountAll(ActivityJudge judge, int batchSize);

    /**
     * The deal events the funnel measures: the complete histories (every not deleted deal event of any manager, at any
     * time) of the deals that have at least one not deleted deal event by one of {@code managerIds} with
     * {@code occurredAt} in [{@code from}, {@code to}). Ordered by deal id, then occurredAt, then activity id. The
     * store keeps these apart from the rest of the log, so this does not read the whole log.
     */
    List<DealEvent> dealHistories(Collection<String> managerIds, java.time.Instant from, java.time.Instant to);

    /** The stored state of an activity, including a tombstone for a deleted one. */
    Optional<LoggedActivity> activity(String activityId);

    /** Number of activities in the log, deleted ones included. */
    long activityCount();
}
