package org.pacekpi.sandbox.internal.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.pacekpi.sandbox.internal.auth.PasswordHasher;
import org.pacekpi.sandbox.internal.crm.Bootstrap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The sandbox CRM's database: a HikariCP pool over the JDBC driver's {@link DataSourceFactory}, the schema
 * migrations and the first-use bootstrap (admin and head users, company domains).
 *
 * <p>Nothing touches the database in the constructor: the pool is created and the migrations run on first use,
 * under a lock, once. Why: activation runs on SCR's thread while bundles are starting; opening the H2 file (possibly
 * locked by another process), running DDL or waiting for a PostgreSQL server there would stall the whole framework,
 * and an exception would leave the component dead until restart. On first use a failure reaches the caller as a
 * clear error and the next use simply tries again.
 */
@Component(service = CrmDatabase.class, configurationPid = CrmDatabase.PID)
@Designate(ocd = CrmDatabase.Config.class)
public final class CrmDatabase {

    /** The configuration PID. */
    public static final String PID = "org.pacekpi.sandbox";

    /** The default URL: the same embedded H2 file Pace's store uses by default (the sandbox's tables are crm_*). */
    public static final String DEFAULT_URL = "jdbc:h2:file:${karaf.data}/pace/pace";

    /** The default DataSourceFactory filter: H2's driver. */
    public static final String H2_FACTORY = "(osgi.jdbc.driver.class=org.h2.Driver)";

    private static final Logger LOG = LoggerFactory.getLogger(CrmDatabase.class);

    /** The sandbox CRM's database settings. */
    @ObjectClassDefinition(name = "Pace Sandbox CRM",
            description = "Database and company settings of the sandbox CRM, the reference host for Pace.")
    public @interface Config {
        /** JDBC URL. */
        @AttributeDefinition(name = "JDBC URL",
                description = "${karaf.data} is replaced by Karaf's data folder. For PostgreSQL, e.g. "
                        + "jdbc:postgresql://127.0.0.1:5432/crm, also set dataSourceFactory.target.")
        String url() default DEFAULT_URL;

        /** Database user. */
        @AttributeDefinition(name = "User")
        String user() default "sa";

        /**
         * Database password, configuration key {@code .password}: the leading full stop keeps it out of the service
         * properties, where {@code service:list} would show it. A plain {@code password} key is accepted too.
         */
        @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false,
                description = "Database password (key .password, kept out of the service properties).")
        String _password() default "";

        /** The company's e-mail domains: addresses on them are colleagues. */
        @AttributeDefinition(name = "Company e-mail domains", description = "Comma-separated, e.g. pace-demo.example")
        String companyDomains() default "pace-demo.example";

        /** Most connections in the pool. */
        @AttributeDefinition(name = "Pool size", min = "2")
        int maxPoolSize() default 5;

