package org.pacekpi.engine.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.pacekpi.api.store.ActivityJudge;
import org.pacekpi.api.store.Contribution;
import org.pacekpi.api.store.CountedActivity;
import org.pacekpi.api.store.CountingState;
import org.pacekpi.api.store.DealEvent;
import org.pacekpi.api.store.DuplicateGroup;
import org.pacekpi.api.store.Judgement;
import org.pacekpi.api.store.LoggedActivity;
import org.pacekpi.api.store.PaceStore;
import org.pacekpi.api.store.RecountOutcome;
import org.pacekpi.api.store.StoreException;

/**
 * A {@link PaceStore} in memory that keeps the SPI's contract as the JDBC store does: one atomic transaction per
 * write (each id at most once), rows replaced as given (the store does not judge sequences), aggregates adjusted by
 * the difference of contributions and rows summing to zero removed, the cursor moved only to a higher history
 * cursor, group members and exclusions found by the stored states, the log paged in ascending id order with
 * tombstones, a reset that forgets states and aggregates but keeps the log and the cursor, and a recount of the whole
 * log that elects the earliest candidates by their judgements and replaces the counting at once.
 *
 * <p>It hands contributions back in reverse order, since the SPI promises no order and the engine must not rely on
 * one. A hook lets a test make a write or a recount (a write of no activities with cursor 0) fail or block before
 * anything is changed.
 */
public final class InMemoryPaceStore implements PaceStore {

    /** Runs before each write, outside the store's lock; may throw or block. */
    @FunctionalInterface
    public interface WriteHook {
        void beforeWrite(List<CountedActivity> activities, long historyCursor) throws Exception;
    }

    private record Key(String managerId, String metric, LocalDate day) {
    }

    private static final Comparator<CountedActivity> NEWEST_FIRST = Comparator
            .comparing((CountedActivity a) -> a.activity().occurredAt()).thenComparing(a -> a.activity().id())
            .reversed();

    private final Map<String, CountedActivity> rows = new HashMap<>();
    private final Map<Key, Long> aggregates = new HashMap<>();
    private final Map<String, Integer> storedVersions = new HashMap<>();
    private final List<Long> historyCursors = new ArrayList<>();
    private final AtomicInteger writes = new AtomicInteger();
    private static final java.util.Comparator<CountedActivity> EARLIEST = java.util.Comparator
            .comparing((CountedActivity c) -> c.activity().occurredAt()).thenComparing(c -> c.activity().id());
    private final AtomicInteger groupReads = new AtomicInteger();
    private final List<Integer> logPageLimits = new ArrayList<>();
    private final List<Integer> recountBatchSizes = new ArrayList<>();
    private long cursor;
    private volatile WriteHook hook = (activities, historyCursor) -> { };

    /** Replaces the hook. */
    public void hook(WriteHook value) {
        this.hook = value;
    }

    @Override
    public synchronized long appliedSequence() {
        return cursor;
    }

    @Override
    public synchronized Map<String, CountedActivity> activities(Collection<String> ids) {
        Map<String, CountedActivity> found = new HashMap<>();
        for (String id : ids) {
            CountedActivity row = rows.get(id);
            if (row != null) {
                found.put(id, handedOut(row));
            }
        }
        return found;
    }

    @Override
    public synchronized List<CountedActivity> earliestCandidates(Collection<String> contactKeys,
                                                                 Collection<DuplicateGroup> duplicateGroups,
                                                                 int perGroup) {
        groupReads.incrementAndGet();
        Map<String, CountedActivity> found = new HashMap<>();
        for (String contactKey : contactKeys) {
            earliest(row -> contactKey.equals(row.state().contactKey()), perGroup)
                    .forEach(row -> found.put(row.activity().id(), row));
        }
        for (DuplicateGroup group : duplicateGroups) {
            earliest(row -> group.duplicateKey().equals(row.state().duplicateKey()), perGroup).forEach(row -> {
                if (row.activity().occurredAt().isBefore(group.from())
                        || !row.activity().occurredAt().isBefore(group.until())) {
                    // The span is the engine's promise; a member outside it would be missed by the JDBC store.
                    throw new IllegalStateException("duplicate group " + group + " does not span member " + row);
                }
                found.put(row.activity().id(), row);
            });
        }
        return found.values().stream().sorted(EARLIEST).map(InMemoryPaceStore::handedOut).toList();
    }

