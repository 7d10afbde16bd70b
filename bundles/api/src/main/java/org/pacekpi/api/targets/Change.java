package org.pacekpi.api.targets;

import java.time.Instant;

/**
 * One change of a goal or a target, as kept in the audit history.
 *
 * @param sequence increasing over all changes
 * @param entity   {@code goal} or {@code target}
 * @param entityId the goal's or target's id
 * @param version  the version the change produced (for a deletion, the version deleted)
 * @param action   {@code created}, {@code updated}, {@code rederived} or {@code deleted}
 * @param actor    who made it (the host's user id)
 * @param at       when
 * @param before   the old value in words; null when created
 * @param after    the new value in words; null when deleted
 */
public record Change(long sequence, String entity, String entityId, long version, String action, String actor,
                     Instant at, String before, String after) {
}
