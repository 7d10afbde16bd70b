package org.pacekpi.host.directory;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;

/**
 * A CRM user.
 *
 * @param id          stable id, the {@code actorId} of the user's activities
 * @param login       the name the user signs in with
 * @param displayName the name shown to people
 * @param email       the user's work e-mail, or null
 * @param roles       the user's roles; a user without roles sees nothing in Pace
 * @param teamId      the team the user belongs to, or null
 * @param timeZone    the user's time zone: days, weeks and months are counted in it
 * @param schedule    the user's working calendar
 * @param active      false for a user who left; their history stays
 */
public record User(String id, String login, String displayName, String email, Set<Role> roles, String teamId,
                   ZoneId timeZone, WorkingSchedule schedule, boolean active) {

    /** Checks the required fields. */
    public User {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("user id is required");
        }
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        Objects.requireNonNull(timeZone, () -> "user " + id + ": timeZone is required");
        schedule = schedule == null ? WorkingSchedule.DEFAULT : schedule;
        displayName = displayName == null ? id : displayName;
        login = login == null ? id : login;
    }

    /** True if the user has the role. */
    public boolean hasRole(Role role) {
        return roles.contains(role);
    }
}
