package org.pacekpi.store.jdbc.internal.osgi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pacekpi.store.jdbc.internal.osgi.StoreSettingsTest.config;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
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
import org.pacekpi.api.store.LoggedActivity;
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
        } finally {
            component.deactivate();
        }
        assertThat(component.pool().isClosed()).isTrue();
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
