package org.pacekpi.rest.internal;

/**
 * A write of a goal or target without {@code If-Match}: answered with 428 Precondition Required, so that nobody
 * overwrites a change they have not seen. The message says which ETag to send.
 */
public class PreconditionRequiredException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what to send, e.g. "send If-Match with the ETag of GET /goals/g1" */
    public PreconditionRequiredException(String message) {
        super(message);
    }
}
