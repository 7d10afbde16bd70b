package org.pacekpi.engine.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * The tuning of the ingest pipeline, checked once so that a wrong configuration fails at activation with a message
 * naming the property rather than misbehaving later.
 *
 * @param queueCapacity   live events that may wait for the writer; beyond that they are dropped and a catch-up
 *                        from the history is requested
 * @param batchSize       the most live events written in one store transaction
 * @param catchUpInterval how often the history is read even when nothing seems lost
 * @param historyPageSize how many history changes a catch-up asks the host for at a time (the host may return fewer)
 * @param historyBatchSize how many history changes a catch-up gathers into one transaction: it reads pages until it
 *                        has at least this many or the history ends (a page is never split), and writes them together
 * @param rebuildPageSize how many logged activities a rebuild reads and stages per round trip to the store's
 *                        database; the memory a rebuild takes grows with it, not with the log
 * @param minRetryDelay   the first wait after a failure
 * @param maxRetryDelay   the cap of the exponential back-off
 */
public record IngestSettings(int queueCapacity, int batchSize, Duration catchUpInterval, int historyPageSize,
                             int historyBatchSize, int rebuildPageSize, Duration minRetryDelay,
                             Duration maxRetryDelay) {

    /** The configuration PID the settings come from; named in error messages. */
    public static final String PID = "org.pacekpi.ingest";

    /** Default of {@code queueCapacity}. */
    public static final int DEFAULT_QUEUE_CAPACITY = 10_000;
    /** Default of {@code batchSize}. */
    public static final int DEFAULT_BATCH_SIZE = 500;
    /** Default of {@code catchUpIntervalSeconds}. */
    public static final int DEFAULT_CATCH_UP_INTERVAL_SECONDS = 5;
    /** Default of {@code historyPageSize}: what the sandbox CRM returns at most. Hosts may return smaller pages. */
    public static final int DEFAULT_HISTORY_PAGE_SIZE = 5_000;
    /**
     * Default of {@code historyBatchSize}. A larger transaction adds more of a manager's changes to each aggregate row
     * in one upsert, and asks for each contact's earliest activities once for more of its changes: at the benchmark's
     * density (2,000 managers, about 14,000 changes a day, so 50,000 is three and a half days), transactions of
     * 50,000 took 29 % less PostgreSQL CPU per change than transactions of 5,000 (BENCHMARKS.md). A transaction's
     * changes are in memory while it is written, and the next one's are read meanwhile: at 50,000 the benchmark's heap
     * after a full GC stayed near 30 MiB during a full-size ingest, 7 MiB after it.
     */
    public static final int DEFAULT_HISTORY_BATCH_SIZE = 50_000;
    /** Default of {@code rebuildPageSize}. */
    public static final int DEFAULT_REBUILD_PAGE_SIZE = 5_000;

    /** Back-off after a failure: starts at 1 s and doubles up to 30 s. */
    public static final Duration DEFAULT_MIN_RETRY_DELAY = Duration.ofSeconds(1);
    /** The cap of the back-off. */
    public static final Duration DEFAULT_MAX_RETRY_DELAY = Duration.ofSeconds(30);

    /** Checks every value; the message names the property and the value. */
    public IngestSettings {
        positive("queueCapacity", queueCapacity);
        positive("batchSize", batchSize);
        positive("historyPageSize", historyPageSize);
        positive("historyBatchSize", historyBatchSize);
        positive("rebuildPageSize", rebuildPageSize);
        positive("catchUpIntervalSeconds", catchUpInterval);
        positive("minRetryDelay", minRetryDelay);
        positive("maxRetryDelay", maxRetryDelay);
        if (maxRetryDelay.compareTo(minRetryDelay) < 0) {
            throw new IllegalArgumentException(PID + ": maxRetryDelay " + maxRetryDelay
                    + " must not be shorter than minRetryDelay " + minRetryDelay);
        }
    }

    /** The defaults of every setting: what an unconfigured {@code org.pacekpi.ingest} gives. */
    public static IngestSettings defaults() {
        return of(DEFAULT_QUEUE_CAPACITY, DEFAULT_BATCH_SIZE, DEFAULT_CATCH_UP_INTERVAL_SECONDS,
                DEFAULT_HISTORY_PAGE_SIZE, DEFAULT_HISTORY_BATCH_SIZE, DEFAULT_REBUILD_PAGE_SIZE);
    }

    /** Settings from the configured values, with the default back-off. */
    public static IngestSettings of(int queueCapacity, int batchSize, long catchUpIntervalSeconds, int historyPageSize,
                                    int historyBatchSize, int rebuildPageSize) {
        if (catchUpIntervalSeconds <= 0) {
            throw new IllegalArgumentException(
                    PID + ": catchUpIntervalSeconds must be greater than 0, was " + catchUpIntervalSeconds);
        }
        return new IngestSettings(queueCapacity, batchSize, Duration.ofSeconds(catchUpIntervalSeconds),
                historyPageSize, historyBatchSize, rebuildPageSize, DEFAULT_MIN_RETRY_DELAY, DEFAULT_MAX_RETRY_DELAY);
    }

    private static void positive(String property, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(PID + ": " + property + " must be greater than 0, was " + value);
        }
    }

    private static void positive(String property, Duration value) {
        Objects.requireNonNull(value, () -> PID + ": " + property + " is required");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(PID + ": " + property + " must be greater than 0, was " + value);
        }
    }
}
