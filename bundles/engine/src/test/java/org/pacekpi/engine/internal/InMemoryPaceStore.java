package org.pacekpi.engine.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;

import org.pacekpi.api.store.ActivityEntry;
import org.pacekpi.api.store.ApplyResult;
import org.pacekpi.api.store.Contribution;
import org.pacekpi.api.store.LoggedActivity;
import org.pacekpi.api.store.PaceStore;
import org.pacekpi.api.store.StoreException;

/**
 * A {@link PaceStore} in memory that keeps the contract the JDBC store keeps: one transaction per apply, the newest
 * sequence per activity wins, deleted activities stay as tombstones, aggregates change by the difference of
 * contributions, and the cursor moves only when a greater history cursor is passed. A hook lets a test make an
 * apply fail or block before anything is changed.
 */
public final class InMemoryPaceStore implements PaceStore {

    /** Runs before each apply, outside the store's lock; may throw or block. */
    @FunctionalInterface
    public interface ApplyHook {
        void beforeApply(List<ActivityEntry> entries, long historyCursor) throws Exception;
    }

    private record Key(String managerId, String metric, LocalDate day) {
    }

    private final Map<String, ActivityEntry> log = new HashMap<>();
    private final Map<Key, Long> aggregates = new HashMap<>();
    private final Map<String, Integer> storedVersions = new HashMap<>();
    private final List<Long> historyCursors = new ArrayList<>();
    private long cursor;
    private volatile ApplyHook hook = (entries, historyCursor) -> { };

    /** Replaces the hook. */
    public void hook(ApplyHook value) {
        this.hook = value;
    }

    @Override
    public synchronized long appliedSequence() {
        return cursor;
    }

    @Override
    public ApplyResult apply(List<ActivityEntry> entries, long historyCursor) {
        try {
            hook.beforeApply(entries, historyCursor);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted before applying " + entries.size() + " entries", e);
        } catch (StoreException e) {
            throw e;
        } catch (Exception e) {
            throw new StoreException("test hook failed", e);
        }
        synchronized (this) {
            int applied = 0;
            int skipped = 0;
            for (ActivityEntry entry : entries) {
                String id = entry.activity().id();
                ActivityEntry stored = log.get(id);
                if (stored != null && stored.activity().sequence() >= entry.activity().sequence()) {
                    skipped++;
                    continue;
                }
                if (stored != null) {
                    stored.contributions().forEach(c -> add(c, -c.value()));
                }
                entry.contributions().forEach(c -> add(c, c.value()));
                log.put(id, entry);
                storedVersions.merge(id, 1, Integer::sum);
                applied++;
            }
            if (historyCursor > 0) {
                historyCursors.add(historyCursor);
            }
            cursor = Math.max(cursor, historyCursor);
            return new ApplyResult(applied, skipped, cursor);
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
    public synchronized Optional<LoggedActivity> activity(String activityId) {
        return Optional.ofNullable(log.get(activityId)).map(ActivityEntry::activity);
    }

    @Override
    public synchronized long activityCount() {
        return log.size();
    }

    /** All of a manager's touches ever counted. */
    public long touches(String managerId) {
        return totals(managerId, LocalDate.MIN, LocalDate.MAX).getOrDefault("touches", 0L);
    }

    /** How many versions of the activity were stored (not skipped): 1 means it was applied exactly once. */
    public synchronized int storedVersions(String activityId) {
        return storedVersions.getOrDefault(activityId, 0);
    }

    /** The non-zero history cursors passed to apply, in call order. */
    public synchronized List<Long> historyCursors() {
        return List.copyOf(historyCursors);
    }

    /** True if the aggregates equal a recomputation from the activity log, as DESIGN.md demands of every number. */
    public synchronized boolean aggregatesMatchLog() {
        Map<Key, Long> recomputed = new HashMap<>();
        log.values().forEach(entry -> entry.contributions().forEach(c ->
                recomputed.merge(new Key(c.managerId(), c.metric(), c.day()), c.value(), Long::sum)));
        recomputed.values().removeIf(v -> v == 0);
        return recomputed.equals(aggregates);
    }

    /** A hook that blocks the first live (cursor 0) apply until released. */
    public static final class BlockingHook implements ApplyHook {
        /** Counted down when a live apply is blocked. */
        public final CountDownLatch entered = new CountDownLatch(1);
        /** Count down to let the blocked apply go on. */
        public final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void beforeApply(List<ActivityEntry> entries, long historyCursor) throws InterruptedException {
            if (historyCursor == 0) {
                entered.countDown();
                release.await();
            }
        }
    }
}
