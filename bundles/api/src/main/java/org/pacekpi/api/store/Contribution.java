package org.pacekpi.api.store;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What one activity adds to one aggregate: {@code value} to {@code metric} of {@code managerId} on {@code day}
 * (the day in the manager's time zone). The store keeps each activity's contributions so that a correction or a
 * deletion can take them back exactly.
 *
 * @param managerId the manager credited
 * @param metric    the metric id
 * @param day       the manager's local day
 * @param value     the amount added, usually 1
 */
public record Contribution(String managerId, String metric, LocalDate day, long value) {

    /** All fields required. */
    public Contribution {
        Objects.requireNonNull(managerId, "managerId");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(day, "day");
    }
}
