package org.pacekpi.host.activity;

/** How an interaction ended, as far as the host knows. */
public enum Outcome {
    /** A call in which both sides talked. */
    CONNECTED,
    /** A call nobody answered. */
    NO_ANSWER,
    /** A call that found the line busy. */
    BUSY,
    /** A call that ended on voicemail. */
    VOICEMAIL,
    /** A message or e-mail that was sent or received. */
    SENT,
    /** A message or e-mail that bounced or failed. */
    FAILED,
    /** A meeting that took place. */
    HELD,
    /** A meeting that was cancelled or did not take place. */
    NOT_HELD,
    /** A meeting planned for later. */
    SCHEDULED,
    /** No outcome applies (deal and contact events). */
    NONE
}
