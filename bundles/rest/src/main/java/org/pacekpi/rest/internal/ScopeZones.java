package org.pacekpi.rest.internal;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

import org.pacekpi.api.targets.Scope;
import org.pacekpi.host.directory.Directory;
import org.pacekpi.host.directory.Role;
import org.pacekpi.host.directory.Team;
import org.pacekpi.host.directory.User;

/** The time zone in which "today" is taken for a manager, a team or a scope. */
final class ScopeZones {

    private ScopeZones() {
    }

    /**
     * The time zone most of the team's active managers are in (ties: the first by zone id), {@code fallback} if the
     * team has none: "this week" of a team in Vladivostok starts in Vladivostok, even for a head in Moscow.
     */
    static ZoneId team(Directory directory, Team team, ZoneId fallback) {
        Map<String, Integer> managersByZone = new TreeMap<>();
        for (User member : directory.members(team.id())) {
            if (member.active() && member.hasRole(Role.MANAGER)) {
                managersByZone.merge(member.timeZone().getId(), 1, Integer::sum);
            }
        }
        return managersByZone.entrySet().stream()
                .max(Comparator.comparingInt(Map.Entry<String, Integer>::getValue)
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(e -> ZoneId.of(e.getKey())).orElse(fallback);
    }

    /** The manager's time zone, or the team's as above; {@code fallback} for an id the directory does not know. */
    static ZoneId scope(Directory directory, Scope scope, ZoneId fallback) {
        if (scope.type() == Scope.Type.TEAM) {
            return directory.team(scope.id()).map(team -> team(directory, team, fallback)).orElse(fallback);
        }
        return directory.user(scope.id()).map(User::timeZone).orElse(fallback);
    }
}
