package org.pacekpi.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

import org.glassfish.jersey.server.ContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.pacekpi.api.KpiService;
import org.pacekpi.api.PeriodType;
import org.pacekpi.host.identity.RequestIdentity;
import org.pacekpi.rest.internal.KpiView;
import org.pacekpi.rest.internal.ManagersResource;
import org.pacekpi.rest.internal.PaceApplication;
import org.pacekpi.rest.internal.PaceJson;
import org.pacekpi.rest.internal.PaceJsonProvider;
import org.pacekpi.rest.internal.ProblemMapper;
import org.pacekpi.rest.internal.TeamKpiView;
import org.pacekpi.rest.internal.TeamsResource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * Pace's REST resources, JSON provider and problem mapper (the rest bundle's own classes) in Jersey on the JDK's
 * HTTP server at {@code http://127.0.0.1:<free port>/pace/api/v1} (loopback only), and a client that calls them over loopback
 * with {@link HttpClient} and parses the JSON answers.
 *
 * <p>Every request is made as {@link GeneratedOrganisation#ADMIN_ID}: the benchmark's {@link RequestIdentity}
 * names that user for any request, so the host's authentication (a session lookup) is not part of the figures;
 * Pace's own authorisation (directory lookup, access policy) is.
 */
public final class PaceRestServer implements AutoCloseable {

    /**
     * Jersey warns that resource instances "do not implement any provider interfaces" (they are registered as
     * resources all the same); kept here so that the logger, and so its level, is not garbage collected.
     */
    private static final java.util.logging.Logger JERSEY_PROVIDERS =
            java.util.logging.Logger.getLogger("org.glassfish.jersey.internal.inject.Providers");

    static {
        // The JDK server leaves Nagle's algorithm on by default, which with delayed ACKs adds ~40 ms to small
        // keep-alive responses; no production server (Jetty in Karaf) behaves so.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        JERSEY_PROVIDERS.setLevel(java.util.logging.Level.SEVERE);
    }

    private final HttpServer server;
    private final URI base;
    private final HttpClient client;
    private final ObjectMapper json = PaceJson.newMapper();

    /**
     * Starts the server.
     *
     * @param kpis         the KPI service the resources call
     * @param organisation the host's directory
     */
    public PaceRestServer(KpiService kpis, GeneratedOrganisation organisation) {
        RequestIdentity benchAdmin = request -> Optional.of(GeneratedOrganisation.ADMIN_ID);
        ResourceConfig application = new ResourceConfig()
                .register(new ManagersResource(kpis, organisation, benchAdmin))
                .register(new TeamsResource(kpis, organisation, benchAdmin))
                .register(PaceJsonProvider.class)
                .register(ProblemMapper.class)
                // No WADL: Pace's whiteboard application has none, and JAXB is not on the classpath.
                .property(ServerProperties.WADL_FEATURE_DISABLE, true);
        try {
            // On the loopback interface only; JdkHttpServerFactory would listen on every interface.
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open an HTTP server on the loopback interface", e);
        }
        server.createContext("/" + PaceApplication.BASE,
                ContainerFactory.createContainer(HttpHandler.class, application));
        server.start();
        this.base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + PaceApplication.BASE
                + "/");
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** {@code GET managers/{id}/kpis?period=&date=}, parsed. */
    public KpiView managerKpis(String managerId, PeriodType period, LocalDate date) {
        return get("managers/" + managerId + "/kpis?period=" + period.id() + "&date=" + date, KpiView.class);
    }

    /** {@code GET teams/{id}/kpis?period=&date=}, parsed. */
    public TeamKpiView teamKpis(String teamId, PeriodType period, LocalDate date) {
        return get("teams/" + teamId + "/kpis?period=" + period.id() + "&date=" + date, TeamKpiView.class);
    }

    private <T> T get(String path, Class<T> type) {
        URI uri = base.resolve(path);
        HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during GET " + uri, e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + uri + " answered " + response.statusCode() + ": "
                    + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        try {
            return json.readValue(response.body(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + uri + " answered JSON that is not a " + type.getSimpleName(), e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
