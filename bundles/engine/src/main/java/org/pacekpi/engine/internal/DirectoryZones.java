package org.pacekpi.engine.internal;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

import org.pacekpi.host.directory.Directory;
import org.pacekpi.host.directory.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Actors' time zones from the host's directory; an actor the directory does not know counts in UTC. */
public final class DirectoryZones implements ActorZones {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryZones.class);

    private final Directory directory;

    /** @param directory the host's directory */
    public DirectoryZones(Directory directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    @Override
    public ZoneId zoneOf(String actorId) {
        Optional<User> actor = directory.user(actorId);
        if (actor.isEmpty()) {
            // A user deleted from the host, or an integration account: count the activity anyway, on the UTC day.
            LOG.debug("actor '{}' is not in the directory, counting their days in UTC", actorId);
            return ZoneOffset.UTC;
        }
        return actor.get().timeZone();
    }
}
