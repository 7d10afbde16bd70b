package org.pacekpi.api.targets;

import java.time.Instant;

/**
 * A stored goal, with the targets last derived from it.
 *
 * @param id        the goal's id
 * @param version   incremented by every change; the REST ETag
 * @param input     the goal as set
 * @param derived   the derivation its current targets come from
 * @param updatedBy who made the last change
 * @param updatedAt when
 */
public record GoalRecord(String id, long version, GoalInput input, DerivedTargets derived, String updatedBy,
                         Instant updatedAt) {
}