    private List<CountedActivity> earliest(java.util.function.Predicate<CountedActivity> inGroup, int limit) {
        return rows.values().stream().filter(row -> !row.activity().deleted()).filter(inGroup).sorted(EARLIEST)
                .limit(limit).toList();
    }

    @Override
    public void write(List<CountedActivity> activities, long historyCursor) {
        runHook(activities, historyCursor);
        Set<String> ids = new HashSet<>();
        for (CountedActivity activity : activities) {
            if (!ids.add(activity.activity().id())) {
                throw new IllegalArgumentException("activity " + activity.activity().id() + " twice in one write");
            }
        }
        synchronized (this) {
            writes.incrementAndGet();
            for (CountedActivity activity : activities) {
                String id = activity.activity().id();
                CountedActivity stored = rows.get(id);
                if (stored != null) {
                    stored.state().contributions().forEach(c -> add(c, -c.value()));
                }
                activity.state().contributions().forEach(c -> add(c, c.value()));
                rows.put(id, activity);
                if (stored == null || stored.activity().sequence() != activity.activity().sequence()) {
                    storedVersions.merge(id, 1, Integer::sum);
                }
            }
            if (historyCursor > 0) {
                historyCursors.add(historyCursor);
            }
            cursor = Math.max(cursor, historyCursor);
        }
    }

    private void runHook(List<CountedActivity> activities, long historyCursor) {
        try {
            hook.beforeWrite(activities, historyCursor);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted before writing " + activities.size() + " activities", e);
        } catch (StoreException e) {
            throw e;
        } catch (Exception e) {
            throw new StoreException("test hook failed", e);
        }
    }

    private void add(Contribution c, long value) {
        aggregates.merge(new Key(c.managerId(), c.metric(), c.day()), value, (a, b) -> a + b == 0 ? null : a + b);
    }

    @Override
    public synchronized Map<String, Long> totals(String managerId, LocalDate from, LocalDate to) {
        Map<String, Long> totals = new TreeMap<>();
        aggregates.forEach((key, value) -> {
            if (key.managerId().equals(managerId) && !key.day().isBefore(from) && !key.day().isAfter(to)) {
                totals.merge(key.metric(), value, Long::sum);
            }
        });
        totals.values().removeIf(v -> v == 0);
        return totals;
    }

    @Override
    public synchronized Map<String, Map<String, Long>> totals(Collection<String> managerIds, LocalDate from,
                                                              LocalDate to) {
        Map<String, Map<String, Long>> totals = new HashMap<>();
        for (String managerId : new HashSet<>(managerIds)) {
            Map<String, Long> one = totals(managerId, from, to);
            if (!one.isEmpty()) {
                totals.put(managerId, one);
            }
        }
        return totals;
    }

    @Override
    public synchronized Map<String, Long> exclusionCounts(String managerId, LocalDate from, LocalDate to) {
        Map<String, Long> counts = new TreeMap<>();
        excludedOf(managerId, from, to).forEach(row -> counts.merge(row.state().exclusionReason(), 1L, Long::sum));
        return counts;
    }

    @Override
    public synchronized List<CountedActivity> excluded(String managerId, LocalDate from, LocalDate to, int limit) {
        return excludedOf(managerId, from, to).sorted(NEWEST_FIRST).limit(limit).map(InMemoryPaceStore::handedOut)
                .toList();
    }

    private java.util.stream.Stream<CountedActivity> excludedOf(String managerId, LocalDate from, LocalDate to) {
        return rows.values().stream().filter(row -> row.state().exclusionReason() != null)
                .filter(row -> row.activity().actorId().equals(managerId))
                .filter(row -> row.state().localDay() != null && !row.state().localDay().isBefore(from)
                        && !row.state().localDay().isAfter(to));
    }

    @Override
    public synchronized List<LoggedActivity> logPage(String afterId, int limit) {
        logPageLimits.add(limit);
        return rows.keySet().stream().filter(id -> afterId == null || id.compareTo(afterId) > 0).sorted()
                .limit(limit).map(id -> rows.get(id).activity()).toList();
    }

