package org.pacekpi.rest.internal;

/** The signed-in user may not see what they asked for: answered with 403. The message says who may see what. */
public class AccessDeniedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message who may see what, and why the caller may not */
    public AccessDeniedException(String message) {
        super(message);
    }
}
