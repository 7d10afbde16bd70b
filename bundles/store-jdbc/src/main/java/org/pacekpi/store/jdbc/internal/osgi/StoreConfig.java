package org.pacekpi.store.jdbc.internal.osgi;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of the Pace store, PID {@code org.pacekpi.store} (e.g. {@code etc/org.pacekpi.store.cfg}) with keys
 * {@code url}, {@code user}, {@code .password}, {@code poolSize}, {@code connectionTimeoutSeconds}. Without any,
 * Pace uses an embedded H2 database under Karaf's data folder.
 */
@ObjectClassDefinition(id = StoreConfig.PID, name = "Pace store",
        description = "Where Pace keeps its activity log, aggregates, history cursor, goals and targets: embedded H2"
                + " (default) or PostgreSQL.")
public @interface StoreConfig {

    /** The configuration PID. */
    String PID = "org.pacekpi.store";

    /** The JDBC URL; empty for the embedded H2 default. */
    @AttributeDefinition(name = "JDBC URL", required = false,
            description = "jdbc:postgresql://host:5432/database, or jdbc:h2:file:/path. Empty: embedded H2 at"
                    + " ${karaf.data}/pace/pace.")
    String url() default "";

    /** The database user. */
    @AttributeDefinition(name = "User", required = false, description = "Database user. The default, sa, suits embedded H2; set it for PostgreSQL.")
    String user() default "sa";

    /**
     * The database password, configuration key {@code .password}; never logged. The leading full stop makes it a
     * private component property: DS would otherwise copy it into the PaceStore service's properties, where any
     * bundle (and {@code service:list}) can read it.
     */
    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false,
            description = "Database password (key .password, kept out of the service properties).")
    String _password() default "";

    /** Maximum connections in the pool, 1..200. */
    @AttributeDefinition(name = "Pool size", min = "1", max = "200",
            description = "Maximum number of pooled connections (1..200).")
    int poolSize() default 10;

    /** How long a caller waits for a pooled connection before the store fails, in seconds. */
    @AttributeDefinition(name = "Connection timeout (s)", min = "1", max = "3600",
            description = "Seconds to wait for a connection before failing (1..3600).")
    int connectionTimeoutSeconds() default 30;
}
