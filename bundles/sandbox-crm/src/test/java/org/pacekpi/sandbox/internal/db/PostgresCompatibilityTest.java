package org.pacekpi.sandbox.internal.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Closeable;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pacekpi.host.activity.Activity;
import org.pacekpi.host.activity.ActivityChange;
import org.pacekpi.host.activity.ChangeType;
import org.pacekpi.host.activity.Outcome;
import org.pacekpi.host.directory.Role;
import org.pacekpi.sandbox.internal.TestCrm;
import org.pacekpi.sandbox.internal.activity.ActivityDraft;
import org.pacekpi.sandbox.internal.activity.CrmActivityHistory;
import org.pacekpi.sandbox.internal.crm.Contact;
import org.pacekpi.sandbox.internal.rest.ActivityRequest;
import org.pacekpi.sandbox.internal.rest.ActivityResource;
import org.pacekpi.sandbox.internal.rest.Views.ActivityView;
import org.pacekpi.sandbox.internal.simulator.SalesTeamSimulation;
import org.pacekpi.sandbox.internal.simulator.SimulationSettings;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The same schema and SQL on PostgreSQL (127.0.0.1:5432, database {@code test}, user {@code postgres}, trust auth),
 * in a schema of its own that is dropped afterwards. No server is a failure, not a skip.
 */
class PostgresCompatibilityTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";

    private final String schema = "crm_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private HikariDataSource pool;
    private TestCrm crm;

    @BeforeEach
    void setUp() throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER, "postgres", "");
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(SERVER + "?currentSchema=" + schema);
        config.setUsername("postgres");
        config.setMaximumPoolSize(4);
        pool = new HikariDataSource(config);
        DataSource dataSource = pool;
        crm = TestCrm.on(() -> dataSource);
    }

    @AfterEach
    void tearDown() throws SQLException, IOException {
        crm.close();
        ((Closeable) pool).close();
        try (Connection admin = DriverManager.getConnection(SERVER, "postgres", "");
             Statement statement = admin.createStatement()) {
            statement.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    @Test
    void theActivityLogHistoryAndDirectoryWork() {
        crm.addUser("anna", null, Set.of(Role.MANAGER), "+49 30 5550 2100");
        Contact colleague = crm.addContact("anna", "Greta", "greta@pace-demo.example", "+49 30 5550 2106", true);
        Activity created = crm.log.create(call("anna"));
        Activity updated = crm.log.update(created.id(),
                ActivityDraft.of(created).withOutcome(Outcome.CONNECTED, Duration.ofMinutes(3)));
        Activity deleted = crm.log.delete(created.id());

        List<ActivityChange> changes = new CrmActivityHistory(crm.database).changesAfter(0, 10).changes();
        assertThat(changes).extracting(ActivityChange::type)
                .containsExactly(ChangeType.CREATED, ChangeType.UPDATED, ChangeType.DELETED);
        assertThat(changes).extracting(ActivityChange::activity).containsExactly(created, updated, deleted);
        assertThat(crm.directory.isInternalContact(colleague.id())).isTrue();
        assertThat(crm.directory.isInternalPhone("030 5550 2100")).isTrue();
        assertThat(crm.directory.isInternalEmail("anyone@pace-demo.example")).isTrue();
        assertThat(crm.auth.authenticate("anna", "demo")).contains("anna");
        assertThat(crm.auth.sessionUser(crm.auth.openSession("anna"))).contains("anna");
    }

    @Test
    void theRestApiAndTheSimulatorWork() {
        SimulationSettings settings = new SimulationSettings(42, 1, 2, 1, LocalDate.of(2026, 11, 18), TestCrm.DOMAIN);
        assertThat(new SalesTeamSimulation(crm.database, crm.log, TestCrm.FAST_HASHER).runOnce(settings, () -> false))
                .isPresent();
        Contact lena = crm.addContact("anna", "Lena", "lena@nordwind.example", null, false);
        ActivityResource resource = new ActivityResource(crm.log, crm.database, crm.directory, crm.auth, crm.clock);
        ActivityView view = (ActivityView) resource.create(TestCrm.basic("anna", "demo"), null, new ActivityRequest(
                "call", null, lena.id(), null, null, null, null, null, null, 75L, null, null, null, null, null, null))
                .getEntity();
        assertThat(resource.get(TestCrm.basic("anna", "demo"), null, view.id())).isEqualTo(view);
        assertThat(view.sequence()).isEqualTo(new CrmActivityHistory(crm.database).latestSequence());
    }

    private static ActivityDraft call(String actor) {
        return TestCrm.call(actor, "2026-11-16T09:30:00Z", Outcome.NO_ANSWER, 30);
    }
}
