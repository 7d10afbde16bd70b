package org.pacekpi.sandbox.internal.rest;

import java.math.BigDecimal;
import java.util.List;

/**
 * The body of {@code POST /crm/api/activities} and {@code PUT /crm/api/activities/{id}}: an activity as a CRM
 * user logs it. Every field but {@code type} is optional; {@link ActivityRequests} checks and completes it.
 *
 * @param type            call, email, message, meeting, deal_stage_change, deal_won, deal_lost or contact_created
 * @param occurredAt      ISO-8601 instant (default: now)
 * @param contactId       the counterpart contact
 * @param email           the counterpart's e-mail address, when not (only) a contact
 * @param phone           the counterpart's phone number, when not (only) a contact
 * @param attendees       contact ids of a meeting's attendees
 * @param channel         phone, email, messenger, in_person or video (default: from the type)
 * @param direction       outbound (default) or inbound
 * @param outcome         connected, no_answer, busy, voicemail; sent, failed; held, not_held, scheduled
 * @param durationSeconds a call's or meeting's length in seconds
 * @param dealId          the deal it belongs to
 * @param stage           a deal stage
 * @param amount          a deal's money
 * @param currency        ISO 4217 code of the amount
 * @param automated       true if created by automation
 * @param actorId         the user credited; only an admin may name someone else
 */
public record ActivityRequest(String type, String occurredAt, String contactId, String email, String phone,
                              List<String> attendees, String channel, String direction, String outcome,
                              Long durationSeconds, String dealId, String stage, BigDecimal amount, String currency,
                              Boolean automated, String actorId) {
}
