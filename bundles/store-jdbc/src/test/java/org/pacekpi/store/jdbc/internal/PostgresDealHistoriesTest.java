package org.pacekpi.store.jdbc.internal;

import java.sql.SQLException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The deal histories on PostgreSQL, in a schema of this class's own that every test starts empty (see {@link PostgresSchema}). */
class PostgresDealHistoriesTest extends DealHistoriesContract {

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
}
