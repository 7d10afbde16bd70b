package org.pacekpi.rest.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A field of a request body that Pace's own JSON readers reject, with a reason meant for the client as it is
 * ({@code "must be team or manager, was \"club\""}); Jackson adds the field's path on the way out.
 */
final class BodyFieldException extends MismatchedInputException {
    private static final long serialVersionUID = 1L;

    /**
     * @param parser where the field was read
     * @param reason what is wrong with it
     */
    BodyFieldException(JsonParser parser, String reason) {
        super(parser, reason);
    }
}
