package org.pacekpi.api.targets;

/**
 * A write that contradicts what is stored, whatever its version: a second manual target for the same scope, metric
 * and period, or a direct edit of a target that a goal derived. Nothing was written. REST answers 409.
 */
public class ConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what conflicts with what, and what to do instead */
    public ConflictException(String message) {
        super(message);
    }
}
