package org.pacekpi.api.targets;

/**
 * A write based on a version that is no longer the current one: somebody else changed the goal or target first.
 * Nothing was written. REST answers 412 Precondition Failed.
 */
public class StaleVersionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String id;
    private final long expectedVersion;
    private final long currentVersion;

    /**
     * @param what            "goal" or "target"
     * @param id              its id
     * @param expectedVersion the version the writer based the change on
     * @param currentVersion  the version stored now
     */
    public StaleVersionException(String what, String id, long expectedVersion, long currentVersion) {
        super(what + " " + id + " is at version " + currentVersion + ", not " + expectedVersion
                + ": it was changed by someone else; read it again and reapply the change");
        this.id = id;
        this.expectedVersion = expectedVersion;
        this.currentVersion = currentVersion;
    }

    /** The goal's or target's id. */
    public String id() {
        return id;
    }

    /** The version the rejected write was based on. */
    public long expectedVersion() {
        return expectedVersion;
    }

    /** The version stored now. */
    public long currentVersion() {
        return currentVersion;
    }
}
