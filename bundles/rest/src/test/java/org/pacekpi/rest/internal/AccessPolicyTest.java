package org.pacekpi.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pacekpi.api.NotFoundException;
import org.pacekpi.api.targets.Scope;
import org.pacekpi.host.directory.Role;
import org.pacekpi.host.directory.Team;
import org.pacekpi.host.directory.User;

class AccessPolicyTest {

    private final FakeDirectory directory = FakeDirectory.sales();
    private final AccessPolicy policy = new AccessPolicy(directory);

    private User user(String id) {
        return directory.user(id).orElseThrow();
    }

    @ParameterizedTest(name = "{0} sees {1}: {2}")
    @CsvSource({
            // a manager sees only themself
            "m1, m1, true", "m1, m2, false", "m1, m3, false",
            // a head sees the members of the teams they head, not other teams
            "hedda, m1, true", "hedda, m2, true", "hedda, gone, true", "hedda, m3, false", "hedda, sven, false",
            // a head who is also a manager: own team and self
            "sven, m3, true", "sven, sven, true", "sven, m1, false",
            // an admin sees everyone
            "root, m1, true", "root, m3, true", "root, sven, true",
            // no role, no KPIs but one's own
            "nobody, m1, false", "nobody, m3, false" })
    void matrix(String caller, String manager, boolean allowed) {
        assertThat(policy.maySee(user(caller), user(manager))).isEqualTo(allowed);
        if (allowed) {
            assertThat(policy.visibleManager(user(caller), manager).id()).isEqualTo(manager);
        } else {
            assertThatThrownBy(() -> policy.visibleManager(user(caller), manager))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("'" + caller + "' may not see the KPIs of '" + manager + "'");
        }
    }

    @Test
    void deniedDetailSaysWhoMaySeeWhat() {
        assertThatThrownBy(() -> policy.visibleManager(user("m1"), "m2"))
                .hasMessageStartingWith("a manager sees only their own KPIs");
        assertThatThrownBy(() -> policy.visibleManager(user("hedda"), "m3"))
                .hasMessageStartingWith("a head of sales sees the managers of the teams they head");
        assertThatThrownBy(() -> policy.visibleManager(user("nobody"), "m1"))
                .hasMessageStartingWith("a user without a Pace role");
    }

    @Test
    void managerListsAreByDisplayNameAndOnlyActiveManagers() {
        assertThat(ids(policy.visibleManagers(user("m1")))).containsExactly("m1");
        // Anna before Zoe although m1 < m2; "gone" is inactive; hedda is no manager
        assertThat(ids(policy.visibleManagers(user("hedda")))).containsExactly("m2", "m1");
        assertThat(ids(policy.visibleManagers(user("sven")))).containsExactly("m3", "sven");
        assertThat(ids(policy.visibleManagers(user("root")))).containsExactly("m2", "m3", "sven", "m1");
        assertThat(policy.visibleManagers(user("nobody"))).isEmpty();
    }

