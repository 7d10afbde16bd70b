package org.pacekpi.rest.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.pacekpi.api.NotFoundException;
import org.pacekpi.api.targets.Scope;
import org.pacekpi.host.directory.Directory;
import org.pacekpi.host.directory.Role;
import org.pacekpi.host.directory.Team;
import org.pacekpi.host.directory.User;

/**
 * Who may see whose KPIs, from the host's directory. A manager sees themself; a head of sales sees the managers of
 * the teams whose {@link Team#headUserIds()} contain them (and themself if they are also a manager); an admin sees
 * every manager. Roles add up. A user without any of these roles sees nothing. Team KPIs (a team's members side by
 * side, and their sums) are for the heads of that team and for admins only: a manager sees their own numbers, not
 * their colleagues'. Goals, targets, pacing and conversions follow the same rules by their {@link Scope}: a
 * manager's scope is read like that manager's KPIs, a team's like the team's KPIs. Writing them is for admins, and
 * for the heads of sales of the scope's team when the configuration allows it. Plain Java so that every rule is
 * unit-tested without a web container.
 */
public final class AccessPolicy {

    /** Order of manager lists: by name as people read it, then by id so that equal names stay stable. */
    static final Comparator<User> BY_DISPLAY_NAME = Comparator
            .comparing(User::displayName, String.CASE_INSENSITIVE_ORDER).thenComparing(User::id);

