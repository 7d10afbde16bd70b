package org.pacekpi.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.pacekpi.store.jdbc.internal.Activities.MONDAY;
import static org.pacekpi.store.jdbc.internal.Activities.touch;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On a PostgreSQL server whose autovacuum is off or behind (as on the development machine), the store refreshes
 * the planner statistics of its tables itself once they changed a lot; without them every IN lookup becomes a scan
 * of the whole table.
 */
class PostgresStatisticsTest extends StoreContractBase {

    private static final PostgresSchema SCHEMA = new PostgresSchema();

    @BeforeAll
    static void requirePostgres() {
        PostgresSchema.require();
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        SCHEMA.drop();
    }

    @Override
    protected String freshDatabase() throws SQLException {
        return SCHEMA.fresh();
    }

    @Override
    protected String user() {
        return PostgresSchema.USER;
    }

    @Override
    protected SqlDialect dialect() {
        return SqlDialect.POSTGRESQL;
    }

    @Test
    void tablesThatChangedALotAreAnalyzedAndThenNotAgain() throws SQLException {
        store.write(IntStream.range(0, 3000).mapToObj(i -> touch("a" + i, i + 1, "m" + i % 9, MONDAY)).toList(), 0);
        assertThat(lastAnalyzed("pace_activity")).as("never analyzed yet").isFalse();

        // The server publishes its change counts within about a second of the commit.
        List<String> analyzed = await().atMost(Duration.ofSeconds(30)).until(this::analyzeStaleTables,
                tables -> tables.contains("pace_activity"));

        assertThat(analyzed).as("27 aggregate rows are too few to matter")
                .containsExactly("pace_activity");
        assertThat(lastAnalyzed("pace_activity")).isTrue();
        assertThat(analyzeStaleTables()).as("nothing changed since").isEmpty();
    }

    private List<String> analyzeStaleTables() throws SQLException {
        try (Connection connection = db.getConnection()) {
            return SqlDialect.POSTGRESQL.analyzeStaleTables(connection);
        }
    }

    private boolean lastAnalyzed(String table) throws SQLException {
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT last_analyze IS NOT NULL OR last_autoanalyze IS NOT NULL"
                     + " FROM pg_stat_user_tables WHERE relid = '" + table + "'::regclass")) {
            return rows.next() && rows.getBoolean(1);
        }
    }
}
