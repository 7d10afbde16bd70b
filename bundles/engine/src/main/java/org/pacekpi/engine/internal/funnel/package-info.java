/**
 * The funnel as measured: {@link org.pacekpi.engine.internal.funnel.FunnelSettings} (PID {@code org.pacekpi.funnel}:
 * stages, host stage mapping, activities, window, shrinkage), {@link org.pacekpi.engine.internal.funnel.DealJourney}
 * (each deal's first entry into each stage, skips and moves back included),
 * {@link org.pacekpi.engine.internal.funnel.FunnelMeter} (cohort and snapshot conversions, activity ratios,
 * shrinkage toward the team, stage times, win rate, average paid deal) and
 * {@link org.pacekpi.engine.internal.funnel.FunnelCalculator}, the {@link org.pacekpi.api.targets.FunnelService}
 * over the host's directory and Pace's store. Plain Java, no OSGi; rates are exact
 * {@link org.pacekpi.engine.internal.plan.Fraction}s.
 */
package org.pacekpi.engine.internal.funnel;
