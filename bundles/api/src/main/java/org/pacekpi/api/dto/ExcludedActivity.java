package org.pacekpi.api.dto;

import java.time.Instant;

/**
 * An interaction that did not count as a touch, and why.
 *
 * @param activityId  the host's activity id
 * @param occurredAt  when it happened
 * @param kind        call, e-mail, message or meeting (the host's kind name)
 * @param channel     the channel (the host's channel name)
 * @param counterpart who it was with: contact id, e-mail or phone
 * @param reason      the reason, see {@link org.pacekpi.api.ExclusionReason}
 * @param explanation the reason in words, e.g. "call of 12 s, shorter than the minimum of 30 s"
 */
public record ExcludedActivity(String activityId, Instant occurredAt, String kind, String channel, String counterpart,
                               String reason, String explanation) {
}
