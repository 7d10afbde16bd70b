package org.pacekpi.store.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The migrations on PostgreSQL, in a schema of this class's own that every test starts empty (see {@link PostgresSchema}). */
class PostgresMigrationTest extends MigrationContract {

    private static final PostgresSchema SCHEMA = new PostgresSchema();

    @BeforeAll
    static void requirePostgres() {
        PostgresSchema.require();
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        SCHEMA.drop();
    }

    /**
     * V6: the key columns compare by byte, whatever the database's default collation (this machine's is C.UTF-8, which
     * PostgreSQL 15 compares with strcoll), and the other texts keep the default. V7 creates the weekly sums so.
     */
    @Test
    void keyColumnsAreInTheCCollationAfterV6() throws SQLException {
        store.appliedSequence(); // migrates

        Map<String, String> collations = new HashMap<>();
        try (Connection connection = db.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT table_name || '.' || column_name,"
                     + " COALESCE(collation_name, 'default') FROM information_schema.columns"
                     + " WHERE table_schema = current_schema() AND table_name = ANY(?) AND data_type <> 'bigint'")) {
            query.setArray(1, connection.createArrayOf("varchar", new String[] {"pace_activity",
                    "pace_daily_aggregate", "pace_weekly_aggregate", "pace_monthly_aggregate"}));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    collations.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        for (String column : List.of("pace_activity.id", "pace_activity.actor_id", "pace_activity.contact_key",
                "pace_activity.duplicate_key", "pace_daily_aggregate.manager_id", "pace_daily_aggregate.metric",
                "pace_weekly_aggregate.manager_id", "pace_weekly_aggregate.metric", "pace_monthly_aggregate.manager_id",
                "pace_monthly_aggregate.metric")) {
            assertThat(collations).as(column).containsEntry(column, "C");
        }
        assertThat(collations).as("a text that is no key").containsEntry("pace_activity.kind", "default");
    }

    /**
     * V8: the weekly sums' key carries the sum (INCLUDE), so that a week, once vacuumed, is read from the key alone,
     * while the key and the upsert's conflict target stay manager, week, metric.
     */
    @Test
    void weeklyKeyCarriesTheSumAfterV8() throws SQLException {
        store.appliedSequence(); // migrates

        try (Connection connection = db.getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet key = statement.executeQuery("SELECT pg_get_indexdef(i.indexrelid), i.indnkeyatts,"
                    + " i.indnatts, i.indisprimary FROM pg_index i"
                    + " WHERE i.indexrelid = to_regclass('pace_weekly_aggregate_pk')")) {
                assertThat(key.next()).as("the weekly sums' primary key exists").isTrue();
                assertThat(key.getString(1)).endsWith("(manager_id, local_week, metric) INCLUDE (metric_value)");
                assertThat(key.getInt(2)).as("key columns").isEqualTo(3);
                assertThat(key.getInt(3)).as("columns in the index").isEqualTo(4);
                assertThat(key.getBoolean(4)).as("primary").isTrue();
            }
            statement.execute("INSERT INTO pace_weekly_aggregate (manager_id, metric, local_week, metric_value)"
                    + " SELECT 'm' || (n % 50), 'touches', DATE '2026-01-05' + 7 * (n / 50), 1"
                    + " FROM generate_series(0, 4999) n");
            // The store's own upsert still finds its conflict target in the key's three columns.
            dialect().addToAggregates(connection, AggregateTable.WEEKLY, new TreeMap<>(Map.of(
                    new AggregateKey("m7", "touches", LocalDate.of(2026, 1, 7)).in(AggregateTable.WEEKLY), 2L)));
            statement.execute("VACUUM ANALYZE pace_weekly_aggregate");
            StringBuilder plan = new StringBuilder();
            try (ResultSet lines = statement.executeQuery("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)"
                    + " SELECT metric, metric_value FROM pace_weekly_aggregate"
                    + " WHERE manager_id = 'm7' AND local_week = DATE '2026-01-05'")) {
                while (lines.next()) {
                    plan.append(lines.getString(1)).append('\n');
                }
            }
            assertThat(plan.toString()).as("a week's plan once vacuumed")
                    .contains("Index Only Scan using pace_weekly_aggregate_pk").contains("Heap Fetches: 0");
            try (ResultSet week = statement.executeQuery("SELECT metric_value FROM pace_weekly_aggregate"
                    + " WHERE manager_id = 'm7' AND local_week = DATE '2026-01-05'")) {
                assertThat(week.next()).isTrue();
                assertThat(week.getLong(1)).as("1 inserted, then 2 added by the upsert").isEqualTo(3);
            }
        }
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
}
