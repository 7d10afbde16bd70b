package org.pacekpi.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.pacekpi.engine.internal.Activities.call;
import static org.pacekpi.engine.internal.Activities.connectedCall;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pacekpi.api.dto.IngestStatus;
import org.pacekpi.api.dto.RebuildResult;
import org.pacekpi.api.store.StoreException;
import org.pacekpi.engine.internal.IngestPipeline.Submission;
import org.pacekpi.host.activity.ActivityChange;
import org.pacekpi.host.activity.ActivityHistory;
import org.pacekpi.host.activity.ActivityTopics;
import org.pacekpi.host.activity.Counterpart;
import org.pacekpi.host.activity.HistoryPage;
import org.pacekpi.host.activity.Outcome;

/**
 * The ingest pipeline end to end, with a store, a history and a directory in memory: live events and history
 * catch-up together must apply every change exactly once.
 */
class IngestPipelineTest {

    /** A catch-up interval so long that only the start and explicit requests trigger one. */
    private static final Duration NEVER = Duration.ofHours(1);

    private final InMemoryPaceStore store = new InMemoryPaceStore();
    private final InMemoryHistory host = new InMemoryHistory();
    private final InMemoryDirectory directory = new InMemoryDirectory().manager("ann", "UTC")
            .internalContact("colleague");
    private final List<IngestPipeline> started = new ArrayList<>();
    private final RebuildMarker rebuildMarker = RebuildMarker.inMemory();

    @AfterEach
    void stopPipelines() {
        started.forEach(IngestPipeline::stop);
    }

    private static ConditionFactory eventually() {
        return await().atMost(10, TimeUnit.SECONDS).pollInterval(5, TimeUnit.MILLISECONDS);
    }

    /** Settings whose catch-up applies each history page in a transaction of its own. */
    private static IngestSettings settings(int queueCapacity, Duration catchUpInterval, int historyPageSize) {
        return settings(queueCapacity, catchUpInterval, historyPageSize, historyPageSize);
    }

    private static IngestSettings settings(int queueCapacity, Duration catchUpInterval, int historyPageSize,
                                           int historyBatchSize) {
        return new IngestSettings(queueCapacity, 500, catchUpInterval, historyPageSize, historyBatchSize, 3,
                Duration.ofMillis(5), Duration.ofMillis(40));
    }

    private IngestPipeline start(IngestSettings settings) {
        return start(settings, CountingSettings.DEFAULTS);
    }

    private IngestPipeline start(IngestSettings settings, CountingSettings counting) {
        IngestPipeline pipeline = new IngestPipeline(store, host, directory, settings, counting, rebuildMarker);
        started.add(pipeline);
        pipeline.start();
        return pipeline;
    }

    /** Starts a pipeline that catches up only on start and on request, and waits for its first catch-up. */
    private IngestPipeline startCaughtUp() {
        IngestPipeline pipeline = start(settings(100, NEVER, 1000));
        eventually().until(() -> pipeline.completedCatchUps() >= 1);
        return pipeline;
    }

    /** Publishes a change the way EventAdmin hands it to the handler. */
    private static Submission publish(IngestPipeline pipeline, ActivityChange change) {
        Map<String, Object> properties = Map.of(ActivityTopics.PROPERTY_ACTIVITY, change.activity(),
                ActivityTopics.PROPERTY_ID, change.activity().id(),
                ActivityTopics.PROPERTY_SEQUENCE, change.sequence());
        return pipeline.submit(change.type().topic(), properties::get);
    }

    private void awaitCaughtUp(IngestPipeline pipeline, long catchUpsBefore) {
        eventually().until(() -> pipeline.completedCatchUps() > catchUpsBefore
                && store.appliedSequence() == host.latestSequence());
    }

    @Test
    void liveEventsAreAppliedAndDoNotMoveTheCursor() {
        IngestPipeline pipeline = startCaughtUp();

        assertThat(publish(pipeline, host.create(connectedCall("c1", "ann")))).isEqualTo(Submission.QUEUED);
        assertThat(publish(pipeline, host.create(connectedCall("c2", "ann")))).isEqualTo(Submission.QUEUED);

        eventually().until(() -> pipeline.status().applied() == 2);
        assertThat(store.touches("ann")).isEqualTo(2);
        assertThat(store.appliedSequence()).isZero();
        assertThat(store.historyCursors()).isEmpty();
    }

