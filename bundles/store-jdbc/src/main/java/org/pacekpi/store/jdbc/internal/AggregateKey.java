package org.pacekpi.store.jdbc.internal;

import java.time.LocalDate;
import java.util.Comparator;

import org.pacekpi.api.store.Contribution;

/**
 * One row of an {@link AggregateTable}: a manager's metric on one local day, in one local week (then {@code day} is its
 * Monday) or in one local month (then {@code day} is the month's first day). Ordered, so that a write touches the rows
 * in the same order every time.
 */
record AggregateKey(String managerId, String metric, LocalDate day) implements Comparable<AggregateKey> {

    private static final Comparator<AggregateKey> ORDER = Comparator.comparing(AggregateKey::managerId)
            .thenComparing(AggregateKey::metric).thenComparing(AggregateKey::day);

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

    @Override
    public int compareTo(AggregateKey other) {
        return ORDER.compare(this, other);
    }
}
