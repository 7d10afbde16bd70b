package org.pacekpi.benchmarks;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.pacekpi.host.directory.Directory;
import org.pacekpi.host.directory.Role;
import org.pacekpi.host.directory.Team;
import org.pacekpi.host.directory.User;
import org.pacekpi.host.directory.WorkingSchedule;

/**
 * A generated sales organisation, answering as the host's {@link Directory}: managers spread evenly over teams,
 * one head of sales per team (not a member of it), and the benchmark's admin. A team works in one time zone, most of them in Moscow;
 * the first four teams cover the four zones, so that even a small run counts days in each of them.
 *
 * <p>Colleagues recorded as contacts have ids starting with {@value #COLLEAGUE_PREFIX}; the company's addresses end
 * in {@value #COMPANY_DOMAIN}; {@link #OFFICE_PHONES} are the company's lines.
 */
public final class GeneratedOrganisation implements Directory {

    /** The user every REST call of the benchmark is made as: an active admin, who may see every manager and team. */
    public static final String ADMIN_ID = "bench-admin";
    /** The company's e-mail domain. */
    public static final String COMPANY_DOMAIN = "pace-bench.example";
    /** Contact ids of colleagues entered as contacts. */
    public static final String COLLEAGUE_PREFIX = "colleague-";
    /** The company's office lines, as digits. */
    public static final List<String> OFFICE_PHONES = List.of("74950000001", "74950000002", "73430000001");

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final List<ZoneId> FIRST_TEAM_ZONES = List.of(MOSCOW, ZoneId.of("Asia/Yekaterinburg"),
            ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"));
    private static final Set<String> OFFICE_PHONE_SET = Set.copyOf(OFFICE_PHONES);

    private final List<User> managers;
    private final List<Team> teams;
    private final List<User> users;
    private final Map<String, User> usersById = new HashMap<>();
    private final Map<String, Team> teamsById = new HashMap<>();
    private final Map<String, List<User>> members = new HashMap<>();

    /**
     * @param managerCount the sales managers
     * @param teamCount    the teams, at most as many as managers
     */
    public GeneratedOrganisation(int managerCount, int teamCount) {
        if (teamCount < 1 || managerCount < teamCount) {
            throw new IllegalArgumentException("an organisation needs at least one team and one manager per team, was "
                    + managerCount + " managers in " + teamCount + " teams");
        }
        List<Team> teamList = new ArrayList<>(teamCount);
        List<User> all = new ArrayList<>(managerCount + teamCount + 1);
        for (int t = 0; t < teamCount; t++) {
            String teamId = String.format(Locale.ROOT, "t%03d", t);
            String headId = "head-" + teamId;
            teamList.add(new Team(teamId, "Team " + (t + 1), Set.of(headId)));
            // Outside the team's members, so that a team view shows its managers only; heading is by headUserIds.
            all.add(user(headId, "Head of team " + (t + 1), EnumSet.of(Role.HEAD), null, teamZone(t)));
        }
        List<User> managerList = new ArrayList<>(managerCount);
        for (int m = 0; m < managerCount; m++) {
            int team = m % teamCount;
            String id = String.format(Locale.ROOT, "m%05d", m);
            User manager = user(id, "Manager " + (m + 1), EnumSet.of(Role.MANAGER), teamList.get(team).id(),
                    teamZone(team));
            managerList.add(manager);
            all.add(manager);
        }
        all.add(user(ADMIN_ID, "Benchmark admin", EnumSet.of(Role.ADMIN), null, MOSCOW));
        all.sort(Comparator.comparing(User::id));
        this.managers = List.copyOf(managerList);
        this.teams = List.copyOf(teamList);
        this.users = List.copyOf(all);
        users.forEach(u -> usersById.put(u.id(), u));
        teams.forEach(team -> teamsById.put(team.id(), team));
        for (User user : users) {
            if (user.teamId() != null) {
                members.computeIfAbsent(user.teamId(), id -> new ArrayList<>()).add(user);
            }
        }
        members.replaceAll((id, list) -> List.copyOf(list));
    }

    /** The time zone a team works in: the first four teams one each, then seven in ten in Moscow. */
    static ZoneId teamZone(int team) {
        if (team < FIRST_TEAM_ZONES.size()) {
            return FIRST_TEAM_ZONES.get(team);
        }
        int slot = team % 10;
        return slot < 7 ? MOSCOW : FIRST_TEAM_ZONES.get(slot - 6);
    }

    private static User user(String id, String name, Set<Role> roles, String teamId, ZoneId zone) {
        String country = switch (zone.getId()) {
            case "Europe/Berlin" -> "DE";
            case "America/New_York" -> "US";
            default -> "RU";
        };
        WorkingSchedule schedule = new WorkingSchedule(country, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(9, 0), LocalTime.of(18, 0));
        return new User(id, id, name, id + "@" + COMPANY_DOMAIN, roles, teamId, zone, schedule, true);
    }

    /** The sales managers, by id. */
    public List<User> managers() {
        return managers;
    }

    /** The manager with this index (0-based), as the generator picks them. */
    public User manager(int index) {
        return managers.get(index);
    }

    @Override
    public Optional<User> user(String userId) {
        return Optional.ofNullable(usersById.get(userId));
    }

    @Override
    public List<User> users() {
        return users;
    }

    @Override
    public Optional<Team> team(String teamId) {
        return Optional.ofNullable(teamsById.get(teamId));
    }

    @Override
    public List<Team> teams() {
        return teams;
    }

    @Override
    public List<User> members(String teamId) {
        return members.getOrDefault(teamId, List.of());
    }

    @Override
    public boolean isInternalContact(String contactId) {
        return contactId != null && contactId.startsWith(COLLEAGUE_PREFIX);
    }

    @Override
    public boolean isInternalEmail(String email) {
        return email != null && email.toLowerCase(Locale.ROOT).endsWith("@" + COMPANY_DOMAIN);
    }

    @Override
    public boolean isInternalPhone(String phone) {
        if (phone == null) {
            return false;
        }
        return OFFICE_PHONE_SET.contains(phone.replaceAll("\\D", ""));
    }
}