    @Test
    void changeSeenAsEventAndInTheHistoryCountsOnce() {
        IngestPipeline pipeline = startCaughtUp();
        long catchUps = pipeline.completedCatchUps();

        for (String id : List.of("c1", "c2", "c3")) {
            publish(pipeline, host.create(connectedCall(id, "ann")));
        }
        pipeline.requestCatchUp();

        eventually().until(() -> pipeline.status().applied() + pipeline.status().skipped() == 6);
        awaitCaughtUp(pipeline, catchUps);
        assertThat(store.touches("ann")).isEqualTo(3);
        assertThat(List.of("c1", "c2", "c3")).allSatisfy(id -> assertThat(store.storedVersions(id)).isEqualTo(1));
        IngestStatus status = pipeline.status();
        assertThat(status.applied()).isEqualTo(3);
        assertThat(status.skipped()).isEqualTo(3);
        assertThat(status.appliedSequence()).isEqualTo(3);
        assertThat(status.hostSequence()).isEqualTo(3);
        assertThat(status.lastError()).isNull();
        assertThat(store.aggregatesMatchLog()).isTrue();
    }

    @Test
    void correctingAConnectedCallToNoAnswerRemovesTheTouch() {
        IngestPipeline pipeline = startCaughtUp();
        publish(pipeline, host.create(connectedCall("c1", "ann")));
        eventually().until(() -> store.touches("ann") == 1);

        publish(pipeline, host.update("c1", b -> b.outcome(Outcome.NO_ANSWER)));

        eventually().until(() -> store.activity("c1").orElseThrow().sequence() == 2);
        assertThat(store.touches("ann")).isZero();
        assertThat(store.activity("c1").orElseThrow().outcome()).isEqualTo("NO_ANSWER");
        assertThat(store.aggregatesMatchLog()).isTrue();
    }

    @Test
    void correctionArrivingBeforeTheOriginalWins() {
        IngestPipeline pipeline = startCaughtUp();
        ActivityChange created = host.create(connectedCall("c1", "ann"));
        ActivityChange corrected = host.update("c1", b -> b.counterpart(Counterpart.contact("colleague")));

        publish(pipeline, corrected);
        publish(pipeline, created);

        eventually().until(() -> pipeline.status().skipped() == 1);
        assertThat(store.activity("c1").orElseThrow().sequence()).isEqualTo(2);
        assertThat(store.touches("ann")).isZero();
    }

    @Test
    void deletionRemovesTheTouchAndAReplayedOlderChangeDoesNotBringItBack() {
        IngestPipeline pipeline = startCaughtUp();
        ActivityChange created = host.create(connectedCall("c1", "ann"));
        publish(pipeline, created);
        eventually().until(() -> store.touches("ann") == 1);

        publish(pipeline, host.delete("c1"));
        eventually().until(() -> store.activity("c1").orElseThrow().deleted());
        assertThat(store.touches("ann")).isZero();

        long catchUps = pipeline.completedCatchUps();
        publish(pipeline, created); // a late duplicate of the original
        pipeline.requestCatchUp(); // and the whole history again
        awaitCaughtUp(pipeline, catchUps);

        assertThat(pipeline.status().skipped()).isEqualTo(3);
        assertThat(store.touches("ann")).isZero();
        assertThat(store.activity("c1").orElseThrow().deleted()).isTrue();
        assertThat(store.aggregatesMatchLog()).isTrue();
    }

    @Test
    void activitiesLoggedWhilePaceWasStoppedAreAppliedExactlyOnceOnStart() {
        IngestPipeline first = startCaughtUp();
        publish(first, host.create(connectedCall("before", "ann")));
        eventually().until(() -> store.touches("ann") == 1);
        assertThat(first.stop()).isTrue();

        // Pace is down: the host keeps logging, nobody hears the events.
        host.create(connectedCall("while-1", "ann"));
        host.create(connectedCall("while-2", "ann"));
        host.update("before", b -> b.outcome(Outcome.BUSY));
        host.create(connectedCall("while-3", "ann").counterpart(Counterpart.contact("colleague")));

        IngestPipeline second = start(settings(100, NEVER, 2));
        awaitCaughtUp(second, 0);

        assertThat(store.touches("ann")).isEqualTo(2);
        assertThat(store.storedVersions("before")).isEqualTo(2); // created live, corrected by the catch-up
        assertThat(List.of("while-1", "while-2", "while-3"))
                .allSatisfy(id -> assertThat(store.storedVersions(id)).isEqualTo(1));
        assertThat(store.historyCursors()).containsExactly(2L, 4L, 5L); // pages of two, cursor moved per page
        assertThat(second.status().skipped()).isEqualTo(1); // the first create, already applied live
        assertThat(second.stop()).isTrue();

        // Started again with nothing new: nothing is applied twice.
        IngestPipeline third = start(settings(100, NEVER, 2));
        eventually().until(() -> third.completedCatchUps() >= 1);
        assertThat(third.status().applied()).isZero();
        assertThat(store.touches("ann")).isEqualTo(2);
        assertThat(store.aggregatesMatchLog()).isTrue();
    }

