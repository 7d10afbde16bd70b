package org.pacekpi.engine.internal.osgi;

import java.io.File;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.Designate;
import org.pacekpi.api.IngestMonitor;
import org.pacekpi.api.RebuildService;
import org.pacekpi.api.dto.IngestStatus;
import org.pacekpi.api.dto.RebuildResult;
import org.pacekpi.api.store.PaceStore;
import org.pacekpi.engine.internal.CountingSettings;
import org.pacekpi.engine.internal.IngestPipeline;
import org.pacekpi.engine.internal.IngestSettings;
import org.pacekpi.engine.internal.RebuildMarker;
import org.pacekpi.host.activity.ActivityHistory;
import org.pacekpi.host.activity.ActivityTopics;
import org.pacekpi.host.directory.Directory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribes to the host's activity stream, reports the ingest status and rebuilds on request. The work is done by
 * an {@link IngestPipeline}; this class only connects it to EventAdmin, ConfigAdmin and the services it needs. A
 * configuration change (of the ingest or of the counting rules) re-creates the component and the pipeline; events
 * queued at that moment are recovered by the new pipeline's catch-up.
 *
 * <p>The rebuild is a service of this component, not a separate one, because it must run on the pipeline's writer
 * thread: the store has a single writer.
 *
 * <p>The topic is a plain property rather than the {@code @EventTopics} property type on purpose: that annotation
 * adds a requirement {@code osgi.implementation=osgi.event}, which Karaf's EventAdmin bundle does not advertise,
 * so the bundle would not resolve in Karaf.
 */
@Component(service = {EventHandler.class, IngestMonitor.class, RebuildService.class},
        configurationPid = IngestSettings.PID, property = EventConstants.EVENT_TOPIC + "=" + ActivityTopics.ALL)
@Designate(ocd = IngestConfig.class)
public final class IngestComponent implements EventHandler, IngestMonitor, RebuildService {

    private static final Logger LOG = LoggerFactory.getLogger(IngestComponent.class);

    /** In the bundle's data folder: present while a rebuild runs, so that a crash during one is noticed on start. */
    static final String REBUILD_MARKER_FILE = "rebuild-in-progress";

    private final IngestPipeline pipeline;

    /**
     * Validates the configuration and starts the writer thread, which first finishes an interrupted rebuild, if
     * any, then catches up from the history.
     *
     * @throws IllegalArgumentException naming the configuration property that is wrong
     */
    @Activate
    public IngestComponent(@Reference PaceStore store, @Reference ActivityHistory history,
                           @Reference Directory directory, @Reference CountingRulesComponent counting,
                           IngestConfig config, BundleContext context) {
        this(store, history, directory, counting.settings(), config, marker(context));
    }

    /** For tests: everything given, no framework. */
    IngestComponent(PaceStore store, ActivityHistory history, Directory directory, CountingSettings counting,
                    IngestConfig config, RebuildMarker rebuildMarker) {
        IngestSettings settings = IngestSettings.of(config.queueCapacity(), config.batchSize(),
                config.catchUpIntervalSeconds(), config.historyPageSize(), config.historyBatchSize(),
                config.rebuildPageSize());
        this.pipeline = new IngestPipeline(store, history, directory, settings, counting, rebuildMarker);
        pipeline.start();
    }

    private static RebuildMarker marker(BundleContext context) {
        File file = context.getDataFile(REBUILD_MARKER_FILE);
        if (file == null) {
            LOG.warn("the framework gives Pace no data folder: a rebuild interrupted by a crash will not be resumed "
                    + "on the next start; run it again by hand");
            return RebuildMarker.inMemory();
        }
        return RebuildMarker.file(file.toPath());
    }

    /** Stops the writer thread started on activation. */
    @Deactivate
    void deactivate() {
        pipeline.stop();
    }

    /** Validates and queues the change; returns at once, whatever the store is doing. */
    @Override
    public void handleEvent(Event event) {
        try {
            pipeline.submit(event.getTopic(), event::getProperty);
        } catch (RuntimeException e) {
            // Never throw into EventAdmin (it would blacklist the handler); the history still holds the change.
            LOG.error("failed to take an activity event on topic '{}'; the history catch-up will apply it",
                    event.getTopic(), e);
            pipeline.requestCatchUp();
        }
    }

    @Override
    public IngestStatus status() {
        return pipeline.status();
    }

    /** Runs on the ingest writer thread; the caller waits, live events queue meanwhile. */
    @Override
    public RebuildResult rebuild() {
        return pipeline.rebuild();
    }

    /** The pipeline, for tests in this package. */
    IngestPipeline pipeline() {
        return pipeline;
    }
}
