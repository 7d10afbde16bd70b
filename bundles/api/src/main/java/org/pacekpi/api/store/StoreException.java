package org.pacekpi.api.store;

/** The store failed: the database is unreachable, a statement failed, a migration is inconsistent. */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what the store was doing */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @param message what is wrong */
    public StoreException(String message) {
        super(message);
    }
}
