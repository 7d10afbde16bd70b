package org.pacekpi.engine.internal;

import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

import org.pacekpi.api.dto.RebuildResult;
import org.pacekpi.api.store.LoggedActivity;
import org.pacekpi.api.store.PaceStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recomputes every counting state and aggregate from the activity log under the current rules: the store forgets
 * the counting, then the log is recounted page by page through the same incremental path as live changes
 * ({@link Recounter#recountPage}). Only one page and its groups are in memory at a time.
 *
 * <p>Runs on the ingest writer thread, so no live change is written meanwhile; those wait in the queue (or, if it
 * overflows, in the host's history) and are applied after the rebuild.
 */
public final class Rebuilder {

    private static final Logger LOG = LoggerFactory.getLogger(Rebuilder.class);

    private final PaceStore store;
    private final Recounter recounter;
    private final int pageSize;
    private final RebuildMarker marker;
    private final BooleanSupplier stopping;

    /**
     * @param store     the store to rebuild
     * @param recounter the incremental path
     * @param pageSize  activities read and recounted per store transaction
     * @param marker    remembers an unfinished rebuild across restarts
     * @param stopping  true when the rebuild must give up between two pages
     */
    public Rebuilder(PaceStore store, Recounter recounter, int pageSize, RebuildMarker marker,
                     BooleanSupplier stopping) {
        this.store = Objects.requireNonNull(store, "store");
        this.recounter = Objects.requireNonNull(recounter, "recounter");
        if (pageSize <= 0) {
            throw new IllegalArgumentException("rebuild page size must be greater than 0, was " + pageSize);
        }
        this.pageSize = pageSize;
        this.marker = Objects.requireNonNull(marker, "marker");
        this.stopping = Objects.requireNonNull(stopping, "stopping");
    }

    /**
     * Rebuilds. If it fails or is stopped half-way the marker stays, and the counting is partial until a rebuild
     * completes.
     *
     * @throws IllegalStateException if stopped between two pages
     */
    public RebuildResult rebuild() {
        long start = System.nanoTime();
        marker.mark();
        LOG.info("rebuild: recounting the activity log from scratch, pages of {}", pageSize);
        store.resetCounting();
        long activities = 0;
        long written = 0;
        String after = null;
        while (true) {
            if (stopping.getAsBoolean()) {
                throw new IllegalStateException("the rebuild was stopped after " + activities
                        + " activities; it runs again on the next start");
            }
            List<LoggedActivity> page = store.logPage(after, pageSize);
            if (page.isEmpty()) {
                break;
            }
            written += recounter.recountPage(page);
            activities += page.size();
            // Until an empty page: "at most pageSize" allows a store to return short pages before the end.
            after = page.get(page.size() - 1).id();
        }
        marker.clear();
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.info("rebuild: {} activities recounted ({} writes) in {} ms", activities, written, millis);
        return new RebuildResult(activities, millis, store.appliedSequence());
    }
}
