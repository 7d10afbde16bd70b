package org.pacekpi.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pacekpi.api.Metrics;
import org.pacekpi.api.NotFoundException;
import org.pacekpi.api.targets.Scope;
import org.pacekpi.host.directory.Role;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class TeamsResourceTest {

    private final FakeKpis kpis = new FakeKpis();
    /** The sales directory, and team "east": two managers in Vladivostok, one in Moscow, headed by hedda. */
    private final FakeDirectory directory = FakeDirectory.sales().team("east", "East", "hedda")
            .user("e1", "East One", "east", "Asia/Vladivostok", true, Role.MANAGER)
            .user("e2", "East Two", "east", "Asia/Vladivostok", true, Role.MANAGER)
            .user("e3", "East Three", "east", "Europe/Moscow", true, Role.MANAGER);
    private final TeamsResource resource = new TeamsResource(kpis, directory, new FakeIdentity(),
            ManagersResourceTest.SUNDAY_AFTERNOON_UTC);
    private final ObjectMapper json = PaceJson.newMapper();

    @ParameterizedTest(name = "{0} sees teams [{1}]")
    @CsvSource(delimiter = '|', value = {
            "root   | East,North,South",
            "hedda  | East,North",
            "sven   | South",
            // a manager does not see team KPIs, not even of their own team
            "m1     | ''",
            "nobody | ''" })
    void teamsAreThoseWhoseKpisTheCallerMaySee(String caller, String names) {
        assertThat(String.join(",", resource.teams(FakeHeaders.basic(caller, "demo")).stream().map(TeamView::name)
                .toList())).isEqualTo(names);
    }

    @Test
    void teamsAsJson() throws Exception {
        JsonNode south = json.readTree(json.writeValueAsString(resource.teams(FakeHeaders.basic("sven", "demo"))))
                .get(0);
        assertThat(south.fieldNames()).toIterable().containsExactly("id", "name", "headUserIds");
        assertThat(south.get("id").asText()).isEqualTo("south");
        assertThat(south.get("headUserIds").toString()).isEqualTo("[\"sven\"]");
        assertThatThrownBy(() -> resource.teams(FakeHeaders.none())).isInstanceOf(NotSignedInException.class);
    }

    @Test
    void teamKpisAsJsonWithNamedMembersTotalsAndRevenue() throws Exception {
        String text = json.writeValueAsString(
                resource.kpis("north", "month", "2026-11-18", null, null, FakeHeaders.basic("hedda", "demo")));
        JsonNode tree = json.readTree(text);

        assertThat(tree.fieldNames()).toIterable().containsExactly("teamId", "teamName", "period", "from", "to",
                "members", "totals", "revenue");
        assertThat(tree.get("teamId").asText()).isEqualTo("north");
        assertThat(tree.get("period").asText()).isEqualTo("month");
        assertThat(tree.get("from").asText()).isEqualTo("2026-11-01");
        assertThat(tree.get("to").asText()).isEqualTo("2026-11-30");
        // by display name: Anna (m2) before Zoe (m1), although the service lists them by id
        JsonNode members = tree.get("members");
        assertThat(members).hasSize(2);
        assertThat(members.get(0).get("managerId").asText()).isEqualTo("m2");
        assertThat(members.get(0).get("displayName").asText()).isEqualTo("Anna North");
        assertThat(members.get(1).get("displayName").asText()).isEqualTo("Zoe North");
        assertThat(members.get(0).fieldNames()).toIterable().containsExactly("managerId", "displayName", "period",
                "from", "to", "timeZone", "workingDays", "metrics", "revenue");
        assertThat(members.get(0).get("metrics").get(Metrics.TOUCHES).asLong()).isEqualTo(FakeKpis.TOUCHES);
        assertThat(tree.get("totals").get(Metrics.TOUCHES).asLong()).isEqualTo(2 * FakeKpis.TOUCHES);
        assertThat(text).endsWith("\"revenue\":[{\"currency\":\"EUR\",\"amount\":2501.00}]}");
        assertThat(kpis.calls).containsExactly("team north MONTH 2026-11-18");
    }

    @Test
    void withATargetServiceTeamKpisCarryTheTeamsPacing() throws Exception {
        FakeTargets targets = new FakeTargets();
        targets.pacing = List.of(FakeTargets.pace(Scope.team("north"), "touches", 400, 150, 200, "behind"));
        resource.targets = targets;

        JsonNode tree = json.readTree(json.writeValueAsString(
                resource.kpis("north", "month", "2026-11-18", null, null, FakeHeaders.basic("hedda", "demo"))));
        assertThat(tree.fieldNames()).toIterable().containsExactly("teamId", "teamName", "period", "from", "to",
                "members", "totals", "revenue", "pacing");
        JsonNode pace = tree.get("pacing").get(0);
        assertThat(pace.get("scope").toString()).isEqualTo("{\"type\":\"team\",\"id\":\"north\"}");
        assertThat(pace.get("difference").asLong()).isEqualTo(-50);
        assertThat(pace.get("status").asText()).isEqualTo("behind");
        // members are as they were
        assertThat(tree.get("members").get(0).has("pacing")).isFalse();
        assertThat(targets.calls).containsExactly("teamPacing north 2026-11-18");

        resource.targets = null;
        assertThat(json.readTree(json.writeValueAsString(resource.kpis("north", "month", "2026-11-18", null, null,
                FakeHeaders.basic("hedda", "demo")))).has("pacing")).isFalse();
    }

    @Test
    void withoutADateTodayIsTakenWhereMostOfTheTeamsManagersAre() {
        // Sunday 15:30 UTC: Sunday in Moscow, Monday in Vladivostok
        resource.kpis("east", "week", null, null, null, FakeHeaders.basic("hedda", "demo"));
        resource.kpis("north", "week", "", null, null, FakeHeaders.basic("hedda", "demo"));
        assertThat(kpis.calls).containsExactly("team east WEEK 2026-11-23", "team north WEEK 2026-11-22");
    }

    @Test
    void onlyTheTeamsHeadsAndAdminsSeeTeamKpis() {
        assertThatThrownBy(() -> resource.kpis("north", "week", null, null, null, FakeHeaders.none()))
                .isInstanceOf(NotSignedInException.class);
        assertThatThrownBy(() -> resource.kpis("south", "week", null, null, null, FakeHeaders.basic("hedda", "demo")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> resource.kpis("north", "week", null, null, null, FakeHeaders.session("session-m1")))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("team KPIs are for the team's heads of sales and for admins; 'm1' does not head team"
                        + " 'north'");
        assertThatThrownBy(() -> resource.kpis("west", "week", null, null, null, FakeHeaders.basic("root", "demo")))
                .isInstanceOf(NotFoundException.class).hasMessage("no team with id 'west'");
        // bad parameters from someone who may not see the team: 403, not 400
        assertThatThrownBy(() -> resource.kpis("north", "year", null, null, null, FakeHeaders.basic("sven", "demo")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(kpis.calls).isEmpty();

        resource.kpis("south", "day", "2026-11-18", null, null, FakeHeaders.basic("root", "demo"));
        resource.kpis("south", "quarter", "2026-11-18", null, null, FakeHeaders.basic("sven", "demo"));
        assertThat(kpis.calls).containsExactly("team south DAY 2026-11-18", "team south QUARTER 2026-11-18");
    }

    @ParameterizedTest(name = "period={0} date={1} from={2} to={3}: {4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "-    | -          | -          | -          | period is required: one of day, week, month, quarter",
            "year | -          | -          | -          | period must be one of day, week, month, quarter; was 'year'",
            "week | 18.11.2026 | -          | -          | date must be YYYY-MM-DD, was '18.11.2026'",
            "week | -          | 2026-11-01 | -          | team KPIs are by period (and date); from and to are not supported",
            "-    | -          | 2026-11-01 | 2026-11-30 | team KPIs are by period (and date); from and to are not supported" })
    void badParameters(String period, String date, String from, String to, String message) {
        assertThatThrownBy(() -> resource.kpis("north", period, date, from, to, FakeHeaders.basic("hedda", "demo")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
        assertThat(kpis.calls).isEmpty();
    }
}
