package org.pacekpi.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;

import java.time.Duration;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the end-to-end tests do as users of the demo: sign in, pick contacts, log activities in the sandbox CRM, read
 * KPIs from Pace, and wait until Pace has applied the host's history up to a sequence number.
 */
public final class DemoSupport {

    private final int port;

    public DemoSupport(int port) {
        this.port = port;
    }

    /** A client signed in as a demo user. */
    public Http as(String login) {
        return Http.as(port, login);
    }

    /** Waits until the simulated team exists and Pace has applied every change the host has. */
    public void awaitDemoReadyAndCaughtUp(Duration timeout) {
        Http admin = as("admin");
        await("sandbox simulation finished").atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> {
            Http.Response r = admin.get("/crm/api/status");
            return r.status() == 200 && r.json().path("simulated").asBoolean(false);
        });
        long latest = admin.get("/crm/api/status").json().path("latestSequence").asLong();
        awaitApplied(latest, timeout);
    }

    /** Waits until Pace's cursor has reached a host sequence number: every change up to it is counted. */
    public void awaitApplied(long sequence, Duration timeout) {
        Http admin = as("admin");
        await("Pace applied sequence " + sequence).atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
            Http.Response r = admin.get("/pace/api/v1/status");
            return r.status() == 200 && r.json().path("appliedSequence").asLong() >= sequence;
        });
    }

    /** The user id of a demo login. */
    public String userId(String login) {
        Http.Response me = as(login).get("/pace/api/v1/me");
        assertEquals(me.body(), 200, me.status());
        return me.json().path("id").asText();
    }

    /** A contact of this user, external (a client) or internal (a colleague). */
    public String contactOf(String login, boolean colleague) {
        Http.Response contacts = as(login).get("/crm/api/contacts");
        assertEquals(contacts.body(), 200, contacts.status());
        return StreamSupport.stream(contacts.json().spliterator(), false)
                .filter(c -> c.path("internal").asBoolean() == colleague)
                .map(c -> c.path("id").asText())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + (colleague ? "colleague" : "client") + " contact for "
                        + login + " in " + contacts.body()));
    }

    /**
     * Creates a new client contact for the user, so that a call to it counts as a touch whatever else was logged
     * today (Pace collapses repeated touches with one contact on one channel in one day).
     */
    public String newClient(String login) {
        String unique = java.util.UUID.randomUUID().toString().substring(0, 8);
        Http.Response r = as(login).post("/crm/api/contacts", Map.of("name", "Client " + unique,
                "email", "client-" + unique + "@customer.example", "accountName", "Customer " + unique));
        assertEquals(r.body(), 201, r.status());
        return r.json().path("id").asText();
    }

    /** Logs a connected two-minute call with a contact as the user; returns the stored activity. */
    public JsonNode logCall(String login, String contactId) {
        return logCall(login, contactId, 120);
    }

    /** A connected call of this length, logged by a manager through the sandbox's REST API. */
    public JsonNode logCall(String login, String contactId, long durationSeconds) {
        Http.Response r = as(login).post("/crm/api/activities", Map.of("type", "call", "contactId", contactId,
                "outcome", "connected", "durationSeconds", durationSeconds));
        assertEquals(r.body(), 201, r.status());
        return r.json();
    }

    /** A manager's touches for the week or month containing today, as Pace's REST API reports them. */
    public long touches(String asLogin, String managerId, String period) {
        Http.Response r = as(asLogin).get("/pace/api/v1/managers/" + managerId + "/kpis?period=" + period);
        assertEquals(r.body(), 200, r.status());
        return r.json().path("metrics").path("touches").asLong();
    }

    /** Ids of the managers a user may see, through Pace's REST API. */
    public java.util.Set<String> visibleManagers(String login) {
        Http.Response r = as(login).get("/pace/api/v1/managers");
        assertEquals(r.body(), 200, r.status());
        java.util.Set<String> ids = new java.util.TreeSet<>();
        r.json().forEach(m -> ids.add(m.path("id").asText()));
        return ids;
    }
}
