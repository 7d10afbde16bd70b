package org.pacekpi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.pacekpi.api.IngestMonitor;
import org.pacekpi.api.KpiService;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The first slice end to end, as a CRM admin would install it and a manager would use it: feature pace-demo in Karaf
 * 4.4.10; activities logged through the sandbox CRM's REST API reach Pace's KPIs through the activity stream.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PaceDemoIT {

    private static final Duration READY = Duration.ofMinutes(3);
    private static final Duration APPLIED = Duration.ofSeconds(60);

    @Inject
    private BundleContext context;

    @Inject
    @Filter(timeout = 120_000)
    private KpiService kpiService;

    @Inject
    @Filter(timeout = 120_000)
    private IngestMonitor ingestMonitor;

    @Inject
    @Filter(timeout = 120_000)
    private SessionFactory sessionFactory;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    private DemoSupport demo;

    @Configuration
    public Option[] config() {
        return KarafTestSupport.karafWith("pace-demo");
    }

    @Before
    public void demoIsReady() {
        demo = new DemoSupport(KarafTestSupport.httpPort());
        demo.awaitDemoReadyAndCaughtUp(READY);
    }

    @Test
    public void everyPaceBundleIsActive() {
        for (String name : List.of("org.pacekpi.host-api", "org.pacekpi.api", "org.pacekpi.engine",
                "org.pacekpi.store-jdbc", "org.pacekpi.rest", "org.pacekpi.widget", "org.pacekpi.shell",
                "org.pacekpi.sandbox-crm")) {
            Bundle bundle = bundle(name);
            assertEquals(name + " state", Bundle.ACTIVE, bundle.getState());
        }
        assertNotNull(kpiService);
        assertTrue("ingest status is reported", ingestMonitor.status().appliedSequence() > 0);
    }

    @Test
    public void aCallWithAClientCountsAndACallWithAColleagueDoesNot() {
        String anna = demo.userId("anna");
        long weekBefore = demo.touches("anna", anna, "week");
        long monthBefore = demo.touches("anna", anna, "month");

        demo.logCall("anna", demo.newClient("anna"));
        JsonNode colleagueCall = demo.logCall("anna", demo.contactOf("anna", true));
        demo.awaitApplied(colleagueCall.path("sequence").asLong(), APPLIED);

        assertEquals("week touches: the client call counts, the colleague call does not",
                weekBefore + 1, demo.touches("anna", anna, "week"));
        assertEquals("month touches", monthBefore + 1, demo.touches("anna", anna, "month"));
    }

    @Test
    public void aSecondCallToTheSameClientTheSameDayIsADuplicateAndSaysSo() {
        String elena = demo.userId("elena");
        long before = demo.touches("elena", elena, "week");
        long duplicatesBefore = duplicates("elena", elena);
        String client = demo.newClient("elena");
        demo.logCall("elena", client);
        JsonNode second = demo.logCall("elena", client);
        demo.awaitApplied(second.path("sequence").asLong(), APPLIED);

        assertEquals(before + 1, demo.touches("elena", elena, "week"));
        assertEquals(duplicatesBefore + 1, duplicates("elena", elena));
        JsonNode excluded = demo.as("elena").get("/pace/api/v1/managers/" + elena + "/exclusions?period=week").json();
        boolean listed = false;
        for (JsonNode activity : excluded.path("activities")) {
            listed |= activity.path("activityId").asText().equals(second.path("id").asText())
                    && activity.path("reason").asText().equals("DUPLICATE");
        }
        assertTrue("the second call is listed as a duplicate: " + excluded, listed);
    }

    private long duplicates(String login, String managerId) {
        Http.Response r = demo.as(login).get("/pace/api/v1/managers/" + managerId + "/exclusions?period=week");
        assertEquals(r.body(), 200, r.status());
        return r.json().path("byReason").path("DUPLICATE").asLong(0);
    }

    @Test
    public void aDeletedCallNoLongerCounts() {
        String anna = demo.userId("anna");
        long before = demo.touches("anna", anna, "week");
        JsonNode call = demo.logCall("anna", demo.newClient("anna"));
        demo.awaitApplied(call.path("sequence").asLong(), APPLIED);
        assertEquals(before + 1, demo.touches("anna", anna, "week"));

        Http.Response deleted = demo.as("anna").delete("/crm/api/activities/" + call.path("id").asText());
        assertEquals(deleted.body(), 204, deleted.status());
        long latest = demo.as("admin").get("/crm/api/status").json().path("latestSequence").asLong();
        demo.awaitApplied(latest, APPLIED);
        assertEquals(before, demo.touches("anna", anna, "week"));
    }

    @Test
    public void whoSeesWhat() {
        String anna = demo.userId("anna");
        String boris = demo.userId("boris");

        Http.Response anonymous = Http.anonymous(KarafTestSupport.httpPort()).get("/pace/api/v1/managers/" + anna + "/kpis?period=week");
        assertEquals(401, anonymous.status());
        assertTrue(anonymous.contentType(), anonymous.contentType().startsWith("application/problem+json"));

        Http.Response wrongPassword = Http.basic(KarafTestSupport.httpPort(), "anna", "not-the-password").get("/pace/api/v1/me");
        assertEquals(401, wrongPassword.status());

        Http.Response othersKpis = demo.as("anna").get("/pace/api/v1/managers/" + boris + "/kpis?period=week");
        assertEquals(othersKpis.body(), 403, othersKpis.status());
        assertTrue(othersKpis.contentType().startsWith("application/problem+json"));
        assertTrue(othersKpis.body(), othersKpis.json().path("detail").asText().length() > 0);

        assertEquals(Set.of(anna), demo.visibleManagers("anna"));

        Set<String> headSees = demo.visibleManagers("head");
        assertTrue(headSees + " should contain anna and boris", headSees.containsAll(Set.of(anna, boris)));
        assertEquals(200, demo.as("head").get("/pace/api/v1/managers/" + anna + "/kpis?period=month").status());

        Set<String> adminSees = demo.visibleManagers("admin");
        assertTrue(adminSees.containsAll(headSees));
        assertEquals(200, demo.as("admin").get("/pace/api/v1/managers/" + boris + "/kpis?period=week").status());

        Http.Response badPeriod = demo.as("anna").get("/pace/api/v1/managers/" + anna + "/kpis?period=year");
        assertEquals(badPeriod.body(), 400, badPeriod.status());
        assertTrue(badPeriod.body(), badPeriod.json().path("detail").asText().contains("period"));

        Http.Response badDate = demo.as("anna").get("/pace/api/v1/managers/" + anna + "/kpis?period=week&date=2026-13-45");
        assertEquals(badDate.body(), 400, badDate.status());
        assertTrue(badDate.body(), badDate.json().path("detail").asText().contains("date"));

        Http.Response unknown = demo.as("admin").get("/pace/api/v1/managers/nobody-such/kpis?period=week");
        assertEquals(unknown.body(), 404, unknown.status());
    }

    @Test
    public void activitiesLoggedWhilePaceIsStoppedAreCountedExactlyOnceAfterItStarts() throws Exception {
        String boris = demo.userId("boris");
        long before = demo.touches("boris", boris, "week");
        List<String> clients = List.of(demo.newClient("boris"), demo.newClient("boris"), demo.newClient("boris"));
        Bundle engine = bundle("org.pacekpi.engine");

        engine.stop();
        List<Long> sequences = new ArrayList<>();
        for (String client : clients) {
            sequences.add(demo.logCall("boris", client).path("sequence").asLong());
        }
        engine.start();
        long last = sequences.get(sequences.size() - 1);
        demo.awaitApplied(last, APPLIED);
        assertEquals("three calls logged while Pace was stopped", before + 3, demo.touches("boris", boris, "week"));

        // A second restart replays from the cursor: nothing may count twice.
        engine.stop();
        engine.start();
        long latest = demo.as("admin").get("/crm/api/status").json().path("latestSequence").asLong();
        demo.awaitApplied(latest, APPLIED);
        assertEquals(before + 3, demo.touches("boris", boris, "week"));
    }

    @Test
    public void anAdminReadsKpisAndExclusionsInTheKarafShell() throws Exception {
        String anna = demo.userId("anna");
        long touches = demo.touches("anna", anna, "month");

        String kpis = shell("pace:kpis --period month " + anna);
        assertTrue(kpis, kpis.matches("(?s).*\\btouches\\s*\\|\\s*" + touches + "\\b.*"));
        assertTrue(kpis, kpis.contains("Working days"));

        String why = shell("pace:why --period month " + anna);
        long excluded = demo.as("anna").get("/pace/api/v1/managers/" + anna + "/exclusions?period=month")
                .json().path("total").asLong();
        assertTrue(why, why.contains(Long.toString(excluded)));
    }

    @Test
    public void changedCountingRulesApplyToTheStoredHistoryAfterARebuild() throws Exception {
        String anna = demo.userId("anna");
        long before = demo.touches("anna", anna, "week");
        JsonNode shortCall = demo.logCall("anna", demo.newClient("anna"), 10);
        String callId = shortCall.path("id").asText();
        demo.awaitApplied(shortCall.path("sequence").asLong(), APPLIED);
        assertEquals("a 10 s call is an attempt under the shipped rules (30 s)", before,
                demo.touches("anna", anna, "week"));
        assertTrue("the 10 s call is listed as a short call", excludedAs(anna, callId, "SHORT_CALL"));
        try {
            // As an admin would: change etc/org.pacekpi.counting.cfg (here through Configuration Admin, which Karaf
            // writes back to the file), then rebuild. Every stored call of 5 to 29 s now counts, the new one among them.
            setMinCallSeconds(5);
            awaitAfterRebuild("the 10 s call counts", () -> !excludedAs(anna, callId, "SHORT_CALL")
                    && demo.touches("anna", anna, "week") > before);
        } finally {
            setMinCallSeconds(30);
            awaitAfterRebuild("the shipped rules are back", () -> excludedAs(anna, callId, "SHORT_CALL")
                    && demo.touches("anna", anna, "week") == before);
        }
    }

    /** Changes one counting rule, keeping the others (the company's domains the feature ships, say). */
    private void setMinCallSeconds(int seconds) throws java.io.IOException {
        org.osgi.service.cm.Configuration counting = configurationAdmin.getConfiguration("org.pacekpi.counting", null);
        java.util.Dictionary<String, Object> properties = counting.getProperties();
        assertNotNull("the pace feature ships etc/org.pacekpi.counting.cfg", properties);
        properties.put("minCallSeconds", seconds);
        counting.update(properties);
    }

    /** True if the manager's excluded activities of this week list the activity with this reason. */
    private boolean excludedAs(String managerId, String activityId, String reason) {
        Http.Response r = demo.as("admin").get("/pace/api/v1/managers/" + managerId + "/exclusions?period=week");
        assertEquals(r.body(), 200, r.status());
        for (JsonNode activity : r.json().path("activities")) {
            if (activity.path("activityId").asText().equals(activityId)) {
                return activity.path("reason").asText().equals(reason);
            }
        }
        return false;
    }

    /**
     * Rebuilds as the admin until the condition holds: the engine restarts with changed rules a moment after the
     * configuration changes, and a rebuild asked for before that recounts with the old ones.
     */
    private void awaitAfterRebuild(String what, java.util.concurrent.Callable<Boolean> condition) {
        Http admin = demo.as("admin");
        org.awaitility.Awaitility.await(what + " after a rebuild").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1)).until(() -> {
                    Http.Response rebuilt = admin.post("/pace/api/v1/admin/rebuild", java.util.Map.of());
                    return rebuilt.status() == 200 && condition.call();
                });
    }

    // ------------------------------------------------------------------------------------- goals and targets

    /** The worked example's chain: every conversion pinned, so the numbers cannot depend on the simulated history. */
    private static List<Map<String, Object>> workedExamplePins() {
        return List.of(pin("touches", "firstContacts", "1/4"), pin("firstContacts", "meetingsHeld", "1/2"),
                pin("meetingsHeld", "meeting", "1"), pin("meeting", "intro", "1"), pin("intro", "presentation", "1"),
                pin("presentation", "proposal", "1/2"), pin("proposal", "paid", "1/3"));
    }

    private static Map<String, Object> pin(String from, String to, String rate) {
        return Map.of("from", from, "to", to, "rate", rate);
    }

    private static Map<String, Object> scope(String type, String id) {
        return Map.of("type", type, "id", id);
    }

    private static JsonNode step(JsonNode managerTargets, String stepId) {
        for (JsonNode step : managerTargets.path("steps")) {
            if (step.path("step").asText().equals(stepId)) {
                return step;
            }
        }
        throw new AssertionError("no step " + stepId + " in " + managerTargets);
    }

    private static void assertProblem(Http.Response response, int status, String field) {
        assertEquals(response.body(), status, response.status());
        assertTrue(response.contentType(), response.contentType().startsWith("application/problem+json"));
        if (field != null) {
            assertEquals(response.body(), field, response.json().path("field").asText());
        }
    }

    @Test
    public void theWorkedExampleComesOutExactlyThroughRestAndBadBodiesGetAClear400() {
        String anna = demo.userId("anna");
        String period = YearMonth.now(ZoneOffset.UTC).plusMonths(1).toString();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scope", scope("manager", anna));
        body.put("period", period);
        body.put("goal", Map.of("paidDeals", 3));
        body.put("weeksRule", "four-weeks-a-month");
        body.put("pinnedRates", workedExamplePins());
        Http admin = demo.as("admin");

        Http.Response derived = admin.post("/pace/api/v1/targets/derive", body);
        assertEquals(derived.body(), 200, derived.status());
        JsonNode plan = derived.json().path("managers").path(0);
        assertEquals(anna, plan.path("managerId").asText());
        // 3 paid deals a month, 1 paid per 3 proposals: 9 proposals, 9/4 = 2.25 a week, so 3 a week
        JsonNode proposals = step(plan, "proposal");
        assertEquals("9", proposals.path("needed").path("fraction").asText());
        assertEquals(9, proposals.path("target").asLong());
        assertEquals("9/4", proposals.path("perWeek").path("exact").path("fraction").asText());
        assertEquals(3, proposals.path("perWeek").path("target").asLong());
        // 2 meetings per proposal: 18 meetings, 4.5 a week, so 5 a week
        JsonNode meetings = step(plan, "meeting");
        assertEquals(18, meetings.path("target").asLong());
        assertEquals("9/2", meetings.path("perWeek").path("exact").path("fraction").asText());
        assertEquals(5, meetings.path("perWeek").path("target").asLong());
        // the arithmetic in words, and the schedules that end at the month's number, not more
        assertTrue(proposals.toString(), proposals.path("explanation").path("text").asText().contains("proposals"));
        JsonNode byWeek = meetings.path("byWeek");
        assertEquals(18, byWeek.path(byWeek.size() - 1).path("expectedToDate").asLong());
        long sum = 0;
        for (JsonNode week : byWeek) {
            sum += week.path("increment").asLong();
        }
        assertEquals(18, sum);
        // nothing was saved by the preview
        assertEquals(0, admin.get("/pace/api/v1/goals?scope=" + Http.encode("manager:" + anna) + "&period=" + period)
                .json().size());

        // bad bodies: each a 400 naming the field
        Map<String, Object> negative = new LinkedHashMap<>(body);
        negative.put("goal", Map.of("paidDeals", -3));
        assertProblem(admin.post("/pace/api/v1/targets/derive", negative), 400, "goal.paidDeals");
        Map<String, Object> aboveOne = new LinkedHashMap<>(body);
        aboveOne.put("pinnedRates", List.of(pin("proposal", "paid", "1.5")));
        assertProblem(admin.post("/pace/api/v1/targets/derive", aboveOne), 400, "pinnedRates[0].rate");
        Map<String, Object> badPeriod = new LinkedHashMap<>(body);
        badPeriod.put("period", "March");
        assertProblem(admin.post("/pace/api/v1/targets/derive", badPeriod), 400, "period");
        assertProblem(admin.post("/pace/api/v1/targets", Map.of("scope", scope("manager", anna), "metric", "calls",
                "period", period, "value", 5)), 400, "metric");
    }

    @Test
    public void anAdminSetsATeamMoneyGoalAndEveryManagerSeesTargetPaceAndStatus() throws Exception {
        String anna = demo.userId("anna");
        JsonNode me = demo.as("anna").get("/pace/api/v1/me").json();
        String team = me.path("teamId").asText();
        String period = YearMonth.now(ZoneId.of(me.path("timeZone").asText())).toString();
        JsonNode members = demo.as("admin").get("/pace/api/v1/teams/" + team + "/kpis?period=month").json()
                .path("members");
        assertTrue(members.toString(), members.size() >= 2);

        Map<String, Object> goal = new LinkedHashMap<>();
        goal.put("scope", scope("team", team));
        goal.put("period", period);
        goal.put("goal", Map.of("revenue", Map.of("currency", "EUR", "amount", 60000),
                "averagePaidDeal", Map.of("currency", "EUR", "amount", 5000)));
        goal.put("pinnedRates", workedExamplePins());
        goal.put("note", "set by the itest");
        Http admin = demo.as("admin");
        Http.Response created = admin.post("/pace/api/v1/goals", goal);
        assertEquals(created.body(), 201, created.status());
        assertEquals("\"1\"", created.etag());
        String goalId = created.json().path("id").asText();
        try {
            // 60,000 EUR at 5,000 a deal is 12 paid deals, split evenly among the team's managers
            JsonNode derived = created.json().path("derived");
            assertEquals(members.size(), derived.path("managers").size());
            JsonNode annaPlan = null;
            for (JsonNode plan : derived.path("managers")) {
                assertTrue(plan.toString(), step(plan, "paid").path("explanation").path("text").asText().length() > 10);
                if (plan.path("managerId").asText().equals(anna)) {
                    annaPlan = plan;
                }
            }
            assertNotNull(derived.toString(), annaPlan);
            assertEquals("12/" + members.size(), fraction(12, members.size()),
                    annaPlan.path("paidDeals").path("fraction").asText());
            long paidTarget = step(annaPlan, "paid").path("target").asLong();
            assertEquals((12 + members.size() - 1) / members.size(), paidTarget);

            // the derived targets are stored, the manager reads them, and their KPIs show target, pace and status
            JsonNode targets = demo.as("anna").get("/pace/api/v1/targets?scope=" + Http.encode("manager:" + anna)
                    + "&period=" + period).json();
            assertTrue(targets.toString(), targets.size() >= 8);
            JsonNode kpis = demo.as("anna").get("/pace/api/v1/managers/" + anna + "/kpis?period=month").json();
            JsonNode paidPace = null;
            for (JsonNode pace : kpis.path("pacing")) {
                if (pace.path("metric").asText().equals("dealsWon")) {
                    paidPace = pace;
                }
            }
            assertNotNull(kpis.path("pacing").toString(), paidPace);
            assertEquals(paidTarget, paidPace.path("target").asLong());
            assertEquals(kpis.path("metrics").path("dealsWon").asLong(), paidPace.path("actual").asLong());
            assertTrue(paidPace.toString(), Set.of("ahead", "on_track", "behind", "at_risk")
                    .contains(paidPace.path("status").asText()));

            // and the shell shows the same goal and targets
            String goals = shell("pace:goal list");
            assertTrue(goals, goals.contains(goalId));
            String listed = shell("pace:targets --scope manager:" + anna + " --period " + period + " list");
            assertTrue(listed, listed.contains("dealsWon"));
        } finally {
            assertEquals(204, admin.delete("/pace/api/v1/goals/" + goalId, "\"1\"").status());
        }
    }

    @Test
    public void aMoneyGoalIsDerivedFromTheTeamsMeasuredFunnel() {
        JsonNode me = demo.as("anna").get("/pace/api/v1/me").json();
        String team = me.path("teamId").asText();
        String period = YearMonth.now(ZoneId.of(me.path("timeZone").asText())).plusMonths(1).toString();
        Http admin = demo.as("admin");

        // the simulated history's funnel, as measured: every step converts, on samples of its own
        Http.Response measured = admin.get("/pace/api/v1/funnel/conversions?scope=" + Http.encode("team:" + team));
        assertEquals(measured.body(), 200, measured.status());
        JsonNode funnel = measured.json();
        assertEquals(funnel.toString(), 7, funnel.path("toNext").size());
        for (JsonNode rate : funnel.path("toNext")) {
            assertTrue(rate.toString(), rate.path("sampleSize").asLong() > 0);
            assertTrue(rate.toString(), rate.path("explanation").asText().length() > 10);
        }
        assertTrue(funnel.toString(), funnel.path("winRate").path("sampleSize").asLong() > 0);
        assertTrue(funnel.toString(), funnel.path("averagePaidDeal").size() > 0);

        // a money goal with nothing pinned: the average paid deal and every rate are the measured ones
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scope", scope("team", team));
        body.put("period", period);
        body.put("goal", Map.of("revenue", Map.of("currency", "EUR", "amount", 120000)));
        Http.Response derived = admin.post("/pace/api/v1/targets/derive", body);
        assertEquals(derived.body(), 200, derived.status());
        for (JsonNode plan : derived.json().path("managers")) {
            for (JsonNode rate : plan.path("rates")) {
                assertEquals(rate.toString(), "measured", rate.path("source").asText());
            }
            JsonNode paid = step(plan, "paid");
            assertTrue(paid.toString(), paid.path("target").asLong() >= 1);
            assertTrue(plan.toString(), plan.path("paidDealsExplanation").path("text").asText().contains("EUR"));
            // the first step needs the most: every conversion is at most 1
            assertTrue(plan.toString(), plan.path("steps").path(0).path("target").asLong() >= paid.path("target").asLong());
        }
    }

    private static String fraction(long numerator, long denominator) {
        long gcd = java.math.BigInteger.valueOf(numerator).gcd(java.math.BigInteger.valueOf(denominator)).longValue();
        return denominator / gcd == 1 ? Long.toString(numerator / gcd) : numerator / gcd + "/" + denominator / gcd;
    }

    @Test
    public void twoAdminsEditingTheSameTargetOneGets412AndNothingIsLost() throws Exception {
        String anna = demo.userId("anna");
        String period = YearMonth.now(ZoneOffset.UTC).plusMonths(2).toString();
        Http admin = demo.as("admin");
        Map<String, Object> target = new LinkedHashMap<>(Map.of("scope", scope("manager", anna),
                "metric", "meetingsHeld", "period", period, "value", 10));
        Http.Response created = admin.post("/pace/api/v1/targets", target);
        assertEquals(created.body(), 201, created.status());
        String id = created.json().path("id").asText();
        String etag = created.etag();

        // both read version 1 and write at once: one wins, the other is told it is stale
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Http.Response>> writes = new ArrayList<>();
            for (int value : new int[] {12, 15}) {
                Map<String, Object> change = new LinkedHashMap<>(target);
                change.put("value", value);
                writes.add(two.submit(() -> {
                    start.await();
                    return demo.as("admin").put("/pace/api/v1/targets/" + id, change, etag);
                }));
            }
            start.countDown();
            Http.Response first = writes.get(0).get(60, java.util.concurrent.TimeUnit.SECONDS);
            Http.Response second = writes.get(1).get(60, java.util.concurrent.TimeUnit.SECONDS);
            List<Integer> statuses = new ArrayList<>(List.of(first.status(), second.status()));
            statuses.sort(null);
            assertEquals(first.body() + " / " + second.body(), List.of(200, 412), statuses);
            Http.Response winner = first.status() == 200 ? first : second;
            Http.Response loser = first.status() == 200 ? second : first;
            assertProblem(loser, 412, null);

            // nothing lost: the winner's value is stored, and the history has the creation and the one change
            Http.Response stored = admin.get("/pace/api/v1/targets/" + id);
            assertEquals(winner.json().path("value").asLong(), stored.json().path("value").asLong());
            assertEquals("\"2\"", stored.etag());
            JsonNode history = admin.get("/pace/api/v1/targets/" + id + "/history").json();
            assertEquals(history.toString(), 2, history.size());
            assertEquals(history.toString(), demo.userId("admin"), history.path(1).path("actor").asText());
            assertEquals(history.toString(), "updated", history.path(1).path("action").asText());

            // a write without If-Match is refused before it can overwrite anything
            assertProblem(admin.delete("/pace/api/v1/targets/" + id), 428, null);
            assertEquals(204, admin.delete("/pace/api/v1/targets/" + id, stored.etag()).status());
        } finally {
            two.shutdownNow();
        }
    }

    private String shell(String command) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream out = new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8);
        Session session = sessionFactory.create(new java.io.ByteArrayInputStream(new byte[0]), out, out);
        try {
            session.execute(command);
        } finally {
            session.close();
        }
        out.flush();
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private Bundle bundle(String symbolicName) {
        return Arrays.stream(context.getBundles())
                .filter(b -> b.getSymbolicName().equals(symbolicName))
                .findFirst()
                .orElseThrow(() -> new AssertionError("bundle " + symbolicName + " is not installed"));
    }
}
