package org.pacekpi.engine.internal.plan;

import java.util.Objects;

/**
 * Bad input to a plan: the message names the field (as a path into the request, e.g. {@code conversions[1].rate})
 * and says what is wrong, so that the REST layer can answer a problem+json naming it.
 */
public final class PlanValidationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field   the path of the offending field
     * @param problem what is wrong with it, for a person
     */
    public PlanValidationException(String field, String problem) {
        super(Objects.requireNonNull(field, "field") + ": " + Objects.requireNonNull(problem, "problem"));
        this.field = field;
    }

    /** The path of the offending field, e.g. {@code goal.paidDeals} or {@code conversions[1].rate}. */
    public String field() {
        return field;
    }

    /** The same problem under a parent path: {@code rate} within {@code conversions[1]} is {@code conversions[1].rate}. */
    public PlanValidationException within(String parent) {
        PlanValidationException nested = new PlanValidationException(parent + "." + field,
                getMessage().substring(field.length() + 2));
        nested.initCause(this);
        return nested;
    }
}