        /** Which JDBC driver's DataSourceFactory to use. */
        @AttributeDefinition(name = "DataSourceFactory filter",
                description = "(osgi.jdbc.driver.class=org.h2.Driver) or (osgi.jdbc.driver.class=org.postgresql.Driver)")
        String dataSourceFactory_target() default H2_FACTORY;
    }

    private final Supplier<DataSource> dataSourceSupplier;
    private final List<String> companyDomains;
    private final PasswordHasher hasher;
    private final String description;
    private final Object initLock = new Object();
    private final AtomicLong directoryVersion = new AtomicLong();

    /** Non-null once the schema is migrated and the bootstrap is done. */
    private volatile DataSource ready;
    /** The data source created on first use, kept to close it; guarded by initLock. */
    private DataSource created;
    private boolean closed;

    /** The OSGi constructor: a pool over the bound driver's DataSourceFactory, created on first use. */
    @Activate
    public CrmDatabase(@Reference(name = "dataSourceFactory", target = H2_FACTORY) DataSourceFactory factory,
                       Config config, Map<String, Object> properties) {
        this(() -> pool(factory, config, password(config, properties)), companyDomains(config.companyDomains()),
                new PasswordHasher(), safeUrl(resolveUrl(config.url())));
        LOG.info("Sandbox CRM database: {} as user '{}' (opened on first use)", description, config.user());
    }

    /**
     * A database over any data source (tests use H2 in a temporary folder).
     *
     * @param dataSourceSupplier called once, on first use
     * @param companyDomains     the company's e-mail domains, lower case
     * @param hasher             hashes the demo users' passwords at bootstrap
     * @param description        says which database this is, in messages
     */
    public CrmDatabase(Supplier<DataSource> dataSourceSupplier, List<String> companyDomains, PasswordHasher hasher,
                       String description) {
        this.dataSourceSupplier = dataSourceSupplier;
        this.companyDomains = List.copyOf(companyDomains);
        this.hasher = hasher;
        this.description = description;
    }

    /** Closes the pool, if it was created. */
    @Deactivate
    public void close() {
        synchronized (initLock) {
            closed = true;
            ready = null;
            if (created instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.warn("Closing the sandbox CRM database pool failed", e);
                }
            }
        }
    }

    /** The company's e-mail domains from the configuration, lower case. */
    public List<String> companyDomains() {
        return companyDomains;
    }

    /** A connection in auto-commit mode; migrates the schema first if this is the first use. */
    public Connection connection() {
        DataSource dataSource = ready;
        if (dataSource == null) {
            dataSource = initialize();
        }
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new CrmDataException("cannot connect to the sandbox CRM database " + description + ": "
                    + e.getMessage(), e);
        }
    }

    /** Runs work on a connection in auto-commit mode. */
    public <T> T read(String what, SqlWork<T> work) {
        try (Connection connection = connection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new CrmDataException(what + " failed: " + e.getMessage(), e);
        }
    }

    /** Runs work in one transaction: committed if it returns, rolled back if it throws. */
    public <T> T transaction(String what, SqlWork<T> work) {
        try (Connection connection = connection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new CrmDataException(what + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * A number that changes whenever users, teams, contacts or company domains and numbers change, so that the
     * directory's in-memory copy knows when to reload.
     */
    public long directoryVersion() {
        return directoryVersion.get();
    }

    /** Called after a commit that changed users, teams, contacts or company data. */
    public void directoryChanged() {
        directoryVersion.incrementAndGet();
    }

    private DataSource initialize() {
        synchronized (initLock) {
            if (ready != null) {
                return ready;
            }
            if (closed) {
                throw new CrmDataException("the sandbox CRM database " + description + " is closed", null);
            }
            if (created == null) {
                created = dataSourceSupplier.get();
            }
            try (Connection connection = created.getConnection()) {
                Migrations.apply(connection);
                new Bootstrap(companyDomains, hasher).run(connection);
            } catch (SQLException e) {
                throw new CrmDataException("preparing the sandbox CRM database " + description + " failed: "
                        + e.getMessage(), e);
            }
            directoryChanged();
            ready = created;
            return created;
        }
    }

    private static String password(Config config, Map<String, Object> properties) {
        String password = config._password() == null ? "" : config._password();
        if (password.isEmpty() && properties.get("password") instanceof String plain) {
            return plain;
        }
        return password;
    }

    private static DataSource pool(DataSourceFactory factory, Config config, String password) {
        Properties properties = new Properties();
        properties.setProperty(DataSourceFactory.JDBC_URL, resolveUrl(config.url()));
        if (!config.user().isEmpty()) {
            properties.setProperty(DataSourceFactory.JDBC_USER, config.user());
        }
        properties.setProperty(DataSourceFactory.JDBC_PASSWORD, password);
        DataSource raw;
        try {
            raw = factory.createDataSource(properties);
        } catch (SQLException e) {
            throw new CrmDataException("cannot create a data source for " + safeUrl(resolveUrl(config.url())) + ": "
                    + e.getMessage(), e);
        }
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("pace-sandbox-crm");
        hikari.setDataSource(raw);
        // at least two: a write holds one connection while the directory may reload on another
        hikari.setMaximumPoolSize(Math.max(2, config.maxPoolSize()));
        hikari.setMinimumIdle(1);
        // fail a request after 5 s rather than Hikari's 30 s when the database is gone: the page should say so
        hikari.setConnectionTimeout(5_000);
        // do not connect while constructing the pool: connecting is first use's job (see the class comment)
        hikari.setInitializationFailTimeout(-1);
        return new HikariDataSource(hikari);
    }

    /** The URL with any password parameter masked, for logs and messages. */
    static String safeUrl(String url) {
        return url.replaceAll("(?i)(password|pwd)=[^;&]*", "$1=***");
    }

    /**
     * Replaces {@code ${karaf.data}} by Karaf's data folder ({@code ./data} outside Karaf); an empty URL is the
     * default one.
     */
    static String resolveUrl(String configured) {
        String url = configured == null || configured.isBlank() ? DEFAULT_URL : configured.strip();
        String data = System.getProperty("karaf.data", "./data").strip().replace('\\', '/');
        while (data.length() > 1 && data.endsWith("/")) {
            data = data.substring(0, data.length() - 1);
        }
        return url.replace("${karaf.data}", data);
    }

    /** Splits the comma-separated domains, lower case, without blanks or a leading {@code @}. */
    public static List<String> companyDomains(String value) {
        return Arrays.stream(value == null ? new String[0] : value.split("[,\\s]+"))
                .map(domain -> domain.strip().toLowerCase(Locale.ROOT))
                .map(domain -> domain.startsWith("@") ? domain.substring(1) : domain)
                .filter(domain -> !domain.isEmpty())
                .distinct()
                .toList();
    }
}
