package org.pacekpi.engine.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import org.pacekpi.host.activity.Activity;
import org.pacekpi.host.activity.ActivityChange;
import org.pacekpi.host.activity.ActivityHistory;
import org.pacekpi.host.activity.ChangeType;
import org.pacekpi.host.activity.HistoryPage;

/**
 * The host side in memory: assigns sequence numbers like a host does and keeps every change in the history. A test
 * decides separately whether the change is also published as a live event.
 */
public final class InMemoryHistory implements ActivityHistory {

    private final List<ActivityChange> changes = new ArrayList<>();
    private final AtomicInteger failingReads = new AtomicInteger();
    private long sequence;

    /** Logs a new activity. */
    public synchronized ActivityChange create(Activity.Builder activity) {
        return record(ChangeType.CREATED, activity);
    }

    /** Corrects an activity: its last state, changed by {@code change}, with a new sequence number. */
    public synchronized ActivityChange update(String id, UnaryOperator<Activity.Builder> change) {
        return record(ChangeType.UPDATED, change.apply(current(id).toBuilder()));
    }

    /** Deletes an activity: its last state with a new sequence number. */
    public synchronized ActivityChange delete(String id) {
        return record(ChangeType.DELETED, current(id).toBuilder());
    }

    /** The next {@code count} calls of {@link #changesAfter} throw. */
    public void failNextReads(int count) {
        failingReads.set(count);
    }

    private ActivityChange record(ChangeType type, Activity.Builder activity) {
        ActivityChange change = new ActivityChange(type, activity.sequence(++sequence).build());
        changes.add(change);
        return change;
    }

    private Activity current(String id) {
        for (int i = changes.size() - 1; i >= 0; i--) {
            if (changes.get(i).activity().id().equals(id)) {
                return changes.get(i).activity();
            }
        }
        throw new IllegalArgumentException("no activity " + id + " in the test history");
    }

    @Override
    public synchronized HistoryPage changesAfter(long afterSequence, int limit) {
        if (failingReads.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("test history unavailable");
        }
        List<ActivityChange> after = changes.stream().filter(c -> c.sequence() > afterSequence).toList();
        return new HistoryPage(after.subList(0, Math.min(limit, after.size())), after.size() > limit);
    }

    @Override
    public synchronized long latestSequence() {
        return sequence;
    }
}
