package org.pacekpi.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pacekpi.api.targets.GoalInput;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

class GoalsResourceTest {

    static final String NORTH_GOAL = """
            {"scope":{"type":"team","id":"north"},"period":"2026-03","goal":{"paidDeals":3},"method":"snapshot",
             "pinnedRates":[{"from":"proposal","to":"paid","rate":0.33}],"note":"March push"}""";

    private final FakeTargets service = new FakeTargets();
    private final FakeDirectory directory = FakeDirectory.sales();
    private final Http http = new Http();
    private GoalsResource resource = new GoalsResource(service, directory, new FakeIdentity(),
            Configs.targets(false));

    private static FakeHeaders as(String user) {
        return FakeHeaders.basic(user, "demo");
    }

    private static FakeHeaders as(String user, String ifMatch) {
        return FakeHeaders.basic(user, "demo").with("If-Match", ifMatch);
    }

    private GoalInput body(String json) {
        Http.Read<GoalInput> read = http.read(GoalInput.class, json);
        assertThat(read.problem()).as("reading " + json).isNull();
        return read.value();
    }

    private static GoalInput goal(String scopeJson, String paidDeals) {
        return new Http().read(GoalInput.class, "{\"scope\":" + scopeJson + ",\"period\":\"2026-03\","
                + "\"goal\":{\"paidDeals\":" + paidDeals + "}}").value();
    }

    private Response create(GoalInput input, String user) {
        return http.call(() -> resource.create(input, as(user), Http.uriInfo()));
    }

    private JsonNode problem(Response response, int status) {
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getMediaType()).hasToString(Problem.MEDIA_TYPE);
        JsonNode problem = http.body(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        return problem;
    }

    @Nested
    class HappyPaths {

        @Test
        void createAnswers201WithLocationETagAndTheGoalAsJson() {
            Response response = create(body(NORTH_GOAL), "root");

            assertThat(response.getStatus()).isEqualTo(201);
            assertThat(response.getHeaderString(HttpHeaders.LOCATION))
                    .isEqualTo("http://crm.example:8181/pace/api/v1/goals/g1");
            assertThat(response.getHeaderString(HttpHeaders.ETAG)).isEqualTo("\"1\"");
            JsonNode goal = http.body(response);
            assertThat(goal.fieldNames()).toIterable().containsExactly("id", "version", "input", "derived",
                    "updatedBy", "updatedAt");
            assertThat(goal.get("id").asText()).isEqualTo("g1");
            assertThat(goal.get("version").asLong()).isEqualTo(1);
            assertThat(goal.get("input").get("scope").toString()).isEqualTo("{\"type\":\"team\",\"id\":\"north\"}");
            assertThat(goal.get("input").get("method").asText()).isEqualTo("snapshot");
            // a rate is text (1/3 or 0.33); a JSON number is read as its text
            assertThat(goal.get("input").get("pinnedRates").get(0).get("rate").asText()).isEqualTo("0.33");
            assertThat(goal.get("derived").get("from").asText()).isEqualTo("2026-03-01");
            JsonNode step = goal.get("derived").get("managers").get(0).get("steps").get(0);
            assertThat(step.get("perWeek").get("exact").get("fraction").asText()).isEqualTo("9/4");
            assertThat(step.get("perWeek").get("target").asLong()).isEqualTo(3);
            assertThat(goal.get("updatedBy").asText()).isEqualTo("root");
            assertThat(goal.get("updatedAt").asText()).isEqualTo("2026-03-02T09:00:00Z");
            assertThat(service.calls).containsExactly("createGoal team:north by root");
        }

        @Test
        void etagRoundTrip() {
            create(body(NORTH_GOAL), "root");
            Response read = http.call(() -> resource.goal("g1", as("root")));
            assertThat(read.getStatus()).isEqualTo(200);
            String etag = read.getHeaderString(HttpHeaders.ETAG);
            assertThat(etag).isEqualTo("\"1\"");

            GoalInput four = goal("{\"type\":\"team\",\"id\":\"north\"}", "4");
            Response updated = http.call(() -> resource.update("g1", four, as("root", etag)));
            assertThat(updated.getStatus()).isEqualTo(200);
            assertThat(updated.getHeaderString(HttpHeaders.ETAG)).isEqualTo("\"2\"");
            Response reread = http.call(() -> resource.goal("g1", as("root")));
            assertThat(reread.getHeaderString(HttpHeaders.ETAG)).isEqualTo("\"2\"");
            assertThat(http.body(reread).get("input").get("goal").get("paidDeals").asLong()).isEqualTo(4);

            // the old ETag is stale now: 412 with the version to read
            JsonNode stale = problem(http.call(() -> resource.update("g1", four, as("root", etag))), 412);
            assertThat(stale.get("currentVersion").asLong()).isEqualTo(2);
            assertThat(stale.get("detail").asText()).isEqualTo("goal g1 is at version 2, not 1: it was changed by"
                    + " someone else; read it again and reapply the change");
            problem(http.call(() -> resource.delete("g1", as("root", etag))), 412);

            assertThat(http.call(() -> resource.delete("g1", as("root", "\"2\""))).getStatus()).isEqualTo(204);
            problem(http.call(() -> resource.goal("g1", as("root"))), 404);
            assertThat(service.calls).contains("updateGoal g1 v1 by root", "deleteGoal g1 v2 by root");
        }