    /** Order of team lists: by name, then by id. */
    static final Comparator<Team> TEAMS_BY_NAME = Comparator.comparing(Team::name, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(Team::id);

    private final Directory directory;

    /** @param directory the host's directory, asked on every call (it caches, per its contract) */
    public AccessPolicy(Directory directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /**
     * The signed-in user the host identified.
     *
     * @param userId what the host's {@code RequestIdentity} said, empty if it found no valid credentials
     * @throws NotSignedInException if there is no user id, or the directory does not know the user, or the user is
     *                              inactive
     */
    public User signedIn(Optional<String> userId) {
        String id = userId.filter(s -> !s.isBlank()).orElseThrow(() -> new NotSignedInException(
                "sign in first: the request carries no valid credentials (a CRM session cookie or HTTP Basic)"));
        User user = directory.user(id).orElseThrow(() -> new NotSignedInException(
                "the signed-in user '" + id + "' is not known to the CRM's directory"));
        if (!user.active()) {
            throw new NotSignedInException("the signed-in user '" + user.login() + "' is inactive");
        }
        return user;
    }

    /** True if {@code caller} may see the KPIs of {@code manager}. */
    public boolean maySee(User caller, User manager) {
        if (caller.hasRole(Role.ADMIN) || caller.id().equals(manager.id())) {
            return true;
        }
        return caller.hasRole(Role.HEAD) && manager.teamId() != null
                && directory.team(manager.teamId()).map(team -> heads(team, caller)).orElse(false);
    }

    /** The active managers {@code caller} may see, ordered by display name. */
    public List<User> visibleManagers(User caller) {
        Map<String, User> visible = new LinkedHashMap<>();
        if (caller.hasRole(Role.ADMIN)) {
            directory.users().forEach(u -> visible.put(u.id(), u));
        } else {
            visible.put(caller.id(), caller);
            if (caller.hasRole(Role.HEAD)) {
                for (Team team : directory.teams()) {
                    if (heads(team, caller)) {
                        directory.members(team.id()).forEach(u -> visible.put(u.id(), u));
                    }
                }
            }
        }
        List<User> managers = new ArrayList<>();
        for (User user : visible.values()) {
            if (user.active() && user.hasRole(Role.MANAGER)) {
                managers.add(user);
            }
        }
        managers.sort(BY_DISPLAY_NAME);
        return managers;
    }

    /**
     * The manager with this id, if {@code caller} may see them. Inactive managers stay visible: their history does.
     *
     * @throws NotFoundException     if no user with that id has the manager role
     * @throws AccessDeniedException if the caller may not see that manager
     */
    public User visibleManager(User caller, String managerId) {
        User manager = directory.user(managerId).filter(u -> u.hasRole(Role.MANAGER))
                .orElseThrow(() -> new NotFoundException("no manager with id '" + managerId + "'"));
        if (!maySee(caller, manager)) {
            throw new AccessDeniedException(whoMaySeeWhat(caller) + "; '" + caller.login()
                    + "' may not see the KPIs of '" + manager.login() + "'");
        }
        return manager;
    }

    /** True if {@code caller} may see the KPIs of {@code team} as a team: an admin, or a head of that team. */
    public boolean maySeeTeam(User caller, Team team) {
        return caller.hasRole(Role.ADMIN) || caller.hasRole(Role.HEAD) && heads(team, caller);
    }

    /** The teams whose KPIs {@code caller} may see, by name: every team for an admin, the teams a head heads. */
    public List<Team> visibleTeams(User caller) {
        List<Team> teams = new ArrayList<>();
        for (Team team : directory.teams()) {
            if (maySeeTeam(caller, team)) {
                teams.add(team);
            }
        }
        teams.sort(TEAMS_BY_NAME);
        return teams;
    }

    /**
     * The team with this id, if {@code caller} may see its KPIs.
     *
     * @throws NotFoundException     if the directory has no such team
     * @throws AccessDeniedException if the caller is neither an admin nor a head of that team
     */
    public Team visibleTeam(User caller, String teamId) {
        Team team = directory.team(teamId)
                .orElseThrow(() -> new NotFoundException("no team with id '" + teamId + "'"));
        if (!maySeeTeam(caller, team)) {
            throw new AccessDeniedException("team KPIs are for the team's heads of sales and for admins; '"
                    + caller.login() + "' does not head team '" + team.id() + "'");
        }
        return team;
    }

    /** True if {@code caller} is a CRM admin. */
    public boolean isAdmin(User caller) {
        return caller.hasRole(Role.ADMIN);
    }

    /**
     * Checks that {@code caller} is an admin.
     *
     * @param what what the caller asked for, e.g. "see the ingest status"
     * @throws AccessDeniedException if not
     */
    public void requireAdmin(User caller, String what) {
        if (!caller.hasRole(Role.ADMIN)) {
            throw new AccessDeniedException("only a CRM admin may " + what + "; '" + caller.login()
                    + "' has roles " + caller.roles().stream().map(Role::name).sorted().toList());
        }
    }

    /**
     * Checks that {@code caller} may read the goals, targets, pacing and conversions of {@code scope}: a manager's
     * as that manager's KPIs ({@link #visibleManager}), a team's as the team's KPIs ({@link #visibleTeam}).
     *
     * @throws NotFoundException     if the directory has no such manager or team
     * @throws AccessDeniedException if the caller may not see it
     */
    public void requireRead(User caller, Scope scope) {
        if (scope.type() == Scope.Type.TEAM) {
            visibleTeam(caller, scope.id());
        } else {
            visibleManager(caller, scope.id());
        }
    }

    /** True if {@code caller} may read the goals and targets of {@code scope}; false for an unknown one too. */
    public boolean mayRead(User caller, Scope scope) {
        if (scope.type() == Scope.Type.TEAM) {
            return directory.team(scope.id()).map(team -> maySeeTeam(caller, team)).orElse(false);
        }
        return directory.user(scope.id()).filter(u -> u.hasRole(Role.MANAGER)).map(m -> maySee(caller, m))
                .orElse(false);
    }

    /**
     * Checks that {@code caller} may set, change or delete the goals and targets of {@code scope}: an admin always;
     * a head of sales, if {@code headsOfSalesWrite}, for a team they head and for the managers of such a team;
     * nobody else.
     *
     * @param headsOfSalesWrite {@code headsOfSalesWrite} of PID {@code org.pacekpi.targets}
     * @throws NotFoundException     if the directory has no such manager or team
     * @throws AccessDeniedException if the caller may not write it
     */
    public void requireWrite(User caller, Scope scope, boolean headsOfSalesWrite) {
        Optional<Team> team;
        if (scope.type() == Scope.Type.TEAM) {
            team = Optional.of(directory.team(scope.id())
                    .orElseThrow(() -> new NotFoundException("no team with id '" + scope.id() + "'")));
        } else {
            User manager = directory.user(scope.id()).filter(u -> u.hasRole(Role.MANAGER))
                    .orElseThrow(() -> new NotFoundException("no manager with id '" + scope.id() + "'"));
            team = Optional.ofNullable(manager.teamId()).flatMap(directory::team);
        }
        if (caller.hasRole(Role.ADMIN)) {
            return;
        }
        boolean headsIt = caller.hasRole(Role.HEAD) && team.map(t -> heads(t, caller)).orElse(false);
        if (headsIt && headsOfSalesWrite) {
            return;
        }
        String rule = headsOfSalesWrite
                ? "goals and targets are set by CRM admins, and by the heads of sales of the scope's team"
                : "goals and targets are set by CRM admins (heads of sales of the scope's team too when "
                        + "headsOfSalesWrite=true in org.pacekpi.targets)";
        throw new AccessDeniedException(rule + "; '" + caller.login() + "' may not change those of " + scope);
    }

    private static boolean heads(Team team, User caller) {
        return team.headUserIds().contains(caller.id());
    }

    /** The rule that applies to this caller, in words, for 403 details. */
    private static String whoMaySeeWhat(User caller) {
        if (caller.hasRole(Role.HEAD)) {
            return "a head of sales sees the managers of the teams they head";
        }
        if (caller.hasRole(Role.MANAGER)) {
            return "a manager sees only their own KPIs";
        }
        return "a user without a Pace role (MANAGER, HEAD or ADMIN) sees no KPIs";
    }
}
