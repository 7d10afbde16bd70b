package org.pacekpi.benchmarks;

/** How a KPI view is asked for. */
public enum Access {

    /** Pace's KPI service, called in the same JVM. */
    IN_PROCESS("Pace in-process"),
    /** Pace's REST API over loopback HTTP, JSON parsed by the client. */
    REST("Pace REST"),
    /** The baseline: a plain SQL GROUP BY over the raw activity table. */
    GROUP_BY("GROUP BY baseline");

    private final String label;

    Access(String label) {
        this.label = label;
    }

    /** How the report names it. */
    public String label() {
        return label;
    }
}
