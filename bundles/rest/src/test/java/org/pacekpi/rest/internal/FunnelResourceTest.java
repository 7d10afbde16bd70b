package org.pacekpi.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pacekpi.host.directory.Role;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.ws.rs.core.Response;

class FunnelResourceTest {

    private final FakeFunnel funnel = new FakeFunnel();
    /** The sales directory, and team "east": two managers in Vladivostok, one in Moscow, headed by hedda. */
    private final FakeDirectory directory = FakeDirectory.sales().team("east", "East", "hedda")
            .user("e1", "East One", "east", "Asia/Vladivostok", true, Role.MANAGER)
            .user("e2", "East Two", "east", "Asia/Vladivostok", true, Role.MANAGER)
            .user("e3", "East Three", "east", "Europe/Moscow", true, Role.MANAGER);
    /** Sunday 2026-11-22 15:30 UTC: Sunday in Moscow, already Monday in Vladivostok. */
    private final FunnelResource resource = new FunnelResource(funnel, directory, new FakeIdentity(),
            ManagersResourceTest.SUNDAY_AFTERNOON_UTC);
    private final Http http = new Http();

    private static FakeHeaders as(String user) {
        return FakeHeaders.basic(user, "demo");
    }

    private Response conversions(String scope, String from, String to, String method, String user) {
        return http.call(() -> resource.conversions(scope, from, to, method, as(user)));
    }

    @Test
    void stepsForAnySignedInUser() {
        JsonNode steps = http.body(http.call(() -> resource.steps(as("m1"))));
        assertThat(steps).hasSize(4);
        assertThat(steps.get(0).fieldNames()).toIterable().containsExactly("id", "kind", "label", "hostStages");
        assertThat(steps.get(1).get("hostStages").toString()).isEqualTo("[\"demo_meeting\"]");
        assertThat(steps.get(3).get("id").asText()).isEqualTo("paid");
        assertThat(http.call(() -> resource.steps(FakeHeaders.none())).getStatus()).isEqualTo(401);
    }

    @Test
    void conversionsAsJson() {
        JsonNode report = http.body(conversions("manager:m1", "2026-01-01", "2026-06-30", "snapshot", "m1"));
        assertThat(report.fieldNames()).toIterable().containsExactly("scope", "from", "to", "method", "steps",
                "toNext", "toPaid", "timesToNext", "timesToPaid", "winRate", "averagePaidDeal", "dealsPaid");
        assertThat(report.get("scope").toString()).isEqualTo("{\"type\":\"manager\",\"id\":\"m1\"}");
        assertThat(report.get("method").asText()).isEqualTo("snapshot");
        assertThat(report.get("from").asText()).isEqualTo("2026-01-01");
        JsonNode rate = report.get("toNext").get(0);
        assertThat(rate.get("sampleSize").asLong()).isEqualTo(42);
        assertThat(rate.get("tooYoung").asLong()).isEqualTo(3);
        assertThat(rate.get("rate").get("fraction").asText()).isEqualTo("1/3");
        assertThat(report.get("timesToPaid").get(0).get("p80Days").decimalValue()).isEqualByComparingTo("34.5");
        assertThat(funnel.calls).containsExactly("conversions manager:m1 2026-01-01..2026-06-30 snapshot");
    }

    @Test
    void theWindowDefaultsTo180DaysEndingYesterdayWhereTheScopeIs() {
        conversions("manager:m1", null, null, null, "m1");
        conversions("manager:m3", "", "", "", "root");
        // team east is mostly in Vladivostok, where it is Monday already
        conversions("team:east", null, null, "Cohort", "hedda");
        conversions("manager:m1", "2026-01-01", null, null, "m1");
        conversions("manager:m1", null, "2026-06-30", null, "m1");
        assertThat(funnel.calls).containsExactly(
                "conversions manager:m1 2026-05-26..2026-11-21 cohort",
                "conversions manager:m3 2026-05-27..2026-11-22 cohort",
                "conversions team:east 2026-05-27..2026-11-22 cohort",
                "conversions manager:m1 2026-01-01..2026-06-29 cohort",
                "conversions manager:m1 2026-01-02..2026-06-30 cohort");
    }

    @ParameterizedTest(name = "{0} asks for {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "m1     | manager:m1 | 200", "m1     | manager:m2 | 403", "m1     | team:north | 403",
            "hedda  | team:north | 200", "hedda  | manager:m2 | 200", "hedda  | team:south | 403",
            "root   | team:south | 200", "root   | team:west  | 404", "root   | manager:x  | 404" })
    void conversionsOfWhatTheCallerMayRead(String user, String scope, int status) {
        assertThat(conversions(scope, null, null, null, user).getStatus()).isEqualTo(status);
        assertThat(funnel.calls).hasSize(status == 200 ? 1 : 0);
    }

    @ParameterizedTest(name = "scope={0} from={1} to={2} method={3}: {4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "-          | -          | -          | -     | scope  | scope: is required: team:<teamId> or manager:<managerId>",
            "m1         | -          | -          | -     | scope  | scope: must be team:<teamId> or manager:<managerId>, was 'm1'",
            "manager:   | -          | -          | -     | scope  | scope: must be team:<teamId> or manager:<managerId>, was 'manager:'",
            "boss:m1    | -          | -          | -     | scope  | scope: must be team or manager, was 'boss'",
            "manager:m1 | -          | -          | best  | method | method: must be cohort or snapshot, was 'best'",
            "manager:m1 | 2026-13-01 | -          | -     | from   | from: must be YYYY-MM-DD, was '2026-13-01'",
            "manager:m1 | -          | 1.1.2026   | -     | to     | to: must be YYYY-MM-DD, was '1.1.2026'",
            "manager:m1 | 2026-06-30 | 2026-01-01 | -     | from   | from: must not be after to: 2026-06-30 is after 2026-01-01",
            "manager:m1 | 2020-01-01 | 2026-01-01 | -     | from   | from: the window 2020-01-01 .. 2026-01-01 spans 2193 days; at most 1096" })
    void badParametersAre400NamingTheParameter(String scope, String from, String to, String method, String field,
                                               String detail) {
        Response response = conversions(scope, from, to, method, "root");
        assertThat(response.getStatus()).isEqualTo(400);
        JsonNode problem = http.body(response);
        assertThat(problem.get("field").asText()).isEqualTo(field);
        assertThat(problem.get("detail").asText()).isEqualTo(detail);
        assertThat(funnel.calls).isEmpty();
    }
}
