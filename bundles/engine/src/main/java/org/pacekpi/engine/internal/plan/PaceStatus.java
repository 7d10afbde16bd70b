package org.pacekpi.engine.internal.plan;

/**
 * How a count stands against its target, by working time elapsed ({@link Pacing}). Decided in this order:
 * <ol>
 * <li>With no working time left in the period (it is over, or its last working hours have passed): {@link #AHEAD}
 * if the actual is at least {@link Pacing#AHEAD_RATIO} times the target, {@link #ON_TRACK} if it reached the target,
 * {@link #AT_RISK} if it did not (the target is missed; nothing can be done in working time).</li>
 * <li>With nothing expected yet (no working time elapsed): {@link #AHEAD} if anything was done, else
 * {@link #ON_TRACK}.</li>
 * <li>Otherwise by the ratio of actual to expected-to-date: {@link #AHEAD} from {@link Pacing#AHEAD_RATIO} (1.1) on,
 * {@link #ON_TRACK} from {@link Pacing#ON_TRACK_RATIO} (0.9) on; below that {@link #BEHIND} if what is needed per
 * remaining working day is at most {@link Pacing#CATCH_UP_RATIO} (1.5) times the planned daily rate (target over the
 * period's working days), a pace that can still be kept up, else {@link #AT_RISK}.</li>
 * </ol>
 */
public enum PaceStatus {
    /** Well ahead of the expected-to-date. */
    AHEAD,
    /** Close to the expected-to-date, or the target reached. */
    ON_TRACK,
    /** Behind, but at most 1.5 times the planned daily rate from now on makes the target. */
    BEHIND,
    /** So far behind that the target needs more than 1.5 times the planned daily rate, or it is missed. */
    AT_RISK
}
