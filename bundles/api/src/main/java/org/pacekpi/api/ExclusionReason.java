package org.pacekpi.api;

/**
 * Why an interaction (call, e-mail, message, meeting) did not count as a client touch. Every excluded activity keeps
 * its reason, so Pace can answer "why did this not count?".
 */
public enum ExclusionReason {
    /** The counterpart is a colleague: an internal contact, a company e-mail domain or phone (for a meeting: every attendee). */
    COLLEAGUE,
    /** Another touch with the same contact on the same channel was already counted in the duplicate window. */
    DUPLICATE,
    /** A connected call shorter than the minimum call duration (30 s by default): an attempt, not a touch. */
    SHORT_CALL,
    /** A call that did not connect (no answer, busy, voicemail, unknown): an attempt, not a touch. */
    NOT_CONNECTED,
    /** An e-mail or message that bounced or failed. */
    NOT_DELIVERED,
    /** A meeting not held: cancelled, only scheduled, or of unknown outcome. */
    MEETING_NOT_HELD,
    /** Created by a robot, sequence or integration rather than by the manager. */
    AUTOMATED,
    /** No identifiable counterpart (no contact id, e-mail or phone). */
    NO_COUNTERPART
}
