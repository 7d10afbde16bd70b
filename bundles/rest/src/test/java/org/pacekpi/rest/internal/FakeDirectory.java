package org.pacekpi.rest.internal;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.pacekpi.host.directory.Directory;
import org.pacekpi.host.directory.Role;
import org.pacekpi.host.directory.Team;
import org.pacekpi.host.directory.User;

/** An in-memory directory; each test builds its own. */
final class FakeDirectory implements Directory {

    private final Map<String, User> users = new TreeMap<>();
    private final Map<String, Team> teams = new TreeMap<>();

    FakeDirectory team(String id, String name, String... headUserIds) {
        teams.put(id, new Team(id, name, Set.of(headUserIds)));
        return this;
    }

    FakeDirectory user(String id, String displayName, String teamId, String zone, boolean active, Role... roles) {
        Set<Role> roleSet = roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(Arrays.asList(roles));
        users.put(id, new User(id, id, displayName, id + "@example.com", roleSet, teamId, ZoneId.of(zone), null,
                active));
        return this;
    }

    FakeDirectory user(String id, String displayName, String teamId, Role... roles) {
        return user(id, displayName, teamId, "Europe/Moscow", true, roles);
    }

    @Override
    public Optional<User> user(String userId) {
        return Optional.ofNullable(users.get(userId));
    }

    @Override
    public List<User> users() {
        return List.copyOf(users.values());
    }

    @Override
    public Optional<Team> team(String teamId) {
        return Optional.ofNullable(teams.get(teamId));
    }

    @Override
    public List<Team> teams() {
        return List.copyOf(teams.values());
    }

    @Override
    public List<User> members(String teamId) {
        return users.values().stream().filter(u -> teamId.equals(u.teamId())).toList();
    }

    @Override
    public boolean isInternalContact(String contactId) {
        return false;
    }

    @Override
    public boolean isInternalEmail(String email) {
        return false;
    }

    @Override
    public boolean isInternalPhone(String phone) {
        return false;
    }

    /**
     * The directory most tests use. Team "north" is headed by "hedda", team "south" by "sven", who is also a manager
     * there. Display names are chosen so that sorting by name differs from sorting by id.
     */
    static FakeDirectory sales() {
        return new FakeDirectory()
                .team("north", "North", "hedda")
                .team("south", "South", "sven")
                .user("m1", "Zoe North", "north", Role.MANAGER)
                .user("m2", "Anna North", "north", Role.MANAGER)
                .user("m3", "Boris South", "south", "Asia/Vladivostok", true, Role.MANAGER)
                .user("gone", "Gone North", "north", "Europe/Moscow", false, Role.MANAGER)
                .user("hedda", "Hedda Head", null, Role.HEAD)
                .user("sven", "Sven South", "south", Role.HEAD, Role.MANAGER)
                .user("root", "Root Admin", null, Role.ADMIN)
                .user("nobody", "No Roles", "north")
                .user("left", "Left Company", "north", "Europe/Moscow", false, Role.ADMIN);
    }
}
