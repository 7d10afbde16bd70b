package org.pacekpi.store.jdbc.internal;

import java.time.LocalDate;
import java.util.Comparator;

import org.pacekpi.api.store.Contribution;

/**
 * One row of {@code pace_daily_aggregate}: a manager's metric on one local day. Ordered, so that a write touches the
 * rows in the same order every time.
 */
record AggregateKey(String managerId, String metric, LocalDate day) implements Comparable<AggregateKey> {

    private static final Comparator<AggregateKey> ORDER = Comparator.comparing(AggregateKey::managerId)
            .thenComparing(AggregateKey::metric).thenComparing(AggregateKey::day);

    static AggregateKey of(Contribution contribution) {
        return new AggregateKey(contribution.managerId(), contribution.metric(), contribution.day());
    }

    @Override
    public int compareTo(AggregateKey other) {
        return ORDER.compare(this, other);
    }
}
