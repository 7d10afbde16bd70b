package org.pacekpi.api;

/** Something asked for by id does not exist; the message names it. */
public class NotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what was not found, e.g. "no manager with id 'bob'" */
    public NotFoundException(String message) {
        super(message);
    }
}
