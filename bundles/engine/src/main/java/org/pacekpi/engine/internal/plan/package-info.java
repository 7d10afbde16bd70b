/**
 * Targets from goals, and pace against them: {@link org.pacekpi.engine.internal.plan.ReverseFunnel} turns a goal
 * (paid deals, or money and an average paid deal) for a month or a quarter into the count every funnel step and
 * activity needs, per period, week and working day, with cumulative schedules, "needed by" dates and the arithmetic
 * of each number in words; {@link org.pacekpi.engine.internal.plan.Pacing} measures a count against its target by
 * the working time elapsed in the manager's calendar. Exact arithmetic in
 * {@link org.pacekpi.engine.internal.plan.Fraction}s; bad input is a
 * {@link org.pacekpi.engine.internal.plan.PlanValidationException} naming the field. Plain Java, no OSGi, no store.
 */
package org.pacekpi.engine.internal.plan;
