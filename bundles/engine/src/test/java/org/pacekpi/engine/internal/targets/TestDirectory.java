package org.pacekpi.engine.internal.targets;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.pacekpi.host.directory.Directory;
import org.pacekpi.host.directory.Role;
import org.pacekpi.host.directory.Team;
import org.pacekpi.host.directory.User;
import org.pacekpi.host.directory.WorkingSchedule;

/** A host directory in memory with any users and teams. */
public final class TestDirectory implements Directory {

    /** Monday to Friday, 09:00 to 18:00, no holidays. */
    static final WorkingSchedule WEEKDAYS = new WorkingSchedule(null, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            LocalTime.of(9, 0), LocalTime.of(18, 0));

    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final Map<String, Team> teams = new ConcurrentHashMap<>();

    /** An active manager in the zone and team, working Monday to Friday 09:00 to 18:00. */
    public TestDirectory manager(String id, String zone, String teamId) {
        return user(new User(id, id, id, null, Set.of(Role.MANAGER), teamId, ZoneId.of(zone), WEEKDAYS, true));
    }

    TestDirectory user(User user) {
        users.put(user.id(), user);
        return this;
    }

    public TestDirectory addTeam(String id) {
        teams.put(id, new Team(id, id, Set.of()));
        return this;
    }

    TestDirectory remove(String userId) {
        users.remove(userId);
        return this;
    }

    @Override
    public Optional<User> user(String userId) {
        return Optional.ofNullable(users.get(userId));
    }

    @Override
    public List<User> users() {
        return users.values().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
    }

    @Override
    public Optional<Team> team(String teamId) {
        return Optional.ofNullable(teams.get(teamId));
    }

    @Override
    public List<Team> teams() {
        return teams.values().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
    }

    @Override
    public List<User> members(String teamId) {
        return users().stream().filter(user -> teamId.equals(user.teamId())).toList();
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
