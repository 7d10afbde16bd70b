package org.pacekpi.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pacekpi.api.store.StoreException;

/** When the schema is migrated, and what happens when the database is not there yet. */
class SchemaOnFirstUseTest {

    @TempDir
    Path folder;

    @Test
    void constructingAStoreDoesNotTouchTheDatabase() {
        CountingDataSource db = new CountingDataSource(h2(), 0);
        new JdbcPaceStore(db, SqlDialect.H2);
        assertThat(db.connections.get()).isZero();
    }

    @Test
    void aDatabaseThatWasUnreachableIsTriedAgainOnTheNextUse() {
        CountingDataSource db = new CountingDataSource(h2(), 1);
        JdbcPaceStore store = new JdbcPaceStore(db, SqlDialect.H2);

        assertThatThrownBy(store::appliedSequence).isInstanceOf(StoreException.class)
                .hasMessageContaining("Could not connect to H2 to check the Pace store schema")
                .hasRootCauseInstanceOf(SQLTransientConnectionException.class);

        assertThat(store.appliedSequence()).isZero();
        assertThat(store.activityCount()).isZero();
    }

    /**
     * The bug this caught: in Karaf the sandbox CRM shares the embedded H2 database and its long simulator
     * transaction made the V2 migration time out on H2's lock; the store remembered that as a broken schema and
     * refused to work until Karaf restarted. A lock timeout is transient: the next use must migrate.
     */
    @Test
    void aMigrationThatTimedOutOnALockIsTriedAgainOnTheNextUse() {
        AtomicInteger timeouts = new AtomicInteger(1);
        DataSource h2 = h2();
        DataSource lockedOnce = (DataSource) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(h2, method, args);
                    return method.getName().equals("getConnection") ? timingOutOnce((Connection) result, timeouts) : result;
                });
        JdbcPaceStore store = new JdbcPaceStore(lockedOnce, SqlDialect.H2);

        assertThatThrownBy(store::appliedSequence).isInstanceOf(StoreException.class)
                .hasRootCauseInstanceOf(java.sql.SQLTimeoutException.class);

        assertThat(store.appliedSequence()).isZero();
        assertThat(store.activityCount()).isZero();
    }

    /** A connection whose statements throw one lock timeout (the first statement executed), then work. */
    private static Connection timingOutOnce(Connection connection, AtomicInteger timeouts) {
        return (Connection) java.lang.reflect.Proxy.newProxyInstance(SchemaOnFirstUseTest.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    Object result = invoke(connection, method, args);
                    if (result instanceof java.sql.Statement statement) {
                        Class<?> type = result instanceof java.sql.PreparedStatement
                                ? java.sql.PreparedStatement.class : java.sql.Statement.class;
                        return java.lang.reflect.Proxy.newProxyInstance(SchemaOnFirstUseTest.class.getClassLoader(),
                                new Class<?>[] {type}, (p, m, a) -> {
                                    if (m.getName().startsWith("execute") && timeouts.getAndDecrement() > 0) {
                                        throw new java.sql.SQLTimeoutException("Timeout trying to lock table \"SYS\"",
                                                "HYT00");
                                    }
                                    return invoke(statement, m, a);
                                });
                    }
                    return result;
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private DataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + folder.resolve("pace").toAbsolutePath());
        h2.setUser("sa");
        return h2;
    }

    /** Counts connections, and refuses the first {@code failures} as a pool would while the database is down. */
    private static final class CountingDataSource implements DataSource {
        final AtomicInteger connections = new AtomicInteger();
        private final DataSource delegate;
        private final AtomicInteger failures;

        CountingDataSource(DataSource delegate, int failures) {
            this.delegate = delegate;
            this.failures = new AtomicInteger(failures);
        }

        @Override
        public Connection getConnection() throws SQLException {
            connections.incrementAndGet();
            if (failures.getAndDecrement() > 0) {
                throw new SQLTransientConnectionException("pace-store - Connection is not available, request timed"
                        + " out after 30000ms.");
            }
            return delegate.getConnection();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
