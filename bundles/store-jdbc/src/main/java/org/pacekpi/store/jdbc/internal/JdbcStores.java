package org.pacekpi.store.jdbc.internal;

import java.util.Objects;

import javax.sql.DataSource;

/**
 * The stores of one database: the activity log's and the targets', sharing one {@link StoreSchema}, so that the first
 * use of either migrates the whole schema once and both then know it is current.
 *
 * @param paceStore   the activity log, aggregates and cursor
 * @param targetStore goals, targets and their history
 */
public record JdbcStores(JdbcPaceStore paceStore, JdbcTargetStore targetStore) {

    /** Checks both are given. */
    public JdbcStores {
        Objects.requireNonNull(paceStore, "paceStore");
        Objects.requireNonNull(targetStore, "targetStore");
    }

    /** Both stores on a data source (ideally a pool). Cheap: nothing connects until first used. */
    public static JdbcStores on(DataSource dataSource, SqlDialect dialect) {
        StoreSchema schema = new StoreSchema(Migrations.standard(dataSource, dialect));
        return new JdbcStores(new JdbcPaceStore(dataSource, dialect, schema),
                new JdbcTargetStore(dataSource, dialect, schema));
    }
}
