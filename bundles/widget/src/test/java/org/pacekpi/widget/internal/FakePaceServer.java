package org.pacekpi.widget.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A CRM page with the widget on it, the widget's module from this bundle's build output, and a fake Pace API in the
 * shapes of the REST module: {@code /me}, {@code /managers}, {@code /teams}, the KPIs of managers and teams, and the
 * excluded activities. Every number is {@link #value} of its manager, metric and period, so a test can tell each
 * cell from every other; like Pace, a report lists its metrics by id and leaves out a channel or stage without any
 * ({@link #reported}), and a stage Pace's default funnel does not have ({@code stage:negotiation}) comes in the
 * month's reports only. Revenue differs per manager ({@link #revenue}). Who is signed in is {@link #signIn set by
 * the test}; every API request is recorded.
 */
final class FakePaceServer implements AutoCloseable {

    /** The users: id, display name, team, roles. */
    record Person(String id, String name, String teamId, List<String> roles) {
        boolean manager() {
            return roles.contains("MANAGER");
        }
    }

    static final List<String> METRICS = List.of("touches", "firstContacts", "meetingsHeld", "callAttempts",
            "dealsWon", "newContacts", "dealsLost", "touches:phone", "touches:email", "touches:messenger",
            "touches:in_person", "touches:video", "stage:meeting", "stage:intro", "stage:presentation",
            "stage:proposal", "stage:paid", "stage:negotiation");

    /** The metrics a week's report leaves out, as Pace does for a channel or stage without any that week. */
    private static final List<String> NONE_IN_A_WEEK = List.of("touches:video", "stage:paid", "stage:negotiation");

    static final Map<String, Person> PEOPLE = Map.of(
            "anna", new Person("anna", "Anna Manager", "north", List.of("MANAGER")),
            "boris", new Person("boris", "Boris Manager", "north", List.of("MANAGER")),
            "carl", new Person("carl", "Carl Manager", "south", List.of("MANAGER")),
            "dora", new Person("dora", "Dora Loner", null, List.of("MANAGER")),
            "sven", new Person("sven", "Sven Head", "south", List.of("HEAD", "MANAGER")),
            "head", new Person("head", "Hedda Head", null, List.of("HEAD")),
            "admin", new Person("admin", "Ada Admin", null, List.of("ADMIN")),
            "broken", new Person("broken", "Bro Ken", "north", List.of("MANAGER")));

    /** Team id to name and heads. */
    static final Map<String, List<String>> TEAM_HEADS = Map.of("north", List.of("head"), "south",
            List.of("head", "sven"));

    private static final Pattern MANAGER_PATH = Pattern.compile("/pace/api/v1/managers/([^/]+)/(kpis|exclusions)");
    private static final Pattern TEAM_PATH = Pattern.compile("/pace/api/v1/teams/([^/]+)/kpis");
    private static final Path MODULE = Path.of("target", "classes", "static", "pace-kpi-widget.js");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile String user;

    FakePaceServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** The URL of the CRM page with the widget. */
    String page() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/crm/";
    }

    void signIn(String userId) {
        this.user = userId;
        requests.clear();
    }

    /** The API requests so far, as path and query, e.g. {@code /managers/anna/kpis?period=week}. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    /** The value the API answers for a manager's metric in a period: distinct for every cell. */
    static long value(String managerId, String metric, String period) {
        int manager = List.of("anna", "boris", "carl", "dora", "sven", "broken").indexOf(managerId) + 1;
        return manager * 1000L + (METRICS.indexOf(metric) + 1) * 10L + (period.equals("month") ? 5 : 1);
    }

    /** True if a report of the period lists the metric; the widget must show 0 for one it leaves out. */
    static boolean reported(String metric, String period) {
        return !(period.equals("week") && NONE_IN_A_WEEK.contains(metric));
    }

    /** The count the widget should show: the value if the report lists the metric, else 0. */
    static long shown(String managerId, String metric, String period) {
        return reported(metric, period) ? value(managerId, metric, period) : 0;
    }

    /**
     * A manager's revenue in a period as the API's JSON list: anna none this week but euros and roubles this month,
     * carl dollars both, sven euros this month, the others none at all.
     */
    static String revenue(String managerId, String period) {
        boolean week = period.equals("week");
        return switch (managerId) {
            case "anna" -> week ? "[]" : "[" + money("EUR", "1250.50") + "," + money("RUB", "90000") + "]";
            case "carl" -> "[" + money("USD", week ? "300" : "4200.75") + "]";
            case "sven" -> week ? "[]" : "[" + money("EUR", "500") + "]";
            default -> "[]";
        };
    }

    private static String money(String currency, String amount) {
        return "{\"currency\":" + str(currency) + ",\"amount\":" + amount + "}";
    }

    /** The managers {@code caller} may see, by name, as {@code GET /managers} lists them. */
    static List<Person> visible(Person caller) {
        List<Person> managers = new ArrayList<>();
        for (Person p : PEOPLE.values()) {
            boolean mayBeSeen = caller.roles().contains("ADMIN") || p.id().equals(caller.id())
                    || caller.roles().contains("HEAD") && p.teamId() != null
                            && TEAM_HEADS.get(p.teamId()).contains(caller.id());
            if (p.manager() && mayBeSeen && !p.id().equals("broken")) {
                managers.add(p);
            }
        }
        managers.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
        return managers;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String query = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
            if (path.equals("/crm/")) {
                send(exchange, 200, "text/html; charset=utf-8", "<!doctype html><html lang=\"en\"><head><title>CRM"
                        + "</title><script type=\"module\" src=\"/pace/ui/pace-kpi-widget.js\"></script></head><body>"
                        + "<main><section><h2>Pace</h2><pace-kpi-widget user-id=\"" + user
                        + "\"></pace-kpi-widget></section></main></body></html>");
                return;
            }
            if (path.equals("/pace/ui/pace-kpi-widget.js")) {
                send(exchange, 200, "text/javascript; charset=utf-8", Files.readString(MODULE));
                return;
            }
            if (path.startsWith("/pace/api/v1/")) {
                requests.add(path.substring("/pace/api/v1".length()) + (query.isEmpty() ? "" : "?" + query));
                api(exchange, path, params(query));
                return;
            }
            send(exchange, 404, "text/plain", "not found");
        }
    }

    private void api(HttpExchange exchange, String path, Map<String, String> params) throws IOException {
        Person caller = PEOPLE.get(user);
        Matcher manager = MANAGER_PATH.matcher(path);
        Matcher team = TEAM_PATH.matcher(path);
        if (path.equals("/pace/api/v1/me")) {
            json(exchange, "{\"id\":" + str(caller.id()) + ",\"login\":" + str(caller.id()) + ",\"displayName\":"
                    + str(caller.name()) + ",\"roles\":[" + caller.roles().stream().map(FakePaceServer::str)
                            .collect(Collectors.joining(",")) + "],\"teamId\":" + str(caller.teamId())
                    + ",\"teamName\":null,\"timeZone\":\"Europe/Moscow\"}");
        } else if (path.equals("/pace/api/v1/managers")) {
            json(exchange, "[" + visible(caller).stream().map(p -> "{\"id\":" + str(p.id()) + ",\"displayName\":"
                    + str(p.name()) + ",\"teamId\":" + str(p.teamId()) + ",\"timeZone\":\"Europe/Moscow\"}")
                    .collect(Collectors.joining(",")) + "]");
        } else if (path.equals("/pace/api/v1/teams")) {
            json(exchange, "[" + TEAM_HEADS.keySet().stream().sorted()
                    .filter(id -> caller.roles().contains("ADMIN") || TEAM_HEADS.get(id).contains(caller.id()))
                    .map(id -> "{\"id\":" + str(id) + ",\"name\":" + str(teamName(id)) + ",\"headUserIds\":[]}")
                    .collect(Collectors.joining(",")) + "]");
        } else if (manager.matches() && caller.id().equals("broken")) {
            send(exchange, 503, "application/problem+json", "{\"type\":\"about:blank\",\"title\":\"Service "
                    + "Unavailable\",\"status\":503,\"detail\":\"store unavailable\"}");
        } else if (manager.matches() && manager.group(2).equals("kpis")) {
            String period = params.get("period");
            json(exchange, report(manager.group(1), null, period));
        } else if (manager.matches()) {
            json(exchange, exclusions(manager.group(1), Integer.parseInt(params.get("limit"))));
        } else if (team.matches()) {
            String id = team.group(1);
            String period = params.get("period");
            // members as the KPI service reports them: every member of the team, heads who manage included
            String members = PEOPLE.values().stream().filter(p -> id.equals(p.teamId()) && p.manager())
                    .sorted((a, b) -> a.id().compareTo(b.id())).map(p -> report(p.id(), p.name(), period))
                    .collect(Collectors.joining(","));
            json(exchange, "{\"teamId\":" + str(id) + ",\"teamName\":" + str(teamName(id)) + ",\"period\":"
                    + str(period) + ",\"from\":\"2026-11-16\",\"to\":\"2026-11-22\",\"members\":[" + members
                    + "],\"totals\":{},\"revenue\":[]" + pacingMember("team", id) + "}");
        } else {
            send(exchange, 404, "application/problem+json", "{\"status\":404,\"detail\":\"no Pace resource at "
                    + path + "\"}");
        }
    }

    private static String teamName(String id) {
        return id.substring(0, 1).toUpperCase() + id.substring(1);
    }

    /** A manager's KPI report; a team member's carries the display name. */
    private static String report(String managerId, String displayName, String period) {
        // by id, as Pace orders them: the widget, not the API, puts them in the funnel's order
        String metrics = METRICS.stream().filter(m -> reported(m, period)).sorted()
                .map(m -> str(m) + ":" + value(managerId, m, period))
                .collect(Collectors.joining(","));
        boolean week = "week".equals(period);
        return "{\"managerId\":" + str(managerId) + (displayName == null ? "" : ",\"displayName\":" + str(displayName))
                + ",\"period\":" + str(period) + ",\"from\":" + (week ? "\"2026-11-16\"" : "\"2026-11-01\"")
                + ",\"to\":" + (week ? "\"2026-11-22\"" : "\"2026-11-30\"") + ",\"timeZone\":\"Europe/Moscow\","
                + "\"workingDays\":{\"total\":" + (week ? 5 : 21) + ",\"elapsed\":" + (week ? 4 : 12)
                + ",\"remaining\":" + (week ? 1 : 9) + ",\"asOf\":\"2026-11-20\"},\"metrics\":{" + metrics + "},"
                + "\"revenue\":" + revenue(managerId, period) + pacingMember("manager", managerId) + "}";
    }

    /**
     * The targets of a scope as the API's pacing list, in an order the widget must not keep (it orders them as the
     * funnel reads): anna has three, team north one, nobody else any.
     */
    static List<Pace> pacing(String scopeId) {
        return switch (scopeId) {
            case "anna" -> List.of(
                    new Pace("t-prop", "stage:proposal", "2026-11", 9, 2, 6, "at_risk", "2.5"),
                    new Pace("t-touch", "touches", "2026-11", 400, 330, 229, "ahead", "7.7778"),
                    new Pace("t-meet", "meetingsHeld", "2026-11", 18, 10, 11, "on_track", "0.8889"));
            case "north" -> List.of(new Pace("t-north", "dealsWon", "2026-11", 12, 3, 7, "behind", null));
            default -> List.of();
        };
    }

    /** One target's pacing. */
    record Pace(String id, String metric, String period, long target, long actual, long expected, String status,
                String neededPerDay) {
        String explanation() {
            return actual + " of " + target + " " + metric + "; " + expected + " expected by now";
        }

        String json(String scopeType, String scopeId) {
            return "{\"targetId\":" + str(id) + ",\"scope\":{\"type\":" + str(scopeType.toUpperCase())
                    + ",\"id\":" + str(scopeId) + "},\"metric\":" + str(metric) + ",\"period\":" + str(period)
                    + ",\"from\":\"2026-11-01\",\"to\":\"2026-11-30\",\"target\":" + target + ",\"actual\":"
                    + actual + ",\"expectedToDate\":" + expected + ",\"difference\":" + (actual - expected)
                    + ",\"status\":" + str(status) + ",\"workingDaysRemaining\":{\"fraction\":\"9\","
                    + "\"decimal\":9},\"neededPerWorkingDay\":" + (neededPerDay == null ? "null"
                    : "{\"fraction\":\"x\",\"decimal\":" + neededPerDay + "}") + ",\"explanation\":"
                    + str(explanation()) + "}";
        }
    }

    private static String pacingMember(String scopeType, String scopeId) {
        return ",\"pacing\":[" + pacing(scopeId).stream().map(p -> p.json(scopeType, scopeId))
                .collect(Collectors.joining(",")) + "]";
    }

    private static String exclusions(String managerId, int limit) {
        List<String> activities = List.of(
                "{\"activityId\":\"a-42\",\"occurredAt\":\"2026-11-20T09:15:00Z\",\"kind\":\"CALL\",\"channel\":"
                        + "\"PHONE\",\"counterpart\":\"+7 999 123-45-67\",\"reason\":\"SHORT_CALL\",\"explanation\":"
                        + "\"call of 12 s, shorter than the minimum of 30 s\"}",
                "{\"activityId\":\"a-41\",\"occurredAt\":\"2026-11-19T14:00:00Z\",\"kind\":\"EMAIL\",\"channel\":"
                        + "\"EMAIL\",\"counterpart\":\"boss@ourcompany.example\",\"reason\":\"COLLEAGUE\","
                        + "\"explanation\":\"ourcompany.example is one of the company's domains\"}");
        return "{\"managerId\":" + str(managerId) + ",\"from\":\"2026-11-16\",\"to\":\"2026-11-22\",\"total\":6,"
                + "\"byReason\":{\"COLLEAGUE\":3,\"DUPLICATE\":2,\"SHORT_CALL\":1},\"activities\":["
                + String.join(",", activities.subList(0, Math.min(limit, activities.size()))) + "]}";
    }

    private static Map<String, String> params(String query) {
        Map<String, String> params = new HashMap<>();
        Arrays.stream(query.split("&")).filter(p -> p.contains("=")).forEach(p -> params.put(
                p.substring(0, p.indexOf('=')), p.substring(p.indexOf('=') + 1)));
        return params;
    }

    private static String str(String text) {
        return text == null ? "null" : "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void json(HttpExchange exchange, String body) throws IOException {
        send(exchange, 200, "application/json", body);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
