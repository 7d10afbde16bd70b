package org.pacekpi.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The crash test, on the store a subclass configures: Karaf is killed with SIGKILL while Pace is still reading a large
 * history from the sandbox CRM; after a restart and the catch-up, every KPI equals a recomputation from Pace's activity
 * log (the admin rebuild), Pace's cursor equals the host's latest sequence, and Pace's log, read in the store itself
 * once Karaf has stopped, holds exactly the host's activities: nothing lost, nothing counted twice.
 */
abstract class CrashRecoveryScenario {

    /** Changes per catch-up transaction: a tenth or less of the simulated history in both scenarios. */
    private static final int HISTORY_BATCH_SIZE = 2_000;

    private final String runName;
    private final Map<String, String> simulatedOrganisation;

    /**
     * @param runName  the demo's folder under {@code target/}
     * @param teams    simulated teams, big enough together with the others that Pace is still reading when the kill
     *                 comes
     * @param teamSize managers per team
     * @param months   months of simulated history
     */
    protected CrashRecoveryScenario(String runName, int teams, int teamSize, int months) {
        this.runName = runName;
        // The default catch-up transaction (50,000 changes) would take the whole simulated history at once: smaller
        // ones let the kill come between committed transactions and ones still to come.
        this.simulatedOrganisation = Map.of("PACE_SIM_TEAMS", Integer.toString(teams),
                "PACE_SIM_TEAM_SIZE", Integer.toString(teamSize), "PACE_SIM_MONTHS", Integer.toString(months),
                "PACE_HISTORY_BATCH_SIZE", Integer.toString(HISTORY_BATCH_SIZE));
    }

    /** demo.sh's environment for Pace's store (none for the embedded H2). */
    protected abstract Map<String, String> storeEnvironment();

    /** Empties Pace's store, after demo.sh has stopped any Karaf left over in the run folder and deleted its data. */
    protected abstract void emptyStore() throws SQLException;

    /** A connection to Pace's store, opened after Karaf has stopped. */
    protected abstract Connection paceStore(DemoKaraf karaf) throws SQLException;

    @Test
    public void killedMidIngestThenRestartedEveryKpiEqualsTheRecomputation() throws Exception {
        Map<String, String> environment = new HashMap<>(simulatedOrganisation);
        environment.putAll(storeEnvironment());
        DemoKaraf karaf = DemoKaraf.prepare(runName, "crash", environment);
        emptyStore();
        long latest;
        long hostActivities;
        try (karaf) {
            karaf.startWithoutWaiting();
            DemoSupport demo = new DemoSupport(karaf.httpPort());
            Http admin = demo.as("admin");
            await("the sandbox has written the simulated history").atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> admin.get("/crm/api/status").json().path("simulated").asBoolean(false));
            // The history is one transaction, but H2 may show its rows a moment after the marker: wait until two
            // reads agree (nothing else writes to the sandbox now) before taking the host's figures.
            AtomicReference<JsonNode> previous = new AtomicReference<>();
            JsonNode host = await("the sandbox's simulated history is fully visible").atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(300)).ignoreExceptions()
                    .until(() -> admin.get("/crm/api/status").json(),
                            now -> now.path("activities").asLong() > 0 && now.equals(previous.getAndSet(now)));
            latest = host.path("latestSequence").asLong();
            hostActivities = host.path("activities").asLong();
            // A third of the way: batches are committed before the kill, and more are still to come.
            await("Pace is a third of the way through the history").atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                    .until(() -> admin.get("/pace/api/v1/status").json().path("appliedSequence").asLong()
                            >= latest / 3);
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
        // The rebuild recounts Pace's own log, so it would agree with a log that lost an activity: compare the log
        // with the host.
        try (Connection store = paceStore(karaf)) {
            assertEquals("Pace's cursor in its store", latest,
                    number(store, "SELECT applied_sequence FROM pace_cursor"));
            assertEquals("activities in Pace's log, deleted ones aside, as in the host", hostActivities,
                    number(store, "SELECT count(*) FROM pace_activity WHERE NOT deleted"));
        }
    }

    private static long number(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            assertTrue(query + " returns a row", rows.next());
            long value = rows.getLong(1);
            assertTrue(query + " returns one row", !rows.next());
            return value;
        }
    }

    /** manager id + month to that month's metrics and revenue, for the simulated history. */
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
