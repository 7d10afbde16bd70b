package org.pacekpi.engine.internal.osgi;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.pacekpi.engine.internal.IngestSettings;

/**
 * Configuration of the ingest of the host's activity stream, PID {@code org.pacekpi.ingest}
 * ({@code etc/org.pacekpi.ingest.cfg}). Every value must be greater than 0.
 */
@ObjectClassDefinition(id = IngestSettings.PID, name = "Pace ingest",
        description = "How Pace reads the host CRM's activity stream and catches up from its history.")
public @interface IngestConfig {

    /** Live events that may wait for the writer; more are dropped and recovered from the history. */
    @AttributeDefinition(name = "Queue capacity", min = "1",
            description = "Live events that may wait to be written; beyond that they are dropped and the next "
                    + "catch-up from the host's history applies them.")
    int queueCapacity() default IngestSettings.DEFAULT_QUEUE_CAPACITY;

    /** The most live events written in one store transaction. */
    @AttributeDefinition(name = "Batch size", min = "1",
            description = "The most live events written in one store transaction.")
    int batchSize() default IngestSettings.DEFAULT_BATCH_SIZE;

    /** Seconds between two catch-ups from the history. */
    @AttributeDefinition(name = "Catch-up interval (seconds)", min = "1",
            description = "How often Pace reads the host's history after the last applied sequence number, even "
                    + "when no event seems lost.")
    int catchUpIntervalSeconds() default IngestSettings.DEFAULT_CATCH_UP_INTERVAL_SECONDS;

    /** History changes asked for per read during a catch-up. */
    @AttributeDefinition(name = "History page size", min = "1",
            description = "How many history changes a catch-up asks the host for at a time (the host may return "
                    + "fewer).")
    int historyPageSize() default IngestSettings.DEFAULT_HISTORY_PAGE_SIZE;

    /** History changes gathered into one transaction during a catch-up. */
    @AttributeDefinition(name = "History batch size", min = "1",
            description = "How many history changes a catch-up gathers into one transaction: it reads pages until "
                    + "it has at least this many or the history ends (a page is never split). Larger batches write "
                    + "each aggregate row fewer times; a batch's changes, and the next batch's read meanwhile, are "
                    + "held in memory.")
    int historyBatchSize() default IngestSettings.DEFAULT_HISTORY_BATCH_SIZE;

    /** Logged activities a rebuild reads and stages per round trip to the database. */
    @AttributeDefinition(name = "Rebuild page size", min = "1",
            description = "How many logged activities a rebuild reads and stages per round trip to the database; "
                    + "memory use during a rebuild depends on it, not on the size of the log.")
    int rebuildPageSize() default IngestSettings.DEFAULT_REBUILD_PAGE_SIZE;
}
