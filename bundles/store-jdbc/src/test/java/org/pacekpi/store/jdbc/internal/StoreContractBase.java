package org.pacekpi.store.jdbc.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * What the store contracts share: a fresh, empty database for every test (subclasses say which), pools on it, a
 * store, and SQL helpers to look behind the store's back.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
abstract class StoreContractBase {

    private final List<HikariDataSource> pools = new ArrayList<>();
    private String url;

    /** The pool of the test's database. */
    protected DataSource db;
    /** A store on {@link #db}. */
    protected JdbcPaceStore store;

    /** A fresh, empty database for one test; returns its JDBC URL. */
    protected abstract String freshDatabase() throws Exception;

    /** The user to connect as. */
    protected abstract String user();

    /** The dialect under test. */
    protected abstract SqlDialect dialect();

    @BeforeEach
    void openStore() throws Exception {
        url = freshDatabase();
        db = newPool();
        store = new JdbcPaceStore(db, dialect());
    }

    @AfterEach
    void closePools() {
        pools.forEach(HikariDataSource::close);
    }

    /** The JDBC URL of the test's database. */
    protected String url() {
        return url;
    }

    /** Another pool on the same database, as a second Pace instance would have. */
    protected HikariDataSource newPool() {
        return newPool(6);
    }

    /** Another pool on the same database, of at most {@code size} connections. */
    protected HikariDataSource newPool(int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user());
        config.setMaximumPoolSize(size);
        config.setConnectionTimeout(10_000);
        HikariDataSource pool = new HikariDataSource(config);
        pools.add(pool);
        return pool;
    }

    protected List<Object[]> versionRows() throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT version, description, checksum, installed_on"
                     + " FROM pace_schema_version ORDER BY version")) {
            while (result.next()) {
                rows.add(new Object[] {result.getInt(1), result.getString(2), result.getString(3),
                        result.getObject(4).toString()});
            }
        }
        return rows;
    }

    protected boolean tableExists(String table) throws SQLException {
        try (Connection connection = db.getConnection()) {
            String schema = connection.getSchema();
            for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
                try (ResultSet tables = connection.getMetaData().getTables(null, schema, name, null)) {
                    if (tables.next()) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /** The lower-case names of a table's columns. */
    protected Set<String> columns(String table) throws SQLException {
        Set<String> columns = new TreeSet<>();
        try (Connection connection = db.getConnection()) {
            String schema = connection.getSchema();
            for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
                try (ResultSet rows = connection.getMetaData().getColumns(null, schema, name, null)) {
                    while (rows.next()) {
                        columns.add(rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return columns;
    }

    /** The lower-case names of a table's indexes. */
    protected Set<String> indexes(String table) throws SQLException {
        Set<String> indexes = new TreeSet<>();
        try (Connection connection = db.getConnection()) {
            String schema = connection.getSchema();
            for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
                try (ResultSet rows = connection.getMetaData().getIndexInfo(null, schema, name, false, false)) {
                    while (rows.next()) {
                        if (rows.getString("INDEX_NAME") != null) {
                            indexes.add(rows.getString("INDEX_NAME").toLowerCase(Locale.ROOT));
                        }
                    }
                }
            }
        }
        return indexes;
    }

    /** The contributions packed in an activity's row, whatever its generation. */
    protected long contributionCount(String activityId) {
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(
                     "SELECT contributions FROM pace_activity WHERE id = '" + activityId + "'")) {
            if (!result.next()) {
                throw new AssertionError("no row for activity " + activityId);
            }
            return PackedLists.unpackContributions(result.getString(1), activityId).size();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    protected void execute(String... sql) throws SQLException {
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
            for (String s : sql) {
                statement.execute(s);
            }
        }
    }
}
