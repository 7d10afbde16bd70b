package org.pacekpi.sandbox.internal.simulator;

import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.pacekpi.sandbox.internal.activity.ActivityLog;
import org.pacekpi.sandbox.internal.auth.PasswordHasher;
import org.pacekpi.sandbox.internal.crm.Bootstrap;
import org.pacekpi.sandbox.internal.crm.Meta;
import org.pacekpi.sandbox.internal.db.CrmDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link SalesTeamScenario} once per database: if {@code crm_meta} says {@value Meta#SIMULATED}, nothing
 * happens. The whole scenario is one transaction, marker included, so a run that is interrupted (Karaf stopped
 * halfway) leaves nothing behind and simply runs again on the next start; its events are posted after the commit.
 */
public final class SalesTeamSimulation {

    private static final Logger LOG = LoggerFactory.getLogger(SalesTeamSimulation.class);

    private final CrmDatabase database;
    private final ActivityLog log;
    private final PasswordHasher hasher;

    /** A simulation writing through this log. */
    public SalesTeamSimulation(CrmDatabase database, ActivityLog log, PasswordHasher hasher) {
        this.database = database;
        this.log = log;
        this.hasher = hasher;
    }

    /**
     * Writes the simulated team unless the database already has it.
     *
     * @param cancelled checked between simulated days
     * @return what was written, empty if the database was already simulated
     */
    public Optional<SalesTeamScenario.Summary> runOnce(SimulationSettings settings, BooleanSupplier cancelled) {
        if (simulated()) {
            LOG.info("Sandbox CRM: the simulated sales team is already there; not simulating again");
            return Optional.empty();
        }
        long started = System.nanoTime();
        Roster roster = Roster.of(settings);
        // hashed before taking the write lock: PBKDF2 is slow on purpose, REST writes should not wait for it
        Map<String, String> hashes = roster.managers().parallelStream()
                .collect(Collectors.toConcurrentMap(Roster.Manager::login, m -> hasher.hash(Bootstrap.DEMO_PASSWORD)));
        SalesTeamScenario.Summary summary = log.write("simulating the sales team", writes -> {
            if (Meta.get(writes.connection(), Meta.SIMULATED).map(Boolean::parseBoolean).orElse(false)) {
                return null;
            }
            SalesTeamScenario.Summary written = SalesTeamScenario.write(settings, roster, hashes, writes, cancelled);
            Meta.put(writes.connection(), Meta.SIMULATED, "true");
            Meta.put(writes.connection(), "simulation.settings", settings.toString());
            return written;
        });
        if (summary == null) {
            return Optional.empty();
        }
        LOG.info("Sandbox CRM simulation done: {} managers in {} teams, {} activity changes from {} to {} "
                        + "(seed {}), in {} ms", summary.managers(), summary.teams(), summary.changes(),
                summary.firstDay(), summary.lastDay(), settings.seed(), (System.nanoTime() - started) / 1_000_000);
        return Optional.of(summary);
    }

    /** True once the simulated team is written. */
    public boolean simulated() {
        return database.read("reading the simulation marker",
                connection -> Meta.get(connection, Meta.SIMULATED).map(Boolean::parseBoolean).orElse(false));
    }
}
