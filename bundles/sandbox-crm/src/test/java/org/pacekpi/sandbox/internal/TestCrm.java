package org.pacekpi.sandbox.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.pacekpi.host.directory.Role;
import org.pacekpi.sandbox.internal.activity.ActivityLog;
import org.pacekpi.sandbox.internal.auth.CrmAuth;
import org.pacekpi.sandbox.internal.auth.PasswordHasher;
import org.pacekpi.sandbox.internal.crm.Contact;
import org.pacekpi.sandbox.internal.crm.CrmActions;
import org.pacekpi.sandbox.internal.crm.Users;
import org.pacekpi.sandbox.internal.db.CrmDatabase;
import org.pacekpi.sandbox.internal.directory.CrmDirectory;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** A sandbox CRM on H2 in a temporary folder, wired by hand the way SCR wires it, for unit tests. */
public final class TestCrm implements AutoCloseable {

    /** The company domain of the test company. */
    public static final String DOMAIN = "pace-demo.example";
    /** A fixed "now" for tests that need one. */
    public static final Instant NOW = Instant.parse("2026-11-18T10:00:00Z");
    /** Low iteration count: the tests hash many passwords and do not test PBKDF2's strength. */
    public static final PasswordHasher FAST_HASHER = new PasswordHasher(1_000);

    public final CrmDatabase database;
    public final RecordingEventAdmin events = new RecordingEventAdmin();
    public final ActivityLog log;
    public final CrmDirectory directory;
    public final CrmAuth auth;
    public final Clock clock;

    private TestCrm(Supplier<DataSource> dataSource, Clock clock) {
        this.clock = clock;
        this.database = new CrmDatabase(dataSource, List.of(DOMAIN), FAST_HASHER, "test database");
        this.log = new ActivityLog(database, events, clock);
        this.directory = new CrmDirectory(database);
        this.auth = new CrmAuth(database, FAST_HASHER, clock);
    }

    /** A sandbox on an H2 file database in {@code folder}, with a fixed clock at {@link #NOW}. */
    public static TestCrm h2(Path folder) {
        return new TestCrm(() -> pool("jdbc:h2:file:" + folder.resolve("crm").toAbsolutePath()),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** A sandbox on any JDBC URL (PostgreSQL), pooled. */
    public static TestCrm on(Supplier<DataSource> dataSource) {
        return new TestCrm(dataSource, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** A HikariCP pool over H2, as in production. */
    public static DataSource pool(String url) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        h2.setUser("sa");
        h2.setPassword("");
        HikariConfig config = new HikariConfig();
        config.setDataSource(h2);
        config.setMaximumPoolSize(10);
        config.setPoolName("test-" + url.hashCode());
        return new HikariDataSource(config);
    }

    /** Adds a manager (id = login) with the demo password, in a team or none. */
    public void addUser(String login, String teamId, Set<Role> roles, String phone) {
        database.transaction("adding " + login, connection -> {
            Users.insert(connection, new Users.NewUser(login, login, login.substring(0, 1).toUpperCase() + login.substring(1),
                    login + "@" + DOMAIN, phone, FAST_HASHER.hash("demo"), ZoneId.of("Europe/Berlin"), "DE", teamId,
                    roles), NOW);
            return null;
        });
        database.directoryChanged();
    }

    /** Adds a team headed by {@code head}. */
    public void addTeam(String id, String name, String head) {
        database.transaction("adding team " + id, connection -> {
            org.pacekpi.sandbox.internal.crm.Teams.insert(connection, id, name);
            org.pacekpi.sandbox.internal.crm.Teams.addHead(connection, id, head);
            return null;
        });
        database.directoryChanged();
    }

    /** Adds a contact owned by {@code owner} without logging an activity. */
    public Contact addContact(String owner, String name, String email, String phone, boolean internal) {
        return log.write("adding a contact", writes -> CrmActions.createContact(writes, owner, null, name, email,
                phone, internal, NOW, false).contact());
    }

    /** A call draft to a client contact. */
    public static org.pacekpi.sandbox.internal.activity.ActivityDraft call(String actor, String at,
            org.pacekpi.host.activity.Outcome outcome, long seconds) {
        return new org.pacekpi.sandbox.internal.activity.ActivityDraft(Instant.parse(at), actor,
                org.pacekpi.host.activity.ActivityKind.CALL, org.pacekpi.host.activity.Channel.PHONE,
                org.pacekpi.host.activity.Direction.OUTBOUND, outcome, java.time.Duration.ofSeconds(seconds),
                List.of(new org.pacekpi.host.activity.Counterpart("con-1", "acc-1", null, "+49 89 1234567",
                        "Lena Müller")), null, null, null, null, false);
    }

    /** The value of an {@code Authorization: Basic} header. */
    public static String basic(String login, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes());
    }

    /** An instance of a configuration annotation with some values set and the others at their defaults. */
    @SuppressWarnings("unchecked")
    public static <A extends Annotation> A config(Class<A> type, Map<String, Object> values) {
        return (A) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (proxy, method, args) -> {
            if (values.containsKey(method.getName())) {
                return values.get(method.getName());
            }
            if (method.getDefaultValue() != null) {
                return method.getDefaultValue();
            }
            return switch (method.getName()) {
                case "annotationType" -> type;
                case "toString" -> type.getSimpleName() + values;
                case "hashCode" -> values.hashCode();
                case "equals" -> proxy == args[0];
                default -> throw new IllegalArgumentException("no value for " + method.getName());
            };
        });
    }

    @Override
    public void close() {
        database.close();
    }

    /** An EventAdmin that records what is posted. */
    public static final class RecordingEventAdmin implements EventAdmin {
        /** Posted events, in order. */
        public final List<Event> posted = new CopyOnWriteArrayList<>();
        /** Run on each post before recording, e.g. to check the data is committed. */
        public volatile java.util.function.Consumer<Event> onPost = event -> { };

        @Override
        public void postEvent(Event event) {
            onPost.accept(event);
            posted.add(event);
        }

        @Override
        public void sendEvent(Event event) {
            throw new AssertionError("the sandbox must post (async), never send: " + event.getTopic());
        }
    }
}
