package org.pacekpi.api.targets;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A stored target: set by hand, or derived from a goal.
 *
 * @param id          the target's id
 * @param version     incremented by every change; the REST ETag
 * @param scope       a team or a manager
 * @param metric      the KPI metric it is tracked on
 * @param period      the period as written, e.g. {@code 2026-03}
 * @param from        the period's first day
 * @param to          the period's last day
 * @param value       the count to reach
 * @param goalId      the goal it was derived from; null for a manual target
 * @param explanation how a derived target was computed, or the manual target's note
 * @param updatedBy   who made the last change
 * @param updatedAt   when
 */
public record TargetRecord(String id, long version, Scope scope, String metric, String period, LocalDate from,
                           LocalDate to, long value, String goalId, String explanation, String updatedBy,
                           Instant updatedAt) {
}
