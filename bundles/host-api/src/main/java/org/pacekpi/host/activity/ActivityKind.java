package org.pacekpi.host.activity;

/**
 * What happened. In Activity Streams 2.0 terms the kind is the activity {@code type}
 * (a call or a meeting is an AS2 {@code Event} the actor took part in; a stage change is an {@code Update} of a deal).
 */
public enum ActivityKind {
    /** A phone call, connected or not. */
    CALL,
    /** An e-mail sent or received. */
    EMAIL,
    /** A message in a messenger or chat (WhatsApp, Telegram, SMS...). */
    MESSAGE,
    /** A meeting, in person or by video, planned, held or not held. */
    MEETING,
    /** A deal moved to another stage; {@link Activity#stage()} names the new stage. */
    DEAL_STAGE_CHANGED,
    /** A deal was won (paid); {@link Activity#amount()} and {@link Activity#currency()} carry the money. */
    DEAL_WON,
    /** A deal was lost. */
    DEAL_LOST,
    /** A new contact was created in the CRM. */
    CONTACT_CREATED,
    /** A note, task or anything else the host records; Pace keeps it but does not count it. */
    OTHER
}
