package org.pacekpi.api.store;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A goal as stored. The store keeps {@code definition} as given (the engine's encoding of the goal and its
 * derivation settings) and compares versions; it does not interpret either text.
 *
 * @param id         the goal's id
 * @param version    1 when created, incremented by every change
 * @param scopeType  {@code team} or {@code manager}
 * @param scopeId    the team's or manager's id
 * @param period     the period as written, e.g. {@code 2026-03}
 * @param from       its first day
 * @param to         its last day
 * @param definition the goal and its settings, encoded by the engine
 * @param summary    the goal in words, for the audit history
 * @param updatedBy  who made the last change
 * @param updatedAt  when
 */
public record StoredGoal(String id, long version, String scopeType, String scopeId, String period, LocalDate from,
                         LocalDate to, String definition, String summary, String updatedBy, Instant updatedAt) {
}
