package org.pacekpi.rest.internal;

import org.pacekpi.host.directory.User;

/**
 * A manager in {@code GET /managers}.
 *
 * @param id          the manager's user id
 * @param displayName the name shown to people
 * @param teamId      the manager's team, or null
 * @param timeZone    the time zone their days are counted in
 */
public record ManagerView(String id, String displayName, String teamId, String timeZone) {

    /** The view of {@code user}. */
    public static ManagerView of(User user) {
        return new ManagerView(user.id(), user.displayName(), user.teamId(), user.timeZone().getId());
    }
}
