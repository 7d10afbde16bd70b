package org.pacekpi.sandbox.internal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.h2.Driver;
import org.h2.util.OsgiDataSourceFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pacekpi.sandbox.internal.TestCrm;
import org.pacekpi.sandbox.internal.crm.Company;

/** The production path: H2's DataSourceFactory, a Hikari pool, migrations on first use, not before. */
class CrmDatabaseTest {

    @TempDir
    Path folder;

    @Test
    void nothingIsOpenedUntilFirstUseThenTheSchemaAndBootstrapAreThere() throws Exception {
        Path file = folder.resolve("pace");
        CrmDatabase.Config config = TestCrm.config(CrmDatabase.Config.class, Map.of("url", "jdbc:h2:file:" + file,
                "companyDomains", "pace-demo.example, @Second.Example"));
        CrmDatabase database = new CrmDatabase(new OsgiDataSourceFactory(Driver.load()), config, Map.of());
        try {
            assertThat(Files.exists(Path.of(file + ".mv.db"))).as("activation must not touch the database").isFalse();

            try (Connection connection = database.connection(); Statement statement = connection.createStatement();
                 ResultSet versions = statement.executeQuery("SELECT version FROM crm_schema_version")) {
                assertThat(versions.next()).isTrue();
                assertThat(versions.getInt(1)).isEqualTo(1);
            }
            assertThat(Files.exists(Path.of(file + ".mv.db"))).isTrue();
            assertThat(database.read("domains", Company::domains)).containsExactly("pace-demo.example", "second.example");
            assertThat(database.read("users", org.pacekpi.sandbox.internal.crm.Users::count)).isEqualTo(2);
        } finally {
            database.close();
        }
        assertThatThrownBy(database::connection).isInstanceOf(CrmDataException.class).hasMessageContaining("closed");
    }

    @Test
    void migrationsRunOnceAcrossRestarts() throws Exception {
        String url = "jdbc:h2:file:" + folder.resolve("restart");
        CrmDatabase.Config config = TestCrm.config(CrmDatabase.Config.class, Map.of("url", url));
        CrmDatabase first = new CrmDatabase(new OsgiDataSourceFactory(Driver.load()), config, Map.of());
        first.read("first use", c -> null);
        first.close();
        CrmDatabase second = new CrmDatabase(new OsgiDataSourceFactory(Driver.load()), config, Map.of());
        try (Connection connection = second.connection()) {
            assertThat(Migrations.apply(connection)).as("nothing left to apply").isEmpty();
            assertThat(org.pacekpi.sandbox.internal.crm.Users.count(connection)).as("bootstrapped once").isEqualTo(2);
        } finally {
            second.close();
        }
    }

    @Test
    void aFailedFirstUseIsAClearErrorAndIsTriedAgain() throws Exception {
        java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        javax.sql.DataSource h2 = TestCrm.pool("jdbc:h2:file:" + folder.resolve("retry"));
        javax.sql.DataSource flaky = (javax.sql.DataSource) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] { javax.sql.DataSource.class }, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && attempts.incrementAndGet() == 1) {
                        throw new java.sql.SQLException("server not up yet");
                    }
                    return method.invoke(h2, args);
                });
        CrmDatabase database = new CrmDatabase(() -> flaky, List.of("pace-demo.example"), TestCrm.FAST_HASHER, "flaky");
        try {
            assertThatThrownBy(database::connection).isInstanceOf(CrmDataException.class)
                    .hasMessageContaining("preparing the sandbox CRM database flaky failed: server not up yet");
            assertThat(database.read("users", org.pacekpi.sandbox.internal.crm.Users::count)).isEqualTo(2);
        } finally {
            database.close();
            ((java.io.Closeable) h2).close();
        }
    }

    @Test
    void theDefaultUrlIsTheEmbeddedPaceDatabaseUnderKarafData() {
        String previous = System.getProperty("karaf.data");
        System.setProperty("karaf.data", "/opt/karaf/data/");
        try {
            assertThat(CrmDatabase.resolveUrl(CrmDatabase.DEFAULT_URL)).isEqualTo("jdbc:h2:file:/opt/karaf/data/pace/pace");
            assertThat(CrmDatabase.resolveUrl(" ")).isEqualTo("jdbc:h2:file:/opt/karaf/data/pace/pace");
        } finally {
            if (previous == null) {
                System.clearProperty("karaf.data");
            } else {
                System.setProperty("karaf.data", previous);
            }
        }
        assertThat(CrmDatabase.safeUrl("jdbc:postgresql://db/crm?user=crm&password=secret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/crm?user=crm&password=***&ssl=true");
        assertThat(CrmDatabase.companyDomains(" A.example,b.example  c.example,,")).isEqualTo(
                List.of("a.example", "b.example", "c.example"));
    }

    @Test
    void scriptsSplitIntoStatements() {
        assertThat(Migrations.statements("-- comment\nCREATE TABLE a (\n  x INT\n);\nINSERT INTO a VALUES (1);\n"))
                .containsExactly("CREATE TABLE a ( x INT )", "INSERT INTO a VALUES (1)");
    }
}
