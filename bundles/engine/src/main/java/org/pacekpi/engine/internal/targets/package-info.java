/**
 * Goals and targets: {@link org.pacekpi.engine.internal.targets.GoalsAndTargets} implements the
 * {@link org.pacekpi.api.targets.TargetService}. A goal is derived by {@link org.pacekpi.engine.internal.targets.GoalDeriver}
 * (validation, the managers of the scope, the measured conversions of the funnel service, pinned rates) into a
 * {@link org.pacekpi.engine.internal.targets.Derivation}: everything the arithmetic needs, kept with a stored goal by
 * {@link org.pacekpi.engine.internal.targets.GoalCodec}, so that a stored goal's targets are recomputed the same
 * whatever the measurements do later. {@link org.pacekpi.engine.internal.targets.DerivationView} turns a derivation
 * into the API's targets through the {@link org.pacekpi.engine.internal.plan.ReverseFunnel};
 * {@link org.pacekpi.engine.internal.targets.TargetPacer} measures counts against stored targets. Plain Java: no OSGi
 * types; the wiring is in {@code internal.osgi}.
 */
package org.pacekpi.engine.internal.targets;