    @Test
    void unknownOrNonManagerIdIsNotFound() {
        assertThatThrownBy(() -> policy.visibleManager(user("root"), "nosuch"))
                .isInstanceOf(NotFoundException.class).hasMessage("no manager with id 'nosuch'");
        assertThatThrownBy(() -> policy.visibleManager(user("root"), "hedda"))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void signedInNeedsAKnownActiveUser() {
        assertThat(policy.signedIn(Optional.of("m1")).id()).isEqualTo("m1");
        assertThatThrownBy(() -> policy.signedIn(Optional.empty())).isInstanceOf(NotSignedInException.class)
                .hasMessageContaining("no valid credentials");
        assertThatThrownBy(() -> policy.signedIn(Optional.of(" "))).isInstanceOf(NotSignedInException.class);
        assertThatThrownBy(() -> policy.signedIn(Optional.of("stranger"))).isInstanceOf(NotSignedInException.class)
                .hasMessageContaining("'stranger' is not known");
        assertThatThrownBy(() -> policy.signedIn(Optional.of("left"))).isInstanceOf(NotSignedInException.class)
                .hasMessageContaining("inactive");
    }

    @Test
    void onlyAdminsPassRequireAdmin() {
        policy.requireAdmin(user("root"), "see the ingest status");
        assertThatThrownBy(() -> policy.requireAdmin(user("hedda"), "see the ingest status"))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("only a CRM admin may see the ingest status; 'hedda' has roles [HEAD]");
    }

    @ParameterizedTest(name = "{0} sees the KPIs of team {1}: {2}")
    @CsvSource({
            // team KPIs: the team's heads and admins; a manager does not see their own team's
            "hedda, north, true", "hedda, south, false",
            "sven, south, true", "sven, north, false",
            "root, north, true", "root, south, true",
            "m1, north, false", "m3, south, false", "nobody, north, false" })
    void teamMatrix(String caller, String teamId, boolean allowed) {
        assertThat(policy.maySeeTeam(user(caller), directory.team(teamId).orElseThrow())).isEqualTo(allowed);
        if (allowed) {
            assertThat(policy.visibleTeam(user(caller), teamId).id()).isEqualTo(teamId);
        } else {
            assertThatThrownBy(() -> policy.visibleTeam(user(caller), teamId))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessage("team KPIs are for the team's heads of sales and for admins; '" + caller
                            + "' does not head team '" + teamId + "'");
        }
    }

    @Test
    void aHeadWithoutTheHeadRoleIsNoHead() {
        // listed as head of the team by the host, but the role was taken away
        FakeDirectory demoted = new FakeDirectory().team("north", "North", "ex").user("ex", "Ex Head", null,
                Role.MANAGER);
        AccessPolicy rules = new AccessPolicy(demoted);
        assertThat(rules.visibleTeams(demoted.user("ex").orElseThrow())).isEmpty();
    }

    @Test
    void teamListsAreByNameAndOnlyTheTeamsOneMaySee() {
        FakeDirectory named = FakeDirectory.sales().team("a-team", "Zulu", "hedda");
        AccessPolicy rules = new AccessPolicy(named);
        assertThat(rules.visibleTeams(named.user("root").orElseThrow())).extracting(Team::id)
                .containsExactly("north", "south", "a-team");
        assertThat(rules.visibleTeams(named.user("hedda").orElseThrow())).extracting(Team::id)
                .containsExactly("north", "a-team");
        assertThat(rules.visibleTeams(named.user("sven").orElseThrow())).extracting(Team::id)
                .containsExactly("south");
        assertThat(rules.visibleTeams(named.user("m1").orElseThrow())).isEmpty();
    }

    @Test
    void unknownTeamIsNotFoundEvenForAnAdmin() {
        assertThatThrownBy(() -> policy.visibleTeam(user("root"), "west")).isInstanceOf(NotFoundException.class)
                .hasMessage("no team with id 'west'");
    }

    private static Scope scope(String text) {
        String[] parts = text.split(":");
        return new Scope(Scope.Type.parse(parts[0], "scope"), parts[1]);
    }

    @ParameterizedTest(name = "{0} reads the goals and targets of {1}: {2}")
    @CsvSource({
            // as the KPIs: a manager their own, a head their teams' and those teams' managers, an admin all
            "m1, manager:m1, true", "m1, manager:m2, false", "m1, team:north, false",
            "hedda, team:north, true", "hedda, manager:m2, true", "hedda, manager:m3, false",
            "hedda, team:south, false",
            "sven, team:south, true", "sven, manager:sven, true", "sven, manager:m3, true",
            "root, team:south, true", "root, manager:m1, true",
            "nobody, manager:m1, false", "nobody, team:north, false",
            // unknown scopes are nobody's to read
            "root, team:west, false", "root, manager:hedda, false" })
    void readMatrix(String caller, String scope, boolean allowed) {
        assertThat(policy.mayRead(user(caller), scope(scope))).isEqualTo(allowed);
        if (allowed) {
            policy.requireRead(user(caller), scope(scope));
        } else if (scope.equals("team:west") || scope.equals("manager:hedda")) {
            assertThatThrownBy(() -> policy.requireRead(user(caller), scope(scope)))
                    .isInstanceOf(NotFoundException.class);
        } else {
            assertThatThrownBy(() -> policy.requireRead(user(caller), scope(scope)))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @ParameterizedTest(name = "{0} writes the goals and targets of {1}, heads may write: {2}: {3}")
    @CsvSource({
            "root, team:south, false, true", "root, manager:m3, false, true",
            "hedda, team:north, false, false", "hedda, manager:m1, false, false",
            "hedda, team:north, true, true", "hedda, manager:m1, true, true",
            // even an inactive manager of the team: their history stays editable
            "hedda, manager:gone, true, true",
            "hedda, team:south, true, false", "hedda, manager:m3, true, false",
            "sven, manager:sven, true, true", "sven, manager:sven, false, false",
            // a manager never writes, not even their own
            "m1, manager:m1, true, false", "nobody, team:north, true, false" })
    void writeMatrix(String caller, String scope, boolean headsWrite, boolean allowed) {
        if (allowed) {
            policy.requireWrite(user(caller), scope(scope), headsWrite);
        } else {
            assertThatThrownBy(() -> policy.requireWrite(user(caller), scope(scope), headsWrite))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessageEndingWith("'" + caller + "' may not change those of " + scope);
        }
    }

    @Test
    void writingAnUnknownScopeIsNotFoundEvenForAnAdmin() {
        assertThatThrownBy(() -> policy.requireWrite(user("root"), Scope.team("west"), false))
                .isInstanceOf(NotFoundException.class).hasMessage("no team with id 'west'");
        assertThatThrownBy(() -> policy.requireWrite(user("root"), Scope.manager("hedda"), false))
                .isInstanceOf(NotFoundException.class).hasMessage("no manager with id 'hedda'");
        // a manager asking about an unknown scope learns it is unknown, as for KPIs
        assertThatThrownBy(() -> policy.requireWrite(user("m1"), Scope.manager("nosuch"), false))
                .isInstanceOf(NotFoundException.class);
    }

    private static List<String> ids(List<User> users) {
        return users.stream().map(User::id).toList();
    }
}
