package org.pacekpi.engine.internal.plan;

/** Where a conversion rate comes from. */
public enum RateSource {
    /** Measured on the manager's or team's history, over a sample of the given size. */
    MEASURED,
    /** Set by an admin, whatever the history says. */
    PINNED
}
