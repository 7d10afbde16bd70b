package org.pacekpi.store.jdbc.internal.osgi;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.Designate;
import org.pacekpi.api.store.ActivityJudge;
import org.pacekpi.api.store.CountedActivity;
import org.pacekpi.api.store.DealEvent;
import org.pacekpi.api.store.DuplicateGroup;
import org.pacekpi.api.store.LoggedActivity;
import org.pacekpi.api.store.PaceStore;
import org.pacekpi.api.store.RecountOutcome;
import org.pacekpi.api.store.StoredChange;
import org.pacekpi.api.store.StoredGoal;
import org.pacekpi.api.store.StoredTarget;
import org.pacekpi.api.store.TargetStore;
import org.pacekpi.store.jdbc.internal.JdbcPaceStore;
import org.pacekpi.store.jdbc.internal.JdbcStores;
import org.pacekpi.store.jdbc.internal.JdbcTargetStore;
import org.pacekpi.store.jdbc.internal.SqlDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The Pace store as OSGi services: a HikariCP pool around the JDBC driver's {@link DataSourceFactory} (the H2 and
 * PostgreSQL driver bundles register one each), and on it a {@link JdbcPaceStore} (the {@link PaceStore} service) and
 * a {@link JdbcTargetStore} (the {@link TargetStore} service). Activation only builds the pool, which connects in the
 * background; the schema is migrated on first use of either service, once for both.
 *
 * <p>One component provides both services because they are one database: one configuration, one pool (a second
 * component would need a pool of its own, or this pool published as a DataSource service that any bundle could use),
 * and one schema whose migration both must wait for.
 */
@Component(service = {PaceStore.class, TargetStore.class}, configurationPid = StoreConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = StoreConfig.class)
public final class PaceStoreComponent implements PaceStore, TargetStore {

    static final String POOL_NAME = "pace-store";
    /** The pgjdbc property that turns a batch of INSERTs into multi-row INSERTs. */
    static final String REWRITE_BATCHED_INSERTS = "reWriteBatchedInserts";

    private static final Logger LOG = LoggerFactory.getLogger(PaceStoreComponent.class);

    private final HikariDataSource pool;
    private final JdbcPaceStore store;
    private final JdbcTargetStore targets;

    /**
     * @param properties the component properties, for a password written under the public key {@code password}
     * @param factories every registered DataSourceFactory with its service properties; greedy, so a driver bundle
     *                  installed later re-activates the component with it
     * @throws IllegalArgumentException when the configuration is invalid or no driver serves the URL
     */
    @Activate
    public PaceStoreComponent(StoreConfig config, Map<String, Object> properties,
                              @Reference(service = DataSourceFactory.class, cardinality = ReferenceCardinality.MULTIPLE,
                                      policyOption = ReferencePolicyOption.GREEDY)
                              List<Map.Entry<Map<String, Object>, DataSourceFactory>> factories) {
        this(StoreSettings.from(config, properties, System.getProperty("karaf.data")), factories);
    }

    PaceStoreComponent(StoreSettings settings, List<Map.Entry<Map<String, Object>, DataSourceFactory>> factories) {
        DataSourceFactory factory = driverFor(settings, factories);
        DataSource driverDataSource;
        try {
            driverDataSource = factory.createDataSource(driverProperties(settings));
        } catch (SQLException e) {
            throw new IllegalStateException("The " + settings.dialect().displayName() + " driver refused the store"
                    + " configuration (" + settings.safeUrl() + "): " + e.getMessage(), e);
        }
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName(POOL_NAME);
        hikari.setDataSource(driverDataSource);
        hikari.setMaximumPoolSize(settings.poolSize());
        hikari.setConnectionTimeout(TimeUnit.SECONDS.toMillis(settings.connectionTimeoutSeconds()));
        // Do not connect here: activation must stay quick, and a database that is down at boot must not stop
        // the service from registering (its calls fail with a StoreException until the database is back).
        hikari.setInitializationFailTimeout(-1);
        this.pool = new HikariDataSource(hikari);
        JdbcStores stores = JdbcStores.on(pool, settings.dialect());
        this.store = stores.paceStore();
        this.targets = stores.targetStore();
        LOG.info("Pace store uses {} at {} as user '{}', pool '{}' of up to {} connections", settings.dialect()
                .displayName(), settings.safeUrl(), settings.user(), POOL_NAME, settings.poolSize());
        if (settings.passwordExposed()) {
            LOG.warn("The Pace store password is configured under the key '{}' of {}, which makes it a property of"
                    + " the PaceStore service that every bundle can read; rename the key to '.password'",
                    StoreSettings.PUBLIC_PASSWORD_KEY, StoreConfig.PID);
        }
    }

    /** Closes the pool and its connections. */
    @Deactivate
    void deactivate() {
        pool.close();
    }

    private static DataSourceFactory driverFor(StoreSettings settings,
                                               List<Map.Entry<Map<String, Object>, DataSourceFactory>> factories) {
        String driverClass = settings.dialect().driverClass();
        for (Map.Entry<Map<String, Object>, DataSourceFactory> factory : factories) {
            if (driverClass.equals(factory.getKey().get(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS))) {
                return factory.getValue();
            }
        }
        List<Object> available = factories.stream()
                .map(factory -> factory.getKey().get(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS)).toList();
        throw new IllegalStateException("No JDBC driver for the Pace store URL scheme '"
                + settings.dialect().urlPrefix() + "': it needs a DataSourceFactory service with "
                + DataSourceFactory.OSGI_JDBC_DRIVER_CLASS + "=" + driverClass + " (install the "
                + settings.dialect().displayName() + " JDBC driver bundle); registered drivers: " + available);
    }

