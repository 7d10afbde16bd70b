package org.pacekpi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
