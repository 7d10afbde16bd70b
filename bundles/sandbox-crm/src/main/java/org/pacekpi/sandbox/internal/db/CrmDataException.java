package org.pacekpi.sandbox.internal.db;

import org.pacekpi.sandbox.internal.CrmException;

/** The sandbox's database failed or is unreachable; the message says which operation failed. */
public final class CrmDataException extends CrmException {
    private static final long serialVersionUID = 1L;

    /** A failure with its cause, usually an {@link java.sql.SQLException}. */
    public CrmDataException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int status() {
        return 503;
    }
}
