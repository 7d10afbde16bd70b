package org.pacekpi.engine.internal;

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

/**
 * A host directory in memory: managers with time zones (and, if set, a working schedule), teams, and the company's
 * contacts, e-mails and phones.
 */
public final class InMemoryDirectory implements Directory {

    /** Monday to Friday, 09:00 to 18:00, no holidays. */
    public static final WorkingSchedule WEEKDAYS = new WorkingSchedule(null,
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(18, 0));

    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final Map<String, Team> teams = new ConcurrentHashMap<>();
    private final Set<String> internalContacts = ConcurrentHashMap.newKeySet();
    private final Set<String> internalEmails = ConcurrentHashMap.newKeySet();
    private final Set<String> internalPhones = ConcurrentHashMap.newKeySet();
    private volatile WorkingSchedule schedule;

    /** The working schedule of the managers added from now on (none, the default, leaves it to the calendars). */
    public InMemoryDirectory schedule(WorkingSchedule schedule) {
        this.schedule = schedule;
        return this;
    }

    /** Adds a manager living in the zone, in team "sales". */
    public InMemoryDirectory manager(String id, String zone) {
        return manager(id, zone, "sales");
    }

    /** Adds a manager living in the zone, in the team. */
    public InMemoryDirectory manager(String id, String zone, String teamId) {
        return user(new User(id, id, id, id + "@example.com", Set.of(Role.MANAGER), teamId, ZoneId.of(zone), schedule,
                true));
    }

    /** Adds or replaces a user. */
    public InMemoryDirectory user(User user) {
        users.put(user.id(), user);
        return this;
    }

    /** Removes a user, as the host does when someone leaves. */
    public InMemoryDirectory remove(String userId) {
        users.remove(userId);
        return this;
    }

    /** Adds a team named by its id. */
    public InMemoryDirectory addTeam(String id) {
        return team(id, id);
    }

    /** Adds a team. */
    public InMemoryDirectory team(String id, String name) {
        teams.put(id, new Team(id, name, Set.of()));
        return this;
    }

    /** Marks a contact id as a colleague. */
    public InMemoryDirectory internalContact(String contactId) {
        internalContacts.add(contactId);
        return this;
    }

    /** Marks an e-mail address as the company's. */
    public InMemoryDirectory internalEmail(String email) {
        internalEmails.add(email);
        return this;
    }

    /** Marks a phone number as the company's. */
    public InMemoryDirectory internalPhone(String phone) {
        internalPhones.add(phone);
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
        return users().stream().filter(u -> teamId.equals(u.teamId())).toList();
    }

    @Override
    public boolean isInternalContact(String contactId) {
        return internalContacts.contains(contactId);
    }

    @Override
    public boolean isInternalEmail(String email) {
        return internalEmails.contains(email);
    }

    @Override
    public boolean isInternalPhone(String phone) {
        return internalPhones.contains(phone);
    }
}
