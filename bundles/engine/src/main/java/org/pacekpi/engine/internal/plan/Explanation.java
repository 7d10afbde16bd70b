package org.pacekpi.engine.internal.plan;

import java.util.List;
import java.util.Objects;

/**
 * How a derived number came about: the arithmetic as data (the operation, its operands in order, the exact result)
 * and the sentence a head of sales would read aloud, built from them, e.g. {@code 9 proposals: 3 paid deals / 1 paid
 * deal per 3 proposals (rate 0.33, measured on 42 deals)}.
 *
 * @param operation what was done
 * @param operands  the inputs, in the operation's order
 * @param result    the exact result
 * @param text      the sentence
 */
public record Explanation(Operation operation, List<Operand> operands, Fraction result, String text) {

    /** Copies the operands. */
    public Explanation {
        Objects.requireNonNull(operation, "operation");
        operands = List.copyOf(operands);
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(text, "text");
    }
}
