package org.pacekpi.api;

/** The ids of the metrics Pace computes. */
public final class Metrics {
    /** Client touches: completed interactions with an external contact on any channel. */
    public static final String TOUCHES = "touches";

    private Metrics() {
    }
}
