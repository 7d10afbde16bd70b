package org.pacekpi.api.targets;

import java.util.List;

/**
 * How a number came about: the sentence a head of sales reads aloud, and the arithmetic behind it as data.
 *
 * @param text      e.g. "9 proposals: 3 paid deals / 1 paid deal per 3 proposals (rate 1/3, measured on 42 deals)"
 * @param operation given, divide, multiply or subtract (lower case)
 * @param operands  the inputs, in the operation's order
 * @param result    the exact result
 */
public record Explanation(String text, String operation, List<Operand> operands, Exact result) {

    /** Copies the operands. */
    public Explanation {
        operands = operands == null ? List.of() : List.copyOf(operands);
    }

    /**
     * One input of the arithmetic.
     *
     * @param name  e.g. "paid deals", "rate proposal -> paid", "weeks"
     * @param value its exact value
     */
    public record Operand(String name, Exact value) {
    }
}
