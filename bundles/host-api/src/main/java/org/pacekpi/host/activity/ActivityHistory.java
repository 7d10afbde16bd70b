package org.pacekpi.host.activity;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The host's history of activity changes, paged by sequence number. Pace uses it to backfill when it is installed
 * into a CRM with years of history, and to catch up on everything logged while it was stopped or slow.
 *
 * <p>Contract: every change ever published on the stream is in the history with the same sequence number, and
 * sequence numbers only grow. A page returned for {@code afterSequence = s} holds, in ascending order, the changes
 * with sequence greater than {@code s}; once a change with sequence {@code n} has been returned, no change with a
 * sequence at or below {@code n} may appear later. (A host may compact the history to the newest change per
 * activity.)
 */
@ProviderType
public interface ActivityHistory {

    /**
     * The changes after a sequence number.
     *
     * @param afterSequence return changes with a sequence strictly greater than this; 0 for the beginning
     * @param limit         the most changes to return, at least 1
     * @return a page in ascending sequence order
     */
    HistoryPage changesAfter(long afterSequence, int limit);

    /** The highest sequence number in the history, 0 when empty. */
    long latestSequence();
}
