package org.pacekpi.engine.internal;

import java.util.UUID;

import org.pacekpi.store.jdbc.internal.JdbcPaceStore;
import org.pacekpi.store.jdbc.internal.SqlDialect;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import net.jqwik.api.PropertyDefaults;

/**
 * The incremental recount property on the JDBC store over H2: a new in-memory database for every try, which
 * vanishes when its pool closes. Fewer tries than in memory, to stay within a minute.
 */
@PropertyDefaults(tries = 300)
class H2IncrementalRecountPropertyTest extends IncrementalRecountProperty {

    @Override
    protected EmptyStore emptyStore() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:pace-" + UUID.randomUUID());
        config.setUsername("sa");
        config.setMaximumPoolSize(2);
        HikariDataSource pool = new HikariDataSource(config);
        return new EmptyStore(new JdbcPaceStore(pool, SqlDialect.H2), pool);
    }
}
