package org.pacekpi.store.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
