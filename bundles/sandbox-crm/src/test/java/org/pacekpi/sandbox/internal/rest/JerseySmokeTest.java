package org.pacekpi.sandbox.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pacekpi.host.directory.Role;
import org.pacekpi.sandbox.internal.TestCrm;
import org.pacekpi.sandbox.internal.crm.Contact;
import org.pacekpi.sandbox.internal.web.DashboardResource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * The resources, the JSON provider and the problem mapper in a real Jersey (the runtime behind the REST
 * whiteboard), over HTTP: routing of /crm versus /crm/api/..., JSON in and out, cookies, redirects, problems.
 */
class JerseySmokeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Held so the level sticks: Jersey warns about optional features (WADL, JAXB) this test does not need. */
    private static final java.util.logging.Logger JERSEY = java.util.logging.Logger.getLogger("org.glassfish.jersey");

    static {
        JERSEY.setLevel(java.util.logging.Level.SEVERE);
    }

    @TempDir
    Path folder;

    private TestCrm crm;
    private HttpServer server;
    private String base;
    private Contact lena;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void start() {
        crm = TestCrm.h2(folder);
        crm.addUser("anna", null, Set.of(Role.MANAGER), null);
        lena = crm.addContact("anna", "Lena Müller", "lena@nordwind.example", "+49 89 7654321", false);
        ResourceConfig application = new ResourceConfig()
                .register(new ActivityResource(crm.log, crm.database, crm.directory, crm.auth, Clock.systemUTC()))
                .register(new ContactResource(crm.log, crm.database, crm.directory, crm.auth))
                .register(new DealResource(crm.log, crm.database, crm.directory, crm.auth))
                .register(new CrmApiResource(crm.database, crm.directory, crm.auth))
                .register(new DashboardResource(crm.database, crm.directory, crm.auth))
                .register(new CrmJsonProvider())
                .register(new CrmProblemMapper());
        server = JdkHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), application);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        crm.close();
    }

    @Test
    void logACallOverHttp() throws Exception {
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(base + "/crm/api/activities"))
                .header("Authorization", TestCrm.basic("anna", "demo")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"call\",\"contactId\":\"" + lena.id()
                        + "\",\"outcome\":\"connected\",\"durationSeconds\":240}")));
        assertThat(created.statusCode()).isEqualTo(201);
        Map<String, Object> body = json(created.body());
        assertThat(body).containsEntry("type", "call").containsEntry("sequence", 1).containsEntry("actorId", "anna")
                .doesNotContainKey("dealId");
        assertThat(created.headers().firstValue("Location")).contains(base + "/crm/api/activities/" + body.get("id"));

        HttpResponse<String> read = send(HttpRequest.newBuilder(URI.create(base + "/crm/api/activities/" + body.get("id")))
                .header("Authorization", TestCrm.basic("anna", "demo")).GET());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read.body())).isEqualTo(body);

        HttpResponse<String> status = send(HttpRequest.newBuilder(URI.create(base + "/crm/api/status")).GET());
        assertThat(json(status.body())).containsEntry("latestSequence", 1).containsEntry("simulated", false);

        HttpResponse<String> contacts = send(HttpRequest.newBuilder(URI.create(base + "/crm/api/contacts"))
                .header("Authorization", TestCrm.basic("anna", "demo")).GET());
        assertThat(contacts.statusCode()).isEqualTo(200);
        assertThat(contacts.body()).startsWith("[").contains("\"name\":\"Lena Müller\"");

        HttpResponse<String> deleted = send(HttpRequest.newBuilder(URI.create(base + "/crm/api/activities/" + body.get("id")))
                .header("Authorization", TestCrm.basic("anna", "demo")).DELETE());
        assertThat(deleted.statusCode()).isEqualTo(204);
    }

    @Test
    void errorsAreProblemDocuments() throws Exception {
        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(URI.create(base + "/crm/api/me")).GET());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"crm\"");
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(anonymous.body())).containsEntry("status", 401).containsKey("detail");

        HttpResponse<String> unknownField = postActivity("{\"type\":\"call\",\"contact\":\"x\"}");
        assertThat(unknownField.statusCode()).isEqualTo(400);
        assertThat(json(unknownField.body())).containsEntry("field", "contact");

        HttpResponse<String> negative = postActivity("{\"type\":\"call\",\"contactId\":\"" + lena.id()
                + "\",\"durationSeconds\":-5}");
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(json(negative.body())).containsEntry("field", "durationSeconds")
                .containsEntry("detail", "durationSeconds: must not be negative, was -5");

        HttpResponse<String> empty = postActivity("");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(json(empty.body())).containsEntry("status", 400);
        assertThat(new org.pacekpi.sandbox.internal.activity.CrmActivityHistory(crm.database).latestSequence()).isZero();
    }

    @Test
    void signInThroughTheFormAndSeeTheDashboard() throws Exception {
        HttpResponse<String> noSlash = send(HttpRequest.newBuilder(URI.create(base + "/crm")).GET());
        assertThat(noSlash.statusCode()).isEqualTo(303);
        assertThat(noSlash.headers().firstValue("Location")).contains(base + "/crm/");

        HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(base + "/crm/")).GET());
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(form.body()).contains("name=\"login\"");

        HttpResponse<String> wrong = login("anna", "nope");
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("Wrong login or password.");

        HttpResponse<String> signedIn = login("anna", "demo");
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location")).contains(base + "/crm/");
        String setCookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith("CRMSESSION=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .contains("Path=/");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        HttpResponse<String> dashboard = send(HttpRequest.newBuilder(URI.create(base + "/crm/"))
                .header("Cookie", cookie).GET());
        assertThat(dashboard.body()).contains("Sign out").contains("id=\"log-activity\"");

        HttpResponse<String> me = send(HttpRequest.newBuilder(URI.create(base + "/crm/api/me"))
                .header("Cookie", cookie).GET());
        assertThat(json(me.body())).containsEntry("id", "anna");

        HttpResponse<String> logout = send(HttpRequest.newBuilder(URI.create(base + "/crm/logout"))
                .header("Cookie", cookie).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(logout.statusCode()).isEqualTo(303);
        assertThat(send(HttpRequest.newBuilder(URI.create(base + "/crm/api/me")).header("Cookie", cookie).GET())
                .statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> login(String login, String password) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + "/crm/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("login=" + login + "&password=" + password)));
    }

    private HttpResponse<String> postActivity(String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + "/crm/api/activities"))
                .header("Authorization", TestCrm.basic("anna", "demo")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Object> json(String body) throws IOException {
        return JSON.readValue(body, new TypeReference<Map<String, Object>>() { });
    }
}
