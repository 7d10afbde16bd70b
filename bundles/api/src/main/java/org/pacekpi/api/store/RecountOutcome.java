package org.pacekpi.api.store;

/**
 * What a recount of the whole log ({@link PaceStore#recountAll}) did.
 *
 * @param activities        activities of the log judged, deleted ones included
 * @param candidates        touch candidates among them, elected by their groups
 * @param changedStates     activities whose stored counting state changed
 * @param changedAggregates daily aggregates (manager, metric, day) added, changed or removed
 */
public record RecountOutcome(long activities, long candidates, long changedStates, long changedAggregates) {
}
