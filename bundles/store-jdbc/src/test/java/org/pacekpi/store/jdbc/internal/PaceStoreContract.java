package org.pacekpi.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.pacekpi.store.jdbc.internal.Activities.MEETINGS;
import static org.pacekpi.store.jdbc.internal.Activities.MONDAY;
import static org.pacekpi.store.jdbc.internal.Activities.REVENUE;
import static org.pacekpi.store.jdbc.internal.Activities.TOUCHES;
import static org.pacekpi.store.jdbc.internal.Activities.call;
import static org.pacekpi.store.jdbc.internal.Activities.counting;
import static org.pacekpi.store.jdbc.internal.Activities.dealEvent;
import static org.pacekpi.store.jdbc.internal.Activities.excluded;
import static org.pacekpi.store.jdbc.internal.Activities.stageChange;
import static org.pacekpi.store.jdbc.internal.Activities.tombstone;
import static org.pacekpi.store.jdbc.internal.Activities.touch;
import static org.pacekpi.store.jdbc.internal.Activities.withMoney;
import static org.pacekpi.store.jdbc.internal.Activities.withState;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pacekpi.api.store.ActivityJudge;
import org.pacekpi.api.store.Contribution;
import org.pacekpi.api.store.CountedActivity;
import org.pacekpi.api.store.CountingState;
import org.pacekpi.api.store.DuplicateGroup;
import org.pacekpi.api.store.LoggedActivity;
import org.pacekpi.api.store.LoggedActivity.LoggedCounterpart;
import org.pacekpi.api.store.RecountOutcome;
import org.pacekpi.api.store.StoreException;

/**
 * The {@link org.pacekpi.api.store.PaceStore} contract as every database under {@link JdbcPaceStore} must keep it.
 * Subclasses give each test a fresh, empty database.
 */
abstract class PaceStoreContract extends StoreContractBase {

    private static final Comparator<Contribution> CONTRIBUTION_ORDER = Comparator.comparing(Contribution::managerId)
            .thenComparing(Contribution::metric).thenComparing(Contribution::day)
            .thenComparingLong(Contribution::value);

    // ---------------------------------------------------------------- write and read back

    @Test
    void anActivityIsStoredWithEveryFieldItsCountingStateAndItsContributions() {
        LoggedActivity activity = new LoggedActivity("a1", 7, false, Instant.parse("2026-03-02T09:15:30.123456789Z"),
                "m1", "MEETING", "IN_PERSON", "OUTBOUND", "HELD", 3600L,
                List.of(new LoggedCounterpart("c1", "acc1", "buyer@client.example", "+4930111", false),
                        new LoggedCounterpart(null, null, "colleague@crm.example", null, true),
                        new LoggedCounterpart("c3", null, null, null, false)),
                "deal-1", "presentation", new BigDecimal("12500.5"), "EUR", true);
        // Given out of order: the store hands contributions back ordered by manager, metric, day and value.
        CountingState state = new CountingState(MONDAY, null, "m1|c1|IN_PERSON|2026-03-02", "contact:c1",
                List.of(new Contribution("m2", TOUCHES, MONDAY.plusDays(1), 2), new Contribution("m1", TOUCHES,
                        MONDAY, 1), new Contribution("m1", MEETINGS, MONDAY, 1)));

        store.write(List.of(new CountedActivity(activity, state)), 0);

        Map<String, CountedActivity> read = store.activities(List.of("a1", "nope"));
        assertThat(read).containsOnlyKeys("a1");
        assertThat(read.get("a1").activity()).usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(activity);
        assertThat(read.get("a1").activity().amount()).isEqualTo(new BigDecimal("12500.5000"));
        assertThat(read.get("a1").state()).isEqualTo(new CountingState(MONDAY, null, "m1|c1|IN_PERSON|2026-03-02",
                "contact:c1", List.of(new Contribution("m1", MEETINGS, MONDAY, 1), new Contribution("m1", TOUCHES,
                        MONDAY, 1), new Contribution("m2", TOUCHES, MONDAY.plusDays(1), 2))));
        assertThat(store.activity("a1")).get().usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(activity);
        assertThat(store.activity("nope")).isEmpty();
        assertThat(store.activities(List.of())).isEmpty();
        assertThat(store.activityCount()).isEqualTo(1);
        assertThat(store.totals("m1", MONDAY, MONDAY)).isEqualTo(Map.of(TOUCHES, 1L, MEETINGS, 1L));
        assertThat(store.totals("m2", MONDAY, MONDAY.plusDays(1))).isEqualTo(Map.of(TOUCHES, 2L));
        AggregateAudit.assertConsistent(db);
    }

    @Test
    void optionalFieldsAndTheCountingStateMayBeAbsentAndAmountsKeepFourDecimals() {
        LoggedActivity bare = new LoggedActivity("a1", 1, false, Instant.ofEpochSecond(-86_400L * 400, 1), "m1",
                "CONTACT_CREATED", null, null, null, null, List.of(), null, null, new BigDecimal("0.123456"), "USD",
                false);
        store.write(List.of(new CountedActivity(bare, new CountingState(null, null, null, null, null))), 0);

        CountedActivity read = store.activities(List.of("a1")).get("a1");
        assertThat(read.activity().occurredAt()).isEqualTo(bare.occurredAt());
        assertThat(read.activity().durationSeconds()).isNull();
        assertThat(read.activity().counterparts()).isEmpty();
        assertThat(read.activity().channel()).isNull();
        assertThat(read.activity().amount()).isEqualTo(new BigDecimal("0.1235"));
        assertThat(read.state()).isEqualTo(CountingState.none(null));
        assertThat(store.totals("m1", MONDAY.minusYears(5), MONDAY)).isEmpty();
    }

    @Test
    void manyActivitiesAreWrittenAndReadAcrossSeveralInLists() {
        int n = 2 * InList.MAX + 345;
        List<CountedActivity> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = String.format("a%05d", i);
            LoggedActivity call = call(id, i + 1, "m" + i % 7, MONDAY.plusDays(i % 5));
            LoggedActivity twoCounterparts = new LoggedActivity(id, call.sequence(), false, call.occurredAt(),
                    call.actorId(), call.kind(), call.channel(), call.direction(), call.outcome(),
                    call.durationSeconds(), List.of(call.counterparts().get(0),
                    new LoggedCounterpart(null, null, id + "@client.example", null, false)), null, null, null, null,
                    false);
            all.add(new CountedActivity(twoCounterparts, new CountingState(MONDAY.plusDays(i % 5), null,
                    "dup-" + i % 1500, "contact-" + i, List.of(new Contribution("m" + i % 7, TOUCHES,
                    MONDAY.plusDays(i % 5), 1), new Contribution("m" + i % 7, "touches:PHONE", MONDAY.plusDays(i % 5),
                    1)))));
        }
        store.write(all, 0);

