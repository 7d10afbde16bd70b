package org.pacekpi.store.jdbc.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The databases the store runs on, and the few statements that differ between them. Everything else the store
 * writes is plain SQL that both accept.
 */
public enum SqlDialect {

    /** Embedded H2 2.x, the default. */
    H2("H2", "jdbc:h2:", "org.h2.Driver", "h2") {
        @Override
        String aggregateDeltaSql() {
            // H2 has no INSERT ... ON CONFLICT DO UPDATE; its standard MERGE ... USING adds to an existing row.
            return "MERGE INTO pace_daily_aggregate a"
                    + " USING (VALUES (CAST(? AS VARCHAR(255)), CAST(? AS VARCHAR(64)), CAST(? AS DATE),"
                    + " CAST(? AS BIGINT))) AS d (manager_id, metric, local_day, delta)"
                    + " ON a.manager_id = d.manager_id AND a.metric = d.metric AND a.local_day = d.local_day"
                    + " WHEN MATCHED THEN UPDATE SET metric_value = a.metric_value + d.delta"
                    + " WHEN NOT MATCHED THEN INSERT (manager_id, metric, local_day, metric_value)"
                    + " VALUES (d.manager_id, d.metric, d.local_day, d.delta)";
        }

        @Override
        MigrationLock lockForMigration(Connection connection) {
            // H2 commits every DDL statement, which would release a row lock at the first CREATE. An embedded H2
            // database belongs to one JVM (the file lock keeps other processes out), so a JVM-wide lock serializes
            // every store that could migrate it. Migrations are rare and short: one lock for all H2 databases.
            H2MigrationLock.LOCK.lock();
            return H2MigrationLock.LOCK::unlock;
        }
    },

    /** PostgreSQL (tested on 15), chosen by configuration. */
    POSTGRESQL("PostgreSQL", "jdbc:postgresql:", "org.postgresql.Driver", "postgresql") {
        @Override
        String aggregateDeltaSql() {
            return "INSERT INTO pace_daily_aggregate (manager_id, metric, local_day, metric_value) VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT (manager_id, metric, local_day)"
                    + " DO UPDATE SET metric_value = pace_daily_aggregate.metric_value + EXCLUDED.metric_value";
        }

        @Override
        MigrationLock lockForMigration(Connection connection) throws SQLException {
            // Several CRM nodes may share one database and start together. PostgreSQL's DDL is transactional, so a
            // transaction-scoped advisory lock (per schema) covers the whole migration and dies with the session.
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_xact_lock(hashtext(COALESCE(current_schema(), '')"
                        + " || '/org.pacekpi.store/migrations'))");
            }
            return () -> { };
        }
    };

    private final String displayName;
    private final String urlPrefix;
    private final String driverClass;
    private final String migrationFolder;

    SqlDialect(String displayName, String urlPrefix, String driverClass, String migrationFolder) {
        this.displayName = displayName;
        this.urlPrefix = urlPrefix;
        this.driverClass = driverClass;
        this.migrationFolder = migrationFolder;
    }

    /** The product name, as people call it. */
    public String displayName() {
        return displayName;
    }

    /** How JDBC URLs for this database start, e.g. {@code jdbc:h2:}. */
    public String urlPrefix() {
        return urlPrefix;
    }

    /**
     * The JDBC driver class, as the driver bundle's {@code DataSourceFactory} service announces it in
     * {@code osgi.jdbc.driver.class}.
     */
    public String driverClass() {
        return driverClass;
    }

    /** The resource folder of this dialect's own migration scripts (beside {@code common}). */
    String migrationFolder() {
        return migrationFolder;
    }

    /**
     * Adds a delta to one daily aggregate, creating the row when missing. Parameters: manager id, metric, day
     * ({@link java.time.LocalDate}), delta.
     */
    abstract String aggregateDeltaSql();

    /**
     * Takes the lock that serializes schema migrations of one database among every Pace instance that may run them
     * at once. Called on the migration connection, inside its transaction, before anything is read.
     */
    abstract MigrationLock lockForMigration(Connection connection) throws SQLException;

    /**
     * The dialect of a JDBC URL.
     *
     * @throws IllegalArgumentException naming the supported schemes when the URL is for another database
     */
    public static SqlDialect fromUrl(String url) {
        String lower = url == null ? "" : url.trim().toLowerCase(Locale.ROOT);
        for (SqlDialect dialect : values()) {
            if (lower.startsWith(dialect.urlPrefix)) {
                return dialect;
            }
        }
        throw new IllegalArgumentException("Unsupported database URL '" + scheme(url) + "...': the Pace store runs on "
                + H2.urlPrefix + " (H2) or " + POSTGRESQL.urlPrefix + " (PostgreSQL)");
    }

    /** The dialect of a live connection, from its product name. */
    public static SqlDialect of(DatabaseMetaData metaData) throws SQLException {
        String product = metaData.getDatabaseProductName();
        for (SqlDialect dialect : values()) {
            if (dialect.displayName.equalsIgnoreCase(product)) {
                return dialect;
            }
        }
        throw new SQLException("Unsupported database '" + product + "': the Pace store runs on H2 or PostgreSQL");
    }

    /** The scheme part of a URL ({@code jdbc:mysql:}), for messages that must not echo credentials. */
    static String scheme(String url) {
        if (url == null || url.isBlank()) {
            return "";
        }
        String trimmed = url.trim();
        int first = trimmed.indexOf(':');
        int second = first < 0 ? -1 : trimmed.indexOf(':', first + 1);
        return second < 0 ? trimmed : trimmed.substring(0, second + 1);
    }

    /** Releases a migration lock once the migration transaction has ended. */
    @FunctionalInterface
    interface MigrationLock {
        void release();
    }

    /** Holder, so the enum constants can share one lock without touching statics during enum initialisation. */
    private static final class H2MigrationLock {
        static final ReentrantLock LOCK = new ReentrantLock();
    }
}
