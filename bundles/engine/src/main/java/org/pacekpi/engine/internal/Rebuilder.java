package org.pacekpi.engine.internal;

import java.util.Objects;
import java.util.function.BooleanSupplier;

import org.pacekpi.api.dto.RebuildResult;
import org.pacekpi.api.store.Judgement;
import org.pacekpi.api.store.LoggedActivity;
import org.pacekpi.api.store.PaceStore;
import org.pacekpi.api.store.RecountOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recomputes every counting state and aggregate from the activity log under the current rules, in one recount of the
 * store ({@link PaceStore#recountAll}): the store reads the log, the counting rules judge each activity on its own
 * ({@link CountingRules#judge}), the store elects the earliest touch of each duplicate group and the first contact of
 * each contact, and replaces the counting at once. Readers see the previous counting, complete, until then; a rebuild
 * that fails or is stopped leaves it as it was. The store holds only a batch of the log in memory at a time.
 *
 * <p>Runs on the ingest writer thread, so no live change is written meanwhile; those wait in the queue (or, if it
 * overflows, in the host's history) and are applied after the rebuild.
 */
public final class Rebuilder {

    private static final Logger LOG = LoggerFactory.getLogger(Rebuilder.class);

    private final PaceStore store;
    private final CountingRules rules;
    private final int batchSize;
    private final RebuildMarker marker;
    private final BooleanSupplier stopping;

    /**
     * @param store     the store to rebuild
     * @param rules     the counting rules to apply
     * @param batchSize activities the store reads and stages per round trip to its database
     * @param marker    remembers an unfinished rebuild across restarts
     * @param stopping  true when the rebuild must give up
     */
    public Rebuilder(PaceStore store, CountingRules rules, int batchSize, RebuildMarker marker,
                     BooleanSupplier stopping) {
        this.store = Objects.requireNonNull(store, "store");
        this.rules = Objects.requireNonNull(rules, "rules");
        if (batchSize <= 0) {
            throw new IllegalArgumentException("rebuild batch size must be greater than 0, was " + batchSize);
        }
        this.batchSize = batchSize;
        this.marker = Objects.requireNonNull(marker, "marker");
        this.stopping = Objects.requireNonNull(stopping, "stopping");
    }

    /**
     * Rebuilds. If it fails or is stopped the previous counting stays, and so does the marker: the rebuild was asked
     * for (new rules, say) and runs again.
     *
     * @throws IllegalStateException if stopped, or if the counting rules failed on an activity
     */
    public RebuildResult rebuild() {
        long start = System.nanoTime();
        marker.mark();
        LOG.info("rebuild: recounting the activity log, {} activities per round trip to the store", batchSize);
        long[] judged = {0};
        CountingRules rules = this.rules.rememberingZones();
        RecountOutcome outcome = store.recountAll(activity -> judge(rules, activity, judged), batchSize);
        marker.clear();
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.info("rebuild: {} activities recounted ({} touch candidates, {} states and {} aggregates changed) in {} ms",
                outcome.activities(), outcome.candidates(), outcome.changedStates(), outcome.changedAggregates(),
                millis);
        return new RebuildResult(outcome.activities(), millis, store.appliedSequence());
    }

    private Judgement judge(CountingRules rules, LoggedActivity activity, long[] judged) {
        if (stopping.getAsBoolean()) {
            throw new IllegalStateException("the rebuild was stopped after " + judged[0] + " activities; the previous"
                    + " counting stays, and the rebuild runs again on the next start");
        }
        judged[0]++;
        try {
            return rules.judge(activity);
        } catch (RuntimeException e) {
            throw new IllegalStateException("the rebuild failed judging activity " + activity.id() + ": "
                    + e.getMessage(), e);
        }
    }
}
