package org.pacekpi.rest.internal;

import java.util.List;

import org.pacekpi.host.directory.Directory;
import org.pacekpi.host.directory.Role;
import org.pacekpi.host.directory.Team;
import org.pacekpi.host.directory.User;

/**
 * The signed-in user, as {@code GET /me} shows them.
 *
 * @param id          the user id (also the manager id in KPI URLs)
 * @param login       the sign-in name
 * @param displayName the name shown to people
 * @param roles       the user's roles, sorted
 * @param teamId      the user's team, or null
 * @param teamName    the team's name, or null
 * @param timeZone    the user's time zone id, e.g. {@code Europe/Moscow}
 */
public record MeView(String id, String login, String displayName, List<String> roles, String teamId, String teamName,
                     String timeZone) {

    /** The view of {@code user}, with the team name from the directory. */
    public static MeView of(User user, Directory directory) {
        String teamName = user.teamId() == null ? null
                : directory.team(user.teamId()).map(Team::name).orElse(null);
        return new MeView(user.id(), user.login(), user.displayName(),
                user.roles().stream().map(Role::name).sorted().toList(), user.teamId(), teamName,
                user.timeZone().getId());
    }
}
