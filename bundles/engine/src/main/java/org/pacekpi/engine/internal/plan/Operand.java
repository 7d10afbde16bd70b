package org.pacekpi.engine.internal.plan;

/**
 * One input of an {@link Explanation}.
 *
 * @param name  what it is, e.g. {@code paid deals}, {@code rate proposal -> paid}, {@code weeks}
 * @param value its exact value
 */
public record Operand(String name, Fraction value) {
}
