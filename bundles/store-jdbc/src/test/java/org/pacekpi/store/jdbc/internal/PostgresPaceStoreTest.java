package org.pacekpi.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The store contract on PostgreSQL, in a schema of this class's own that every test starts empty (see {@link PostgresSchema}). */
class PostgresPaceStoreTest extends PaceStoreContract {

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
     * Ids in a locale collation, as a database created with one would give them: "_", "a", "B" in ICU's English order
     * against "B", "_", "a" in Java's. The recount's elections must still follow Java's.
     */
    @Test
    void aRecountBreaksTiesInJavasOrderWhateverTheCollationOfTheIds() throws SQLException {
        assertThat(store.activityCount()).isZero(); // migrates the schema
        execute("ALTER TABLE pace_activity ALTER COLUMN id TYPE VARCHAR(255) COLLATE \"en-US-x-icu\"");

        assertRecountBreaksTiesByIdInJavasOrder();
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
