package org.pacekpi.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import org.pacekpi.api.store.Contribution;
import org.pacekpi.api.store.CountingState;
import org.pacekpi.host.activity.Activity;
import org.pacekpi.host.activity.ActivityChange;

/**
 * A host, a directory, an in-memory store and the incremental recount wired together, so that a test logs changes
 * like a host and applies them in the batches it chooses, then compares with a recomputation from the log.
 */
final class CountingBench {

    final InMemoryDirectory directory;
    final InMemoryHistory host = new InMemoryHistory();
    final InMemoryPaceStore store = new InMemoryPaceStore();
    final CountingSettings settings;
    final ActorZones zones;
    final Recounter recounter;
    private final ActivityMapper mapper;

    CountingBench(InMemoryDirectory directory, CountingSettings settings) {
        this.directory = directory;
        this.settings = settings;
        this.zones = new DirectoryZones(directory);
        this.mapper = new ActivityMapper(directory);
        this.recounter = new Recounter(store, new CountingRules(settings, zones));
    }

    ActivityChange create(Activity.Builder activity) {
        return host.create(activity);
    }

    ActivityChange update(String id, UnaryOperator<Activity.Builder> change) {
        return host.update(id, change);
    }

    ActivityChange delete(String id) {
        return host.delete(id);
    }

    /** Applies the changes as one live batch. */
    Recounter.Result apply(ActivityChange... changes) {
        return apply(List.of(changes), 0);
    }

    /** Applies the changes as one batch with the given history cursor (0 for live). */
    Recounter.Result apply(List<ActivityChange> changes, long historyCursor) {
        return recounter.apply(changes.stream().map(c -> mapper.map(c.type(), c.activity())).toList(), historyCursor);
    }

    /** Logs and applies, each change in its own batch. */
    void applyEach(ActivityChange... changes) {
        for (ActivityChange change : changes) {
            apply(change);
        }
    }

    long total(String manager, String metric) {
        return store.total(manager, metric);
    }

    CountingState state(String id) {
        return store.state(id);
    }

    /** The stored states equal a recomputation from the stored log, and the aggregates their sums. */
    void assertMatchesRecount() {
        Map<String, CountingState> recomputed = Recount.fromLog(store.log(), settings, zones);
        assertThat(normalised(store.states())).isEqualTo(normalised(recomputed));
        assertThat(store.aggregates()).isEqualTo(Recount.aggregates(recomputed.values()));
        assertThat(store.aggregatesMatchLog()).isTrue();
    }

    /** States with their contributions in one order, since a store need not keep the order. */
    static Map<String, CountingState> normalised(Map<String, CountingState> states) {
        Map<String, CountingState> normalised = new TreeMap<>();
        states.forEach((id, s) -> {
            List<Contribution> sorted = new ArrayList<>(s.contributions());
            sorted.sort(Comparator.comparing(Contribution::managerId).thenComparing(Contribution::metric)
                    .thenComparing(Contribution::day).thenComparingLong(Contribution::value));
            normalised.put(id, new CountingState(s.localDay(), s.exclusionReason(), s.duplicateKey(), s.contactKey(),
                    sorted));
        });
        return normalised;
    }
}
