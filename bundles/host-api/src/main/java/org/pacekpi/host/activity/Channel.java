package org.pacekpi.host.activity;

/** The channel an interaction used. */
public enum Channel {
    /** Telephone. */
    PHONE,
    /** E-mail. */
    EMAIL,
    /** A messenger, chat or SMS. */
    MESSENGER,
    /** Face to face. */
    IN_PERSON,
    /** A video call. */
    VIDEO,
    /** None or unknown (deal and contact events). */
    NONE
}
