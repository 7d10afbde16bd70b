package org.pacekpi.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.pacekpi.host.activity.ActivityChange;
import org.pacekpi.host.activity.ActivityHistory;
import org.pacekpi.host.activity.HistoryPage;

/**
 * The host's history as Pace's catch-up pages through it, made by the {@link ActivityGenerator} page by page: only
 * the page asked for exists in memory.
 */
public final class GeneratedHistory implements ActivityHistory {

    private final ActivityGenerator generator;

    /** @param generator makes each change from its sequence number */
    public GeneratedHistory(ActivityGenerator generator) {
        this.generator = Objects.requireNonNull(generator, "generator");
    }

    @Override
    public HistoryPage changesAfter(long afterSequence, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        long first = Math.max(1, afterSequence + 1);
        long last = Math.min(generator.total(), first + limit - 1);
        List<ActivityChange> changes = new ArrayList<>((int) Math.max(0, last - first + 1));
        for (long sequence = first; sequence <= last; sequence++) {
            changes.add(generator.change(sequence));
        }
        return new HistoryPage(changes, last < generator.total());
    }

    @Override
    public long latestSequence() {
        return generator.total();
    }
}
