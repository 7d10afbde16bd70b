package org.pacekpi.store.jdbc.internal.osgi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pacekpi.store.jdbc.internal.osgi.StoreSettingsTest.config;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.h2.util.OsgiDataSourceFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.jdbc.DataSourceFactory;
import org.pacekpi.api.store.Contribution;
import org.pacekpi.api.store.CountedActivity;
import org.pacekpi.api.store.CountingState;
import org.pacekpi.api.store.DealEvent;
import org.pacekpi.api.store.LoggedActivity;
import org.pacekpi.api.store.PaceStore;
import org.pacekpi.api.store.StoredChange;
import org.pacekpi.api.store.StoredGoal;
import org.pacekpi.api.store.StoredTarget;
import org.pacekpi.api.store.TargetStore;
import org.postgresql.osgi.PGDataSourceFactory;

/**
 * The component with the drivers' real DataSourceFactory implementations, as the H2 and pgjdbc bundles register
 * them, but without a framework.
 */
class PaceStoreComponentTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @TempDir
    Path folder;

    private static Map.Entry<Map<String, Object>, DataSourceFactory> h2Factory() {
        return Map.entry(Map.of(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS, "org.h2.Driver"),
                new OsgiDataSourceFactory(org.h2.Driver.load()));
    }

    private static Map.Entry<Map<String, Object>, DataSourceFactory> postgresFactory() {
        return Map.entry(Map.of(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS, "org.postgresql.Driver"),
                new PGDataSourceFactory());
    }

    private static CountedActivity touch(String id, long sequence) {
        return new CountedActivity(new LoggedActivity(id, sequence, false, Instant.parse("2026-03-02T10:00:00Z"),
                "m1", "CALL", "PHONE", "OUTBOUND", "CONNECTED", 60L, List.of(), null, null, null, null, false),
                new CountingState(DAY, null, "dup-" + id, "contact-" + id,
                        List.of(new Contribution("m1", "touches", DAY, 1))));
    }

    @Test
    void anH2StoreIsPooledThroughTheDriversFactoryAndClosedOnDeactivate() {
        StoreConfig config = config(Map.of("url", "jdbc:h2:file:" + folder.resolve("pace").toAbsolutePath(),
                "poolSize", 3, "connectionTimeoutSeconds", 7));
        PaceStoreComponent component = new PaceStoreComponent(config, Map.of(), List.of(postgresFactory(),
                h2Factory()));
        try {
            assertThat(component.pool().getPoolName()).isEqualTo("pace-store");
            assertThat(component.pool().getMaximumPoolSize()).isEqualTo(3);
            assertThat(component.pool().getConnectionTimeout()).isEqualTo(7_000);
            assertThat(component.pool().getDataSource().getClass().getName()).startsWith("org.h2.");

            component.write(List.of(touch("a1", 1), touch("a2", 2)), 2);

            assertThat(component.totals("m1", DAY, DAY)).isEqualTo(Map.of("touches", 2L));
            assertThat(component.totals(List.of("m1"), DAY, DAY)).isEqualTo(Map.of("m1", Map.of("touches", 2L)));
            assertThat(component.appliedSequence()).isEqualTo(2);
            assertThat(component.activityCount()).isEqualTo(2);
            assertThat(component.activity("a1")).isPresent();
            assertThat(component.activities(List.of("a1", "a2"))).containsOnlyKeys("a1", "a2");
            assertThat(component.earliestCandidates(List.of("contact-a1", "contact-a2"), List.of(), 1)).hasSize(2);
            assertThat(component.logPage(null, 10)).hasSize(2);
            assertThat(component.exclusionCounts("m1", DAY, DAY)).isEmpty();
            assertThat(component.excluded("m1", DAY, DAY, 10)).isEmpty();
            component.resetCounting();
            assertThat(component.totals("m1", DAY, DAY)).isEmpty();

            Instant nine = Instant.parse("2026-03-02T09:00:00Z");
            component.write(List.of(new CountedActivity(new LoggedActivity("s1", 3, false, nine, "m1",
                    "DEAL_STAGE_CHANGED", null, null, null, null, List.of(), "deal-1", "proposal", null, null, false),
                    CountingState.none(DAY))), 0);
            assertThat(component.dealHistories(List.of("m1"), nine, nine.plusSeconds(1))).extracting(
                    DealEvent::activityId).containsExactly("s1");
        } finally {
            component.deactivate();
        }
        assertThat(component.pool().isClosed()).isTrue();
    }

    /** The same component is the TargetStore service, on the same pool and schema. */
    @Test
    void theComponentIsAlsoTheTargetStoreOnTheSameDatabase() throws Exception {
        StoreConfig config = config(Map.of("url", "jdbc:h2:file:" + folder.resolve("pace").toAbsolutePath()));
        PaceStoreComponent component = new PaceStoreComponent(config, Map.of(), List.of(h2Factory()));
        try {
            Instant at = Instant.parse("2026-03-01T08:00:00Z");
            LocalDate last = LocalDate.of(2026, 3, 31);
            StoredGoal goal = component.insertGoal(new StoredGoal("g1", 0, "team", "north", "2026-03",
                    LocalDate.of(2026, 3, 1), last, "{}", "3 paid deals", "admin", at), List.of(new StoredTarget(null,
                    0, "team", "north", "stage:proposal", "2026-03", LocalDate.of(2026, 3, 1), last, 9, null, null,
                    null, null)));
            StoredTarget manual = component.insertTarget(new StoredTarget("t1", 0, "manager", "anna", "touches",
                    "2026-03", LocalDate.of(2026, 3, 1), last, 100, null, null, "admin", at));
            component.updateTarget(manual, 1);
            component.updateGoal(goal, 1, List.of(), "rederived");

            assertThat(component.goal("g1")).get().extracting(StoredGoal::version).isEqualTo(2L);
            assertThat(component.goals("team", null, null)).hasSize(1);
            assertThat(component.target("t1")).get().extracting(StoredTarget::version).isEqualTo(2L);
            assertThat(component.targets(null, null, null, null)).extracting(StoredTarget::id).containsExactly("t1");
            assertThat(component.targetsOn("manager", List.of("anna"), DAY)).hasSize(1);
            assertThat(component.history("g1")).extracting(StoredChange::action).containsExactly("created",
                    "rederived");
            component.deleteTarget("t1", 2, "admin", at);
            component.deleteGoal("g1", 2, "admin", at);
            assertThat(component.goals(null, null, null)).isEmpty();
            assertThat(component.activityCount()).as("the log's tables are there: one schema").isZero();

            try (Connection connection = component.pool().getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet versions = statement.executeQuery("SELECT COUNT(*) FROM pace_schema_version")) {
                versions.next();
                assertThat(versions.getInt(1)).isEqualTo(8);
            }
        } finally {
            component.deactivate();
        }
    }

    /** What bnd made of the component annotation: one component registering both services. */
    @Test
    void theComponentDescriptorProvidesBothServices() throws Exception {
        try (InputStream descriptor = PaceStoreComponent.class.getResourceAsStream(
                "/OSGI-INF/" + PaceStoreComponent.class.getName() + ".xml")) {
            assertThat(descriptor).as("generated by bnd in process-classes").isNotNull();
            String xml = new String(descriptor.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(xml).contains("<provide interface=\"" + PaceStore.class.getName() + "\"/>",
                    "<provide interface=\"" + TargetStore.class.getName() + "\"/>");
        }
    }

    @Test
    void aPostgresqlUrlUsesThePgjdbcFactory() throws SQLException {
        StoreConfig config = config(Map.of("url", "jdbc:postgresql://127.0.0.1:5432/test", "user", "postgres",
                "poolSize", 1));
        PaceStoreComponent component = new PaceStoreComponent(config, Map.of(), List.of(h2Factory(),
                postgresFactory()));
        try (Connection connection = component.pool().getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
            assertThat(connection.getCatalog()).isEqualTo("test");
        } finally {
            component.deactivate();
        }
    }

    @Test
    void postgresqlBatchesAreSentAsMultiRowInsertsUnlessTheUrlSaysOtherwise() {
        Properties plain = PaceStoreComponent.driverProperties(StoreSettings.from(config(Map.of("url",
                "jdbc:postgresql://db:5432/pace")), Map.of(), null));
        assertThat(plain.getProperty("reWriteBatchedInserts")).isEqualTo("true");

        Properties explicit = PaceStoreComponent.driverProperties(StoreSettings.from(config(Map.of("url",
                "jdbc:postgresql://db:5432/pace?reWriteBatchedInserts=false")), Map.of(), null));
        assertThat(explicit.getProperty("reWriteBatchedInserts")).isNull();

        Properties h2 = PaceStoreComponent.driverProperties(StoreSettings.from(config(Map.of()), Map.of(), null));
        assertThat(h2.getProperty("reWriteBatchedInserts")).isNull();
    }

    @Test
    void withoutAFactoryForTheUrlsDriverActivationFailsNamingIt() {
        StoreConfig config = config(Map.of("url", "jdbc:postgresql://db:5432/pace", "_password", "s3cret"));

        assertThatThrownBy(() -> new PaceStoreComponent(config, Map.of(), List.of(h2Factory())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("jdbc:postgresql:")
                .hasMessageContaining("osgi.jdbc.driver.class=org.postgresql.Driver")
                .hasMessageContaining("registered drivers: [org.h2.Driver]")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> new PaceStoreComponent(config(Map.of()), Map.of(), List.of()))
                .hasMessageContaining("jdbc:h2:").hasMessageContaining("org.h2.Driver");
    }

    @Test
    void activationDoesNotConnect() {
        // Nothing listens on port 1: activation must still succeed (no connection, no DDL); use fails later.
        PaceStoreComponent component = new PaceStoreComponent(config(Map.of("url", "jdbc:postgresql://127.0.0.1:1/x",
                "user", "postgres", "connectionTimeoutSeconds", 1)), Map.of(), List.of(postgresFactory()));
        try {
            assertThatThrownBy(component::appliedSequence)
                    .isInstanceOf(org.pacekpi.api.store.StoreException.class)
                    .hasMessageContaining("Could not connect to PostgreSQL");
        } finally {
            component.deactivate();
        }
    }
}
