package org.pacekpi.engine.internal;

import java.util.Optional;

import org.pacekpi.api.NotFoundException;
import org.pacekpi.host.directory.Directory;
import org.pacekpi.host.directory.Team;

/** Teams as the services look them up: one place for the "unknown team" answer. */
public final class Teams {

    private Teams() {
    }

    /**
     * The team with the id.
     *
     * @throws NotFoundException naming the id if the directory has no such team (or the id is null)
     */
    public static Team team(Directory directory, String teamId) {
        return (teamId == null ? Optional.<Team>empty() : directory.team(teamId))
                .orElseThrow(() -> new NotFoundException("no team with id '" + teamId + "'"));
    }
}
