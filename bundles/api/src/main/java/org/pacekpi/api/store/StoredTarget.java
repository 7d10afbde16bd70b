package org.pacekpi.api.store;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A target as stored.
 *
 * @param id          the target's id
 * @param version     1 when created, incremented by every change
 * @param scopeType   {@code team} or {@code manager}
 * @param scopeId     the team's or manager's id
 * @param metric      the KPI metric
 * @param period      the period as written
 * @param from        its first day
 * @param to          its last day
 * @param value       the count to reach
 * @param goalId      the goal it was derived from; null for a manual target
 * @param explanation how it was derived, or a manual target's note; may be null
 * @param updatedBy   who made the last change
 * @param updatedAt   when
 */
public record StoredTarget(String id, long version, String scopeType, String scopeId, String metric, String period,
                           LocalDate from, LocalDate to, long value, String goalId, String explanation,
                           String updatedBy, Instant updatedAt) {

    /** The target in words for the audit history, e.g. {@code stage:proposal = 9 for manager:anna in 2026-03}. */
    public String summary() {
        return metric + " = " + value + " for " + scopeType + ":" + scopeId + " in " + period
                + (goalId == null ? "" : " (derived from goal " + goalId + ")");
    }
}
