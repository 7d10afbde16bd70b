package org.pacekpi.engine.internal;

import java.time.ZoneId;

/**
 * The time zone each actor's days are counted in. A function rather than the host's directory so that a
 * recomputation from the log ({@link Recount}) can be given exactly the zones the incremental path used.
 */
@FunctionalInterface
public interface ActorZones {

    /** The actor's time zone; never null. */
    ZoneId zoneOf(String actorId);
}
