package org.pacekpi.host.directory;

import java.util.Set;

/**
 * A sales team.
 *
 * @param id          stable id
 * @param name        the name shown to people
 * @param headUserIds the users who head the team (heads of sales see its managers)
 */
public record Team(String id, String name, Set<String> headUserIds) {

    /** Checks the id and copies the set. */
    public Team {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("team id is required");
        }
        headUserIds = headUserIds == null ? Set.of() : Set.copyOf(headUserIds);
        name = name == null ? id : name;
    }
}
