package org.pacekpi.engine.internal;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.pacekpi.store.jdbc.internal.JdbcPaceStore;
import org.pacekpi.store.jdbc.internal.SqlDialect;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The incremental recount property on the JDBC store over PostgreSQL at 127.0.0.1:5432 (user postgres, trust
 * authentication, database test): a schema of its own for every try, dropped after it. Without PostgreSQL the
 * property fails: the counting must be proven on both databases, so a missing server is an error, not a reason to
 * skip. Fewer tries than on H2, since every try creates and migrates a schema.
 */
@PropertyDefaults(tries = 100)
class PostgresIncrementalRecountPropertyTest extends IncrementalRecountProperty {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String USER = "postgres";

    @BeforeContainer
    static void requirePostgres() {
        try (Connection connection = DriverManager.getConnection(SERVER, USER, "")) {
            connection.isValid(5);
        } catch (SQLException e) {
            fail("PostgreSQL at 127.0.0.1:5432 (user " + USER + ", database test) is required by the incremental"
                    + " recount property and could not be reached: " + e.getMessage(), e);
        }
    }

    @Override
    protected EmptyStore emptyStore() throws SQLException {
        String schema = "pace_prop_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin("CREATE SCHEMA " + schema);
        HikariConfig config = new HikariConfig();
        // The batch rewriting the OSGi component turns on (see PaceStoreComponent), so the statements are production's.
        config.setJdbcUrl(SERVER + "?currentSchema=" + schema + "&reWriteBatchedInserts=true");
        config.setUsername(USER);
        config.setMaximumPoolSize(2);
        HikariDataSource pool = new HikariDataSource(config);
        return new EmptyStore(new JdbcPaceStore(pool, SqlDialect.POSTGRESQL), () -> {
            pool.close();
            admin("DROP SCHEMA " + schema + " CASCADE");
        });
    }

    private static void admin(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER, USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