    static Properties driverProperties(StoreSettings settings) {
        Properties properties = new Properties();
        properties.setProperty(DataSourceFactory.JDBC_URL, settings.url());
        if (settings.dialect() == SqlDialect.POSTGRESQL
                && !settings.url().toLowerCase(Locale.ROOT).contains(REWRITE_BATCHED_INSERTS.toLowerCase(Locale.ROOT))) {
            // pgjdbc then sends a batch of INSERTs as multi-row INSERTs: several times faster for the activity,
            // counterpart and contribution rows of a write. An explicit setting in the URL wins.
            properties.setProperty(REWRITE_BATCHED_INSERTS, "true");
        }
        if (!settings.user().isEmpty()) {
            properties.setProperty(DataSourceFactory.JDBC_USER, settings.user());
        }
        if (!settings.password().isEmpty()) {
            properties.setProperty(DataSourceFactory.JDBC_PASSWORD, settings.password());
        }
        return properties;
    }

    @Override
    public long appliedSequence() {
        return store.appliedSequence();
    }

    @Override
    public Map<String, CountedActivity> activities(Collection<String> ids) {
        return store.activities(ids);
    }

    @Override
    public List<CountedActivity> earliestCandidates(Collection<String> contactKeys,
                                                    Collection<DuplicateGroup> duplicateGroups, int perGroup) {
        return store.earliestCandidates(contactKeys, duplicateGroups, perGroup);
    }

    @Override
    public void write(List<CountedActivity> activities, long historyCursor) {
        store.write(activities, historyCursor);
    }

    @Override
    public Map<String, Long> totals(String managerId, LocalDate from, LocalDate to) {
        return store.totals(managerId, from, to);
    }

    @Override
    public Map<String, Map<String, Long>> totals(Collection<String> managerIds, LocalDate from, LocalDate to) {
        return store.totals(managerIds, from, to);
    }

    @Override
    public Map<String, Long> exclusionCounts(String managerId, LocalDate from, LocalDate to) {
        return store.exclusionCounts(managerId, from, to);
    }

    @Override
    public List<CountedActivity> excluded(String managerId, LocalDate from, LocalDate to, int limit) {
        return store.excluded(managerId, from, to, limit);
    }

    @Override
    public List<LoggedActivity> logPage(String afterId, int limit) {
        return store.logPage(afterId, limit);
    }

    @Override
    public void resetCounting() {
        store.resetCounting();
    }

    @Override
    public RecountOutcome recountAll(ActivityJudge judge, int batchSize) {
        return store.recountAll(judge, batchSize);
    }

    @Override
    public List<DealEvent> dealHistories(Collection<String> managerIds, Instant from, Instant to) {
        return store.dealHistories(managerIds, from, to);
    }

    @Override
    public Optional<LoggedActivity> activity(String activityId) {
        return store.activity(activityId);
    }

    @Override
    public long activityCount() {
        return store.activityCount();
    }

    // ------------------------------------------------------------------------------------------------ TargetStore

    @Override
    public StoredGoal insertGoal(StoredGoal goal, List<StoredTarget> derived) {
        return targets.insertGoal(goal, derived);
    }

    @Override
    public StoredGoal updateGoal(StoredGoal goal, long expectedVersion, List<StoredTarget> derived, String action) {
        return targets.updateGoal(goal, expectedVersion, derived, action);
    }

    @Override
    public void deleteGoal(String id, long expectedVersion, String actor, Instant at) {
        targets.deleteGoal(id, expectedVersion, actor, at);
    }

    @Override
    public Optional<StoredGoal> goal(String id) {
        return targets.goal(id);
    }

    @Override
    public List<StoredGoal> goals(String scopeType, String scopeId, String period) {
        return targets.goals(scopeType, scopeId, period);
    }

    @Override
    public StoredTarget insertTarget(StoredTarget target) {
        return targets.insertTarget(target);
    }

    @Override
    public StoredTarget updateTarget(StoredTarget target, long expectedVersion) {
        return targets.updateTarget(target, expectedVersion);
    }

    @Override
    public void deleteTarget(String id, long expectedVersion, String actor, Instant at) {
        targets.deleteTarget(id, expectedVersion, actor, at);
    }

    @Override
    public Optional<StoredTarget> target(String id) {
        return targets.target(id);
    }

    @Override
    public List<StoredTarget> targets(String scopeType, String scopeId, String period, String metric) {
        return targets.targets(scopeType, scopeId, period, metric);
    }

    @Override
    public List<StoredTarget> targetsOn(String scopeType, Collection<String> scopeIds, LocalDate day) {
        return targets.targetsOn(scopeType, scopeIds, day);
    }

    @Override
    public List<StoredChange> history(String entityId) {
        return targets.history(entityId);
    }

    /** For tests: the pool, to check its settings. */
    HikariDataSource pool() {
        return pool;
    }
}
