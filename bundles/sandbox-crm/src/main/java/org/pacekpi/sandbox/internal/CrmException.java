package org.pacekpi.sandbox.internal;

/**
 * Base of the sandbox's own exceptions, so that one exception mapper can answer them over HTTP without touching
 * exceptions that belong to other bundles' resources.
 */
public abstract class CrmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected CrmException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The HTTP status this failure answers with. */
    public abstract int status();
}
