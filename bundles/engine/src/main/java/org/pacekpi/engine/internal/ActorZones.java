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

    /**
     * These zones, each asked once and then remembered: for one rebuild, which asks about each actor many times, and
     * must count all of an actor's activities in one zone even if the directory changes meanwhile. Not thread-safe.
     */
    static ActorZones remembering(ActorZones zones) {
        java.util.Map<String, ZoneId> remembered = new java.util.HashMap<>();
        return actorId -> remembered.computeIfAbsent(actorId, zones::zoneOf);
    }
}
