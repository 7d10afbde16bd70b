package org.pacekpi.sandbox.internal.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.Event;
import org.pacekpi.host.activity.Activity;
import org.pacekpi.host.activity.ActivityChange;
import org.pacekpi.host.activity.ActivityKind;
import org.pacekpi.host.activity.ActivityTopics;
import org.pacekpi.host.activity.ChangeType;
import org.pacekpi.host.activity.Channel;
import org.pacekpi.host.activity.Counterpart;
import org.pacekpi.host.activity.Direction;
import org.pacekpi.host.activity.HistoryPage;
import org.pacekpi.host.activity.Outcome;
import org.pacekpi.host.directory.Role;
import org.pacekpi.sandbox.internal.CrmProblem;
import org.pacekpi.sandbox.internal.TestCrm;

class ActivityLogTest {

    @TempDir
    Path folder;

    private TestCrm crm;
    private CrmActivityHistory history;

    @BeforeEach
    void setUp() {
        crm = TestCrm.h2(folder);
        history = new CrmActivityHistory(crm.database);
        crm.addUser("anna", null, Set.of(Role.MANAGER), "+49 30 5550 2100");
    }

    @AfterEach
    void tearDown() {
        crm.close();
    }

    @Test
    void createAssignsIdsAndIncreasingSequencesAndPostsEachChangeAfterItsCommit() {
        List<Boolean> committedWhenPosted = new ArrayList<>();
        crm.events.onPost = event -> {
            long sequence = (Long) event.getProperty(ActivityTopics.PROPERTY_SEQUENCE);
            // read on another connection: only committed data is visible there
            committedWhenPosted.add(history.latestSequence() >= sequence);
        };

        Activity first = crm.log.create(TestCrm.call("anna", "2026-11-16T09:30:00Z", Outcome.CONNECTED, 240));
        Activity second = crm.log.create(TestCrm.call("anna", "2026-11-16T10:30:00Z", Outcome.NO_ANSWER, 30));
        Activity third = crm.log.create(TestCrm.call("anna", "2026-11-16T11:30:00Z", Outcome.BUSY, 5));

        assertThat(List.of(first.sequence(), second.sequence(), third.sequence())).containsExactly(1L, 2L, 3L);
        assertThat(Set.of(first.id(), second.id(), third.id())).hasSize(3);
        assertThat(committedWhenPosted).containsExactly(true, true, true);
        Event event = crm.events.posted.get(1);
        assertThat(event.getTopic()).isEqualTo(ActivityTopics.CREATED);
        assertThat(event.getProperty(ActivityTopics.PROPERTY_ACTIVITY)).isEqualTo(second);
        assertThat(event.getProperty(ActivityTopics.PROPERTY_ID)).isEqualTo(second.id());
        assertThat(event.getProperty(ActivityTopics.PROPERTY_SEQUENCE)).isEqualTo(2L);
        assertThat(crm.log.find(second.id())).contains(second);
        assertThat(history.latestSequence()).isEqualTo(3);
    }

    @Test
    void updateAndDeleteTakeNewSequencesAndKeepTheHistory() {
        Activity created = crm.log.create(TestCrm.call("anna", "2026-11-16T09:30:00Z", Outcome.NO_ANSWER, 30));
        Activity updated = crm.log.update(created.id(),
                ActivityDraft.of(created).withOutcome(Outcome.CONNECTED, Duration.ofMinutes(4)));
        assertThat(updated.id()).isEqualTo(created.id());
        assertThat(updated.sequence()).isEqualTo(2);
        assertThat(crm.log.find(created.id())).contains(updated);

        Activity deleted = crm.log.delete(created.id());
        assertThat(deleted.sequence()).isEqualTo(3);
        assertThat(deleted.toBuilder().sequence(2).build()).as("a deletion carries the last state").isEqualTo(updated);
        assertThat(crm.log.find(created.id())).isEmpty();

        List<ActivityChange> changes = history.changesAfter(0, 10).changes();
        assertThat(changes).extracting(ActivityChange::type)
                .containsExactly(ChangeType.CREATED, ChangeType.UPDATED, ChangeType.DELETED);
        assertThat(changes).extracting(ActivityChange::activity).containsExactly(created, updated, deleted);
        assertThat(crm.events.posted).extracting(Event::getTopic)
                .containsExactly(ActivityTopics.CREATED, ActivityTopics.UPDATED, ActivityTopics.DELETED);

        assertThatThrownBy(() -> crm.log.delete(created.id())).isInstanceOf(CrmProblem.class)
                .satisfies(e -> assertThat(((CrmProblem) e).status()).isEqualTo(404));
        assertThatThrownBy(() -> crm.log.update("act-999", ActivityDraft.of(created)))
                .isInstanceOf(CrmProblem.class).hasMessageContaining("act-999");
    }

