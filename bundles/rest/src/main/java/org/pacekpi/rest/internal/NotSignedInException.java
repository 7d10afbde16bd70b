package org.pacekpi.rest.internal;

/** The request carries no valid credentials, or they name a user Pace cannot accept: answered with 401. */
public class NotSignedInException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message why the caller is not signed in, e.g. "user 'bob' is inactive" */
    public NotSignedInException(String message) {
        super(message);
    }
}
