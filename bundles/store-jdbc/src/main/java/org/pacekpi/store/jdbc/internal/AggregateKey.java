package org.pacekpi.store.jdbc.internal;

import java.time.LocalDate;

import org.pacekpi.api.store.Contribution;

/**
 * One row of an {@link AggregateTable}: a manager's metric on one local day, in one local week (then {@code day} is its
 * Monday) or in one local month (then {@code day} is the month's first day). Ordered, so that a write touches the rows
 * in the same order every time.
 */
record AggregateKey(String managerId, String metric, LocalDate day) implements Comparable<AggregateKey> {

    static AggregateKey of(Contribution contribution) {
        return new AggregateKey(contribution.managerId(), contribution.metric(), contribution.day());
    }

    /**
     * The key of the row of {@code table} that this daily row adds to: the same manager and metric, the day the table
     * keys it by ({@link AggregateTable#epochDayOf}).
     */
    AggregateKey in(AggregateTable table) {
        return table == AggregateTable.DAILY ? this
                : new AggregateKey(managerId, metric, LocalDate.ofEpochDay(table.epochDayOf(day)));
    }

    /** By manager, then metric, then day. */
    @Override
    public int compareTo(AggregateKey other) {
        int byManager = managerId.compareTo(other.managerId);
        if (byManager != 0) {
            return byManager;
        }
        int byMetric = metric.compareTo(other.metric);
        return byMetric != 0 ? byMetric : day.compareTo(other.day);
    }
}
