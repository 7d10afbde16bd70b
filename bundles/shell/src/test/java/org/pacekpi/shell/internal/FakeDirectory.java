package org.pacekpi.shell.internal;

import java.time.ZoneId;
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

/**
 * An in-memory directory: Zoe (m1, Moscow), Boris (m3, Vladivostok), an inactive manager, a head and an admin.
 */
final class FakeDirectory implements Directory {

    private final Map<String, User> users = new TreeMap<>();

    FakeDirectory() {
        add("m1", "Zoe North", "Europe/Moscow", true, Role.MANAGER);
        add("m3", "Boris South", "Asia/Vladivostok", true, Role.MANAGER);
        add("gone", "Gone North", "Europe/Moscow", false, Role.MANAGER);
        add("hedda", "Hedda Head", "Europe/Moscow", true, Role.HEAD);
        add("root", "Root Admin", "Europe/Moscow", true, Role.ADMIN);
        add("mia", "Mia Both", "Europe/Moscow", true, Role.HEAD, Role.MANAGER);
    }

    private void add(String id, String name, String zone, boolean active, Role first, Role... more) {
        users.put(id, new User(id, id, name, id + "@example.com", EnumSet.of(first, more), "north", ZoneId.of(zone),
                null, active));
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
        return Optional.of(new Team("north", "North", Set.of("hedda")));
    }

    @Override
    public List<Team> teams() {
        return List.of(new Team("north", "North", Set.of("hedda")));
    }

    @Override
    public List<User> members(String teamId) {
        return users();
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
}