    @Test
    void fullQueueDropsEventsAndTheRequestedCatchUpRecoversThem() {
        IngestPipeline pipeline = start(settings(2, NEVER, 1000));
        eventually().until(() -> pipeline.completedCatchUps() >= 1);
        InMemoryPaceStore.BlockingHook blocking = new InMemoryPaceStore.BlockingHook();
        store.hook(blocking);

        publish(pipeline, host.create(connectedCall("c0", "ann")));
        eventually().until(() -> blocking.entered.getCount() == 0); // the writer is stuck in the store
        List<Submission> submissions = new ArrayList<>();
        for (int i = 1; i < 10; i++) {
            submissions.add(publish(pipeline, host.create(connectedCall("c" + i, "ann"))));
        }

        assertThat(submissions).filteredOn(s -> s == Submission.QUEUED).hasSize(2);
        assertThat(submissions).filteredOn(s -> s == Submission.DROPPED).hasSize(7);
        assertThat(pipeline.dropped()).isEqualTo(7);
        assertThat(pipeline.status().queued()).isEqualTo(2);

        blocking.release.countDown();
        eventually().until(() -> store.appliedSequence() == 10);
        assertThat(store.touches("ann")).isEqualTo(10);
        for (int i = 0; i < 10; i++) {
            assertThat(store.storedVersions("c" + i)).as("c" + i).isEqualTo(1);
        }
        assertThat(pipeline.status().queued()).isZero();
    }

    @Test
    void periodicCatchUpFindsChangesThatWereNeverPublished() {
        IngestPipeline pipeline = start(settings(100, Duration.ofMillis(200), 1000));
        eventually().until(() -> pipeline.completedCatchUps() >= 1);

        host.create(connectedCall("silent", "ann"));

        eventually().until(() -> store.touches("ann") == 1);
        assertThat(store.appliedSequence()).isEqualTo(1);
    }

    @Test
    void failedLiveBatchIsLoggedAndRecoveredFromTheHistory() {
        IngestPipeline pipeline = startCaughtUp();
        AtomicInteger liveFailures = new AtomicInteger();
        store.hook((entries, cursor) -> {
            if (cursor == 0 && liveFailures.getAndIncrement() == 0) {
                throw new StoreException("database unreachable");
            }
        });

        publish(pipeline, host.create(connectedCall("c1", "ann")));

        eventually().until(() -> store.touches("ann") == 1);
        assertThat(store.appliedSequence()).isEqualTo(1); // it came back through the history
        assertThat(pipeline.status().lastError())
                .contains("writing 1 live changes (sequences 1..1) failed")
                .contains("database unreachable");
    }

    @Test
    void failingCatchUpIsRetriedWithBackoffUntilItSucceeds() {
        host.create(connectedCall("c1", "ann"));
        host.create(connectedCall("c2", "ann"));
        host.failNextReads(2);
        AtomicInteger storeFailures = new AtomicInteger();
        store.hook((entries, cursor) -> {
            if (storeFailures.getAndIncrement() < 2) {
                throw new StoreException("disk full");
            }
        });

        IngestPipeline pipeline = start(settings(100, NEVER, 1000));

        awaitCaughtUp(pipeline, 0);
        assertThat(store.touches("ann")).isEqualTo(2);
        assertThat(storeFailures.get()).isEqualTo(3);
        assertThat(pipeline.status().lastError())
                .contains("applying 2 history changes (sequences 1..2) failed")
                .contains("disk full");
    }

