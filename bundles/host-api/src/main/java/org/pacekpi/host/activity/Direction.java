package org.pacekpi.host.activity;

/** Who started an interaction. */
public enum Direction {
    /** The manager reached out. */
    OUTBOUND,
    /** The contact reached the manager. */
    INBOUND,
    /** Not an interaction, or unknown. */
    NONE
}