        @Test
        void rederiveNeedsTheETagAndAnswersTheNewOne() {
            create(body(NORTH_GOAL), "root");
            Response response = http.call(() -> resource.rederive("g1", as("root", "\"1\"")));
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getHeaderString(HttpHeaders.ETAG)).isEqualTo("\"2\"");
            assertThat(http.body(response).get("version").asLong()).isEqualTo(2);
            assertThat(service.calls).contains("rederive g1 v1 by root");
        }

        @Test
        void historyOldestFirst() {
            create(body(NORTH_GOAL), "root");
            resource.rederive("g1", as("root", "\"1\""));
            Response response = http.call(() -> resource.history("g1", as("hedda")));
            JsonNode history = http.body(response);
            assertThat(history).hasSize(2);
            assertThat(history.get(0).fieldNames()).toIterable().containsExactly("sequence", "entity", "entityId",
                    "version", "action", "actor", "at", "before", "after");
            assertThat(history.get(0).get("action").asText()).isEqualTo("created");
            assertThat(history.get(0).get("before").isNull()).isTrue();
            assertThat(history.get(1).get("action").asText()).isEqualTo("rederived");
            assertThat(history.get(1).get("version").asLong()).isEqualTo(2);

            // kept after the deletion, for admins (nobody else can tell whose goal it was)
            resource.delete("g1", as("root", "\"2\""));
            assertThat(http.body(http.call(() -> resource.history("g1", as("root"))))).hasSize(3);
            problem(http.call(() -> resource.history("g1", as("hedda"))), 404);
            problem(http.call(() -> resource.history("nosuch", as("root"))), 404);
        }

        @Test
        void listsWhatTheCallerMayRead() {
            create(body(NORTH_GOAL), "root");
            create(goal("{\"type\":\"manager\",\"id\":\"m1\"}", "1"), "root");
            create(goal("{\"type\":\"manager\",\"id\":\"m2\"}", "2"), "root");
            create(goal("{\"type\":\"team\",\"id\":\"south\"}", "5"), "root");

            assertThat(ids(resource.goals(null, null, as("root")))).containsExactly("g1", "g2", "g3", "g4");
            assertThat(ids(resource.goals(null, "2026-03", as("hedda")))).containsExactly("g1", "g2", "g3");
            assertThat(ids(resource.goals(null, null, as("m1")))).containsExactly("g2");
            assertThat(ids(resource.goals("manager:m1", "", as("m1")))).containsExactly("g2");
            assertThat(ids(resource.goals("team:north", "2026-03", as("hedda")))).containsExactly("g1");
            assertThat(ids(resource.goals(null, null, as("nobody")))).isEmpty();
            assertThat(service.calls).contains("goals team:north 2026-03", "goals null 2026-03");
        }

