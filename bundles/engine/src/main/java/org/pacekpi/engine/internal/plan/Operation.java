package org.pacekpi.engine.internal.plan;

/** The arithmetic an {@link Explanation} records. */
public enum Operation {
    /** The result is the only operand, as given (a goal in paid deals). */
    GIVEN,
    /** The first operand divided by the second. */
    DIVIDE,
    /** The product of the operands. */
    MULTIPLY,
    /** The first operand minus the second. */
    SUBTRACT
}