    @Override
    public synchronized void resetCounting() {
        rows.replaceAll((id, row) -> new CountedActivity(row.activity(), CountingState.none(row.state().localDay())));
        aggregates.clear();
    }

    /**
     * {@inheritDoc} Here: the log is judged outside the store's lock, so that readers (the judge included) see the
     * previous counting meanwhile; the elections and the new states and aggregates are then put in place at once.
     * Fails if a write came in between (the engine never writes during a rebuild).
     */
    @Override
    public RecountOutcome recountAll(ActivityJudge judge, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
        runHook(List.of(), 0); // a recount writes too: the hook may make it fail or block
        List<LoggedActivity> log;
        int writesBefore;
        synchronized (this) {
            recountBatchSizes.add(batchSize);
            log = log();
            writesBefore = writes.get();
        }
        Map<String, Judgement> judgements = new TreeMap<>();
        for (LoggedActivity activity : log) {
            Judgement judgement = judge.judge(activity);
            if (activity.deleted() && (judgement.candidate() || !judgement.own().contributions().isEmpty())) {
                throw new IllegalStateException("deleted activity " + activity.id() + " judged as counting");
            }
            judgements.put(activity.id(), judgement);
        }
        List<LoggedActivity> candidates = log.stream().filter(a -> judgements.get(a.id()).candidate())
                .sorted(java.util.Comparator.comparing(LoggedActivity::occurredAt).thenComparing(LoggedActivity::id))
                .toList();
        Set<String> counted = new HashSet<>();
        Set<String> first = new HashSet<>();
        Set<String> seenDuplicateKeys = new HashSet<>();
        Set<String> seenContactKeys = new HashSet<>();
        for (LoggedActivity candidate : candidates) {
            CountingState own = judgements.get(candidate.id()).own();
            if (own.duplicateKey() == null || seenDuplicateKeys.add(own.duplicateKey())) {
                counted.add(candidate.id());
            }
            if (seenContactKeys.add(own.contactKey())) {
                first.add(candidate.id());
            }
        }
        synchronized (this) {
            if (writes.get() != writesBefore) {
                throw new IllegalStateException("a write came in during the recount");
            }
            long changed = 0;
            for (LoggedActivity activity : log) {
                String id = activity.id();
                CountingState state = judgements.get(id).state(counted.contains(id), first.contains(id));
                if (!state.sameAs(rows.get(id).state())) {
                    changed++;
                }
                rows.put(id, new CountedActivity(activity, state));
            }
            Map<Key, Long> before = new HashMap<>(aggregates);
            aggregates.clear();
            rows.values().forEach(row -> row.state().contributions().forEach(c -> add(c, c.value())));
            Set<Key> keys = new HashSet<>(before.keySet());
            keys.addAll(aggregates.keySet());
            long changedAggregates = keys.stream().filter(k -> !java.util.Objects.equals(before.get(k),
                    aggregates.get(k))).count();
            return new RecountOutcome(log.size(), candidates.size(), changed, changedAggregates);
        }
    }

    @Override
    public synchronized List<DealEvent> dealHistories(Collection<String> managerIds, Instant from, Instant to) {
        // The contract's definition, literally: deals with an event by one of the managers in [from, to), then
        // every not deleted deal event of those deals.
        Set<String> deals = new HashSet<>();
        for (CountedActivity row : rows.values()) {
            LoggedActivity a = row.activity();
            if (isDealEvent(a) && managerIds.contains(a.actorId()) && !a.occurredAt().isBefore(from)
                    && a.occurredAt().isBefore(to)) {
                deals.add(a.dealId());
            }
        }
        return rows.values().stream().map(CountedActivity::activity)
                .filter(a -> isDealEvent(a) && deals.contains(a.dealId()))
                .sorted(Comparator.comparing(LoggedActivity::dealId).thenComparing(LoggedActivity::occurredAt)
                        .thenComparing(LoggedActivity::id))
                .map(a -> new DealEvent(a.id(), a.dealId(), a.actorId(), a.kind(), a.stage(), a.occurredAt(),
                        a.amount(), a.currency()))
                .toList();
    }

    private static boolean isDealEvent(LoggedActivity activity) {
        return !activity.deleted() && activity.dealId() != null && DEAL_KINDS.contains(activity.kind());
    }

