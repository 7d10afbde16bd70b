package org.pacekpi.engine.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.pacekpi.api.dto.IngestStatus;
import org.pacekpi.api.dto.RebuildResult;
import org.pacekpi.api.store.LoggedActivity;
import org.pacekpi.api.store.PaceStore;
import org.pacekpi.host.activity.Activity;
import org.pacekpi.host.activity.ActivityChange;
import org.pacekpi.host.activity.ActivityHistory;
import org.pacekpi.host.activity.ActivityTopics;
import org.pacekpi.host.activity.ChangeType;
import org.pacekpi.host.activity.HistoryPage;
import org.pacekpi.host.directory.Directory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the host's activity changes into the store, at least once and idempotently.
 *
 * <p>Two paths feed one writer thread:
 * <ul>
 * <li>live events, handed over by the EventAdmin handler through {@link #submit}, which only validates and queues
 * (EventAdmin blacklists handlers that are slow, so nothing there may wait for the database);</li>
 * <li>catch-up from the host's history: at start, every {@code catchUpInterval}, and whenever a change had to be
 * dropped or a write failed. It pages through the history after the store's cursor, gathers pages into batches of
 * {@code historyBatchSize} changes, and moves the cursor with each batch, in the same transaction; a reader thread
 * reads the next batch meanwhile (see {@link #catchUp}).</li>
 * </ul>
 * Live writes never move the cursor, so the history after the cursor always contains every change that may not be
 * stored yet: a dropped event, a failed batch or a stop loses nothing, it only waits for the next catch-up. Each
 * batch goes through the {@link Recounter}, which skips a change not newer than the stored version, so a change
 * that arrives by both paths, or after a newer one, counts once.
 *
 * <p>All writes happen on the single writer thread, so the store only ever sees read-decide-write from one writer
 * (the reader thread reads the host's history only, never the store).
 * A rebuild ({@link #rebuild()}) runs on that thread too, between two batches; live changes queue meanwhile. A
 * pipeline is started once and stopped once; the OSGi component makes a new one per activation.
 */
public final class IngestPipeline {

    /** What {@link #submit} did with an event. */
    public enum Submission {
        /** Queued for the writer. */
        QUEUED,
        /** Valid, but the queue was full: dropped, and a catch-up was requested to bring it back. */
        DROPPED,
        /** Not a valid activity event; logged. */
        REJECTED
    }

    /** Name of the writer thread, so that it can be found in a thread dump. */
    public static final String WRITER_THREAD_NAME = "pace-ingest-writer";
    /** Name of the thread that reads the host's history a batch ahead of the writer during a catch-up. */
    public static final String HISTORY_READER_THREAD_NAME = "pace-ingest-history-reader";

    private static final Logger LOG = LoggerFactory.getLogger(IngestPipeline.class);

    /** How long {@link #stop()} lets the writer finish its current transaction before interrupting it. */
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(2);
    /** How long {@link #stop()} then waits for the interrupted writer. */
    private static final Duration FORCED_STOP = Duration.ofSeconds(5);

    private final PaceStore store;
    private final ActivityHistory history;
    private final ActivityMapper mapper;
    private final Recounter recounter;
    private final Rebuilder rebuilder;
    private final RebuildMarker rebuildMarker;
    private final IngestSettings settings;
    private final ChangeQueue queue;

    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong catchUps = new AtomicLong();
    /** True once a drop was logged, until the catch-up that recovers it: one WARN per overflow, not one per event. */
    private final AtomicBoolean overflowLogged = new AtomicBoolean();
    private final CountDownLatch stopSignal = new CountDownLatch(1);

    private volatile boolean stopping;
    private volatile String lastError;
    private volatile long lastAppliedSequence;
    private volatile long lastHostSequence;

    private Thread writer; // guarded by this
    /** Reads the next history page while the writer applies the current one (see catchUp); the writer's own. */
    private ExecutorService historyReader;

    /**
     * @param store         where changes are written
     * @param history       the host's history, read by catch-up
     * @param directory     tells colleagues and time zones
     * @param settings      queue, batch, catch-up and rebuild tuning
     * @param counting      the counting rules
     * @param rebuildMarker remembers an unfinished rebuild across restarts
     */
    public IngestPipeline(PaceStore store, ActivityHistory history, Directory directory, IngestSettings settings,
                          CountingSettings counting, RebuildMarker rebuildMarker) {
        this.store = Objects.requireNonNull(store, "store");
        this.history = Objects.requireNonNull(history, "history");
        this.mapper = new ActivityMapper(directory);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.recounter = new Recounter(store, new CountingRules(counting, new DirectoryZones(directory)));
        this.rebuildMarker = Objects.requireNonNull(rebuildMarker, "rebuildMarker");
        this.rebuilder = new Rebuilder(store, recounter.rules(), settings.rebuildPageSize(), rebuildMarker,
                () -> stopping);
        this.queue = new ChangeQueue(settings.queueCapacity());
    }

    /** Starts the writer thread; it catches up from the history first. */
    public synchronized void start() {
        if (writer != null) {
            throw new IllegalStateException("the ingest pipeline was already started");
        }
        historyReader = Executors.newSingleThreadExecutor(runnable -> {
            Thread reader = new Thread(runnable, HISTORY_READER_THREAD_NAME);
            reader.setDaemon(true); // as the writer
            return reader;
        });
        writer = new Thread(this::runWriter, WRITER_THREAD_NAME);
        // A daemon, so that a writer stuck in a driver call can never keep the JVM alive on shutdown.
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Stops the writer and waits for it. Changes still queued are abandoned: they are in the history after the
     * store's cursor and the next start's catch-up applies them.
     *
     * @return true if the writer thread has ended
     */
    public synchronized boolean stop() {
        if (writer == null) {
            return true;
        }
        stopping = true;
        stopSignal.countDown();
        queue.close();
        try {
            // Let a running transaction finish before interrupting: an interrupt in the middle of JDBC I/O can make
            // a driver close its connection or, with H2, its database file channel.
            writer.join(GRACEFUL_STOP.toMillis());
            if (writer.isAlive()) {
                writer.interrupt();
                writer.join(FORCED_STOP.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("interrupted while waiting for the ingest writer to stop");
        }
        // Requests the writer never took: their callers must not wait for ever.
        queue.takeRebuildRequests().forEach(request -> request.completeExceptionally(
                new IllegalStateException("Pace's ingest stopped before the rebuild began")));
        if (writer.isAlive()) {
            LOG.warn("the ingest writer did not stop within {} s; it is a daemon thread and ends with its current "
                    + "store call", GRACEFUL_STOP.plus(FORCED_STOP).toSeconds());
            return false;
        }
        return true;
    }

    /**
     * Asks the writer to rebuild every counting state and aggregate from the log, between two batches.
     *
     * @return completes with the result when done, or with the failure
     */
    public CompletableFuture<RebuildResult> requestRebuild() {
        CompletableFuture<RebuildResult> result = new CompletableFuture<>();
        boolean running;
        synchronized (this) {
            running = writer != null && !stopping;
        }
        if (!running || !queue.requestRebuild(result)) {
            result.completeExceptionally(new IllegalStateException("Pace's ingest is not running; no rebuild"));
        }
        return result;
    }

    /**
     * Rebuilds on the writer thread and waits for it. Live events keep queueing meanwhile (and are recovered from
     * the history if the queue overflows).
     *
     * @throws org.pacekpi.api.store.StoreException if the store failed (the previous counting stays, and the writer
     *                                              retries the rebuild by itself)
     * @throws IllegalStateException                if ingest is not running, stopped, or the wait was interrupted, or
     *                                              the counting rules failed on an activity
     */
    public RebuildResult rebuild() {
        CompletableFuture<RebuildResult> result = requestRebuild();
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the rebuild; it goes on in the background",
                    e);
        } catch (ExecutionException e) {
            throw unwrapped(e, "the rebuild failed");
        }
    }

    /**
     * Validates an EventAdmin event and queues it; never blocks and never throws, since it runs on the EventAdmin
     * thread.
     *
     * @param topic      the event's topic
     * @param properties the event's property lookup
     */
    public Submission submit(String topic, Function<String, Object> properties) {
        Optional<ChangeType> type = ActivityTopics.changeOf(topic);
        if (type.isEmpty()) {
            return reject(topic, "the topic is not one of " + ActivityTopics.CREATED + ", " + ActivityTopics.UPDATED
                    + ", " + ActivityTopics.DELETED);
        }
        Object value = properties.apply(ActivityTopics.PROPERTY_ACTIVITY);
        if (value == null) {
            return reject(topic, "the event has no '" + ActivityTopics.PROPERTY_ACTIVITY + "' property");
        }
        if (!(value instanceof Activity activity)) {
            String why = "property '" + ActivityTopics.PROPERTY_ACTIVITY + "' is a " + value.getClass().getName()
                    + ", not a " + Activity.class.getName();
            if (value.getClass().getName().equals(Activity.class.getName())) {
                why += " from Pace's class loader (the host and Pace are wired to different host-api bundles)";
            }
            return reject(topic, why);
        }
        Object id = properties.apply(ActivityTopics.PROPERTY_ID);
        if (id != null && !activity.id().equals(id)) {
            return reject(topic, "property '" + ActivityTopics.PROPERTY_ID + "' is '" + id
                    + "' but the activity's id is '" + activity.id() + "'");
        }
        Object sequence = properties.apply(ActivityTopics.PROPERTY_SEQUENCE);
        if (sequence != null && !(sequence instanceof Number n && n.longValue() == activity.sequence())) {
            return reject(topic, "property '" + ActivityTopics.PROPERTY_SEQUENCE + "' is " + sequence
                    + " but the activity's sequence is " + activity.sequence());
        }
        return submit(new ActivityChange(type.get(), activity));
    }

    /** Queues a change if there is room; otherwise drops it and requests a catch-up. Never blocks. */
    public Submission submit(ActivityChange change) {
        if (queue.offer(change)) {
            return Submission.QUEUED;
        }
        dropped.incrementAndGet();
        if (overflowLogged.compareAndSet(false, true)) {
            LOG.warn("ingest queue full ({} changes): dropping live changes from activity {} (sequence {}) on; the "
                    + "history catch-up will apply them", settings.queueCapacity(), change.activity().id(),
                    change.sequence());
        }
        return Submission.DROPPED;
    }

    /** Asks the writer to catch up from the history as soon as it can. */
    public void requestCatchUp() {
        queue.requestCatchUp();
    }

    /**
     * How far ingest has come. Cheap: two counter reads from the store and the history, no scan; when one of them
     * fails, the last known value is reported with the failure as {@code lastError}.
     */
    public IngestStatus status() {
        String error = lastError;
        long appliedSequence = lastAppliedSequence;
        long hostSequence = lastHostSequence;
        try {
            appliedSequence = store.appliedSequence();
            lastAppliedSequence = appliedSequence;
        } catch (RuntimeException e) {
            LOG.warn("ingest status: reading the store's applied sequence failed, reporting the last known {}",
                    appliedSequence, e);
            error = "reading the store's applied sequence failed: " + e;
        }
        try {
            hostSequence = history.latestSequence();
            lastHostSequence = hostSequence;
        } catch (RuntimeException e) {
            LOG.warn("ingest status: reading the host's latest sequence failed, reporting the last known {}",
                    hostSequence, e);
            error = "reading the host's latest sequence failed: " + e;
        }
        return new IngestStatus(appliedSequence, hostSequence, queue.size(), applied.get(), skipped.get(), error);
    }

    /** Live changes dropped because the queue was full, since start. */
    public long dropped() {
        return dropped.get();
    }

    /** Events rejected as invalid, since start. */
    public long rejected() {
        return rejected.get();
    }

    /** Catch-ups that read the history to its end, since start. */
    public long completedCatchUps() {
        return catchUps.get();
    }

    private Submission reject(String topic, String why) {
        rejected.incrementAndGet();
        LOG.warn("rejected activity event on topic '{}': {}", topic, why);
        return Submission.REJECTED;
    }

    private void runWriter() {
        LOG.info("ingest writer started: queue {} changes, batches of {}, catch-up every {} ms, history pages of {}"
                        + " gathered into transactions of {} changes or more", settings.queueCapacity(),
                settings.batchSize(), settings.catchUpInterval().toMillis(), settings.historyPageSize(),
                settings.historyBatchSize());
        Backoff backoff = new Backoff(settings.minRetryDelay(), settings.maxRetryDelay());
        boolean catchUpDue = true; // on start: whatever was logged while Pace was stopped
        long nextCatchUp = System.nanoTime();
        try {
            boolean rebuildDue = rebuildMarker.isMarked();
            if (rebuildDue) {
                LOG.warn("a rebuild began and did not finish (Pace stopped or crashed during it); rebuilding again");
            }
            while (!stopping) {
                List<CompletableFuture<RebuildResult>> rebuildRequests = queue.takeRebuildRequests();
                if (rebuildDue || !rebuildRequests.isEmpty()) {
                    // A failed rebuild leaves the previous counting, under the rules it was made with: retry it until
                    // it succeeds.
                    rebuildDue = !rebuild(rebuildRequests);
                    if (rebuildDue) {
                        backoff.pause();
                        continue;
                    }
                    backoff.reset();
                }
                if (catchUpDue || System.nanoTime() - nextCatchUp >= 0) {
                    if (!catchUp()) {
                        catchUpDue = true;
                        backoff.pause();
                        continue;
                    }
                    catchUpDue = false;
                    backoff.reset();
                    nextCatchUp = System.nanoTime() + settings.catchUpInterval().toNanos();
                }
                ChangeQueue.Work work = queue.take(settings.batchSize(), nextCatchUp - System.nanoTime(),
                        TimeUnit.NANOSECONDS);
                catchUpDue = work.catchUpRequested();
                if (!work.changes().isEmpty()) {
                    if (writeLive(work.changes())) {
                        backoff.reset();
                    } else {
                        // The failed batch was dropped; the catch-up brings its changes back (see writeLive).
                        catchUpDue = true;
                        backoff.pause();
                    }
                }
            }
        } catch (InterruptedException e) {
            // stop() interrupts only after asking politely; the thread ends here.
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            lastError = Instant.now() + " the ingest writer died: " + e;
            LOG.error("the ingest writer died; no more changes are applied until Pace is restarted", e);
            throw e;
        } finally {
            // Without an interrupt: a page being read finishes (an interrupt in JDBC I/O can close a connection or,
            // with H2, a database file channel of the host) and is dropped.
            historyReader.shutdown();
        }
        LOG.info("ingest writer stopped: {} changes applied, {} skipped, {} dropped, {} rejected",
                applied.get(), skipped.get(), dropped.get(), rejected.get());
    }

    /**
     * Rebuilds and answers the requests.
     *
     * @return false if it failed or was stopped
     */
    private boolean rebuild(List<CompletableFuture<RebuildResult>> requests) {
        try {
            RebuildResult result = rebuilder.rebuild();
            requests.forEach(request -> request.complete(result));
            return true;
        } catch (RuntimeException e) {
            failed("rebuilding the counting from the activity log", e);
            requests.forEach(request -> request.completeExceptionally(e));
            return false;
        }
    }

    /**
     * Applies one batch of live changes without moving the cursor.
     *
     * @return false if the batch failed
     */
    private boolean writeLive(List<ActivityChange> changes) {
        String what = "writing " + changes.size() + " live changes (sequences "
                + changes.stream().mapToLong(ActivityChange::sequence).min().orElse(0) + ".."
                + changes.stream().mapToLong(ActivityChange::sequence).max().orElse(0) + ")";
        try {
            count(recounter.apply(toLogged(changes), 0));
            return true;
        } catch (RuntimeException e) {
            // The batch is dropped on purpose: live writes never move the cursor, so each of these changes is in
            // the history after the store's cursor, and the catch-up that the caller now runs re-applies it.
            failed(what, e);
            return false;
        }
    }

    /**
     * Pages through the history after the store's cursor until its end, one transaction per batch of pages (at least
     * {@code historyBatchSize} changes, or what is left). The next batch is read (and mapped) on the history reader
     * thread while the writer applies the current one: the host's query and Pace's write overlap, one batch ahead at
     * most. A batch read ahead and not applied (the apply failed, or Pace is stopping) is dropped; the next catch-up
     * reads from the store's cursor again.
     *
     * @return false if it failed or was stopped before the end
     */
    private boolean catchUp() {
        String what = "reading the store's applied sequence before a catch-up";
        Future<ReadBatch> ahead = null;
        try {
            long start = store.appliedSequence();
            long cursor = start;
            long appliedBefore = applied.get();
            // Changes dropped from now on may not be in the pages read below; they request another catch-up.
            boolean afterOverflow = overflowLogged.getAndSet(false);
            ReadBatch batch;
            ahead = readAhead(cursor);
            do {
                if (stopping) {
                    return false;
                }
                what = "reading history changes after sequence " + cursor + " (pages of "
                        + settings.historyPageSize() + ")";
                batch = await(ahead);
                ahead = null;
                if (batch.hasMore()) {
                    ahead = readAhead(batch.lastSequence());
                }
                if (!batch.logged().isEmpty()) {
                    what = "applying " + batch.logged().size() + " history changes (sequences "
                            + batch.logged().get(0).sequence() + ".." + batch.lastSequence() + ")";
                    count(recounter.apply(batch.logged(), batch.lastSequence()));
                }
                cursor = batch.lastSequence();
                lastAppliedSequence = cursor;
            } while (batch.hasMore());
            what = "reading the host's latest sequence";
            lastHostSequence = history.latestSequence();
            catchUps.incrementAndGet();
            if (afterOverflow) {
                LOG.info("caught up after dropped live changes ({} dropped since start): history after sequence {} "
                        + "up to {} applied", dropped.get(), start, cursor);
            } else if (cursor > start) {
                LOG.debug("caught up from sequence {} to {}: {} changes applied", start, cursor,
                        applied.get() - appliedBefore);
            }
            return true;
        } catch (InterruptedException e) {
            // stop() interrupts the writer only after asking politely; it ends without another attempt.
            Thread.currentThread().interrupt();
            failed(what, new IllegalStateException("interrupted", e));
            return false;
        } catch (RuntimeException e) {
            failed(what, e);
            return false;
        } finally {
            if (ahead != null) {
                ahead.cancel(false); // not interrupted: see runWriter
            }
        }
    }

    /**
     * Consecutive pages of the host's history, their changes as the log records them.
     *
     * @param logged       the pages' changes mapped, in the pages' order
     * @param lastSequence the sequence up to which the pages cover the history
     * @param hasMore      whether the host said more changes follow the last page
     */
    private record ReadBatch(List<LoggedActivity> logged, long lastSequence, boolean hasMore) {
    }

    /** Starts reading the batch after {@code cursor} on the history reader thread. */
    private Future<ReadBatch> readAhead(long cursor) {
        return historyReader.submit(() -> readBatch(cursor));
    }

    /**
     * Reads pages after {@code cursor} until they hold {@code historyBatchSize} changes or the history ends, checking
     * that each page moves forward.
     */
    private ReadBatch readBatch(long cursor) {
        List<LoggedActivity> logged = new ArrayList<>();
        long at = cursor;
        HistoryPage page;
        do {
            page = history.changesAfter(at, settings.historyPageSize());
            long next = page.lastSequence(at);
            if (page.changes().isEmpty()) {
                if (page.hasMore()) {
                    // Asking again would return the same page for ever.
                    throw new IllegalStateException("the history returned an empty page after sequence " + at
                            + " that claims more changes follow");
                }
            } else if (next <= at) {
                throw new IllegalStateException("the history returned changes up to sequence " + next
                        + " when asked for changes after " + at);
            }
            logged.addAll(toLogged(page.changes()));
            at = next;
        } while (page.hasMore() && logged.size() < settings.historyBatchSize());
        return new ReadBatch(logged, at, page.hasMore());
    }

    /**
     * The batch read ahead, once read; what the reading threw is thrown here, on the writer (an unchecked exception
     * as it is, anything else wrapped).
     */
    private static ReadBatch await(Future<ReadBatch> ahead) throws InterruptedException {
        try {
            return ahead.get();
        } catch (ExecutionException e) {
            throw unwrapped(e, "reading the history failed");
        }
    }

    /**
     * What a task run on another thread threw, to throw on the thread that waited for it: an unchecked exception as it
     * is, an {@link Error} thrown from here, anything else wrapped, saying {@code what} failed.
     */
    private static RuntimeException unwrapped(ExecutionException failed, String what) {
        Throwable cause = failed.getCause();
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(what, cause);
    }

    private List<LoggedActivity> toLogged(List<ActivityChange> changes) {
        return changes.stream().map(change -> mapper.map(change.type(), change.activity())).toList();
    }

    private void count(Recounter.Result result) {
        applied.addAndGet(result.applied());
        skipped.addAndGet(result.skipped());
    }

    private void failed(String what, RuntimeException e) {
        if (stopping) {
            // Interrupted by stop(): expected, and the history still holds whatever was not applied.
            LOG.info("ingest stopped while {}: {}", what, e.toString());
            return;
        }
        lastError = Instant.now() + " " + what + " failed: " + e;
        LOG.error("ingest: {} failed; retrying after a pause", what, e);
    }

    /** Capped exponential back-off between retries; the wait ends early when the pipeline stops. */
    private final class Backoff {
        private final Duration min;
        private final Duration max;
        private Duration next;

        Backoff(Duration min, Duration max) {
            this.min = min;
            this.max = max;
            this.next = min;
        }

        void pause() throws InterruptedException {
            Duration delay = next;
            next = next.multipliedBy(2).compareTo(max) > 0 ? max : next.multipliedBy(2);
            LOG.debug("ingest: retrying in {} ms", delay.toMillis());
            stopSignal.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        }

        void reset() {
            next = min;
        }
    }
}
