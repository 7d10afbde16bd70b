package org.pacekpi.sandbox.internal.simulator;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.pacekpi.sandbox.internal.activity.ActivityLog;
import org.pacekpi.sandbox.internal.auth.PasswordHasher;
import org.pacekpi.sandbox.internal.crm.Bootstrap;
import org.pacekpi.sandbox.internal.db.CrmDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's simulated sales team. Runs only when configured (PID {@value #PID}, which the {@code pace-demo}
 * feature ships), once per database, on its own thread: the simulation takes seconds and activation must not.
 * When it is done, {@code GET /crm/api/status} answers {@code "simulated": true} and the log says
 * "Sandbox CRM simulation done".
 */
@Component(configurationPid = SalesTeamSimulator.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = SalesTeamSimulator.Config.class)
public final class SalesTeamSimulator {

    /** The configuration PID. */
    public static final String PID = "org.pacekpi.sandbox.simulator";

    private static final Logger LOG = LoggerFactory.getLogger(SalesTeamSimulator.class);

    /** What to simulate. */
    @ObjectClassDefinition(name = "Pace Sandbox CRM simulator",
            description = "Simulates a sales team with months of activity history, once per database.")
    public @interface Config {
        /** Random seed: the same seed and anchor date give the same data. */
        @AttributeDefinition(name = "Seed")
        long seed() default 42;

        /** Number of teams. */
        @AttributeDefinition(name = "Teams", min = "1", max = "20")
        int teams() default 2;

        /** Managers per team. */
        @AttributeDefinition(name = "Team size", min = "1", max = "50")
        int teamSize() default 4;

        /** Months of history. */
        @AttributeDefinition(name = "Months of history", min = "1", max = "24")
        int months() default 3;

        /** The simulated "today", YYYY-MM-DD; empty for the real today. */
        @AttributeDefinition(name = "Anchor date", required = false,
                description = "YYYY-MM-DD; history ends the day before. Empty: today (Europe/Berlin).")
        String anchorDate() default "";
    }

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final ExecutorService executor;

    /** Starts the simulation on a background thread. */
    @Activate
    public SalesTeamSimulator(@Reference CrmDatabase database, @Reference ActivityLog log, Config config) {
        SimulationSettings settings = settings(config, database);
        SalesTeamSimulation simulation = new SalesTeamSimulation(database, log, new PasswordHasher());
        executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "pace-sandbox-simulator");
            thread.setDaemon(true);
            return thread;
        });
        executor.execute(() -> {
            try {
                simulation.runOnce(settings, cancelled::get);
            } catch (RuntimeException e) {
                // a background thread has nobody to throw to: the log is where this must show
                LOG.error("Sandbox CRM simulation with {} failed; nothing was written", settings, e);
            }
        });
    }

    /**
     * Stops a running simulation between two simulated days and waits for it: its transaction rolls back, and the
     * next activation starts again. The thread is not interrupted: an interrupt during file I/O can close H2's file.
     */
    @Deactivate
    public void stop() {
        cancelled.set(true);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(60, TimeUnit.SECONDS)) {
                LOG.warn("Sandbox CRM simulation did not stop within 60 s");
            }
        } catch (InterruptedException e) {
            // SCR is stopping us in a hurry: keep the interrupt for it and stop waiting
            Thread.currentThread().interrupt();
            LOG.warn("Interrupted while waiting for the sandbox CRM simulation to stop", e);
        }
    }

    private static SimulationSettings settings(Config config, CrmDatabase database) {
        LocalDate anchor;
        try {
            anchor = config.anchorDate() == null || config.anchorDate().isBlank()
                    ? LocalDate.now(Bootstrap.BERLIN) : LocalDate.parse(config.anchorDate().strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(PID + ": anchorDate '" + config.anchorDate()
                    + "' is not a date like 2026-11-20", e);
        }
        String domain = database.companyDomains().isEmpty() ? null : database.companyDomains().get(0);
        return new SimulationSettings(config.seed(), config.teams(), config.teamSize(), config.months(), anchor, domain);
    }
}
