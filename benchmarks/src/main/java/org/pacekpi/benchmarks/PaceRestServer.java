package org.pacekpi.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;
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

/**
 * Pace's REST resources, JSON provider and problem mapper (the rest bundle's own classes) in Jersey's servlet
 * container on embedded Jetty 12 (ee10, Jakarta Servlet 6), the stack that serves them in Karaf, at
 * {@code http://127.0.0.1:<free port>/pace/api/v1} (loopback only), and a blocking keep-alive client that calls them
 * over loopback and parses the JSON answers into the rest bundle's views.
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
        JERSEY_PROVIDERS.setLevel(java.util.logging.Level.SEVERE);
    }

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final Server server;
    private final URI base;
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
        // As Felix HTTP Jetty12 1.1.8 sets Jetty up when only the port is configured (Pace's feature configures
        // nothing else), read from its JettyService and JettyConfig: Jetty's default thread pool (`new Server()`,
        // a QueuedThreadPool of 8 to 200 threads: Felix passes none unless org.apache.felix.http.jetty.threadpool.max
        // or virtual threads are set), a ServerConnector with Jetty's heuristic acceptor and selector counts (Felix
        // passes -1 for both), and Felix's own defaults for the request and response headers (16 KiB), the response
        // buffer (24 KiB), the idle timeout (60 s) and the Server header (not sent). No gzip: Felix's is off by
        // default.
        this.server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(16 * 1024);
        http.setResponseHeaderSize(16 * 1024);
        http.setOutputBufferSize(24 * 1024);
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setIdleTimeout(Duration.ofSeconds(60).toMillis());
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/" + PaceApplication.BASE,
                ServletContextHandler.NO_SESSIONS);
        context.addServlet(new ServletHolder(new ServletContainer(application)), "/*");
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception e) {
            stop(e);
            throw new IllegalStateException("cannot start Jetty with Pace's REST resources on 127.0.0.1", e);
        }
        this.base = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/" + PaceApplication.BASE + "/");
    }

    /** {@code GET managers/{id}/kpis?period=&date=}, parsed. */
    public KpiView managerKpis(String managerId, PeriodType period, LocalDate date) {
        return get("managers/" + managerId + "/kpis?period=" + period.id() + "&date=" + date, KpiView.class);
    }

    /** {@code GET teams/{id}/kpis?period=&date=}, parsed. */
    public TeamKpiView teamKpis(String teamId, PeriodType period, LocalDate date) {
        return get("teams/" + teamId + "/kpis?period=" + period.id() + "&date=" + date, TeamKpiView.class);
    }

    /**
     * One GET on the calling thread with {@link HttpURLConnection}, which keeps the connection alive when the body
     * is read to its end and closed (as {@link #readAll} does, on errors too). A blocking client, not
     * {@code java.net.http.HttpClient}: the latter hands every exchange between its selector and executor threads,
     * which on two cores is latency of the client's, not Pace's. Measured on the same Jetty, the two clients
     * alternating call by call over the same picks (H2, 40 managers, 100,000 changes, 2,000 samples a view, two
     * runs): HttpURLConnection was lower in every view, p50 by 0.14 to 0.21 ms, p99 by 0.2 to 3.6 ms (manager week
     * p99 4.2 and 4.8 ms against 5.6 and 8.4 ms).
     */
    private <T> T get(String path, Class<T> type) {
        URI uri = base.resolve(path);
        byte[] body;
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
            connection.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
            connection.setReadTimeout((int) READ_TIMEOUT.toMillis());
            connection.setRequestProperty("Accept", "application/json");
            int status = connection.getResponseCode();
            if (status != 200) {
                InputStream error = connection.getErrorStream();
                throw new IllegalStateException("GET " + uri + " answered " + status + ": "
                        + (error == null ? "(no body)" : new String(readAll(error), StandardCharsets.UTF_8)));
            }
            body = readAll(connection.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + uri + " failed", e);
        }
        try {
            return json.readValue(body, type);
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + uri + " answered JSON that is not a " + type.getSimpleName(), e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    private void stop(Exception cause) {
        try {
            server.stop();
        } catch (Exception e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop Jetty with Pace's REST resources at " + base, e);
        }
    }
}
