package org.pacekpi.engine.internal.targets;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.pacekpi.api.store.ActivityJudge;
import org.pacekpi.api.store.CountedActivity;
import org.pacekpi.api.store.DealEvent;
import org.pacekpi.api.store.DuplicateGroup;
import org.pacekpi.api.store.LoggedActivity;
import org.pacekpi.api.store.PaceStore;
import org.pacekpi.api.store.RecountOutcome;

/**
 * The daily aggregates of a {@link PaceStore}, set directly by a test: pacing reads nothing else. Every other method
 * fails, so that a test notices if pacing starts to read more.
 */
public final class DailyTotals implements PaceStore {

    private record Key(String managerId, String metric, LocalDate day) {
    }

    private final Map<Key, Long> counts = new HashMap<>();
    private final List<String> reads = new ArrayList<>();

    synchronized DailyTotals add(String managerId, String metric, LocalDate day, long count) {
        counts.merge(new Key(managerId, metric, day), count, Long::sum);
        return this;
    }

    /** The ranges asked for, as {@code manager from..to}. */
    synchronized List<String> reads() {
        return List.copyOf(reads);
    }

    @Override
    public synchronized Map<String, Long> totals(String managerId, LocalDate from, LocalDate to) {
        reads.add(managerId + " " + from + ".." + to);
        Map<String, Long> totals = new LinkedHashMap<>();
        counts.forEach((key, count) -> {
            if (key.managerId().equals(managerId) && !key.day().isBefore(from) && !key.day().isAfter(to)) {
                totals.merge(key.metric(), count, Long::sum);
            }
        });
        return totals;
    }

    @Override
    public synchronized Map<String, Map<String, Long>> totals(Collection<String> managerIds, LocalDate from, LocalDate to) {
        Map<String, Map<String, Long>> totals = new LinkedHashMap<>();
        for (String id : managerIds) {
            Map<String, Long> one = totals(id, from, to);
            if (!one.isEmpty()) {
                totals.put(id, one);
            }
        }
        return totals;
    }

    private static UnsupportedOperationException unused() {
        return new UnsupportedOperationException("pacing reads only the daily totals");
    }

    @Override
    public long appliedSequence() {
        throw unused();
    }

    @Override
    public Map<String, CountedActivity> activities(Collection<String> ids) {
        throw unused();
    }

    @Override
    public List<CountedActivity> earliestCandidates(Collection<String> contactKeys, Collection<DuplicateGroup> groups,
                                                    int perGroup) {
        throw unused();
    }

    @Override
    public void write(List<CountedActivity> activities, long historyCursor) {
        throw unused();
    }

    @Override
    public Map<String, Long> exclusionCounts(String managerId, LocalDate from, LocalDate to) {
        throw unused();
    }

    @Override
    public List<CountedActivity> excluded(String managerId, LocalDate from, LocalDate to, int limit) {
        throw unused();
    }

    @Override
    public List<LoggedActivity> logPage(String afterId, int limit) {
        throw unused();
    }

    @Override
    public void resetCounting() {
        throw unused();
    }

    @Override
    public RecountOutcome recountAll(ActivityJudge judge, int batchSize) {
        throw unused();
    }

    @Override
    public List<DealEvent> dealHistories(Collection<String> managerIds, Instant from, Instant to) {
        throw unused();
    }

    @Override
    public Optional<LoggedActivity> activity(String activityId) {
        throw unused();
    }

    @Override
    public long activityCount() {
        throw unused();
    }
}
