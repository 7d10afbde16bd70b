package org.pacekpi.api.targets;

import java.util.Objects;

/**
 * A request that cannot be accepted as given: names the field (a JSON path such as {@code goal.revenue.amount} or
 * {@code pinnedRates[1].rate}) and says what is wrong with it. REST answers 400 with the field.
 */
public class ValidationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field  the path of the offending field
     * @param reason what is wrong, e.g. "must be positive, was -3"
     */
    public ValidationException(String field, String reason) {
        super(Objects.requireNonNull(field, "field") + ": " + reason);
        this.field = field;
    }

    /** The path of the offending field. */
    public String field() {
        return field;
    }
}
