package org.pacekpi.store.jdbc.internal;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Objects;

import org.pacekpi.api.store.StoreException;

/**
 * The store's schema, migrated on first use, once, for every store on the same database that shares this object
 * ({@link JdbcPaceStore} and {@link JdbcTargetStore} built by one component share one): whichever is used first
 * migrates every table of the store, the activity log's and the targets' alike, because both live in one sequence of
 * migrations ({@link Migrations}).
 *
 * <p>Not in a constructor: the OSGi component constructs the stores in its activation, which must stay quick and free
 * of DDL; and not in a background thread, because then every caller would need to wait for it anyway. The first
 * caller (the engine's writer, normally) pays for it and gets the error if it fails. A failure that only means the
 * database could not be reached, the connection broke or a lock could not be had in time (another bundle, such as the
 * sandbox CRM sharing the embedded H2 database, holding a long transaction) is not remembered, so the next use tries
 * again; any other failure (a bad script, an edited script, a newer schema) is remembered and every later use throws a
 * {@link StoreException} with the original cause, until the store is recreated.
 */
final class StoreSchema {

    private final Migrations migrations;

    private final Object monitor = new Object();
    private volatile boolean ready;
    /** A migration failure that trying again cannot fix; guarded by monitor. */
    private StoreException failure;

    StoreSchema(Migrations migrations) {
        this.migrations = Objects.requireNonNull(migrations, "migrations");
    }

    /** Migrates the schema unless that was done; throws what the migration threw, or the remembered failure. */
    void ensure() {
        if (ready) {
            return;
        }
        synchronized (monitor) {
            if (ready) {
                return;
            }
            if (failure != null) {
                throw new StoreException("The Pace store is unusable: its schema migration failed earlier: "
                        + failure.getMessage(), failure.getCause() != null ? failure.getCause() : failure);
            }
            try {
                migrations.migrate();
                ready = true;
            } catch (StoreException e) {
                if (!(e instanceof Migrations.DatabaseUnreachableException) && !worthRetrying(e)) {
                    failure = e;
                }
                throw e;
            }
        }
    }

    /**
     * True when the failure is the connection's (SQLState class 08) or a transient one such as a lock timeout, not the
     * schema's: worth trying again.
     */
    private static boolean worthRetrying(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