    @Test
    void aFailedWriteStoresNothingPostsNothingAndBurnsNoSequence() {
        assertThatThrownBy(() -> crm.log.write("half a write", writes -> {
            writes.create(TestCrm.call("anna", "2026-11-16T09:30:00Z", Outcome.CONNECTED, 60));
            throw new SQLException("boom after the first insert");
        })).hasMessageContaining("boom");

        assertThat(crm.events.posted).isEmpty();
        assertThat(history.latestSequence()).isZero();
        assertThat(history.changesAfter(0, 10).changes()).isEmpty();
        Activity next = crm.log.create(TestCrm.call("anna", "2026-11-16T09:30:00Z", Outcome.CONNECTED, 60));
        assertThat(next.sequence()).isEqualTo(1);
        assertThat(next.id()).isEqualTo("act-1");
    }

    @Test
    void historyPagesBySequenceAndMatchesTheStream() {
        for (int i = 0; i < 25; i++) {
            crm.log.create(TestCrm.call("anna", "2026-11-16T09:30:00Z", Outcome.CONNECTED, 60 + i));
        }
        List<ActivityChange> read = new ArrayList<>();
        long cursor = 0;
        int pages = 0;
        HistoryPage page;
        do {
            page = history.changesAfter(cursor, 10);
            read.addAll(page.changes());
            cursor = page.lastSequence(cursor);
            pages++;
        } while (page.hasMore());

        assertThat(pages).isEqualTo(3);
        assertThat(read).extracting(ActivityChange::sequence).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, 25).boxed().toList());
        assertThat(read).extracting(ActivityChange::activity).containsExactlyElementsOf(
                crm.events.posted.stream().map(e -> (Activity) e.getProperty(ActivityTopics.PROPERTY_ACTIVITY)).toList());
        assertThat(history.changesAfter(20, 10).changes()).hasSize(5);
        assertThat(history.changesAfter(20, 5).hasMore()).isFalse();
        assertThat(history.changesAfter(25, 10).changes()).isEmpty();
        assertThatThrownBy(() -> history.changesAfter(0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit");
    }

    @Test
    void aReaderFollowingTheCursorNeverMissesAChangeWhileManyWritersWrite() throws Exception {
        int writers = 6;
        int perWriter = 40;
        int total = writers * perWriter;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        try {
            // the reader does what Pace does: page after its cursor, move the cursor to the page's end
            Future<List<Long>> reader = pool.submit(() -> {
                List<Long> seen = new ArrayList<>();
                long cursor = 0;
                start.await();
                while (writing.get() || cursor < history.latestSequence()) {
                    HistoryPage page = history.changesAfter(cursor, 7);
                    page.changes().forEach(change -> seen.add(change.sequence()));
                    cursor = page.lastSequence(cursor);
                }
                return seen;
            });
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perWriter; i++) {
                        crm.log.create(TestCrm.call("anna", "2026-11-16T09:30:00Z", Outcome.CONNECTED, 60));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
            writing.set(false);
            List<Long> seen = reader.get(60, TimeUnit.SECONDS);

            assertThat(seen).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, total).boxed().toList());
            assertThat(crm.events.posted).extracting(e -> (Long) e.getProperty(ActivityTopics.PROPERTY_SEQUENCE))
                    .containsExactlyElementsOf(seen);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theHistoryAndTheCountersSurviveARestart() {
        Activity before = crm.log.create(meetingWithAmountless("anna"));
        crm.close();

        TestCrm reopened = TestCrm.h2(folder);
        try {
            CrmActivityHistory reopenedHistory = new CrmActivityHistory(reopened.database);
            assertThat(reopenedHistory.latestSequence()).isEqualTo(1);
            assertThat(reopenedHistory.changesAfter(0, 10).changes()).extracting(ActivityChange::activity)
                    .containsExactly(before);
            assertThat(reopened.log.find(before.id())).contains(before);
            Activity after = reopened.log.create(TestCrm.call("anna", "2026-11-17T09:00:00Z", Outcome.CONNECTED, 90));
            assertThat(after.sequence()).isEqualTo(2);
            assertThat(after.id()).isEqualTo("act-2");
        } finally {
            reopened.close();
        }
    }

    @Test
    void theStoredStateEqualsTheLoggedOneForEveryField() {
        ActivityDraft draft = new ActivityDraft(Instant.parse("2026-11-16T09:30:00.123456Z"), "anna",
                ActivityKind.DEAL_WON, Channel.NONE, Direction.NONE, Outcome.NONE, null, List.of(), "deal-7", "paid",
                new BigDecimal("12500"), "EUR", true);
        Activity logged = crm.log.create(draft);
        assertThat(logged.occurredAt()).isEqualTo(Instant.parse("2026-11-16T09:30:00.123Z"));
        assertThat(logged.amount()).isEqualTo(new BigDecimal("12500.00"));
        assertThat(crm.log.find(logged.id())).contains(logged);
        assertThat(history.changesAfter(0, 1).changes().get(0).activity()).isEqualTo(logged);
    }

    private static ActivityDraft meetingWithAmountless(String actor) {
        return new ActivityDraft(Instant.parse("2026-11-16T13:00:00Z"), actor, ActivityKind.MEETING, Channel.VIDEO,
                Direction.OUTBOUND, Outcome.HELD, Duration.ofMinutes(45),
                List.of(Counterpart.contact("con-1"), new Counterpart(null, null, "x@client.example", null, null)),
                "deal-1", "intro", null, null, false);
    }
}
