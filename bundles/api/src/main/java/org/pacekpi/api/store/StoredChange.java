package org.pacekpi.api.store;

import java.time.Instant;

/**
 * One row of the audit history of goals and targets.
 *
 * @param sequence increasing over all changes
 * @param entity   {@code goal} or {@code target}
 * @param entityId its id
 * @param version  the version the change produced (for a deletion, the version deleted)
 * @param action   {@code created}, {@code updated}, {@code rederived} or {@code deleted}
 * @param actor    who
 * @param at       when
 * @param before   the old summary; null when created
 * @param after    the new summary; null when deleted
 */
public record StoredChange(long sequence, String entity, String entityId, long version, String action, String actor,
                          Instant at, String before, String after) {
}
