package org.pacekpi.engine.internal;

/**
 * Why an activity does not count as a client touch. Not stored yet; it is what the diagnosis ("whose activity is
 * mostly colleagues or failed calls") will be built on, so every rule names its reason now.
 */
public enum ExclusionReason {
    /** The host deleted the activity. */
    DELETED,
    /** A deal event, a contact creation, a note: not an interaction with a client. */
    NOT_AN_INTERACTION,
    /** Created by a robot, sequence or integration rather than by the manager. */
    AUTOMATED,
    /** No identifiable counterpart (no contact id, e-mail or phone). */
    NO_COUNTERPART,
    /** The counterpart is a colleague (for a meeting: every attendee is). */
    COLLEAGUE,
    /** A call that did not connect: no answer, busy, voicemail, or unknown outcome. */
    NOT_CONNECTED,
    /** An e-mail or message that bounced or failed. */
    NOT_DELIVERED,
    /** A meeting that was not held (cancelled, only scheduled, or unknown outcome). */
    MEETING_NOT_HELD
}