        List<String> ids = new ArrayList<>(all.stream().map(a -> a.activity().id()).toList());
        ids.add("unknown-1");
        ids.add(ids.get(0)); // asked twice
        Map<String, CountedActivity> read = store.activities(ids);
        assertThat(read).hasSize(n);
        for (CountedActivity expected : all) {
            assertThat(read.get(expected.activity().id())).usingRecursiveComparison().isEqualTo(expected);
        }
        List<String> contactKeys = IntStream.range(0, n).mapToObj(i -> "contact-" + i).toList();
        assertThat(store.earliestCandidates(contactKeys, List.of(), 1)).hasSize(n);
        assertThat(store.totals("m0", MONDAY, MONDAY.plusDays(6)).get(TOUCHES)).isEqualTo((long) (n + 6) / 7);
        assertThat(AggregateAudit.stored(db)).isEqualTo(AggregateAudit.expected(all));
        AggregateAudit.assertConsistent(db);
    }

    @Test
    void aWriteOfMoreRowsThanOneStatementSendsIsWrittenWholeAndAddsUp() {
        // More activities and deal events than one PostgreSQL statement sends (chunks of MAX_ROWS_PER_STATEMENT), and
        // as many distinct sums: 97 managers on 113 days give a sum per activity.
        int n = 2 * SqlDialect.MAX_ROWS_PER_STATEMENT + 123;
        List<CountedActivity> first = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = String.format("a%05d", i);
            LocalDate day = MONDAY.plusDays(i % 113);
            first.add(i % 3 == 0 ? stageChange(id, "m" + i % 97, "deal-" + i, "proposal", at(day, 11))
                    : touch(id, i + 1, "m" + i % 97, day));
        }
        store.write(first, n);
        // Then every second one again, newer and by the next manager: these rows exist, so they take the upsert.
        Map<String, CountedActivity> latest = new LinkedHashMap<>();
        first.forEach(a -> latest.put(a.activity().id(), a));
        List<CountedActivity> second = new ArrayList<>();
        for (int i = 0; i < n; i += 2) {
            String id = String.format("a%05d", i);
            CountedActivity moved = i % 3 == 0
                    ? dealEvent(id, n + i + 1, "m" + (i + 1) % 97, "DEAL_WON", "deal-" + i, "paid",
                    at(MONDAY.plusDays(i % 113), 12), new BigDecimal("10.5000"), "EUR")
                    : touch(id, n + i + 1, "m" + (i + 1) % 97, MONDAY.plusDays(i % 113));
            second.add(moved);
            latest.put(id, moved);
        }
        store.write(second, 2L * n);

        assertThat(store.appliedSequence()).isEqualTo(2L * n);
        assertThat(store.activityCount()).isEqualTo(n);
        assertThat(AggregateAudit.stored(db)).isEqualTo(AggregateAudit.expected(List.copyOf(latest.values())));
        AggregateAudit.assertConsistent(db);
        Map<String, CountedActivity> read = store.activities(latest.keySet());
        for (CountedActivity expected : latest.values()) {
            assertThat(read.get(expected.activity().id())).usingRecursiveComparison().isEqualTo(expected);
        }
        assertThat(AggregateAudit.count(db, "pace_deal_event")).isEqualTo((n + 2) / 3);
        assertThat(store.dealHistories(List.of("m1"), Instant.EPOCH, Instant.now().plusSeconds(86_400L * 3650)))
                .hasSize((int) latest.values().stream().filter(a -> a.activity().dealId() != null
                        && a.activity().actorId().equals("m1")).count());
    }

    @Test
    void writingTheSameStateAgainChangesNothing() {
        List<CountedActivity> batch = List.of(touch("a1", 1, "m1", MONDAY), touch("a2", 2, "m1", MONDAY),
                touch("a3", 3, "m2", MONDAY.plusDays(1)));
        store.write(batch, 3);
        Map<String, Long> aggregates = AggregateAudit.stored(db);
        Map<String, CountedActivity> stored = store.activities(List.of("a1", "a2", "a3"));

        store.write(batch, 3);

        assertThat(AggregateAudit.stored(db)).isEqualTo(aggregates);
        assertThat(store.activities(List.of("a1", "a2", "a3"))).isEqualTo(stored);
        assertThat(AggregateAudit.count(db, "pace_activity")).isEqualTo(3);
        assertThat(store.totals("m1", MONDAY, MONDAY)).isEqualTo(Map.of(TOUCHES, 2L));
        assertThat(store.activityCount()).isEqualTo(3);
        AggregateAudit.assertConsistent(db);
    }

    @Test
    void aRewriteMovesTheContributionsExactlyToAnotherManagerAndDay() {
        store.write(List.of(touch("a1", 1, "m1", MONDAY), touch("a2", 2, "m1", MONDAY)), 0);

        // The correction reassigns the call to m2, on Thursday, and it now adds two metrics.
        CountedActivity corrected = counting("a1", 5, "m2", MONDAY.plusDays(3),
                new Contribution("m2", TOUCHES, MONDAY.plusDays(3), 1),
                new Contribution("m2", MEETINGS, MONDAY.plusDays(3), 2));
        store.write(List.of(corrected), 0);

        assertThat(store.totals("m1", MONDAY, MONDAY.plusDays(6))).isEqualTo(Map.of(TOUCHES, 1L));
        assertThat(store.totals("m2", MONDAY, MONDAY.plusDays(6))).isEqualTo(Map.of(TOUCHES, 1L, MEETINGS, 2L));
        assertThat(store.totals("m2", MONDAY, MONDAY.plusDays(2))).isEmpty();
        CountedActivity a1 = store.activities(List.of("a1")).get("a1");
        assertThat(a1.activity().sequence()).isEqualTo(5);
        assertThat(a1.activity().actorId()).isEqualTo("m2");
        assertThat(a1.state().duplicateKey()).as("the new state replaces the old").isNull();
        assertThat(contributionCount("a1")).isEqualTo(2);
        assertThat(AggregateAudit.stored(db)).isEqualTo(AggregateAudit.expected(List.of(touch("a2", 2, "m1",
                MONDAY), corrected)));
        AggregateAudit.assertConsistent(db);
    }

    @Test
    void aRewriteThatNoLongerCountsRemovesTheAggregateRowAndKeepsTheReason() {
        CountedActivity meeting = touch("a1", 1, "m1", MONDAY);
        store.write(List.of(meeting), 0);

        // The meeting is later marked not held.
        store.write(List.of(withState(meeting, new CountingState(MONDAY, "MEETING_NOT_HELD", null, null, null))), 0);

        assertThat(store.totals("m1", MONDAY, MONDAY)).isEmpty();
        assertThat(AggregateAudit.stored(db)).isEmpty();
        assertThat(store.exclusionCounts("m1", MONDAY, MONDAY)).isEqualTo(Map.of("MEETING_NOT_HELD", 1L));
        assertThat(earliestIds(List.of("contact-a1"), List.of(group("dup-a1", "contact-a1")), 1)).isEmpty();
    }

    @Test
    void contributionsThatCancelOutLeaveNoAggregateRow() {
        // A refund before the sale: the sum reaches zero by adding, not by taking away.
        store.write(List.of(counting("a1", 1, "m1", MONDAY, new Contribution("m1", REVENUE, MONDAY, -500))), 0);
        assertThat(store.totals("m1", MONDAY, MONDAY)).isEqualTo(Map.of(REVENUE, -500L));

        store.write(List.of(counting("a2", 2, "m1", MONDAY, new Contribution("m1", REVENUE, MONDAY, 500))), 0);
        assertThat(store.totals("m1", MONDAY, MONDAY)).isEmpty();
        assertThat(AggregateAudit.stored(db)).isEmpty();

        store.write(List.of(counting("a2", 3, "m1", MONDAY, new Contribution("m1", REVENUE, MONDAY, 300))), 0);
        assertThat(store.totals("m1", MONDAY, MONDAY)).isEqualTo(Map.of(REVENUE, -200L));
        AggregateAudit.assertConsistent(db);
    }

    @Test
    void aDeletionLeavesATombstoneThatContributesNothingAndBelongsToNoGroup() {
        store.write(List.of(touch("a1", 1, "m1", MONDAY), touch("a2", 2, "m1", MONDAY)), 0);

        // A tombstone that kept its keys and a reason still is no group member and no exclusion.
        store.write(List.of(tombstone("a1", 3, "m1", MONDAY, "DUPLICATE", "dup-a1", "contact-a1")), 0);

        LoggedActivity logged = store.activity("a1").orElseThrow();
        assertThat(logged.deleted()).isTrue();
        assertThat(logged.sequence()).isEqualTo(3);
        CountedActivity counted = store.activities(List.of("a1")).get("a1");
        assertThat(counted.activity().deleted()).isTrue();
        assertThat(counted.state().contributions()).isEmpty();
        assertThat(contributionCount("a1")).isZero();
        assertThat(store.activityCount()).as("tombstones count").isEqualTo(2);
        assertThat(store.totals("m1", MONDAY, MONDAY)).isEqualTo(Map.of(TOUCHES, 1L));
        assertThat(earliestIds(List.of("contact-a1", "contact-a2"),
                List.of(group("dup-a1", "contact-a1"), group("dup-a2", "contact-a2")), 3)).containsExactly("a2");
        assertThat(store.exclusionCounts("m1", MONDAY, MONDAY)).isEmpty();
        assertThat(store.excluded("m1", MONDAY, MONDAY, 10)).isEmpty();
        assertThat(store.logPage(null, 10)).extracting(LoggedActivity::id, LoggedActivity::deleted)
                .containsExactly(tuple("a1", true), tuple("a2", false));
        AggregateAudit.assertConsistent(db);
    }

    @Test
    void earliestCandidatesAreTheFirstOfEachGroupByTimeThenIdLeavingOutDeletedOnes() {
        store.write(List.of(
                member("a1", 1, "d1", "c1"),
                member("a2", 2, "d1", "c1"),
                member("a3", 3, "d2", "c1"),
                member("a4", 4, "d3", "c3"),
                tombstone("a5", 5, "m1", MONDAY, null, "d1", "c1"),
                counting("a6", 6, "m1", MONDAY),
                // The same instant: the tie goes to the smaller id in Java's order ("x10" before "x9").
                Activities.withTime(member("x9", 1, "d5", "c5"), at(MONDAY, 9)),
                Activities.withTime(member("x10", 2, "d5", "c5"), at(MONDAY, 9))), 0);

        assertThat(earliestIds(List.of("c1"), List.of(), 1)).containsExactly("a1");
        assertThat(earliestIds(List.of("c1"), List.of(), 2)).containsExactly("a1", "a2");
        assertThat(earliestIds(List.of("c1"), List.of(), 9)).as("never the tombstone a5")
                .containsExactly("a1", "a2", "a3");
        assertThat(earliestIds(List.of(), List.of(group("d1", "c1")), 5)).containsExactly("a1", "a2");
        assertThat(earliestIds(List.of(), List.of(group("d2", "c1")), 1)).containsExactly("a3");
        assertThat(earliestIds(List.of("c1", "c3"), List.of(group("d1", "c1")), 1)).as("each once, oldest first")
                .containsExactly("a1", "a4");
        assertThat(earliestIds(List.of(), List.of(new DuplicateGroup("d1", "c1", at(MONDAY, 10), at(MONDAY, 11))),
                5)).as("only within the group's span").containsExactly("a2");
        assertThat(earliestIds(List.of("c5"), List.of(group("d5", "c5")), 1)).containsExactly("x10");
        assertThat(earliestIds(List.of("c9"), List.of(group("d9", "c9")), 1)).isEmpty();
        assertThat(earliestIds(List.of(), List.of(), 1)).isEmpty();
        assertThatThrownBy(() -> store.earliestCandidates(List.of("c1"), List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("perGroup");

        CountedActivity a3 = store.earliestCandidates(List.of(), List.of(group("d2", "c1")), 1).get(0);
        assertThat(a3).usingRecursiveComparison().isEqualTo(member("a3", 3, "d2", "c1"));
    }

    @Test
    void totalsSumTheDaysOfAnInclusiveRange() {
        store.write(List.of(
                touch("a1", 1, "m1", MONDAY),
                touch("a2", 2, "m1", MONDAY.plusDays(1)),
                counting("a3", 3, "m1", MONDAY.plusDays(2), new Contribution("m1", TOUCHES, MONDAY.plusDays(2), 3),
                        new Contribution("m1", MEETINGS, MONDAY.plusDays(2), 1)),
                touch("a4", 4, "m1", MONDAY.plusDays(4)),
                touch("a5", 5, "m2", MONDAY.plusDays(1)),
                touch("a6", 6, "m1", MONDAY.minusDays(1))), 0);

        assertThat(store.totals("m1", MONDAY, MONDAY)).isEqualTo(Map.of(TOUCHES, 1L));
        assertThat(store.totals("m1", MONDAY.plusDays(1), MONDAY.plusDays(2)))
                .isEqualTo(Map.of(TOUCHES, 4L, MEETINGS, 1L));
        assertThat(store.totals("m1", MONDAY.plusDays(3), MONDAY.plusDays(3))).isEmpty();
        assertThat(store.totals("m1", MONDAY, MONDAY.plusDays(6))).isEqualTo(Map.of(TOUCHES, 6L, MEETINGS, 1L));
        assertThat(store.totals("m1", MONDAY.minusDays(7), MONDAY.plusDays(6)))
                .isEqualTo(Map.of(TOUCHES, 7L, MEETINGS, 1L));
        assertThat(store.totals("m2", MONDAY, MONDAY.plusDays(6))).isEqualTo(Map.of(TOUCHES, 1L));
        assertThat(store.totals("m3", MONDAY, MONDAY.plusDays(6))).isEmpty();
        assertThat(store.totals("m1", MONDAY.plusDays(2), MONDAY)).as("an empty range").isEmpty();
    }

    @Test
    void totalsOfManyManagersComeInOneCallAndEqualEachManagersOwn() {
        Random random = new Random(77);
        List<CountedActivity> activities = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String manager = "m" + random.nextInt(1200);
            LocalDate day = MONDAY.plusDays(random.nextInt(40));
            activities.add(counting("a" + i, i + 1, manager, day, new Contribution(manager, TOUCHES, day, 1),
                    new Contribution(manager, random.nextBoolean() ? MEETINGS : "callAttempts", day,
                            1 + random.nextInt(3))));
        }
        store.write(activities, 0);
        List<String> managers = new ArrayList<>(IntStream.range(0, 1250).mapToObj(i -> "m" + i).toList());

        Map<String, Map<String, Long>> totals = store.totals(managers, MONDAY.plusDays(3), MONDAY.plusDays(30));

        assertThat(totals).as("every manager asked for, those without activity empty").hasSize(1250);
        assertThat(totals.get("m1249")).isEmpty();
        for (String manager : List.of("m0", "m1", "m17", "m600", "m1100", "m1199")) {
            assertThat(totals.get(manager)).as(manager)
                    .isEqualTo(store.totals(manager, MONDAY.plusDays(3), MONDAY.plusDays(30)));
        }
        long expected = activities.stream().map(a -> a.state().contributions().get(0))
                .filter(c -> !c.day().isBefore(MONDAY.plusDays(3)) && !c.day().isAfter(MONDAY.plusDays(30)))
                .count();
        assertThat(totals.values().stream().mapToLong(t -> t.getOrDefault(TOUCHES, 0L)).sum()).isEqualTo(expected);

        assertThat(store.totals(List.of("m0", "nobody"), MONDAY, MONDAY.plusDays(60)))
                .containsOnlyKeys("m0", "nobody").containsEntry("nobody", Map.of());
        assertThat(store.totals(List.of(), MONDAY, MONDAY)).isEmpty();
    }

    @Test
    void totalsOfPartialAndWholeMonthsAddUpTheirDaysAcrossAYearsEnd() {
        // One contribution on each of these days, each a distinct power of two: a total names the days it summed.
        List<LocalDate> days = List.of(day("2025-11-30"), day("2025-12-01"), day("2025-12-15"), day("2025-12-31"),
                day("2026-01-01"), day("2026-01-31"), day("2026-02-01"), day("2026-02-28"), day("2026-03-01"),
                day("2024-02-29"));
        List<CountedActivity> activities = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            activities.add(counting("a" + i, i + 1, "m1", days.get(i), new Contribution("m1", TOUCHES, days.get(i),
                    1L << i), new Contribution("m2", MEETINGS, days.get(i), 1)));
        }
        store.write(activities, 0);

        Map<String, Long> expected = new HashMap<>();
        expected.put("2025-12-01..2025-12-31 (a whole month)", 2L + 4 + 8);
        expected.put("2025-12-01..2026-02-28 (a whole quarter)", 2L + 4 + 8 + 16 + 32 + 64 + 128);
        expected.put("2025-11-30..2026-01-01 (partial months at both ends)", 1L + 2 + 4 + 8 + 16);
        expected.put("2025-12-02..2026-02-28 (partial start)", 4L + 8 + 16 + 32 + 64 + 128);
        expected.put("2025-12-01..2026-02-27 (partial end)", 2L + 4 + 8 + 16 + 32 + 64);
        expected.put("2025-12-02..2025-12-30 (inside one month)", 4L);
        expected.put("2025-12-31..2026-01-01 (across the year's end)", 8L + 16);
        expected.put("2025-12-15..2025-12-15 (one day)", 4L);
        expected.put("2026-01-31..2026-01-31 (the last day of a month)", 32L);
        expected.put("2024-02-01..2024-02-29 (a leap February)", 512L);
        expected.put("2024-02-29..2025-11-30 (partial, many empty months)", 512L + 1);
        expected.put("1970-01-01..2999-12-31 (all time)", 1023L);
        expected.put("2026-01-02..2026-01-30 (nothing counted)", 0L);
        expected.put("2026-01-31..2026-01-01 (from after to)", 0L);
        expected.put("2026-03-01..2025-11-30 (from months after to)", 0L);
        expected.forEach((range, sum) -> {
            LocalDate from = day(range.substring(0, 10));
            LocalDate to = day(range.substring(12, 22));
            assertThat(store.totals("m1", from, to)).as(range).isEqualTo(sum == 0 ? Map.of() : Map.of(TOUCHES, sum));
            assertThat(store.totals(List.of("m1", "m2"), from, to).get("m1")).as("team, " + range)
                    .isEqualTo(sum == 0 ? Map.of() : Map.of(TOUCHES, sum));
            assertThat(store.totals("m2", from, to)).as("m2, " + range)
                    .isEqualTo(AggregateAudit.totals(AggregateAudit.stored(db), "m2", from, to));
        });
        assertThat(store.totals(List.of("m1", "m2"), day("2026-01-31"), day("2026-01-01")))
                .as("from after to: every manager, empty").isEqualTo(Map.of("m1", Map.of(), "m2", Map.of()));
        AggregateAudit.assertConsistent(db);
    }

    @Test
    void theWidestRangeOfDatesCoversEverything() {
        store.write(List.of(touch("a1", 1, "m1", MONDAY), touch("a2", 2, "m1", day("1999-12-31"))), 0);

        assertThat(store.totals("m1", LocalDate.MIN, LocalDate.MAX)).isEqualTo(Map.of(TOUCHES, 2L));
        assertThat(store.totals(List.of("m1"), LocalDate.MIN, LocalDate.MAX))
                .isEqualTo(Map.of("m1", Map.of(TOUCHES, 2L)));
        assertThat(store.totals("m1", MONDAY, LocalDate.MAX)).isEqualTo(Map.of(TOUCHES, 1L));
    }

    /** Whole months are read from pace_monthly_aggregate: a monthly row changed behind the store's back shows. */
    @Test
    void wholeMonthsAreReadFromTheMonthlySumsAndTheEdgesFromTheDays() throws SQLException {
        store.write(List.of(touch("a1", 1, "m1", day("2026-02-10")), touch("a2", 2, "m1", day("2026-03-10")),
                touch("a3", 3, "m1", day("2026-04-10"))), 0);
        assertThat(store.totals("m1", day("2026-02-01"), day("2026-04-30"))).isEqualTo(Map.of(TOUCHES, 3L));

        execute("UPDATE pace_monthly_aggregate SET metric_value = 100 WHERE local_month = DATE '2026-03-01'");

        assertThat(store.totals("m1", day("2026-03-01"), day("2026-03-31"))).isEqualTo(Map.of(TOUCHES, 100L));
        assertThat(store.totals(List.of("m1"), day("2026-02-01"), day("2026-04-30")))
                .isEqualTo(Map.of("m1", Map.of(TOUCHES, 102L)));
        assertThat(store.totals("m1", day("2026-02-10"), day("2026-04-10"))).as("partial months at both ends")
                .isEqualTo(Map.of(TOUCHES, 102L));
        assertThat(store.totals("m1", day("2026-03-01"), day("2026-03-30"))).as("not a whole month: by day")
                .isEqualTo(Map.of(TOUCHES, 1L));
        assertThat(store.totals("m1", day("2026-03-02"), day("2026-04-30"))).isEqualTo(Map.of(TOUCHES, 2L));
        assertThatThrownBy(() -> AggregateAudit.assertWeeksAndMonthsAddUp(db)).as("the audit sees it too")
                .isInstanceOf(AssertionError.class).hasMessageContaining("pace_monthly_aggregate");
    }

    /**
     * Whole ISO weeks outside the whole months are read from pace_weekly_aggregate, a week across a month's end
     * included: a weekly row changed behind the store's back shows, and only where the range holds its whole week.
     */
    @Test
    void wholeWeeksAreReadFromTheWeeklySumsAndTheRestFromTheDaysAndMonths() throws SQLException {
        // Monday 30 March to Sunday 5 April 2026: one week, two months.
        store.write(List.of(touch("a1", 1, "m1", day("2026-03-31")), touch("a2", 2, "m1", day("2026-04-02")),
                touch("a3", 3, "m1", day("2026-04-08"))), 0);
        assertThat(AggregateAudit.storedWeeks(db)).isEqualTo(Map.of("m1|" + TOUCHES + "|2026-03-30", 2L,
                "m1|" + TOUCHES + "|2026-04-06", 1L));

        execute("UPDATE pace_weekly_aggregate SET metric_value = 100 WHERE local_week = DATE '2026-03-30'");

        assertThat(store.totals("m1", day("2026-03-30"), day("2026-04-05"))).isEqualTo(Map.of(TOUCHES, 100L));
        assertThat(store.totals(List.of("m1"), day("2026-03-30"), day("2026-04-05")))
                .isEqualTo(Map.of("m1", Map.of(TOUCHES, 100L)));
        assertThat(store.totals("m1", day("2026-03-23"), day("2026-04-12"))).as("three weeks")
                .isEqualTo(Map.of(TOUCHES, 101L));
        assertThat(store.totals("m1", day("2026-03-31"), day("2026-04-06"))).as("seven days, not a week: by day")
                .isEqualTo(Map.of(TOUCHES, 2L));
        assertThat(store.totals("m1", day("2026-04-01"), day("2026-04-30"))).as("a whole month: by month")
                .isEqualTo(Map.of(TOUCHES, 2L));
        assertThatThrownBy(() -> AggregateAudit.assertWeeksAndMonthsAddUp(db)).as("the audit sees it too")
                .isInstanceOf(AssertionError.class).hasMessageContaining("pace_weekly_aggregate");
    }

    @Test
    void aMetricWhoseContributionsCancelOutOverTheRangeIsAbsent() {
        // A refund later in the month than the sale: the month sums to zero, its days do not.
        store.write(List.of(counting("a1", 1, "m1", day("2026-01-05"), new Contribution("m1", REVENUE,
                        day("2026-01-05"), 500), new Contribution("m1", TOUCHES, day("2026-01-05"), 1)),
                counting("a2", 2, "m1", day("2026-01-20"), new Contribution("m1", REVENUE, day("2026-01-20"), -500))),
                0);

        assertThat(store.totals("m1", day("2026-01-01"), day("2026-01-31"))).isEqualTo(Map.of(TOUCHES, 1L));
        assertThat(store.totals("m1", day("2026-01-05"), day("2026-01-20"))).as("by day, the same")
                .isEqualTo(Map.of(TOUCHES, 1L));
        assertThat(store.totals("m1", day("2026-01-05"), day("2026-01-19"))).isEqualTo(Map.of(TOUCHES, 1L,
                REVENUE, 500L));
        assertThat(store.totals("m1", day("2026-01-06"), day("2026-02-28"))).isEqualTo(Map.of(REVENUE, -500L));
        assertThat(AggregateAudit.storedMonths(db)).as("no monthly row for the zero")
                .isEqualTo(Map.of("m1|" + TOUCHES + "|2026-01-01", 1L));
        assertThat(AggregateAudit.storedWeeks(db)).as("a weekly row for each week, none for a zero")
                .isEqualTo(Map.of("m1|" + TOUCHES + "|2026-01-05", 1L, "m1|" + REVENUE + "|2026-01-05", 500L,
                        "m1|" + REVENUE + "|2026-01-19", -500L));
        AggregateAudit.assertConsistent(db);
    }

    /**
     * Property: after random writes, corrections, reassignments and deletions over several months across a year's
     * end, the totals over any range (whole and partial months, single days, empty ranges) equal the sums of the
     * daily aggregates and of the activities last written, one manager at a time and for a team.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void totalsOverAnyRangeEqualTheSumOfTheirDays(long seed) {
        Random random = new Random(seed);
        LocalDate first = day("2023-11-20");
        int span = 160; // to 2024-04-27: a year's end and a leap February
        Map<String, CountedActivity> model = new HashMap<>();
        long sequence = 0;
        for (int write = 0; write < 40; write++) {
            List<CountedActivity> batch = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            int size = 1 + random.nextInt(25);
            while (ids.size() < size) {
                ids.add("a" + random.nextInt(120));
            }
            for (String id : ids) {
                sequence++;
                batch.add(model.containsKey(id) && random.nextInt(6) == 0
                        ? tombstone(id, sequence, "m" + random.nextInt(4))
                        : randomActivity(random, id, sequence, first.plusDays(random.nextInt(span))));
            }
            store.write(batch, 0);
            batch.forEach(a -> model.put(a.activity().id(), a));
            AggregateAudit.assertWeeksAndMonthsAddUp(db);
        }
        AggregateAudit.assertConsistent(db);
        Map<String, Long> days = AggregateAudit.stored(db);
        assertThat(days).isEqualTo(AggregateAudit.expected(model.values()));
        assertThat(AggregateAudit.storedMonths(db)).as("the test spans several months").hasSizeGreaterThan(12);
        assertThat(AggregateAudit.storedWeeks(db)).as("and many weeks").hasSizeGreaterThan(40);

        List<String> managers = List.of("m0", "m1", "m2", "m3", "m9");
        for (int i = 0; i < 150; i++) {
            LocalDate from = first.plusDays(random.nextInt(span + 20) - 10);
            LocalDate to = random.nextInt(10) == 0 ? from.withDayOfMonth(1).plusMonths(1 + random.nextInt(3))
                    .minusDays(1) : from.plusDays(random.nextInt(random.nextBoolean() ? 12 : 150) - 2);
            Map<String, Map<String, Long>> team = store.totals(managers, from, to);
            assertThat(team).as("seed %d, %s..%s", seed, from, to).containsOnlyKeys(managers);
            for (String manager : managers) {
                Map<String, Long> expected = AggregateAudit.totals(days, manager, from, to);
                assertThat(store.totals(manager, from, to)).as("seed %d, %s, %s..%s", seed, manager, from, to)
                        .isEqualTo(expected);
                assertThat(team.get(manager)).as("seed %d, team, %s, %s..%s", seed, manager, from, to)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void exclusionsAreCountedByReasonAndListedNewestFirst() {
        LocalDate tuesday = MONDAY.plusDays(1);
        LocalDate wednesday = MONDAY.plusDays(2);
        Instant wednesdayNoon = wednesday.atTime(12, 0).toInstant(ZoneOffset.UTC);
        store.write(List.of(
                excluded("e1", "m1", MONDAY, at(MONDAY, 10), "DUPLICATE"),
                excluded("e2", "m1", tuesday, at(tuesday, 9), "SHORT_CALL",
                        new Contribution("m1", "callAttempts", tuesday, 1)),
                excluded("e3", "m1", tuesday, at(tuesday, 16), "DUPLICATE"),
                excluded("e4", "m1", wednesday, wednesdayNoon, "COLLEAGUE"),
                excluded("e5", "m1", wednesday, wednesdayNoon, "COLLEAGUE"),
                excluded("e6", "m1", MONDAY.minusDays(1), at(MONDAY.minusDays(1), 10), "AUTOMATED"),
                excluded("e7", "m2", MONDAY, at(MONDAY, 11), "COLLEAGUE"),
                tombstone("e8", 9, "m1", MONDAY, "DUPLICATE", null, null),
                touch("c1", 10, "m1", MONDAY)), 0);

        assertThat(store.exclusionCounts("m1", MONDAY, MONDAY.plusDays(4)))
                .isEqualTo(Map.of("DUPLICATE", 2L, "SHORT_CALL", 1L, "COLLEAGUE", 2L));
        assertThat(store.exclusionCounts("m1", tuesday, tuesday)).isEqualTo(Map.of("DUPLICATE", 1L,
                "SHORT_CALL", 1L));
        assertThat(store.exclusionCounts("m3", MONDAY, MONDAY.plusDays(4))).isEmpty();

        List<CountedActivity> listed = store.excluded("m1", MONDAY, MONDAY.plusDays(4), 10);
        assertThat(listed).extracting(c -> c.activity().id()).as("newest first; same instant: greater id first")
                .containsExactly("e5", "e4", "e3", "e2", "e1");
        assertThat(listed.get(3).state()).isEqualTo(new CountingState(tuesday, "SHORT_CALL", null, null,
                List.of(new Contribution("m1", "callAttempts", tuesday, 1))));
        assertThat(listed.get(3).activity().counterparts()).hasSize(1);
        assertThat(store.excluded("m1", MONDAY, MONDAY.plusDays(4), 2)).extracting(c -> c.activity().id())
                .containsExactly("e5", "e4");
        assertThat(store.excluded("m1", tuesday, tuesday, 10)).extracting(c -> c.activity().id())
                .containsExactly("e3", "e2");
        assertThat(store.excluded("m1", MONDAY.minusDays(7), MONDAY.minusDays(1), 10))
                .extracting(c -> c.activity().id()).containsExactly("e6");
        assertThat(store.excluded("m1", MONDAY, MONDAY, 0)).isEmpty();
        assertThatThrownBy(() -> store.excluded("m1", MONDAY, MONDAY, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void logPagesCoverEveryActivityOnceInIdOrder() {
        Random random = new Random(5);
        Map<String, CountedActivity> written = new HashMap<>();
        for (int i = 0; i < 57; i++) {
            String id = Long.toHexString(random.nextLong() & Long.MAX_VALUE);
            CountedActivity activity = random.nextInt(5) == 0 ? tombstone(id, i + 1, "m1")
                    : touch(id, i + 1, "m" + random.nextInt(3), MONDAY);
            written.put(id, activity);
        }
        store.write(new ArrayList<>(written.values()), 0);

        List<LoggedActivity> read = new ArrayList<>();
        String after = null;
        int pages = 0;
        while (true) {
            List<LoggedActivity> page = store.logPage(after, 10);
            if (page.isEmpty()) {
                break;
            }
            assertThat(page.size()).isLessThanOrEqualTo(10);
            read.addAll(page);
            after = page.get(page.size() - 1).id();
            pages++;
        }

        assertThat(pages).isEqualTo(6);
        assertThat(read).extracting(LoggedActivity::id).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(written.keySet());
        for (LoggedActivity logged : read) {
            assertThat(logged).usingRecursiveComparison().isEqualTo(written.get(logged.id()).activity());
        }
        // An id that is not stored still marks a place; a page never goes back.
        String middle = read.get(30).id();
        List<LoggedActivity> fromMiddle = store.logPage(middle + "0", 100);
        assertThat(fromMiddle).extracting(LoggedActivity::id).isEqualTo(read.subList(31, 57).stream()
                .map(LoggedActivity::id).toList());
        assertThat(store.logPage(null, 0)).isEmpty();
        assertThatThrownBy(() -> store.logPage(null, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resetCountingKeepsTheLogAndTheCursorAndForgetsEveryCount() {
        store.write(List.of(touch("a1", 1, "m1", MONDAY), touch("a2", 2, "m2", MONDAY),
                excluded("e1", "m1", MONDAY, at(MONDAY, 10), "DUPLICATE",
                        new Contribution("m1", "callAttempts", MONDAY, 1)),
                tombstone("d1", 4, "m1")), 33);
        List<LoggedActivity> log = store.logPage(null, 100);

        store.resetCounting();

        assertThat(store.appliedSequence()).isEqualTo(33);
        assertThat(store.activityCount()).isEqualTo(4);
        assertThat(store.logPage(null, 100)).usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(log);
        assertThat(AggregateAudit.stored(db)).isEmpty();
        assertThat(AggregateAudit.storedMonths(db)).isEmpty();
        assertThat(AggregateAudit.storedWeeks(db)).isEmpty();
        assertThat(store.activities(List.of("a1", "a2", "e1", "d1")).values()).extracting(CountedActivity::state)
                .containsOnly(CountingState.none(null));
        assertThat(earliestIds(List.of("contact-a1", "contact-a2"), List.of(group("dup-a1", "contact-a1")), 1))
                .isEmpty();
        assertThat(store.exclusionCounts("m1", MONDAY, MONDAY)).isEmpty();
        assertThat(store.totals("m1", MONDAY, MONDAY)).isEmpty();

        // The recount then starts from nothing: what is not recounted yet is in no group and excluded for nothing.
        store.write(List.of(touch("a1", 1, "m1", MONDAY)), 0);
        assertThat(store.totals("m1", MONDAY, MONDAY)).isEqualTo(Map.of(TOUCHES, 1L));
        assertThat(earliestIds(List.of("contact-a2"), List.of(group("dup-a1", "contact-a1"),
                group("dup-a2", "contact-a2")), 1)).containsExactly("a1");
        assertThat(store.activities(List.of("a1")).get("a1").state().duplicateKey()).isEqualTo("dup-a1");
        assertThat(store.exclusionCounts("m1", MONDAY, MONDAY)).isEmpty();
        store.write(List.of(excluded("e1", "m1", MONDAY, at(MONDAY, 10), "SHORT_CALL")), 0);
        assertThat(store.exclusionCounts("m1", MONDAY, MONDAY)).isEqualTo(Map.of("SHORT_CALL", 1L));
        assertThat(store.excluded("m1", MONDAY, MONDAY, 5)).extracting(c -> c.state().exclusionReason())
                .containsExactly("SHORT_CALL");
        AggregateAudit.assertConsistent(db);

        // A second reset forgets the recount as well.
        store.resetCounting();
        assertThat(AggregateAudit.storedMonths(db)).isEmpty();
        assertThat(AggregateAudit.storedWeeks(db)).isEmpty();
        assertThat(store.totals("m1", MONDAY.withDayOfMonth(1), MONDAY.withDayOfMonth(31))).isEmpty();
        assertThat(earliestIds(List.of("contact-a1"), List.of(group("dup-a1", "contact-a1")), 1)).isEmpty();
        assertThat(store.excluded("m1", MONDAY, MONDAY, 5)).isEmpty();
        assertThat(store.appliedSequence()).isEqualTo(33);
    }

    // ---------------------------------------------------------------- recount of the whole log

    @Test
    void aRecountElectsTheEarliestCandidateOfEachKeyTiesGoingToTheSmallerIdInJavasOrder() {
        assertRecountBreaksTiesByIdInJavasOrder();
    }

    /**
     * Three calls of one actor to one contact at the same instant, with ids whose order differs between code points
     * ("B" 66, "_" 95, "a" 97) and a locale collation (which puts "_" first, or "a" before "B"); two more whose ids
     * order differently as strings and as numbers; and an earlier call by another actor to the second contact.
     */
    protected void assertRecountBreaksTiesByIdInJavasOrder() {
        Instant nine = at(MONDAY, 9);
        List<LoggedActivity> log = List.of(callTo("a", "m1", "k1", nine), callTo("B", "m1", "k1", nine),
                callTo("_", "m1", "k1", nine), callTo("x9", "m2", "k2", nine.plusNanos(2)),
                callTo("x10", "m2", "k2", nine.plusNanos(2)), callTo("early", "m3", "k2", nine.plusNanos(1)));
        logUncounted(log);
        CallJudge judge = new CallJudge(true);

        RecountOutcome outcome = store.recountAll(judge, 2);

        assertThat(states(log)).isEqualTo(sorted(judge.expected(log)));
        assertThat(store.activities(List.of("B")).get("B").state().contributions()).extracting(Contribution::metric)
                .containsExactly(CallJudge.CALL_ATTEMPTS, CallJudge.FIRST_CONTACTS, CallJudge.TOUCHES);
        assertThat(store.activities(List.of("_", "a", "x9")).values()).extracting(c -> c.state().exclusionReason())
                .containsOnly("DUPLICATE");
        assertThat(store.activities(List.of("x10")).get("x10").state().contributions())
                .extracting(Contribution::metric).containsExactly(CallJudge.CALL_ATTEMPTS, CallJudge.TOUCHES);
        assertThat(store.totals("m1", MONDAY, MONDAY)).isEqualTo(Map.of(CallJudge.CALL_ATTEMPTS, 3L,
                CallJudge.TOUCHES, 1L, CallJudge.FIRST_CONTACTS, 1L));
        assertThat(store.totals("m2", MONDAY, MONDAY)).isEqualTo(Map.of(CallJudge.CALL_ATTEMPTS, 2L,
                CallJudge.TOUCHES, 1L));
        assertThat(store.totals("m3", MONDAY, MONDAY)).isEqualTo(Map.of(CallJudge.CALL_ATTEMPTS, 1L,
                CallJudge.TOUCHES, 1L, CallJudge.FIRST_CONTACTS, 1L));
        assertThat(outcome).isEqualTo(new RecountOutcome(6, 6, 6, 8));
        AggregateAudit.assertConsistent(db);
    }

    @Test
    void aDeletedActivityIsNoCandidateAndCountsForNothing() {
        Instant nine = at(MONDAY, 9);
        LoggedActivity deleted = tombstoneOf(callTo("d1", "m1", "k1", nine));
        List<LoggedActivity> log = List.of(deleted, callTo("c2", "m1", "k1", nine.plusSeconds(60)),
                callTo("c3", "m1", "k1", nine.plusSeconds(120)));
        logUncounted(log);
        CallJudge judge = new CallJudge(true);

        store.recountAll(judge, 5);

        assertThat(states(log)).isEqualTo(sorted(judge.expected(log)));
        assertThat(store.activities(List.of("d1")).get("d1").state()).isEqualTo(CountingState.none(MONDAY));
        assertThat(store.activities(List.of("c2")).get("c2").state().exclusionReason()).isNull();
        assertThat(store.totals("m1", MONDAY, MONDAY)).isEqualTo(Map.of(CallJudge.CALL_ATTEMPTS, 2L,
                CallJudge.TOUCHES, 1L, CallJudge.FIRST_CONTACTS, 1L));
        assertThat(store.activityCount()).isEqualTo(3);
        AggregateAudit.assertConsistent(db);

        assertThatThrownBy(() -> store.recountAll(activity -> new CallJudge(true).judge(callTo(activity.id(),
                activity.actorId(), "k1", activity.occurredAt())), 5))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("deleted activity d1");
        assertThat(states(log)).isEqualTo(sorted(judge.expected(log)));
    }

    @Test
    void aRecountUnderChangedRulesRewritesWhatTheyChangeAndNothingElse() {
        Instant nine = at(MONDAY, 9);
        List<LoggedActivity> log = List.of(callTo("c1", "m1", "k1", nine), callTo("c2", "m1", "k1", nine.plusSeconds(1)),
                callTo("c3", "m2", "k1", nine.plusSeconds(2)), callTo("c4", "m2", "k2", nine.plusSeconds(3)),
                callTo("c5", "m2", "k2", nine.plusSeconds(4)));
        logUncounted(log);
        store.recountAll(new CallJudge(true), 3);
        assertThat(store.totals("m2", MONDAY, MONDAY)).isEqualTo(Map.of(CallJudge.CALL_ATTEMPTS, 3L,
                CallJudge.TOUCHES, 2L, CallJudge.FIRST_CONTACTS, 1L));

        // Contact k1 turns out to be a colleague: its three calls are no candidates any more.
        CallJudge k1Internal = new CallJudge(true, "k1");
        RecountOutcome outcome = store.recountAll(k1Internal, 3);

        assertThat(states(log)).isEqualTo(sorted(k1Internal.expected(log)));
        assertThat(store.activities(List.of("c1", "c2", "c3")).values()).extracting(c -> c.state().exclusionReason())
                .containsOnly("COLLEAGUE");
        assertThat(store.totals("m1", MONDAY, MONDAY)).isEqualTo(Map.of(CallJudge.CALL_ATTEMPTS, 2L));
        assertThat(store.totals("m2", MONDAY, MONDAY)).isEqualTo(Map.of(CallJudge.CALL_ATTEMPTS, 3L,
                CallJudge.TOUCHES, 1L, CallJudge.FIRST_CONTACTS, 1L));
        assertThat(store.exclusionCounts("m1", MONDAY, MONDAY)).isEqualTo(Map.of("COLLEAGUE", 2L));
        assertThat(outcome).as("the k1 calls changed; c4 and c5 and the k2 aggregates did not")
                .isEqualTo(new RecountOutcome(5, 2, 3, 3));
        AggregateAudit.assertConsistent(db);

        assertThat(store.recountAll(k1Internal, 3)).as("the same rules again change nothing")
                .isEqualTo(new RecountOutcome(5, 2, 0, 0));
        assertThat(store.recountAll(new CallJudge(false, "k1"), 1)).as("without collapsing, c5 counts too")
                .isEqualTo(new RecountOutcome(5, 2, 2, 1));
        assertThat(store.totals("m2", MONDAY, MONDAY).get(CallJudge.TOUCHES)).isEqualTo(2L);
    }

    @Test
    void readersAndWritersSeeThePreviousCountingUntilTheRecountCommits() throws Exception {
        Instant nine = at(MONDAY, 9);
        List<LoggedActivity> log = List.of(callTo("c1", "m1", "k1", nine), callTo("c2", "m1", "k1", nine.plusSeconds(1)),
                callTo("c3", "m1", "k1", nine.plusSeconds(2)), callTo("c4", "m1", "k9", nine.plusSeconds(3)));
        logUncounted(log);
        store.recountAll(new CallJudge(false), 10);
        Map<String, Long> before = Map.of(CallJudge.CALL_ATTEMPTS, 4L, CallJudge.TOUCHES, 4L,
                CallJudge.FIRST_CONTACTS, 2L);
        assertThat(store.totals("m1", MONDAY, MONDAY)).isEqualTo(before);

        // The recount collapses duplicates: c2 and c3 become DUPLICATE. Its judge stops at the second activity until
        // released; at the end, before the commit, the new states and aggregates are written but not committed.
        CountDownLatch judging = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger judged = new AtomicInteger();
        CallJudge collapsing = new CallJudge(true);
        ActivityJudge blocking = activity -> {
            if (judged.incrementAndGet() == 2) {
                judging.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            return collapsing.judge(activity);
        };
        List<Object> atCommit = new ArrayList<>();
        store.beforeRecountCommit(() -> {
            atCommit.add(store.totals("m1", MONDAY, MONDAY));
            atCommit.add(store.exclusionCounts("m1", MONDAY, MONDAY));
            atCommit.add(store.activities(List.of("c2")).get("c2").state().exclusionReason());
        });
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<RecountOutcome> recount = threads.submit(() -> store.recountAll(blocking, 1));
            assertThat(judging.await(30, TimeUnit.SECONDS)).isTrue();

            assertThat(store.totals("m1", MONDAY, MONDAY)).as("totals while the recount judges").isEqualTo(before);
            assertThat(store.exclusionCounts("m1", MONDAY, MONDAY)).isEmpty();
            Future<?> write = threads.submit(() -> store.write(List.of(new CountedActivity(callTo("c5", "m1", "k5",
                    nine), new CountingState(MONDAY, null, null, "c:k5", List.of(new Contribution("m1",
                    CallJudge.CALL_ATTEMPTS, MONDAY, 1))))), 0));
            assertThatThrownBy(() -> write.get(300, TimeUnit.MILLISECONDS)).as("a write waits for the recount")
                    .isInstanceOf(TimeoutException.class);

            release.countDown();
            assertThat(recount.get(60, TimeUnit.SECONDS).changedStates()).as("all four now have a duplicate key")
                    .isEqualTo(4);
            write.get(60, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
        assertThat(atCommit).as("read just before the commit").containsExactly(before, Map.of(), null);
        assertThat(store.totals("m1", MONDAY, MONDAY)).isEqualTo(Map.of(CallJudge.CALL_ATTEMPTS, 5L,
                CallJudge.TOUCHES, 2L, CallJudge.FIRST_CONTACTS, 2L));
        assertThat(store.exclusionCounts("m1", MONDAY, MONDAY)).isEqualTo(Map.of("DUPLICATE", 2L));
        AggregateAudit.assertConsistent(db);
    }

    @Test
    void aFailedRecountLeavesThePreviousCountingAndNothingStaged() throws SQLException {
        Instant nine = at(MONDAY, 9);
        List<LoggedActivity> log = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            log.add(callTo("c" + i, "m" + i % 2, "k" + i % 3, nine.plusSeconds(i)));
        }
        logUncounted(log);
        store.write(List.of(), 33);
        store.recountAll(new CallJudge(true), 3);
        Map<String, CountingState> before = states(log);
        Map<String, Long> aggregates = AggregateAudit.stored(db);
        IllegalStateException boom = new IllegalStateException("the rules failed");
        CallJudge changed = new CallJudge(false, "k1");
        ActivityJudge failing = activity -> {
            if (activity.id().equals("c7")) {
                throw boom;
            }
            return changed.judge(activity);
        };

        assertThatThrownBy(() -> store.recountAll(failing, 2)).isSameAs(boom);

        assertThat(states(log)).isEqualTo(before);
        assertThat(AggregateAudit.stored(db)).isEqualTo(aggregates);
        assertThat(store.appliedSequence()).isEqualTo(33);
        for (StagingTable table : BulkRecount.stagingTables()) {
            assertThat(tableExists(table.name())).as(table.name()).isFalse();
        }

        // A step of the database that fails: a contact key longer than its column.
        String tooLong = "k".repeat(1100);
        StoreException failure = catchThrowableOfType(StoreException.class, () -> store.recountAll(activity ->
                new CallJudge(true).judge(callTo(activity.id(), activity.actorId(), tooLong,
                        activity.occurredAt())), 2));
        assertThat(failure).hasMessageStartingWith("Failed recounting the activity log, while ")
                .hasMessageContaining("the previous counting is unchanged").hasCauseInstanceOf(SQLException.class);
        assertThat(failure.getMessage().toLowerCase()).contains("too long");
        assertThat(states(log)).isEqualTo(before);
        assertThat(AggregateAudit.stored(db)).isEqualTo(aggregates);

        // On a single connection: a failed recount leaves no staging table behind, or the next ones could not
        // create theirs.
        JdbcPaceStore single = new JdbcPaceStore(newPool(1), dialect());
        assertThatThrownBy(() -> single.recountAll(failing, 4)).isSameAs(boom);
        single.recountAll(changed, 4);
        single.recountAll(changed, 4);
        assertThat(states(log)).isEqualTo(sorted(changed.expected(log)));
        assertThat(store.appliedSequence()).isEqualTo(33);
        AggregateAudit.assertConsistent(db);
    }

    @Test
    void aRecountRepairsAggregatesAndStatesThatDriftedFromTheLog() throws SQLException {
        Instant nine = at(MONDAY, 9);
        List<LoggedActivity> log = List.of(callTo("c1", "m1", "k1", nine), callTo("c2", "m1", "k2", nine),
                callTo("c3", "m2", "k1", nine.plusSeconds(5)));
        logUncounted(log);
        CallJudge judge = new CallJudge(true);
        store.recountAll(judge, 2);
        Map<String, Long> aggregates = AggregateAudit.stored(db);

        execute("UPDATE pace_daily_aggregate SET metric_value = metric_value + 5 WHERE manager_id = 'm2'"
                        + " AND metric = '" + CallJudge.CALL_ATTEMPTS + "'",
                "INSERT INTO pace_daily_aggregate (manager_id, metric, local_day, metric_value)"
                        + " VALUES ('m9', 'ghost', DATE '2026-03-02', 7)",
                "UPDATE pace_activity SET contributions = 'damaged' WHERE id = 'c2'");

        RecountOutcome outcome = store.recountAll(judge, 2);

        assertThat(outcome).isEqualTo(new RecountOutcome(3, 3, 1, 2));
        assertThat(AggregateAudit.stored(db)).isEqualTo(aggregates);
        assertThat(states(log)).isEqualTo(sorted(judge.expected(log)));
        AggregateAudit.assertConsistent(db);
    }

    /**
     * Property: on random logs (ties in time, deletions, colleagues, several actors per contact), in small batches
     * that make every staging table and the sums held in memory fill many times, a recount gives the states and
     * aggregates of the plain definition, whatever the states before; a second one changes nothing.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {3, 7, 11})
    void randomLogsAreRecountedAsThePlainDefinitionSays(long seed) {
        Random random = new Random(seed);
        List<LoggedActivity> log = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            String id = Long.toString(random.nextInt(1 << 30), 36 - random.nextInt(2) * 20) + "-" + i;
            LoggedActivity call = callTo(id, "m" + random.nextInt(6), "k" + random.nextInt(60),
                    at(MONDAY.plusDays(random.nextInt(4)), 9).plusSeconds(60L * random.nextInt(20)));
            log.add(random.nextInt(12) == 0 ? tombstoneOf(call) : call);
        }
        List<CountedActivity> stale = new ArrayList<>();
        for (LoggedActivity activity : log) {
            stale.add(new CountedActivity(activity, random.nextBoolean() || activity.deleted()
                    ? CountingState.none(null)
                    : new CountingState(MONDAY, null, null, "c:k1", List.of(new Contribution("m1",
                    CallJudge.TOUCHES, MONDAY, 1)))));
        }
        store.write(stale, 0);

        for (CallJudge judge : List.of(new CallJudge(true, "k3", "k4"), new CallJudge(false, "k5"))) {
            int batchSize = 1 + random.nextInt(4);
            RecountOutcome outcome = store.recountAll(judge, batchSize);

            Map<String, CountingState> expected = judge.expected(log);
            assertThat(states(log)).as("seed %d, batches of %d", seed, batchSize).isEqualTo(sorted(expected));
            assertThat(AggregateAudit.stored(db)).isEqualTo(AggregateAudit.expected(expected.entrySet().stream()
                    .map(e -> new CountedActivity(byId(log, e.getKey()), e.getValue())).toList()));
            AggregateAudit.assertConsistent(db);
            assertThat(outcome.activities()).isEqualTo(log.size());
            assertThat(store.recountAll(judge, batchSize + 1)).isEqualTo(new RecountOutcome(log.size(),
                    outcome.candidates(), 0, 0));
        }
    }

    /**
     * A recount compares the stored contributions mostly in place, as packed text: one whose text holds the same
     * contributions in another order still counts as unchanged, and one whose text holds as many other contributions
     * does not.
     */
    @Test
    void aRecountTakesStoredContributionsInAnotherOrderForTheSameAndOthersOfTheSameNumberForOthers()
            throws SQLException {
        Instant nine = at(MONDAY, 9);
        List<LoggedActivity> log = List.of(callTo("c1", "m1", "k1", nine), callTo("c2", "m1", "k1", nine.plusSeconds(5)),
                callTo("c3", "m2", "k2", nine.plusSeconds(9)));
        logUncounted(log);
        CallJudge judge = new CallJudge(true);
        store.recountAll(judge, 2);
        Map<String, Long> aggregates = AggregateAudit.stored(db);
        Map<String, CountingState> states = states(log);
        List<Contribution> c1 = judge.expected(log).get("c1").contributions();
        List<Contribution> reversed = new ArrayList<>(c1);
        Collections.reverse(reversed);
        List<Contribution> others = new ArrayList<>(c1);
        others.set(0, new Contribution("m1", "ghost", MONDAY, 1));

        execute("UPDATE pace_activity SET contributions = '" + PackedLists.packContributions(reversed)
                + "' WHERE id = 'c1'", "UPDATE pace_activity SET contributions = '"
                + PackedLists.packContributions(others) + "' WHERE id = 'c3'");

        assertThat(store.activities(List.of("c1")).get("c1").state()).isEqualTo(states.get("c1"));
        assertThat(store.recountAll(judge, 2)).as("only c3 is written again")
                .isEqualTo(new RecountOutcome(3, 3, 1, 0));
        assertThat(states(log)).isEqualTo(states);
        assertThat(AggregateAudit.stored(db)).isEqualTo(aggregates);
        assertThat(store.recountAll(judge, 2)).isEqualTo(new RecountOutcome(3, 3, 0, 0));
    }

    /**
     * Ids, keys, managers and metrics with what the staging (tab, line ends and backslash in PostgreSQL's COPY) and the
     * packed contributions (their separators, %, ~) escape are recounted and compared as they are.
     */
    @Test
    void aRecountStagesAndComparesTextWithWhatItsFormatsEscape() {
        Instant nine = at(MONDAY, 9);
        String manager = "m\t1 %7E~\u001E\\";
        List<LoggedActivity> log = List.of(callTo("c\t1\\", manager, "k\n1%~\u001F", nine),
                callTo("c\r2", manager, "k\n1%~\u001F", nine.plusSeconds(5)),
                callTo("c3\u001E", "m\n2", "k\\2\r", nine.plusSeconds(9)),
                callTo("c4~", "m\n2", null, nine.plusSeconds(10)));
        logUncounted(log);
        CallJudge judge = new CallJudge(true);

        assertThat(store.recountAll(judge, 2)).isEqualTo(new RecountOutcome(4, 3, 4, 6));

        assertThat(states(log)).isEqualTo(sorted(judge.expected(log)));
        assertThat(store.totals(manager, MONDAY, MONDAY)).isEqualTo(Map.of(CallJudge.CALL_ATTEMPTS, 2L,
                CallJudge.TOUCHES, 1L, CallJudge.FIRST_CONTACTS, 1L));
        AggregateAudit.assertConsistent(db);
        assertThat(store.recountAll(judge, 3)).as("the same rules again change nothing")
                .isEqualTo(new RecountOutcome(4, 3, 0, 0));
    }

    @Test
    void aRecountNeedsAJudgeThatJudgesAndABatchOfOneAtLeast() {
        logUncounted(List.of(callTo("c1", "m1", "k1", at(MONDAY, 9))));

        assertThatThrownBy(() -> store.recountAll(new CallJudge(true), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("batchSize must be at least 1, was 0");
        assertThatThrownBy(() -> store.recountAll(null, 10)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store.recountAll(activity -> null, 10)).isInstanceOf(IllegalStateException.class)
                .hasMessage("The judge gave no judgement of activity c1");
        assertThat(store.activities(List.of("c1")).get("c1").state()).isEqualTo(CountingState.none(null));
    }

    // ---------------------------------------------------------------- atomicity, cursor, arguments

    @Test
    void aWriteThatFailsMidWayIsRolledBackWhole() {
        store.write(List.of(touch("a1", 1, "m1", MONDAY), touch("a2", 2, "m1", MONDAY)), 5);
        Map<String, Long> aggregatesBefore = AggregateAudit.stored(db);
        CountedActivity a1Before = store.activities(List.of("a1")).get("a1");

        // A new activity, a correction of a1, and a won deal whose currency does not fit the column.
        CountedActivity fresh = touch("a3", 6, "m1", MONDAY);
        CountedActivity correction = counting("a1", 7, "m2", MONDAY.plusDays(1),
                new Contribution("m2", TOUCHES, MONDAY.plusDays(1), 1));
        CountedActivity tooLong = withMoney(touch("a4", 8, "m1", MONDAY), new BigDecimal("900"), "EURO");

        StoreException failure = catchThrowableOfType(StoreException.class,
                () -> store.write(List.of(tooLong, fresh, correction), 20));

        assertThat(failure).hasMessageContaining("Failed writing 3 activities (a1, a3, a4) with history cursor 20")
                .hasMessageContaining("while writing activity rows")
                .hasMessageContaining("nothing of the write was stored")
                .hasCauseInstanceOf(SQLException.class);
        assertThat(failure.getMessage().toLowerCase()).contains("value too long");
        assertThat(store.appliedSequence()).isEqualTo(5);
        assertThat(store.activities(List.of("a1", "a3", "a4"))).containsOnlyKeys("a1");
        assertThat(store.activities(List.of("a1")).get("a1")).isEqualTo(a1Before);
        assertThat(store.activityCount()).isEqualTo(2);
        assertThat(AggregateAudit.stored(db)).isEqualTo(aggregatesBefore);
        AggregateAudit.assertConsistent(db);

        // The store stays usable: the same write without the bad activity goes through.
        store.write(List.of(fresh, correction), 20);
        assertThat(store.appliedSequence()).isEqualTo(20);
        assertThat(store.totals("m1", MONDAY, MONDAY)).isEqualTo(Map.of(TOUCHES, 2L));
        AggregateAudit.assertConsistent(db);
    }

    @Test
    void theCursorMovesOnlyForwardAndOnlyWithAHistoryCursor() {
        assertThat(store.appliedSequence()).isZero();

        store.write(List.of(touch("a1", 10, "m1", MONDAY)), 10);
        assertThat(store.appliedSequence()).isEqualTo(10);
        store.write(List.of(touch("a2", 30, "m1", MONDAY)), 0);
        assertThat(store.appliedSequence()).as("live events do not move the cursor").isEqualTo(10);
        store.write(List.of(), 5);
        assertThat(store.appliedSequence()).as("never backwards").isEqualTo(10);
        store.write(List.of(touch("a1", 10, "m1", MONDAY)), 8);
        assertThat(store.appliedSequence()).isEqualTo(10);
        store.write(List.of(), 25);
        assertThat(store.appliedSequence()).as("an empty page still completes the history").isEqualTo(25);
        assertThatThrownBy(() -> store.write(List.of(touch("a3", 40, "m1", MONDAY)), -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
        assertThat(store.appliedSequence()).isEqualTo(25);
        assertThat(store.activities(List.of("a3"))).isEmpty();
    }

    @Test
    void aWriteMayNameEachActivityOnlyOnce() {
        assertThatThrownBy(() -> store.write(List.of(touch("a1", 1, "m1", MONDAY), touch("a2", 2, "m1", MONDAY),
                touch("a1", 3, "m2", MONDAY)), 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a1");
        assertThat(store.activityCount()).isZero();
        assertThat(store.appliedSequence()).isZero();

        List<CountedActivity> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> store.write(withNull, 0)).isInstanceOf(NullPointerException.class);
    }

    // ---------------------------------------------------------------- properties

    /**
     * Property: any sequence of writes (new activities, rewrites to other managers, days and metrics, negative
     * values, deletions, revivals, failing writes) keeps the aggregates equal to their recomputation from the
     * contributions and to the sum of the activities last written; the stored activities are the last written.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34})
    void randomWriteSequencesKeepTheAggregatesEqualToTheirRecomputation(long seed) {
        Random random = new Random(seed);
        Map<String, CountedActivity> model = new HashMap<>();
        long sequence = 0;
        long expectedCursor = 0;
        for (int write = 0; write < 60; write++) {
            int size = 1 + random.nextInt(12);
            Set<String> ids = new HashSet<>();
            while (ids.size() < size) {
                ids.add("a" + random.nextInt(30));
            }
            List<CountedActivity> batch = new ArrayList<>();
            for (String id : ids) {
                sequence++;
                batch.add(model.containsKey(id) && random.nextInt(5) == 0
                        ? tombstone(id, sequence, "m" + random.nextInt(4))
                        : randomActivity(random, id, sequence));
            }
            long historyCursor = random.nextInt(3) == 0 ? 0 : random.nextInt((int) sequence + 1);
            boolean failing = random.nextInt(10) == 0;
            if (failing) {
                CountedActivity bad = batch.remove(batch.size() - 1);
                batch.add(withMoney(bad.activity().deleted() ? randomActivity(random, bad.activity().id(), sequence)
                        : bad, BigDecimal.ONE, "TOOLONG"));
                assertThatThrownBy(() -> store.write(batch, historyCursor)).isInstanceOf(StoreException.class);
            } else {
                store.write(batch, historyCursor);
                batch.forEach(a -> model.put(a.activity().id(), a));
                expectedCursor = Math.max(expectedCursor, historyCursor);
            }

            assertThat(AggregateAudit.stored(db)).as("seed %d: aggregates after write %d", seed, write)
                    .isEqualTo(AggregateAudit.expected(model.values()));
            AggregateAudit.assertWeeksAndMonthsAddUp(db);
            assertThat(store.appliedSequence()).as("seed %d: cursor after write %d", seed, write)
                    .isEqualTo(expectedCursor);
        }
        AggregateAudit.assertConsistent(db);
        Map<String, CountedActivity> stored = store.activities(model.keySet());
        assertThat(stored.keySet()).isEqualTo(model.keySet());
        for (CountedActivity expected : model.values()) {
            assertThat(stored.get(expected.activity().id())).as("seed %d", seed)
                    .isEqualTo(sortedContributions(expected));
        }
    }

    /**
     * Four threads on two store instances (as two Pace nodes sharing the database) write overlapping activities:
     * the aggregates stay equal to the contributions, every stored activity carries exactly the contributions
     * written with it, and the cursor ends at the highest history cursor written.
     */
    @Test
    void concurrentWritersKeepTheAggregatesConsistent() throws Exception {
        JdbcPaceStore other = new JdbcPaceStore(newPool(), dialect());
        List<JdbcPaceStore> stores = List.of(store, other, store, other);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                JdbcPaceStore target = stores.get(t);
                Callable<Long> writer = () -> {
                    Random random = new Random(thread);
                    start.await();
                    long highest = 0;
                    for (int i = 0; i < 40; i++) {
                        Set<String> ids = new HashSet<>();
                        int size = 1 + random.nextInt(9);
                        while (ids.size() < size) {
                            ids.add("a" + random.nextInt(50));
                        }
                        long sequence = thread * 1000L + i;
                        List<CountedActivity> batch = ids.stream().map(id -> derived(id, sequence)).toList();
                        long historyCursor = random.nextBoolean() ? 0 : sequence;
                        target.write(batch, historyCursor);
                        highest = Math.max(highest, historyCursor);
                    }
                    return highest;
                };
                results.add(threads.submit(writer));
            }
            start.countDown();
            long highest = 0;
            for (Future<Long> result : results) {
                highest = Math.max(highest, result.get(120, TimeUnit.SECONDS));
            }

            AggregateAudit.assertConsistent(db);
            List<String> ids = IntStream.range(0, 50).mapToObj(i -> "a" + i).toList();
            Map<String, CountedActivity> stored = store.activities(ids);
            for (CountedActivity activity : stored.values()) {
                assertThat(activity).as("row and contributions of one write")
                        .isEqualTo(sortedContributions(derived(activity.activity().id(),
                                activity.activity().sequence())));
            }
            assertThat(AggregateAudit.stored(db)).isEqualTo(AggregateAudit.expected(stored.values()));
            assertThat(store.appliedSequence()).isEqualTo(highest);
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * A reader never sees half of a write: while a writer rewrites a set of activities again and again, each time
     * all of them with one new sequence, every read finds them all at one sequence, each with the contributions of
     * that sequence.
     */
    @Test
    void readersNeverSeeHalfAWrite() throws Exception {
        List<String> ids = IntStream.range(0, 40).mapToObj(i -> "a" + i).toList();
        store.write(ids.stream().map(id -> derived(id, 1)).toList(), 0);
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService threads = Executors.newFixedThreadPool(1);
        try {
            Future<?> writer = threads.submit(() -> {
                try {
                    for (long sequence = 2; sequence < 150; sequence++) {
                        long s = sequence;
                        store.write(ids.stream().map(id -> derived(id, s)).toList(), 0);
                    }
                } finally {
                    done.set(true);
                }
                return null;
            });
            int reads = 0;
            while (!done.get() || reads < 20) {
                Map<String, CountedActivity> read = store.activities(ids);
                long sequence = read.get("a0").activity().sequence();
                for (CountedActivity activity : read.values()) {
                    assertThat(activity).as("read %d", reads)
                            .isEqualTo(sortedContributions(derived(activity.activity().id(), sequence)));
                }
                reads++;
            }
            writer.get(60, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * A total that reads whole months from the monthly sums, whole weeks from the weekly ones and edge days from the
     * daily ones never sees one table before a write and another after it: while a writer moves touches around an edge
     * day (Friday 16 January), a day of a whole week (Tuesday 20 January) and a day of a whole month, all inside the
     * range, every read finds all of them.
     */
    @Test
    void totalsNeverSeeHalfAWriteAcrossTheTablesOfSums() throws Exception {
        List<LocalDate> days = List.of(day("2026-01-16"), day("2026-01-20"), day("2026-02-10"));
        assertThat(RangeParts.of(day("2026-01-15"), day("2026-02-28"))).extracting(RangeParts.Part::table)
                .as("the range has a part in each table").contains(AggregateTable.values());
        List<String> ids = IntStream.range(0, 10).mapToObj(i -> "a" + i).toList();
        store.write(ids.stream().map(id -> touch(id, 1, "m1", days.get(0))).toList(), 0);
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService threads = Executors.newFixedThreadPool(1);
        try {
            Future<?> writer = threads.submit(() -> {
                try {
                    for (long sequence = 2; sequence < 300; sequence++) {
                        LocalDate day = days.get((int) (sequence % days.size()));
                        long s = sequence;
                        store.write(ids.stream().map(id -> touch(id, s, "m1", day)).toList(), 0);
                    }
                } finally {
                    done.set(true);
                }
                return null;
            });
            int reads = 0;
            while (!done.get() || reads < 20) {
                assertThat(store.totals("m1", day("2026-01-15"), day("2026-02-28"))).as("read %d", reads)
                        .isEqualTo(Map.of(TOUCHES, 10L));
                assertThat(store.totals(List.of("m1", "m2"), day("2026-01-15"), day("2026-02-28")).get("m1"))
                        .as("team read %d", reads).isEqualTo(Map.of(TOUCHES, 10L));
                reads++;
            }
            writer.get(60, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
        AggregateAudit.assertConsistent(db);
    }

    // ---------------------------------------------------------------- helpers

    /** A connected call at {@code at} to {@code contact}, which is no colleague. */
    private static LoggedActivity callTo(String id, String actor, String contact, Instant at) {
        return new LoggedActivity(id, 1, false, at, actor, "CALL", "PHONE", "OUTBOUND", "CONNECTED", 60L,
                List.of(new LoggedCounterpart(contact, null, null, null, false)), null, null, null, null, false);
    }

    private static LoggedActivity tombstoneOf(LoggedActivity a) {
        return new LoggedActivity(a.id(), a.sequence() + 1, true, a.occurredAt(), a.actorId(), a.kind(), a.channel(),
                a.direction(), a.outcome(), a.durationSeconds(), a.counterparts(), null, null, null, null, false);
    }

    private static LoggedActivity byId(List<LoggedActivity> log, String id) {
        return log.stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }

    /** Logs the activities with no counting state, as if the store had never counted them. */
    private void logUncounted(List<LoggedActivity> log) {
        store.write(log.stream().map(a -> new CountedActivity(a, CountingState.none(null))).toList(), 0);
    }

    /** The stored states of the activities, by id. */
    private Map<String, CountingState> states(List<LoggedActivity> log) {
        Map<String, CountingState> states = new java.util.TreeMap<>();
        store.activities(log.stream().map(LoggedActivity::id).toList()).forEach((id, a) -> states.put(id, a.state()));
        return states;
    }

    /** The states with their contributions in the order the store hands them back. */
    private static Map<String, CountingState> sorted(Map<String, CountingState> states) {
        Map<String, CountingState> sorted = new java.util.TreeMap<>();
        states.forEach((id, s) -> {
            List<Contribution> contributions = new ArrayList<>(s.contributions());
            contributions.sort(CONTRIBUTION_ORDER);
            sorted.put(id, new CountingState(s.localDay(), s.exclusionReason(), s.duplicateKey(), s.contactKey(),
                    contributions));
        });
        return sorted;
    }

    /** A touch candidate in duplicate group {@code duplicateKey} and contact group {@code contactKey}. */
    private static CountedActivity member(String id, long sequence, String duplicateKey, String contactKey) {
        LoggedActivity call = Activities.with(call(id, sequence, "m1", MONDAY), at(MONDAY, 8 + (int) sequence));
        return new CountedActivity(call, new CountingState(MONDAY, null, duplicateKey, contactKey,
                List.of(new Contribution("m1", TOUCHES, MONDAY, 1))));
    }

    private List<String> earliestIds(List<String> contactKeys, List<DuplicateGroup> groups, int perGroup) {
        return store.earliestCandidates(contactKeys, groups, perGroup).stream().map(c -> c.activity().id()).toList();
    }

    /** A duplicate group whose span holds the whole test week. */
    private static DuplicateGroup group(String duplicateKey, String contactKey) {
        return new DuplicateGroup(duplicateKey, contactKey, at(MONDAY.minusDays(1), 0), at(MONDAY.plusDays(14), 0));
    }

    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).toInstant(ZoneOffset.UTC);
    }

    /** An activity whose state and contributions follow from its id and sequence, so a reader can check them. */
    private static CountedActivity derived(String id, long sequence) {
        int n = Integer.parseInt(id.substring(1));
        String manager = "m" + (n + sequence) % 3;
        LocalDate day = MONDAY.plusDays((n + sequence) % 5);
        List<Contribution> contributions = new ArrayList<>();
        for (int i = 0; i <= (n + sequence) % 3; i++) {
            contributions.add(new Contribution(manager, i % 2 == 0 ? TOUCHES : MEETINGS, day, 1 + i));
        }
        return new CountedActivity(call(id, sequence, manager, day), new CountingState(day,
                sequence % 4 == 0 ? "DUPLICATE" : null, "dup-" + sequence % 7, "contact-" + n, contributions));
    }

    private static CountedActivity randomActivity(Random random, String id, long sequence) {
        return randomActivity(random, id, sequence, MONDAY.plusDays(random.nextInt(14)));
    }

    /** A random activity on {@code day}, contributing to it and the day after, to its actor or another manager. */
    private static CountedActivity randomActivity(Random random, String id, long sequence, LocalDate day) {
        String actor = "m" + random.nextInt(4);
        int count = random.nextInt(4);
        List<Contribution> contributions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            contributions.add(new Contribution(random.nextInt(5) == 0 ? "m" + random.nextInt(4) : actor,
                    List.of(TOUCHES, MEETINGS, REVENUE).get(random.nextInt(3)), day.plusDays(random.nextInt(2)),
                    random.nextInt(8) == 0 ? -2 : 1 + random.nextInt(3)));
        }
        String reason = contributions.isEmpty() && random.nextBoolean() ? "DUPLICATE" : null;
        return new CountedActivity(call(id, sequence, actor, day), new CountingState(day, reason,
                random.nextBoolean() ? "dup-" + random.nextInt(5) : null, "contact-" + random.nextInt(5),
                contributions));
    }

    /** The activity as the store hands it back: contributions ordered by manager, metric, day, value. */
    private static CountedActivity sortedContributions(CountedActivity activity) {
        CountingState s = activity.state();
        List<Contribution> sorted = new ArrayList<>(s.contributions());
        sorted.sort(CONTRIBUTION_ORDER);
        return new CountedActivity(activity.activity(), new CountingState(s.localDay(), s.exclusionReason(),
                s.duplicateKey(), s.contactKey(), sorted));
    }
}
