package org.pacekpi.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
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
import org.pacekpi.api.targets.DeriveRequest;
import org.pacekpi.api.targets.Scope;
import org.pacekpi.api.targets.TargetInput;
import org.pacekpi.api.targets.TargetRecord;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

class TargetsResourceTest {

    private final FakeTargets service = new FakeTargets();
    private final Http http = new Http();
    private TargetsResource resource = new TargetsResource(service, FakeDirectory.sales(), new FakeIdentity(),
            Configs.targets(false));

    private static FakeHeaders as(String user) {
        return FakeHeaders.basic(user, "demo");
    }

    private static FakeHeaders as(String user, String ifMatch) {
        return FakeHeaders.basic(user, "demo").with("If-Match", ifMatch);
    }

    private static TargetInput target(String scope, String metric, long value) {
        String[] parts = scope.split(":");
        return new TargetInput(new Scope(Scope.Type.parse(parts[0], "scope"), parts[1]), metric, "2026-03", value,
                "set by hand");
    }

    private Response create(TargetInput input, String user) {
        return http.call(() -> resource.create(input, as(user), Http.uriInfo()));
    }

    private JsonNode problem(Response response, int status) {
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getMediaType()).hasToString(Problem.MEDIA_TYPE);
        return http.body(response);
    }

    @Nested
    class Derive {

        static final String REQUEST = """
                {"scope":{"type":"manager","id":"m1"},"period":"2026-03","goal":{"paidDeals":3},
                 "weeksRule":"four-weeks-a-month","method":"cohort","windowDays":90,"asOf":"2026-03-02",
                 "pinnedRates":[{"from":"meeting","to":"proposal","rate":0.5}]}""";

        private DeriveRequest request(String json) {
            Http.Read<DeriveRequest> read = http.read(DeriveRequest.class, json);
            assertThat(read.problem()).as("reading " + json).isNull();
            return read.value();
        }

        @Test
        void aPreviewSavesNothing() {
            Response response = http.call(() -> resource.derive(request(REQUEST), as("root")));

            assertThat(response.getStatus()).isEqualTo(200);
            JsonNode derived = http.body(response);
            assertThat(derived.get("scope").toString()).isEqualTo("{\"type\":\"manager\",\"id\":\"m1\"}");
            assertThat(derived.get("method").asText()).isEqualTo("cohort");
            assertThat(derived.get("from").asText()).isEqualTo("2026-03-01");
            JsonNode m1 = derived.get("managers").get(0);
            assertThat(m1.get("managerId").asText()).isEqualTo("m1");
            JsonNode proposal = m1.get("steps").get(0);
            assertThat(proposal.get("needed").toString()).isEqualTo("{\"fraction\":\"9\",\"decimal\":9}");
            assertThat(proposal.get("perWeek").get("exact").get("fraction").asText()).isEqualTo("9/4");
            assertThat(proposal.get("perWeek").get("exact").get("decimal").decimalValue()).isEqualByComparingTo("2.25");
            assertThat(proposal.get("perWeek").get("target").asLong()).isEqualTo(3);
            assertThat(proposal.get("neededBy").get("date").asText()).isEqualTo("2026-03-10");
            assertThat(service.calls).containsExactly("derive manager:m1 2026-03");
            assertThat(resource.targets(null, null, null, as("root"))).isEmpty();
        }

        @ParameterizedTest(name = "{0} previews for {1}: {2}")
        @CsvSource(delimiter = '|', value = {
                // a manager may preview their own plan: it shows nothing they may not see
                "m1     | manager | m1    | 200",
                "m1     | manager | m2    | 403",
                "m1     | team    | north | 403",
                // a head previews the team's and its managers' even when heads may not write
                "hedda  | team    | north | 200",
                "hedda  | manager | m2    | 200",
                "hedda  | team    | south | 403",
                "nobody | manager | m1    | 403",
                "root   | team    | west  | 404" })
        void whoMayPreview(String user, String type, String id, int status) {
            String json = REQUEST.replace("{\"type\":\"manager\",\"id\":\"m1\"}",
                    "{\"type\":\"" + type + "\",\"id\":\"" + id + "\"}");
            assertThat(http.call(() -> resource.derive(request(json), as(user))).getStatus()).isEqualTo(status);
            assertThat(service.calls).hasSize(status == 200 ? 1 : 0);
        }

        @ParameterizedTest(name = "400 on {1}")
        @CsvSource(delimiter = '|', value = {
                "{\"scope\":{\"type\":\"manager\",\"id\":\"m1\"},\"period\":\"2026-03\",\"goal\":{\"paidDeals\":0}}"
                        + " | goal.paidDeals",
                "{\"scope\":{\"type\":\"manager\",\"id\":\"m1\"},\"period\":\"2026-3\",\"goal\":{\"paidDeals\":3}}"
                        + " | period",
                "{\"scope\":{\"type\":\"manager\",\"id\":\"m1\"},\"period\":\"2026-03\",\"goal\":{\"paidDeals\":3},"
                        + "\"pinnedRates\":[{\"from\":\"meeting\",\"to\":\"proposal\",\"rate\":0.5},"
                        + "{\"from\":\"proposal\",\"to\":\"paid\",\"rate\":1.01}]} | pinnedRates[1].rate",
                "{\"period\":\"2026-03\",\"goal\":{\"paidDeals\":3}} | scope" })
        void badRequestsNameTheField(String json, String field) {
            JsonNode problem = problem(http.call(() -> resource.derive(request(json), as("root"))), 400);
            assertThat(problem.get("field").asText()).isEqualTo(field);
            assertThat(problem.get("detail").asText()).startsWith(field + ": ");
        }
    }

    @Nested
    class ManualTargets {

        @Test
        void createAnswers201WithLocationAndETag() {
            Response response = create(target("manager:m1", "meetingsHeld", 18), "root");

            assertThat(response.getStatus()).isEqualTo(201);
            assertThat(response.getHeaderString(HttpHeaders.LOCATION))
                    .isEqualTo("http://crm.example:8181/pace/api/v1/targets/t1");
            assertThat(response.getHeaderString(HttpHeaders.ETAG)).isEqualTo("\"1\"");
            JsonNode target = http.body(response);
            assertThat(target.fieldNames()).toIterable().containsExactly("id", "version", "scope", "metric", "period",
                    "from", "to", "value", "goalId", "explanation", "updatedBy", "updatedAt");
            assertThat(target.get("scope").toString()).isEqualTo("{\"type\":\"manager\",\"id\":\"m1\"}");
            assertThat(target.get("value").asLong()).isEqualTo(18);
            assertThat(target.get("from").asText()).isEqualTo("2026-03-01");
            assertThat(target.get("goalId").isNull()).isTrue();
        }

        @Test
        void etagRoundTripAndHistory() {
            create(target("manager:m1", "meetingsHeld", 18), "root");
            Response read = http.call(() -> resource.target("t1", as("m1")));
            assertThat(read.getHeaderString(HttpHeaders.ETAG)).isEqualTo("\"1\"");

            Response updated = http.call(() -> resource.update("t1", target("manager:m1", "meetingsHeld", 20),
                    as("root", read.getHeaderString(HttpHeaders.ETAG))));
            assertThat(updated.getStatus()).isEqualTo(200);
            assertThat(updated.getHeaderString(HttpHeaders.ETAG)).isEqualTo("\"2\"");
            assertThat(http.body(updated).get("value").asLong()).isEqualTo(20);

            JsonNode stale = problem(http.call(() -> resource.update("t1", target("manager:m1", "meetingsHeld", 22),
                    as("root", "\"1\""))), 412);
            assertThat(stale.get("currentVersion").asLong()).isEqualTo(2);
            problem(http.call(() -> resource.update("t1", target("manager:m1", "meetingsHeld", 22), as("root"))),
                    428);
            problem(http.call(() -> resource.delete("t1", as("root"))), 428);
            problem(http.call(() -> resource.delete("t1", as("root", "2"))), 400);

            JsonNode history = http.body(http.call(() -> resource.history("t1", as("m1"))));
            assertThat(history).hasSize(2);
            assertThat(history.get(1).get("before").asText()).isEqualTo("18");
            assertThat(history.get(1).get("after").asText()).isEqualTo("20");
            assertThat(history.get(1).get("actor").asText()).isEqualTo("root");

            assertThat(http.call(() -> resource.delete("t1", as("root", "\"2\""))).getStatus()).isEqualTo(204);
            problem(http.call(() -> resource.target("t1", as("root"))), 404);
            assertThat(http.body(http.call(() -> resource.history("t1", as("root"))))).hasSize(3);
        }

        @Test
        void twoAdminsChangingTheSameTargetOneGets412AndNothingIsLost() throws Exception {
            create(target("manager:m1", "meetingsHeld", 18), "root");
            // both changes have passed every check but the version's before either compares it
            CyclicBarrier bothThere = new CyclicBarrier(2);
            service.beforeVersionCheck = () -> {
                try {
                    bothThere.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                    throw new IllegalStateException("the other change never came", e);
                }
            };
            ExecutorService pool = Executors.newFixedThreadPool(2);
            Map<Long, Integer> statusByValue = new ConcurrentHashMap<>();
            try {
                List<Future<?>> done = new ArrayList<>();
                for (long value : List.of(20L, 24L)) {
                    done.add(pool.submit(() -> statusByValue.put(value, http.call(() -> resource.update("t1",
                            target("manager:m1", "meetingsHeld", value), as("root", "\"1\""))).getStatus())));
                }
                for (Future<?> change : done) {
                    change.get(10, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(statusByValue.values()).containsExactlyInAnyOrder(200, 412);
            long winner = statusByValue.entrySet().stream().filter(e -> e.getValue() == 200).findFirst()
                    .orElseThrow().getKey();
            // the winner's value is stored at version 2, and the loser learnt it must read again
            JsonNode stored = http.body(http.call(() -> resource.target("t1", as("root"))));
            assertThat(stored.get("version").asLong()).isEqualTo(2);
            assertThat(stored.get("value").asLong()).isEqualTo(winner);
        }

        @Test
        void aSecondTargetForTheSameMetricAndADerivedTargetAreConflicts() {
            create(target("manager:m1", "meetingsHeld", 18), "root");
            JsonNode twice = problem(create(target("manager:m1", "meetingsHeld", 20), "root"), 409);
            assertThat(twice.get("title").asText()).isEqualTo("Conflict");
            assertThat(twice.get("detail").asText()).isEqualTo("target t1 already sets meetingsHeld of manager:m1 for"
                    + " 2026-03; change it instead");

            TargetRecord derived = service.derivedTarget("g7", Scope.manager("m1"), "stage:proposal", 9);
            problem(http.call(() -> resource.update(derived.id(), target("manager:m1", "stage:proposal", 10),
                    as("root", "\"1\""))), 409);
            problem(http.call(() -> resource.delete(derived.id(), as("root", "\"1\""))), 409);
        }

        @ParameterizedTest(name = "{1} {2}: 400 on {3}")
        @CsvSource(delimiter = '|', value = {
                "manager:m1 | callsMade    | 5  | metric | metric: unknown metric 'callsMade'",
                "manager:m1 | meetingsHeld | -1 | value  | value: must be at least 0, was -1" })
        void badTargetsNameTheField(String scope, String metric, long value, String field, String detail) {
            JsonNode problem = problem(create(target(scope, metric, value), "root"), 400);
            assertThat(problem.get("field").asText()).isEqualTo(field);
            assertThat(problem.get("detail").asText()).isEqualTo(detail);
        }

        @Test
        void listsWithFiltersWhatTheCallerMayRead() {
            create(target("manager:m1", "meetingsHeld", 18), "root");
            create(target("manager:m1", "touches", 200), "root");
            create(target("manager:m2", "touches", 150), "root");
            create(target("team:north", "touches", 350), "root");
            create(target("manager:m3", "touches", 100), "root");

            assertThat(ids(resource.targets(null, null, null, as("root")))).containsExactly("t1", "t2", "t3", "t4",
                    "t5");
            assertThat(ids(resource.targets(null, null, "touches", as("hedda")))).containsExactly("t2", "t3", "t4");
            assertThat(ids(resource.targets(null, "2026-03", null, as("m1")))).containsExactly("t1", "t2");
            assertThat(ids(resource.targets("manager:m1", null, "touches", as("m1")))).containsExactly("t2");
            assertThat(service.calls).contains("targets null null touches", "targets manager:m1 null touches");

            problem(http.call(() -> resource.targets("manager:m2", null, null, as("m1"))), 403);
            problem(http.call(() -> resource.target("t3", as("m1"))), 403);
            problem(http.call(() -> resource.history("t3", as("m1"))), 403);
            JsonNode badScope = problem(http.call(() -> resource.targets("north", null, null, as("root"))), 400);
            assertThat(badScope.get("field").asText()).isEqualTo("scope");
            assertThat(badScope.get("detail").asText())
                    .isEqualTo("scope: must be team:<teamId> or manager:<managerId>, was 'north'");
            JsonNode badType = problem(http.call(() -> resource.targets("club:x", null, null, as("root"))), 400);
            assertThat(badType.get("detail").asText()).isEqualTo("scope: must be team or manager, was 'club'");
        }

        @Test
        void writingIsForAdminsAndConfiguredHeads() {
            problem(create(target("manager:m1", "touches", 1), "hedda"), 403);
            problem(create(target("manager:m1", "touches", 1), "m1"), 403);
            resource = new TargetsResource(service, FakeDirectory.sales(), new FakeIdentity(), Configs.targets(true));
            assertThat(create(target("manager:m1", "touches", 1), "hedda").getStatus()).isEqualTo(201);
            problem(create(target("manager:m3", "touches", 1), "hedda"), 403);
            problem(http.call(() -> resource.create(target("manager:m1", "touches", 1), FakeHeaders.none(),
                    Http.uriInfo())), 401);
        }

        private List<String> ids(List<TargetRecord> targets) {
            return targets.stream().map(TargetRecord::id).toList();
        }
    }
}
