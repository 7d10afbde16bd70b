package org.pacekpi.store.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.pacekpi.api.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database's schema up to this version of Pace: applies the versioned SQL scripts not yet applied, in
 * order, and records each in {@code pace_schema_version} (version, description, checksum, installed_on). A script
 * that was applied but whose text changed since, or a schema version this Pace does not know, is refused with a
 * message that says so. Running it again is a no-op. Safe when several instances start at once
 * (see {@link SqlDialect#lockForMigration}).
 */
public final class Migrations {

    /** The store's scripts, in order. Add new ones at the end; never edit a released one. */
    static final List<String> SCRIPT_FILES = List.of("V1__activity_log.sql", "V2__counting_state.sql",
            "V3__packed_activity_rows.sql", "V4__monthly_aggregates.sql", "V5__deal_events_and_targets.sql",
            "V6__key_columns_in_code_point_order.sql", "V7__weekly_aggregates.sql", "V8__covering_weekly_key.sql");

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    private static final String VERSION_TABLE_DDL = "CREATE TABLE IF NOT EXISTS pace_schema_version ("
            + " version INTEGER NOT NULL,"
            + " description VARCHAR(200) NOT NULL,"
            + " checksum VARCHAR(64) NOT NULL,"
            + " installed_on TIMESTAMP WITH TIME ZONE NOT NULL,"
            + " CONSTRAINT pace_schema_version_pk PRIMARY KEY (version))";

    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final List<MigrationScript> scripts;

    /**
     * @param scripts the scripts, versions 1..n in order
     */
    Migrations(DataSource dataSource, SqlDialect dialect, List<MigrationScript> scripts) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.scripts = List.copyOf(scripts);
        for (int i = 0; i < this.scripts.size(); i++) {
            if (this.scripts.get(i).version() != i + 1) {
                throw new IllegalArgumentException("migration versions must run 1, 2, 3... in order; position " + (i + 1)
                        + " holds " + this.scripts.get(i).label());
            }
        }
    }

    /** The store's own scripts for a dialect. */
    public static Migrations standard(DataSource dataSource, SqlDialect dialect) {
        return new Migrations(dataSource, dialect, standardScripts(dialect));
    }

    /** The store's own scripts for a dialect, loaded from the bundle. */
    static List<MigrationScript> standardScripts(SqlDialect dialect) {
        return SCRIPT_FILES.stream().map(file -> MigrationScript.load(dialect, file)).toList();
    }

    /** The highest version this Pace knows. */
    public int latestVersion() {
        return scripts.size();
    }

    /**
     * Applies the missing scripts.
     *
     * @return the versions applied now, empty when the schema was already current
     * @throws StoreException when a script fails, an applied script changed, or the schema is newer than this Pace
     * @throws DatabaseUnreachableException when no connection could be had, so nothing was checked
     */
    public List<Integer> migrate() {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new DatabaseUnreachableException("Could not connect to " + dialect.displayName()
                    + " to check the Pace store schema: " + e.getMessage(), e);
        }
        try (connection) {
            connection.setAutoCommit(false);
            SqlDialect.MigrationLock lock = dialect.lockForMigration(connection);
            try {
                List<Integer> applied = migrateLocked(connection);
                connection.commit();
                return applied;
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            } finally {
                lock.release();
            }
        } catch (SQLException e) {
            throw new StoreException("Could not migrate the Pace store schema on " + dialect.displayName() + ": "
                    + e.getMessage(), e);
        }
    }

    private List<Integer> migrateLocked(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(VERSION_TABLE_DDL);
        }
        Map<Integer, String[]> recorded = recordedVersions(connection);
        for (Map.Entry<Integer, String[]> row : recorded.entrySet()) {
            int version = row.getKey();
            if (version > scripts.size()) {
                throw new StoreException("The Pace store schema is at V" + version + " (" + row.getValue()[0]
                        + "), newer than this Pace knows (up to V" + scripts.size() + "): it was written by a newer"
                        + " Pace. Run that version, or restore a backup taken before the upgrade.");
            }
            MigrationScript script = scripts.get(version - 1);
            String stored = row.getValue()[1];
            if (!stored.equals(script.checksum())) {
                throw new StoreException("Migration " + script.label() + " was changed after it was applied to this"
                        + " database: checksum recorded " + stored + ", script now " + script.checksum()
                        + ". Released migrations must never change; put the change in a new script.");
            }
        }
        List<Integer> applied = new ArrayList<>();
        for (MigrationScript script : scripts) {
            if (!recorded.containsKey(script.version())) {
                apply(connection, script);
                applied.add(script.version());
            }
        }
        if (!applied.isEmpty()) {
            LOG.info("Pace store schema on {} migrated to V{} (applied {})", dialect.displayName(), scripts.size(),
                    applied);
        }
        return List.copyOf(applied);
    }

    private Map<Integer, String[]> recordedVersions(Connection connection) throws SQLException {
        Map<Integer, String[]> recorded = new TreeMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT version, description, checksum FROM pace_schema_version ORDER BY version")) {
            while (rows.next()) {
                recorded.put(rows.getInt(1), new String[] {rows.getString(2), rows.getString(3)});
            }
        }
        return recorded;
    }

    private void apply(Connection connection, MigrationScript script) throws SQLException {
        List<String> statements = script.statements();
        try (Statement statement = connection.createStatement()) {
            for (int i = 0; i < statements.size(); i++) {
                try {
                    statement.execute(statements.get(i));
                } catch (SQLException e) {
                    throw new SQLException("migration " + script.label() + ", statement " + (i + 1) + " of "
                            + statements.size() + " failed: " + e.getMessage(), e.getSQLState(), e.getErrorCode(), e);
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO pace_schema_version"
                + " (version, description, checksum, installed_on) VALUES (?, ?, ?, CURRENT_TIMESTAMP)")) {
            insert.setInt(1, script.version());
            insert.setString(2, script.description());
            insert.setString(3, script.checksum());
            insert.executeUpdate();
        }
    }

    /** No connection could be had: nothing was checked or applied, so trying again later may succeed. */
    static final class DatabaseUnreachableException extends StoreException {
        private static final long serialVersionUID = 1L;

        DatabaseUnreachableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static void rollback(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
