/**
 * Pace's funnel and targets: conversions measured stage by stage, targets derived backwards from a money goal, manual
 * targets, and pacing against them. Every number a derivation produces comes with the arithmetic that produced it.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.pacekpi.api.targets;