        private List<String> ids(List<org.pacekpi.api.targets.GoalRecord> goals) {
            return goals.stream().map(org.pacekpi.api.targets.GoalRecord::id).toList();
        }
    }

    @Nested
    class Preconditions {

        @Test
        void writesWithoutIfMatchAre428AndChangeNothing() {
            create(body(NORTH_GOAL), "root");
            GoalInput four = goal("{\"type\":\"team\",\"id\":\"north\"}", "4");
            for (Response response : List.of(http.call(() -> resource.update("g1", four, as("root"))),
                    http.call(() -> resource.delete("g1", as("root"))),
                    http.call(() -> resource.rederive("g1", as("root"))))) {
                JsonNode problem = problem(response, 428);
                assertThat(problem.get("title").asText()).isEqualTo("Precondition Required");
                assertThat(problem.get("detail").asText())
                        .startsWith("send If-Match with the ETag of GET /goals/g1 (e.g. If-Match: \"3\")");
            }
            assertThat(service.calls).containsExactly("createGoal team:north by root");
        }

        @ParameterizedTest(name = "If-Match: {0}")
        @ValueSource(strings = { "1", "W/\"1\"", "*", "\"1\", \"2\"", "\"one\"", "'1'" })
        void aMalformedIfMatchIs400NamingTheHeader(String ifMatch) {
            create(body(NORTH_GOAL), "root");
            JsonNode problem = problem(http.call(() -> resource.delete("g1", as("root", ifMatch))), 400);
            assertThat(problem.get("field").asText()).isEqualTo("If-Match");
            assertThat(problem.get("detail").asText()).startsWith("If-Match: ").contains(ifMatch.contains(",")
                    ? "one ETag" : ifMatch);
            assertThat(service.calls).containsExactly("createGoal team:north by root");
        }

        @Test
        void whoMayNotWriteIsToldSoBeforeAnythingElse() {
            create(body(NORTH_GOAL), "root");
            // a head (who may not write by default) without If-Match: 403, not 428
            problem(http.call(() -> resource.delete("g1", as("hedda"))), 403);
            // an unknown goal: 404, not 428
            problem(http.call(() -> resource.delete("g9", as("root"))), 404);
        }

        @Test
        void twoConcurrentWritesWithTheSameETagOneWinsOneIs412() throws Exception {
            create(body(NORTH_GOAL), "root");
            // both writes have passed every check but the version's before either compares it
            CyclicBarrier bothThere = new CyclicBarrier(2);
            service.beforeVersionCheck = () -> {
                try {
                    bothThere.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                    throw new IllegalStateException("the other write never came", e);
                }
            };
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Response>> answers = new ArrayList<>();
                for (String paidDeals : List.of("4", "5")) {
                    GoalInput input = goal("{\"type\":\"team\",\"id\":\"north\"}", paidDeals);
                    answers.add(pool.submit(() -> http.call(() -> resource.update("g1", input, as("root", "\"1\"")))));
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<Response> answer : answers) {
                    statuses.add(answer.get(10, TimeUnit.SECONDS).getStatus());
                }
                assertThat(statuses).containsExactlyInAnyOrder(200, 412);
            } finally {
                pool.shutdownNow();
            }
            // the winner's goal is stored, at version 2; nothing was lost silently
            JsonNode stored = http.body(http.call(() -> resource.goal("g1", as("root"))));
            assertThat(stored.get("version").asLong()).isEqualTo(2);
            assertThat(stored.get("input").get("goal").get("paidDeals").asLong()).isIn(4L, 5L);
        }
    }

    @Nested
    class Access {

        @ParameterizedTest(name = "{0} sets a goal for {1} (heads may write: {2}): {3}")
        @CsvSource(delimiter = '|', value = {
                "root   | {\"type\":\"team\",\"id\":\"south\"}    | false | 201",
                "root   | {\"type\":\"manager\",\"id\":\"m3\"}    | false | 201",
                "hedda  | {\"type\":\"team\",\"id\":\"north\"}    | false | 403",
                "hedda  | {\"type\":\"team\",\"id\":\"north\"}    | true  | 201",
                "hedda  | {\"type\":\"manager\",\"id\":\"m1\"}    | true  | 201",
                "hedda  | {\"type\":\"team\",\"id\":\"south\"}    | true  | 403",
                "hedda  | {\"type\":\"manager\",\"id\":\"m3\"}    | true  | 403",
                "sven   | {\"type\":\"manager\",\"id\":\"sven\"}  | true  | 201",
                "m1     | {\"type\":\"manager\",\"id\":\"m1\"}    | true  | 403",
                "nobody | {\"type\":\"team\",\"id\":\"north\"}    | true  | 403",
                "root   | {\"type\":\"team\",\"id\":\"west\"}     | false | 404",
                "root   | {\"type\":\"manager\",\"id\":\"hedda\"} | false | 404" })
        void whoMaySetAGoal(String user, String scope, boolean headsWrite, int status) {
            resource = new GoalsResource(service, directory, new FakeIdentity(), Configs.targets(headsWrite));
            Response response = create(goal(scope, "3"), user);
            assertThat(response.getStatus()).isEqualTo(status);
            if (status == 403) {
                assertThat(http.body(response).get("detail").asText()).contains("'" + user + "' may not change");
            }
            assertThat(service.calls).hasSize(status == 201 ? 1 : 0);
        }

        @Test
        void theDeniedHeadLearnsWhatWouldAllowIt() {
            JsonNode problem = problem(create(body(NORTH_GOAL), "hedda"), 403);
            assertThat(problem.get("detail").asText()).isEqualTo("goals and targets are set by CRM admins (heads of"
                    + " sales of the scope's team too when headsOfSalesWrite=true in org.pacekpi.targets); 'hedda'"
                    + " may not change those of team:north");
        }

        @Test
        void notSignedInIs401() {
            problem(http.call(() -> resource.create(body(NORTH_GOAL), FakeHeaders.none(), Http.uriInfo())), 401);
            problem(http.call(() -> resource.goals(null, null, FakeHeaders.none())), 401);
        }

        @Test
        void readingFollowsTheKpiRules() {
            create(body(NORTH_GOAL), "root");
            create(goal("{\"type\":\"manager\",\"id\":\"m1\"}", "1"), "root");
            // a manager reads their own goal, not the team's (it shows colleagues' targets) nor a colleague's
            assertThat(http.call(() -> resource.goal("g2", as("m1"))).getStatus()).isEqualTo(200);
            problem(http.call(() -> resource.goal("g1", as("m1"))), 403);
            problem(http.call(() -> resource.goals("manager:m2", null, as("m1"))), 403);
            problem(http.call(() -> resource.history("g1", as("m1"))), 403);
            // a head reads the team's and its managers'
            assertThat(http.call(() -> resource.goal("g1", as("hedda"))).getStatus()).isEqualTo(200);
            assertThat(http.call(() -> resource.goal("g2", as("hedda"))).getStatus()).isEqualTo(200);
            problem(http.call(() -> resource.goals("team:south", null, as("hedda"))), 403);
            problem(http.call(() -> resource.goals("team:west", null, as("root"))), 404);
        }

        @Test
        void aPutThatMovesTheGoalNeedsTheRightToWriteBothScopes() {
            resource = new GoalsResource(service, directory, new FakeIdentity(), Configs.targets(true));
            create(body(NORTH_GOAL), "hedda");
            GoalInput south = goal("{\"type\":\"team\",\"id\":\"south\"}", "3");
            problem(http.call(() -> resource.update("g1", south, as("hedda", "\"1\""))), 403);
            assertThat(service.calls).containsExactly("createGoal team:north by hedda");
        }

        @Test
        void aFormPostedFromAnotherSiteIsRefused() {
            create(body(NORTH_GOAL), "root");
            JsonNode problem = problem(http.call(() -> resource.delete("g1", FakeHeaders.session("session-root")
                    .with("If-Match", "\"1\"").with("Host", "crm.example:8181")
                    .with("Origin", "https://evil.example"))), 403);
            assertThat(problem.get("detail").asText()).startsWith("cross-site request refused");
        }
    }

    @Nested
    class BadBodies {

        @ParameterizedTest(name = "{0}: 400 on {1}")
        @CsvSource(delimiter = '|', value = {
                "{\"scope\":{\"type\":\"team\",\"id\":\"north\"},\"period\":\"2026-03\",\"goal\":{\"paidDeals\":-3}}"
                        + " | goal.paidDeals | goal.paidDeals: must be positive, was -3",
                "{\"scope\":{\"type\":\"team\",\"id\":\"north\"},\"period\":\"March\",\"goal\":{\"paidDeals\":3}}"
                        + " | period | period: must be a month (2026-03), a quarter (2026-Q1) or a week (2026-W10),"
                        + " was 'March'",
                "{\"scope\":{\"type\":\"team\",\"id\":\"north\"},\"period\":\"2026-03\",\"goal\":{\"paidDeals\":3},"
                        + "\"pinnedRates\":[{\"from\":\"proposal\",\"to\":\"paid\",\"rate\":1.5}]}"
                        + " | pinnedRates[0].rate | pinnedRates[0].rate: must be above 0 and at most 1, was 1.5",
                "{\"period\":\"2026-03\",\"goal\":{\"paidDeals\":3}} | scope | scope: is required: "
                        + "{\"type\":\"team\",\"id\":\"<teamId>\"} or {\"type\":\"manager\",\"id\":\"<managerId>\"}" })
        void whatTheServiceOrTheResourceRefusesNamesTheField(String json, String field, String detail) {
            JsonNode problem = problem(create(body(json), "root"), 400);
            assertThat(problem.get("field").asText()).isEqualTo(field);
            assertThat(problem.get("detail").asText()).isEqualTo(detail);
            assertThat(goalsStored()).isZero();
        }

        @Test
        void anEmptyBodyIs400() {
            JsonNode problem = problem(create(null, "root"), 400);
            assertThat(problem.get("field").asText()).isEqualTo("body");
        }

        private int goalsStored() {
            return resource.goals(null, null, as("root")).size();
        }
    }
}
