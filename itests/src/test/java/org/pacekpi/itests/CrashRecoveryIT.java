package org.pacekpi.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Karaf is killed with SIGKILL while Pace is still reading a large history from the sandbox CRM; after a restart and
 * the catch-up, every KPI equals a recomputation from Pace's activity log (the admin rebuild), and Pace's cursor
 * equals the host's latest sequence: nothing lost, nothing counted twice. On the embedded H2 store, which must
 * itself survive the kill.
 */
public class CrashRecoveryIT {

    /** A bigger simulated organisation than the demo's, so that Pace is still ingesting when the kill comes. */
    private static final Map<String, String> BIG_TEAM = Map.of(
            "PACE_SIM_TEAMS", "6", "PACE_SIM_TEAM_SIZE", "10", "PACE_SIM_MONTHS", "12");

    @Test
    public void killedMidIngestThenRestartedEveryKpiEqualsTheRecomputation() throws Exception {
        try (DemoKaraf karaf = DemoKaraf.prepare("crash-demo", "crash", BIG_TEAM).startWithoutWaiting()) {
            DemoSupport demo = new DemoSupport(karaf.httpPort());
            Http admin = demo.as("admin");
            await("the sandbox has written the simulated history").atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> admin.get("/crm/api/status").json().path("simulated").asBoolean(false));
            long latest = admin.get("/crm/api/status").json().path("latestSequence").asLong();
            await("Pace is part-way through the history").atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                    .until(() -> admin.get("/pace/api/v1/status").json().path("appliedSequence").asLong() > 0);
            long appliedAtKill = admin.get("/pace/api/v1/status").json().path("appliedSequence").asLong();
            karaf.killHard();
            assertTrue("the kill must come while Pace is still reading (applied " + appliedAtKill + " of " + latest
                    + "); make the simulated team bigger", appliedAtKill < latest);

            karaf.start(); // returns once Pace has caught up with the host again
            assertEquals("Pace's cursor reaches the host's latest sequence", latest,
                    admin.get("/pace/api/v1/status").json().path("appliedSequence").asLong());

            Map<String, JsonNode> afterCatchUp = monthlyKpisOfEveryManager(demo);
            Http.Response rebuild = admin.post("/pace/api/v1/admin/rebuild", Map.of());
            assertEquals(rebuild.body(), 200, rebuild.status());
            assertTrue(rebuild.body(), rebuild.json().path("activities").asLong() > 0);
            Map<String, JsonNode> recomputed = monthlyKpisOfEveryManager(demo);

            assertEquals(recomputed.keySet(), afterCatchUp.keySet());
            recomputed.forEach((key, expected) -> assertEquals(key, expected, afterCatchUp.get(key)));
        }
    }

    /** manager id + month to that month's metrics and revenue, for the simulated year. */
    private static Map<String, JsonNode> monthlyKpisOfEveryManager(DemoSupport demo) {
        Http admin = demo.as("admin");
        LocalDate to = LocalDate.now();
        LocalDate from = to.minusMonths(13).withDayOfMonth(1);
        Map<String, JsonNode> kpis = new TreeMap<>();
        for (String manager : demo.visibleManagers("admin")) {
            Http.Response series = admin.get("/pace/api/v1/managers/" + manager + "/kpis/series?step=month&from="
                    + from + "&to=" + to);
            assertEquals(series.body(), 200, series.status());
            for (JsonNode point : series.json().path("points")) {
                kpis.put(manager + " " + point.path("from").asText(), point.path("metrics"));
                kpis.put(manager + " " + point.path("from").asText() + " revenue", point.path("revenue"));
            }
        }
        assertTrue("there are KPIs to compare", kpis.size() > 20);
        return kpis;
    }
}
