package org.pacekpi.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pacekpi.store.jdbc.internal.Activities.MONDAY;
import static org.pacekpi.store.jdbc.internal.Activities.touch;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

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

    /**
     * An ingest batch commits without waiting for the disk (it is replayed from the host's history after a crash), and
     * nothing else does: a recount and a reset, whose callers are told they are done, wait as the server is set to.
     */
    @Test
    void onlyIngestWritesCommitWithoutWaitingForTheDisk() {
        List<String> statements = new CopyOnWriteArrayList<>();
        JdbcPaceStore recorded = new JdbcPaceStore(RecordingDataSource.of(db, statements), dialect());
        assertThat(recorded.activityCount()).isZero(); // migrates the schema first
        statements.clear();

        recorded.write(List.of(touch("a1", 1, "m1", MONDAY)), 1);
        assertThat(statements).as("an ingest write").first().isEqualTo("SET LOCAL synchronous_commit = off");

        statements.clear();
        recorded.recountAll(new CallJudge(true), 100);
        recorded.resetCounting();
        assertThat(statements).as("a recount and a reset").isNotEmpty()
                .noneMatch(sql -> sql.contains("synchronous_commit"));
    }

    /** SET LOCAL: the setting ends with the transaction, so the pooled connection goes back as it was. */
    @Test
    void aReplayableWriteRelaxesItsOwnTransactionOnly() throws SQLException {
        try (Connection connection = db.getConnection()) {
            String serverDefault = synchronousCommit(connection);
            assertThat(serverDefault).isNotEqualTo("off");
            connection.setAutoCommit(false);
            dialect().beginReplayableWrite(connection);
            assertThat(synchronousCommit(connection)).isEqualTo("off");
            connection.commit();
            connection.setAutoCommit(true);
            assertThat(synchronousCommit(connection)).isEqualTo(serverDefault);
        }
    }

    private static String synchronousCommit(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW synchronous_commit")) {
            rows.next();
            return rows.getString(1);
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