    private static final Set<String> DEAL_KINDS = Set.of("DEAL_STAGE_CHANGED", "DEAL_WON", "DEAL_LOST");

    @Override
    public synchronized Optional<LoggedActivity> activity(String activityId) {
        return Optional.ofNullable(rows.get(activityId)).map(CountedActivity::activity);
    }

    @Override
    public synchronized long activityCount() {
        return rows.size();
    }

    private static CountedActivity handedOut(CountedActivity row) {
        List<Contribution> reversed = new ArrayList<>(row.state().contributions());
        java.util.Collections.reverse(reversed);
        CountingState state = row.state();
        return new CountedActivity(row.activity(), new CountingState(state.localDay(), state.exclusionReason(),
                state.duplicateKey(), state.contactKey(), reversed));
    }

    // ---- for assertions ----

    /** All of a manager's touches ever counted. */
    public long touches(String managerId) {
        return total(managerId, "touches");
    }

    /** A manager's total of a metric over all days. */
    public long total(String managerId, String metric) {
        return totals(managerId, LocalDate.MIN, LocalDate.MAX).getOrDefault(metric, 0L);
    }

    /** The stored state of an activity. */
    public synchronized CountingState state(String activityId) {
        CountedActivity row = rows.get(activityId);
        if (row == null) {
            throw new IllegalArgumentException("no activity " + activityId + " in the store");
        }
        return row.state();
    }

    /** Every stored state by activity id, ordered by id. */
    public synchronized Map<String, CountingState> states() {
        Map<String, CountingState> states = new TreeMap<>();
        rows.forEach((id, row) -> states.put(id, row.state()));
        return states;
    }

    /** The log: every stored activity, ordered by id. */
    public synchronized List<LoggedActivity> log() {
        Map<String, LoggedActivity> log = new TreeMap<>();
        rows.forEach((id, row) -> log.put(id, row.activity()));
        return List.copyOf(log.values());
    }

    /** The aggregates as {@link Recount#aggregates} computes them. */
    public synchronized Map<Recount.AggregateKey, Long> aggregates() {
        Map<Recount.AggregateKey, Long> copy = new LinkedHashMap<>();
        aggregates.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(Key::managerId).thenComparing(Key::metric)
                        .thenComparing(Key::day)))
                .forEach(e -> copy.put(new Recount.AggregateKey(e.getKey().managerId(), e.getKey().metric(),
                        e.getKey().day()), e.getValue()));
        return copy;
    }

    /** How many versions of the activity were stored (rewrites of the same version not counted). */
    public synchronized int storedVersions(String activityId) {
        return storedVersions.getOrDefault(activityId, 0);
    }

    /** The non-zero history cursors passed to write, in call order. */
    public synchronized List<Long> historyCursors() {
        return List.copyOf(historyCursors);
    }

    /** Writes (transactions) so far. */
    public int writes() {
        return writes.get();
    }

    /** The limits {@link #logPage} was called with, in call order. */
    public synchronized List<Integer> logPageLimits() {
        return List.copyOf(logPageLimits);
    }

    /** The batch sizes {@link #recountAll} was called with, in call order. */
    public synchronized List<Integer> recountBatchSizes() {
        return List.copyOf(recountBatchSizes);
    }

    /** Group member reads so far. */
    public int groupReads() {
        return groupReads.get();
    }

    /** True if the aggregates equal the sums of the stored contributions, as DESIGN.md demands of every number. */
    public synchronized boolean aggregatesMatchLog() {
        Map<Key, Long> recomputed = new HashMap<>();
        rows.values().forEach(row -> row.state().contributions().forEach(c ->
                recomputed.merge(new Key(c.managerId(), c.metric(), c.day()), c.value(), Long::sum)));
        recomputed.values().removeIf(v -> v == 0);
        return recomputed.equals(aggregates);
    }

    /** A hook that blocks the first live (cursor 0) write until released. */
    public static final class BlockingHook implements WriteHook {
        /** Counted down when a live write is blocked. */
        public final CountDownLatch entered = new CountDownLatch(1);
        /** Count down to let the blocked write go on. */
        public final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void beforeWrite(List<CountedActivity> activities, long historyCursor) throws InterruptedException {
            if (historyCursor == 0) {
                entered.countDown();
                release.await();
            }
        }
    }
}
