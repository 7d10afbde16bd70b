package org.pacekpi.rest.internal;

import java.util.List;

import org.pacekpi.host.directory.Team;

/**
 * A team in {@code GET /teams}.
 *
 * @param id          the team id
 * @param name        the name shown to people
 * @param headUserIds the users who head the team, sorted
 */
public record TeamView(String id, String name, List<String> headUserIds) {

    /** The view of {@code team}. */
    public static TeamView of(Team team) {
        return new TeamView(team.id(), team.name(), team.headUserIds().stream().sorted().toList());
    }
}
