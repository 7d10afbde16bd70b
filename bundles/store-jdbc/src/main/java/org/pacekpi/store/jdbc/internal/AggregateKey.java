package org.pacekpi.store.jdbc.internal;

import java.time.LocalDate;
import java.util.Comparator;

import org.pacekpi.api.store.Contribution;

/**
 * One row of an {@link AggregateTable}: a manager's metric on one local day, or in one local month (then {@code day}
 * is the month's first day). Ordered, so that a write touches the rows in the same order every time.
 */
record AggregateKey(String managerId, String metric, LocalDate day) implements Comparable<AggregateKey> {

    private static final Comparator<AggregateKey> ORDER = Comparator.comparing(AggregateKey::managerId)
            .thenComparing(AggregateKey::metric).thenComparing(AggregateKey::day);

    static AggregateKey of(Contribution contribution) {
        return new AggregateKey(contribution.managerId(), contribution.metric(), contribution.day());
    }

    /** The key of the monthly row this daily row adds to: the same manager and metric, the first day of the month. */
    AggregateKey month() {
        return new AggregateKey(managerId, metric, day.withDayOfMonth(1));
    }

    @Override
    public int compareTo(AggregateKey other) {
        return ORDER.compare(this, other);
    }
}