    @Test
    void catchUpReadsTheNextHistoryPageOnItsOwnThreadWhileTheWriterAppliesThePageBefore() {
        for (int i = 1; i <= 6; i++) {
            host.create(connectedCall("c" + i, "ann"));
        }
        Set<String> readers = ConcurrentHashMap.newKeySet();
        CountDownLatch secondPageAsked = new CountDownLatch(1);
        ActivityHistory watched = new ActivityHistory() {
            @Override
            public HistoryPage changesAfter(long afterSequence, int limit) {
                readers.add(Thread.currentThread().getName());
                if (afterSequence == 2) {
                    secondPageAsked.countDown();
                }
                return host.changesAfter(afterSequence, limit);
            }

            @Override
            public long latestSequence() {
                return host.latestSequence();
            }
        };
        List<Boolean> secondPageAskedDuringFirstWrite = new CopyOnWriteArrayList<>();
        store.hook((activities, cursor) -> {
            if (cursor == 2) {
                // Without reading ahead the writer asks for the second page only after this write: 5 s lost, false.
                secondPageAskedDuringFirstWrite.add(secondPageAsked.await(5, TimeUnit.SECONDS));
            }
        });

        IngestPipeline pipeline = new IngestPipeline(store, watched, directory, settings(100, NEVER, 2),
                CountingSettings.DEFAULTS, rebuildMarker);
        started.add(pipeline);
        pipeline.start();

        awaitCaughtUp(pipeline, 0);
        assertThat(secondPageAskedDuringFirstWrite).containsExactly(true);
        assertThat(readers).containsExactly(IngestPipeline.HISTORY_READER_THREAD_NAME);
        assertThat(store.touches("ann")).isEqualTo(6);
        assertThat(store.historyCursors()).containsExactly(2L, 4L, 6L);
    }

    @Test
    void aPageReadAheadOfAFailedOneIsDroppedAndTheRetryAppliesEveryChangeOnce() {
        for (int i = 1; i <= 6; i++) {
            host.create(connectedCall("c" + i, "ann"));
        }
        AtomicInteger failures = new AtomicInteger();
        store.hook((activities, cursor) -> {
            if (cursor == 4 && failures.getAndIncrement() == 0) {
                throw new StoreException("connection reset");
            }
        });

        IngestPipeline pipeline = start(settings(100, NEVER, 2));

        awaitCaughtUp(pipeline, 0);
        assertThat(failures.get()).isEqualTo(2); // failed once, then written
        assertThat(store.touches("ann")).isEqualTo(6);
        for (int i = 1; i <= 6; i++) {
            assertThat(store.storedVersions("c" + i)).as("c" + i).isEqualTo(1);
        }
        assertThat(store.historyCursors()).containsExactly(2L, 4L, 6L);
        assertThat(pipeline.status().lastError())
                .contains("applying 2 history changes (sequences 3..4) failed")
                .contains("connection reset");
        assertThat(store.aggregatesMatchLog()).isTrue();
    }

    @Test
    void catchUpGathersHistoryPagesIntoTransactionsOfTheBatchSize() {
        for (int i = 1; i <= 7; i++) {
            host.create(connectedCall("c" + i, "ann"));
        }
        host.update("c2", b -> b.outcome(Outcome.BUSY)); // sequence 8: the correction lands in the second batch
        List<Integer> transactionSizes = new CopyOnWriteArrayList<>();
        store.hook((activities, cursor) -> transactionSizes.add(activities.size()));

        // Pages of two gathered until a batch holds at least five changes: 6 (three pages), then the last 2.
        IngestPipeline pipeline = start(settings(100, NEVER, 2, 5));

        awaitCaughtUp(pipeline, 0);
        assertThat(store.historyCursors()).containsExactly(6L, 8L);
        assertThat(transactionSizes).containsExactly(6, 2);
        assertThat(store.touches("ann")).isEqualTo(6);
        assertThat(store.storedVersions("c2")).isEqualTo(2);
        assertThat(store.aggregatesMatchLog()).isTrue();
    }

