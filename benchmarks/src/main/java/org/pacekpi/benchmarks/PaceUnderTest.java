package org.pacekpi.benchmarks;

import java.time.Clock;
import java.util.Set;

import javax.sql.DataSource;

import org.pacekpi.api.KpiService;
import org.pacekpi.api.dto.IngestStatus;
import org.pacekpi.api.dto.RebuildResult;
import org.pacekpi.engine.internal.CountingSettings;
import org.pacekpi.engine.internal.ExclusionExplainer;
import org.pacekpi.engine.internal.ExclusionQuery;
import org.pacekpi.engine.internal.IngestPipeline;
import org.pacekpi.engine.internal.IngestSettings;
import org.pacekpi.engine.internal.KpiCalculator;
import org.pacekpi.engine.internal.RebuildMarker;
import org.pacekpi.engine.internal.calendar.CalendarSettings;
import org.pacekpi.engine.internal.calendar.WorkingCalendars;
import org.pacekpi.host.activity.ActivityHistory;
import org.pacekpi.store.jdbc.internal.JdbcPaceStore;
import org.pacekpi.store.jdbc.internal.SqlDialect;

/**
 * Pace wired as its OSGi components wire it in Karaf, without the framework: the JDBC store on a pool, the ingest
 * pipeline reading the host's history with the default ingest configuration (see {@link #ingestSettings}), and the
 * KPI service implementation ({@link KpiCalculator}) with the real working calendars (jollyday holidays, transferred
 * days).
 */
public final class PaceUnderTest implements AutoCloseable {

    /**
     * The ingest configuration's defaults ({@code org.pacekpi.ingest}, unconfigured), except that a run of fewer than
     * twenty default history batches gathers its pages into twenty smaller ones (but not smaller than a page): the
     * ingest's rate over its last half and the heap samples at every tenth are then taken between transactions, not
     * all after the one. From a million changes on it is the default.
     *
     * @param changes the changes the run ingests
     */
    static IngestSettings ingestSettings(long changes) {
        IngestSettings defaults = IngestSettings.defaults();
        long batch = Math.min(defaults.historyBatchSize(), Math.max(defaults.historyPageSize(), changes / 20));
        return new IngestSettings(defaults.queueCapacity(), defaults.batchSize(), defaults.catchUpInterval(),
                defaults.historyPageSize(), (int) batch, defaults.rebuildPageSize(), defaults.minRetryDelay(),
                defaults.maxRetryDelay());
    }

    /**
     * The counting defaults (30 s calls, one touch per contact, channel and day, automation not counted) with the
     * company's e-mail domain configured, as an admin would.
     */
    static final CountingSettings COUNTING = new CountingSettings(30, 1, false,
            Set.of(GeneratedOrganisation.COMPANY_DOMAIN), Set.of());

    private final JdbcPaceStore store;
    private final IngestPipeline pipeline;
    private final KpiService kpis;

    /**
     * @param dataSource   the pool the store uses
     * @param dialect      the database's dialect
     * @param organisation the host's directory
     * @param history      the host's history
     * @param ingest       the ingest's settings ({@link #ingestSettings})
     */
    public PaceUnderTest(DataSource dataSource, SqlDialect dialect, GeneratedOrganisation organisation,
                         ActivityHistory history, IngestSettings ingest) {
        this.store = new JdbcPaceStore(dataSource, dialect);
        this.pipeline = new IngestPipeline(store, history, organisation, ingest, COUNTING, RebuildMarker.inMemory());
        WorkingCalendars calendars = WorkingCalendars.of(CalendarSettings.none());
        this.kpis = new KpiCalculator(organisation, store, calendars::workingDays,
                new ExclusionQuery(organisation, store, new ExclusionExplainer(COUNTING)), Clock.systemUTC());
    }

    /** Starts the ingest writer, which catches up from the history at once. */
    public void startIngest() {
        pipeline.start();
    }

    /** The ingest status, with the store's applied sequence read from the database. */
    public IngestStatus ingestStatus() {
        return pipeline.status();
    }

    /** Rebuilds every aggregate from the activity log on the writer thread, and waits for it. */
    public RebuildResult rebuild() {
        return pipeline.rebuild();
    }

    /** The KPI service implementation. */
    public KpiService kpis() {
        return kpis;
    }

    /** Stops the ingest writer. */
    @Override
    public void close() {
        if (!pipeline.stop()) {
            throw new IllegalStateException("the ingest writer did not stop");
        }
    }
}
