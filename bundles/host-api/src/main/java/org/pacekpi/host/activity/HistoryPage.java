package org.pacekpi.host.activity;

import java.util.List;

/**
 * A page of the activity history, in ascending sequence order.
 *
 * @param changes the changes after the requested sequence number, ascending, at most the requested limit
 * @param hasMore true if more changes follow the last one of this page
 */
public record HistoryPage(List<ActivityChange> changes, boolean hasMore) {

    /** Copies the list. */
    public HistoryPage {
        changes = List.copyOf(changes);
    }

    /** The sequence number of the last change in this page, or {@code after} when the page is empty. */
    public long lastSequence(long after) {
        return changes.isEmpty() ? after : changes.get(changes.size() - 1).sequence();
    }
}