    @Test
    void aBadHistoryPageInsideABatchFailsTheWholeBatchAndTheRetryAppliesItOnce() {
        for (int i = 1; i <= 8; i++) {
            host.create(connectedCall("c" + i, "ann"));
        }
        AtomicInteger badPages = new AtomicInteger();
        ActivityHistory flaky = new ActivityHistory() {
            @Override
            public HistoryPage changesAfter(long afterSequence, int limit) {
                // The second page of the second batch (after 4: 5-6, then 7-8) claims more but holds nothing, once.
                if (afterSequence == 6 && badPages.getAndIncrement() == 0) {
                    return new HistoryPage(List.of(), true);
                }
                return host.changesAfter(afterSequence, limit);
            }

            @Override
            public long latestSequence() {
                return host.latestSequence();
            }
        };
        IngestPipeline pipeline = new IngestPipeline(store, flaky, directory, settings(100, NEVER, 2, 4),
                CountingSettings.DEFAULTS, rebuildMarker);
        started.add(pipeline);
        pipeline.start();

        awaitCaughtUp(pipeline, 0);
        assertThat(badPages.get()).isEqualTo(2); // bad once, then read again
        // The batch's first page (5-6) was read before the bad one, and was not written with the first batch's
        // cursor nor on its own: the retry applied the batch whole.
        assertThat(store.historyCursors()).containsExactly(4L, 8L);
        assertThat(store.touches("ann")).isEqualTo(8);
        for (int i = 1; i <= 8; i++) {
            assertThat(store.storedVersions("c" + i)).as("c" + i).isEqualTo(1);
        }
        assertThat(pipeline.status().lastError())
                .contains("reading history changes after sequence 4 (pages of 2) failed")
                .contains("the history returned an empty page after sequence 6 that claims more changes follow");
    }

    @Test
    void invalidEventsAreRejectedWithoutThrowing() {
        IngestPipeline pipeline = startCaughtUp();
        ActivityChange change = host.create(connectedCall("c1", "ann"));
        Map<String, Object> valid = Map.of(ActivityTopics.PROPERTY_ACTIVITY, change.activity());

        assertThat(pipeline.submit("crm/activity/ARCHIVED", valid::get)).isEqualTo(Submission.REJECTED);
        assertThat(pipeline.submit(null, valid::get)).isEqualTo(Submission.REJECTED);
        assertThat(pipeline.submit(ActivityTopics.CREATED, name -> null)).isEqualTo(Submission.REJECTED);
        assertThat(pipeline.submit(ActivityTopics.CREATED, Map.of(ActivityTopics.PROPERTY_ACTIVITY, "c1")::get))
                .isEqualTo(Submission.REJECTED);
        assertThat(pipeline.submit(ActivityTopics.CREATED, Map.of(ActivityTopics.PROPERTY_ACTIVITY, change.activity(),
                ActivityTopics.PROPERTY_ID, "other")::get)).isEqualTo(Submission.REJECTED);
        assertThat(pipeline.submit(ActivityTopics.CREATED, Map.of(ActivityTopics.PROPERTY_ACTIVITY, change.activity(),
                ActivityTopics.PROPERTY_SEQUENCE, 99L)::get)).isEqualTo(Submission.REJECTED);

        assertThat(pipeline.rejected()).isEqualTo(6);
        assertThat(pipeline.status().queued()).isZero();
        assertThat(pipeline.submit(ActivityTopics.CREATED, valid::get)).isEqualTo(Submission.QUEUED);
    }

    @Test
    void writerRunsOnOneNamedDaemonThreadThatStopEnds() {
        IngestPipeline pipeline = startCaughtUp();
        Thread writer = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(IngestPipeline.WRITER_THREAD_NAME) && t.isAlive())
                .findFirst().orElseThrow();
        assertThat(writer.isDaemon()).isTrue();

        assertThat(pipeline.stop()).isTrue();

