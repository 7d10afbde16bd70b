package org.pacekpi.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

import org.pacekpi.store.jdbc.internal.SqlDialect;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The databases the benchmark runs on, each made fresh per run: an embedded H2 file, or a PostgreSQL database on
 * 127.0.0.1:5432 (user postgres, trust authentication) dropped and created again.
 */
public enum BenchDatabase {

    /** Embedded H2 in a file, as Pace's default store in Karaf. */
    H2(SqlDialect.H2) {
        @Override
        String createFresh(BenchmarkOptions options, String suffix) {
            Path folder = folder(options, suffix);
            deleteRecursively(folder);
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the H2 folder " + folder, e);
            }
            // The URL Pace's store component builds for its embedded default, in another folder.
            return "jdbc:h2:file:" + folder.resolve("pace");
        }

        @Override
        String user() {
            return "sa";
        }
    },

    /** PostgreSQL, Pace's production store. */
    POSTGRESQL(SqlDialect.POSTGRESQL) {
        @Override
        String createFresh(BenchmarkOptions options, String suffix) {
            String name = options.pgDatabase() + suffix;
            try (Connection admin = DriverManager.getConnection(SERVER + "postgres", user(), "");
                 Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                statement.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL at 127.0.0.1:5432 (user postgres, no password) is "
                        + "required to benchmark on PostgreSQL, and creating database '" + name + "' failed: "
                        + e.getMessage(), e);
            }
            // Batch rewriting as Pace's store component turns it on, so the store runs the statements it runs in
            // production; the baseline's plain connection gets it too, to be fair.
            return SERVER + name + "?reWriteBatchedInserts=true";
        }

        @Override
        String user() {
            return "postgres";
        }

        @Override
        void drop(BenchmarkOptions options, String suffix) {
            String name = options.pgDatabase() + suffix;
            try (Connection admin = DriverManager.getConnection(SERVER + "postgres", user(), "");
                 Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (SQLException e) {
                throw new IllegalStateException("dropping PostgreSQL database '" + name + "' failed: "
                        + e.getMessage(), e);
            }
        }
    };

    /** The PostgreSQL server, without a database. */
    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    /** What the log floor's database adds to the run's database name (or H2 folder). */
    static final String LOG_FLOOR = "_log_floor";

    /** The pool size of Pace's store component by default. */
    static final int POOL_SIZE = 10;

    private final SqlDialect dialect;

    BenchDatabase(SqlDialect dialect) {
        this.dialect = dialect;
    }

    /** Pace's dialect for this database. */
    public SqlDialect dialect() {
        return dialect;
    }

    /** The name people use. */
    public String displayName() {
        return dialect.displayName();
    }

    /** Creates the database named by the options and the suffix afresh, and gives its JDBC URL. */
    abstract String createFresh(BenchmarkOptions options, String suffix);

    abstract String user();

    /** Removes what {@link #open} created, for callers that do not keep it (the test suite). */
    void dropAfterwards(BenchmarkOptions options) {
        drop(options, "");
    }

    /** Removes the database named by the options and the suffix. */
    void drop(BenchmarkOptions options, String suffix) {
        deleteRecursively(folder(options, suffix));
    }

    private static Path folder(BenchmarkOptions options, String suffix) {
        return options.workDir().resolve("h2" + suffix).toAbsolutePath();
    }

    /** Creates the database afresh and opens a HikariCP pool on it, sized like Pace's store component's. */
    public Opened open(BenchmarkOptions options) {
        return open(options, "");
    }

    /**
     * Creates the log floor's own database ({@link LogFloor}) afresh beside the run's, and opens a pool on it; the
     * caller drops it ({@link #drop} with {@link #LOG_FLOOR}) when it is done.
     */
    Opened openLogFloor(BenchmarkOptions options) {
        return open(options, LOG_FLOOR);
    }

    private Opened open(BenchmarkOptions options, String suffix) {
        String url = createFresh(options, suffix);
        HikariConfig config = new HikariConfig();
        config.setPoolName("pace-bench-" + name().toLowerCase() + suffix.replace('_', '-'));
        config.setJdbcUrl(url);
        config.setUsername(user());
        config.setPassword("");
        config.setMaximumPoolSize(POOL_SIZE);
        return new Opened(this, url, new HikariDataSource(config));
    }

    /** An open database: the pool Pace uses, and plain connections for the baselines. */
    public record Opened(BenchDatabase database, String url, HikariDataSource pool) implements AutoCloseable {

        /** A plain JDBC connection outside the pool, as a CRM's report or import code would have. */
        public Connection plainConnection() throws SQLException {
            return DriverManager.getConnection(url, database.user(), "");
        }

        /** Product name and version, as the server reports them. */
        public String version() throws SQLException {
            try (Connection connection = pool.getConnection()) {
                return connection.getMetaData().getDatabaseProductName() + " "
                        + connection.getMetaData().getDatabaseProductVersion();
            }
        }

        @Override
        public void close() {
            pool.close();
        }
    }

    private static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the old benchmark database files in " + folder, e);
        }
    }
}