        assertThat(writer.isAlive()).isFalse();
    }

    @Test
    void rebuildRunsOnTheWriterThreadWhileLiveEventsWaitInTheQueue() throws Exception {
        IngestPipeline pipeline = startCaughtUp();
        for (int i = 0; i < 7; i++) {
            publish(pipeline, host.create(call("c" + i, "ann", "con-" + (i % 3)).occurredAt(Activities.NOON
                    .plusSeconds(i))));
        }
        eventually().until(() -> pipeline.status().applied() == 7);
        assertThat(store.touches("ann")).isEqualTo(3); // one per contact and day
        Set<String> writerThreads = ConcurrentHashMap.newKeySet();
        InMemoryPaceStore.BlockingHook blocking = new InMemoryPaceStore.BlockingHook();
        store.hook((activities, cursor) -> {
            writerThreads.add(Thread.currentThread().getName());
            blocking.beforeWrite(activities, cursor);
        });

        CompletableFuture<RebuildResult> rebuild = pipeline.requestRebuild();
        eventually().until(() -> blocking.entered.getCount() == 0); // stuck in its first page
        publish(pipeline, host.create(call("late", "ann", "con-9")));

        assertThat(rebuild).isNotDone();
        assertThat(pipeline.status().queued()).isEqualTo(1);
        blocking.release.countDown();
        RebuildResult result = rebuild.get(10, TimeUnit.SECONDS);

        assertThat(result.activities()).isEqualTo(7);
        assertThat(result.appliedSequence()).isEqualTo(store.appliedSequence());
        assertThat(writerThreads).containsOnly(IngestPipeline.WRITER_THREAD_NAME);
        eventually().until(() -> store.touches("ann") == 4);
        assertThat(rebuildMarker.isMarked()).isFalse();
        assertThat(store.aggregatesMatchLog()).isTrue();
    }

    @Test
    void rebuildAppliesChangedCountingRulesToThePast() {
        IngestPipeline first = startCaughtUp();
        publish(first, host.create(call("c1", "ann", "con-1")));
        publish(first, host.create(call("c2", "ann", "con-1").occurredAt(Activities.NOON.plusSeconds(60))));
        eventually().until(() -> first.status().applied() == 2);
        assertThat(store.touches("ann")).isEqualTo(1);
        first.stop();

        // The admin turns collapsing off; Pace restarts with the new rules and rebuilds.
        IngestPipeline second = start(settings(100, NEVER, 1000), new CountingSettings(30, 0, false, Set.of(),
                Set.of()));
        RebuildResult result = second.rebuild();

        assertThat(result.activities()).isEqualTo(2);
        assertThat(store.touches("ann")).isEqualTo(2);
        assertThat(store.state("c2").exclusionReason()).isNull();
    }

    @Test
    void rebuildInterruptedByACrashRunsAgainOnTheNextStart() {
        host.create(connectedCall("c1", "ann"));
        host.create(connectedCall("c2", "ann"));
        IngestPipeline first = start(settings(100, NEVER, 1000));
        awaitCaughtUp(first, 0);
        first.stop();
        // A crash during a rebuild leaves the marker (and the previous counting, which a reset forgets here so that
        // the rebuild shows).
        rebuildMarker.mark();
        store.resetCounting();
        assertThat(store.touches("ann")).isZero();

        start(settings(100, NEVER, 1000));

        eventually().until(() -> !rebuildMarker.isMarked());
        assertThat(store.touches("ann")).isEqualTo(2);
    }

    @Test
    void failedRebuildIsReportedToTheCallerAndRetriedUntilItSucceeds() {
        IngestPipeline pipeline = startCaughtUp();
        publish(pipeline, host.create(connectedCall("c1", "ann")));
        eventually().until(() -> store.touches("ann") == 1);
        AtomicInteger failures = new AtomicInteger();
        store.hook((activities, cursor) -> {
            if (failures.getAndIncrement() == 0) {
                throw new StoreException("connection reset");
            }
        });

        assertThatThrownBy(pipeline::rebuild).isInstanceOf(StoreException.class).hasMessage("connection reset");

        eventually().until(() -> !rebuildMarker.isMarked());
        assertThat(store.touches("ann")).isEqualTo(1);
        assertThat(pipeline.status().lastError()).contains("rebuilding the counting from the activity log failed");
    }

    @Test
    void rebuildOfAStoppedPipelineFailsAtOnce() {
        IngestPipeline pipeline = startCaughtUp();
        pipeline.stop();

        assertThat(pipeline.requestRebuild()).isCompletedExceptionally();
        assertThatThrownBy(pipeline::rebuild).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not running");
    }

    @Test
    void stopDuringARebuildFailsItsCallerAndLeavesTheMarker() throws Exception {
        IngestPipeline pipeline = startCaughtUp();
        publish(pipeline, host.create(connectedCall("c1", "ann")));
        eventually().until(() -> store.touches("ann") == 1);
        InMemoryPaceStore.BlockingHook blocking = new InMemoryPaceStore.BlockingHook();
        store.hook(blocking);
        CompletableFuture<RebuildResult> rebuild = pipeline.requestRebuild();
        eventually().until(() -> blocking.entered.getCount() == 0);

        pipeline.stop();

        assertThat(rebuild).isCompletedExceptionally();
        assertThatThrownBy(rebuild::get).isInstanceOf(ExecutionException.class);
        assertThat(rebuildMarker.isMarked()).isTrue();
    }
}
