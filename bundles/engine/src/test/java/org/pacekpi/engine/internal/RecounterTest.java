package org.pacekpi.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pacekpi.engine.internal.Activities.NOON;
import static org.pacekpi.engine.internal.Activities.call;
import static org.pacekpi.engine.internal.Activities.dealEvent;
import static org.pacekpi.engine.internal.Activities.email;
import static org.pacekpi.engine.internal.Activities.meeting;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.pacekpi.api.store.CountedActivity;
import org.pacekpi.host.activity.ActivityChange;
import org.pacekpi.host.activity.ActivityKind;
import org.pacekpi.host.activity.Counterpart;
import org.pacekpi.host.activity.Outcome;

/**
 * The incremental recount: duplicates, first contacts and corrections, each change applied as the host sends it;
 * after every scenario the stored states must equal a recomputation from the log.
 */
class RecounterTest {

    private static final Instant TEN = NOON.minus(Duration.ofHours(2));
    private static final Instant ELEVEN = NOON.minus(Duration.ofHours(1));

    private CountingBench bench = bench(CountingSettings.DEFAULTS);

    private static CountingBench bench(CountingSettings settings) {
        return new CountingBench(new InMemoryDirectory().manager("ann", "UTC").manager("bob", "UTC")
                .manager("tokyo", "Asia/Tokyo").internalContact("colleague"), settings);
    }

    @AfterEach
    void equalsTheRecomputationFromTheLog() {
        bench.assertMatchesRecount();
    }

    @Nested
    class Duplicates {

        @Test
        void secondTouchWithAContactOnTheSameDayAndChannelIsADuplicate() {
            bench.applyEach(bench.create(call("c1", "ann", "con-7").occurredAt(TEN)),
                    bench.create(call("c2", "ann", "con-7").occurredAt(ELEVEN)));

            assertThat(bench.total("ann", "touches")).isEqualTo(1);
            assertThat(bench.total("ann", "touches:phone")).isEqualTo(1);
            assertThat(bench.total("ann", "callAttempts")).isEqualTo(2);
            assertThat(bench.state("c1").exclusionReason()).isNull();
            assertThat(bench.state("c2").exclusionReason()).isEqualTo("DUPLICATE");
            assertThat(bench.state("c2").duplicateKey()).isEqualTo(bench.state("c1").duplicateKey());
        }

        @Test
        void touchOnAnotherChannelCountsToo() {
            bench.applyEach(bench.create(call("c1", "ann", "con-7")), bench.create(email("e1", "ann", "con-7")));

            assertThat(bench.total("ann", "touches")).isEqualTo(2);
            assertThat(bench.total("ann", "touches:phone")).isEqualTo(1);
            assertThat(bench.total("ann", "touches:email")).isEqualTo(1);
            assertThat(bench.total("ann", "firstContacts")).isEqualTo(1);
        }

        @Test
        void touchesOfTwoManagersWithOneContactBothCount() {
            bench.applyEach(bench.create(call("c1", "ann", "con-7").occurredAt(TEN)),
                    bench.create(call("c2", "bob", "con-7").occurredAt(ELEVEN)));

            assertThat(bench.total("ann", "touches")).isEqualTo(1);
            assertThat(bench.total("bob", "touches")).isEqualTo(1);
            assertThat(bench.total("ann", "firstContacts")).isEqualTo(1);
            assertThat(bench.total("bob", "firstContacts")).isZero();
        }

        @Test
        void touchOnTheNextDayCountsAgain() {
            bench.applyEach(bench.create(call("c1", "ann", "con-7")),
                    bench.create(call("c2", "ann", "con-7").occurredAt(NOON.plus(Duration.ofDays(1)))));

            assertThat(bench.total("ann", "touches")).isEqualTo(2);
        }

        @Test
        void windowZeroCountsEveryTouch() {
            bench = bench(new CountingSettings(30, 0, false, Set.of(), Set.of()));
            bench.applyEach(bench.create(call("c1", "ann", "con-7").occurredAt(TEN)),
                    bench.create(call("c2", "ann", "con-7").occurredAt(ELEVEN)),
                    bench.create(call("c3", "ann", "con-7")));

            assertThat(bench.total("ann", "touches")).isEqualTo(3);
            assertThat(bench.total("ann", "firstContacts")).isEqualTo(1);
        }

        @Test
        void windowOfSevenDaysCollapsesAWeekOfTouches() {
            bench = bench(new CountingSettings(30, 7, false, Set.of(), Set.of()));
            Instant bucketStart = LocalDate.ofEpochDay(Math.floorDiv(LocalDate.of(2026, 11, 25).toEpochDay(), 7) * 7)
                    .atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            bench.applyEach(bench.create(call("c1", "ann", "con-7").occurredAt(bucketStart)),
                    bench.create(call("c2", "ann", "con-7").occurredAt(bucketStart.plus(Duration.ofDays(6)))),
                    bench.create(call("c3", "ann", "con-7").occurredAt(bucketStart.plus(Duration.ofDays(7)))));

            assertThat(bench.state("c2").exclusionReason()).isEqualTo("DUPLICATE");
            assertThat(bench.total("ann", "touches")).isEqualTo(2);
        }

        @Test
        void deletingTheCountedTouchPromotesTheNext() {
            bench.applyEach(bench.create(call("c1", "ann", "con-7").occurredAt(TEN)),
                    bench.create(call("c2", "ann", "con-7").occurredAt(ELEVEN)),
                    bench.create(call("c3", "ann", "con-7")));

            bench.apply(bench.delete("c1"));

            assertThat(bench.total("ann", "touches")).isEqualTo(1);
            assertThat(bench.state("c1")).isEqualTo(org.pacekpi.api.store.CountingState.none(LocalDate.of(2026, 11, 25)));
            assertThat(bench.state("c2").exclusionReason()).isNull();
            assertThat(bench.state("c3").exclusionReason()).isEqualTo("DUPLICATE");
            assertThat(bench.state("c2").contributions()).anyMatch(c -> c.metric().equals("firstContacts"));
        }

        @Test
        void anEarlierTouchArrivingLaterTakesTheCountOver() {
            bench.applyEach(bench.create(call("c2", "ann", "con-7").occurredAt(ELEVEN)),
                    bench.create(call("c1", "ann", "con-7").occurredAt(TEN)));

            assertThat(bench.total("ann", "touches")).isEqualTo(1);
            assertThat(bench.state("c1").exclusionReason()).isNull();
            assertThat(bench.state("c2").exclusionReason()).isEqualTo("DUPLICATE");
        }

        @Test
        void sameTimeIsDecidedByActivityId() {
            bench.applyEach(bench.create(call("b", "ann", "con-7")), bench.create(call("a", "ann", "con-7")));

            assertThat(bench.state("a").exclusionReason()).isNull();
            assertThat(bench.state("b").exclusionReason()).isEqualTo("DUPLICATE");
        }

        @Test
        void movingATouchToAnotherDayTakesItOutOfTheGroup() {
            bench.applyEach(bench.create(call("c1", "ann", "con-7").occurredAt(TEN)),
                    bench.create(call("c2", "ann", "con-7").occurredAt(ELEVEN)));

            bench.apply(bench.update("c2", b -> b.occurredAt(ELEVEN.plus(Duration.ofDays(1)))));

            assertThat(bench.total("ann", "touches")).isEqualTo(2);
        }

        @Test
        void failedTouchesDoNotBlockTheNextOne() {
            bench.applyEach(bench.create(call("c1", "ann", "con-7").occurredAt(TEN).outcome(Outcome.NO_ANSWER)),
                    bench.create(call("c2", "ann", "con-7").occurredAt(ELEVEN)));

            assertThat(bench.state("c1").exclusionReason()).isEqualTo("NOT_CONNECTED");
            assertThat(bench.state("c2").exclusionReason()).isNull();
            assertThat(bench.total("ann", "touches")).isEqualTo(1);
        }
    }

    @Nested
    class FirstContacts {

        @Test
        void theEarliestTouchCompanyWideIsTheFirstContact() {
            bench.applyEach(bench.create(call("a1", "ann", "con-1").occurredAt(TEN)),
                    bench.create(email("b1", "bob", "con-1").occurredAt(NOON.plus(Duration.ofDays(1)))));

            assertThat(bench.total("ann", "firstContacts")).isEqualTo(1);
            assertThat(bench.total("bob", "firstContacts")).isZero();
            assertThat(bench.total("bob", "touches")).isEqualTo(1);
        }

        @Test
        void anEarlierTouchArrivingLaterMovesTheCredit() {
            ActivityChange annEarlier = bench.create(call("a1", "ann", "con-1").occurredAt(TEN));
            ActivityChange bobLater = bench.create(call("b1", "bob", "con-1").occurredAt(ELEVEN));

            bench.apply(bobLater);
            assertThat(bench.total("bob", "firstContacts")).isEqualTo(1);

            bench.apply(annEarlier);
            assertThat(bench.total("bob", "firstContacts")).isZero();
            assertThat(bench.total("ann", "firstContacts")).isEqualTo(1);
        }

        @Test
        void deletingTheFirstContactMovesItToTheNextEarliest() {
            bench.applyEach(bench.create(call("a1", "ann", "con-1").occurredAt(TEN)),
                    bench.create(call("b1", "bob", "con-1").occurredAt(ELEVEN)));

            bench.apply(bench.delete("a1"));

            assertThat(bench.total("ann", "firstContacts")).isZero();
            assertThat(bench.total("bob", "firstContacts")).isEqualTo(1);
        }

        @Test
        void aTouchThatIsNoCandidateIsNoFirstContact() {
            bench.applyEach(bench.create(call("a1", "ann", "con-1").occurredAt(TEN).duration(Duration.ofSeconds(5))),
                    bench.create(call("b1", "bob", "con-1").occurredAt(ELEVEN)));

            assertThat(bench.total("ann", "firstContacts")).isZero();
            assertThat(bench.total("bob", "firstContacts")).isEqualTo(1);
        }

        @Test
        void theSameContactByEmailAddressIsOneContactWhateverTheCase() {
            bench.applyEach(bench.create(email("a1", "ann", null).occurredAt(TEN)
                            .counterpart(new Counterpart(null, null, "Jo@Acme.example", null, null))),
                    bench.create(email("b1", "bob", null).occurredAt(ELEVEN)
                            .counterpart(new Counterpart(null, null, "jo@acme.EXAMPLE", null, null))));

            assertThat(bench.total("ann", "firstContacts") + bench.total("bob", "firstContacts")).isEqualTo(1);
        }

        @Test
        void aFirstContactIsCreditedOnTheManagersLocalDay() {
            // 20:00 UTC on 25 November is 05:00 on 26 November in Tokyo.
            bench.apply(bench.create(call("t1", "tokyo", "con-1").occurredAt(Instant.parse("2026-11-25T20:00:00Z"))));

            assertThat(bench.store.totals("tokyo", LocalDate.of(2026, 11, 26), LocalDate.of(2026, 11, 26)))
                    .containsEntry("firstContacts", 1L).containsEntry("touches", 1L);
        }
    }

    @Nested
    class Corrections {

        @Test
        void meetingLaterMarkedNotHeldTakesEverythingBack() {
            bench.apply(bench.create(meeting("m1", "ann", Counterpart.contact("con-1"))));
            assertThat(bench.total("ann", "meetingsHeld")).isEqualTo(1);
            assertThat(bench.total("ann", "touches")).isEqualTo(1);
            assertThat(bench.total("ann", "firstContacts")).isEqualTo(1);

            bench.apply(bench.update("m1", b -> b.outcome(Outcome.NOT_HELD)));

            assertThat(bench.total("ann", "meetingsHeld")).isZero();
            assertThat(bench.total("ann", "touches")).isZero();
            assertThat(bench.total("ann", "firstContacts")).isZero();
            assertThat(bench.state("m1").exclusionReason()).isEqualTo("MEETING_NOT_HELD");
        }

        @Test
        void meetingNotHeldHandsTheDayBackToAnotherTouch() {
            bench.applyEach(bench.create(meeting("m1", "ann", Counterpart.contact("con-1")).occurredAt(TEN)),
                    bench.create(meeting("m2", "ann", Counterpart.contact("con-1")).occurredAt(ELEVEN)));
            assertThat(bench.state("m2").exclusionReason()).isEqualTo("DUPLICATE");

            bench.apply(bench.update("m1", b -> b.outcome(Outcome.NOT_HELD)));

            assertThat(bench.state("m2").exclusionReason()).isNull();
            assertThat(bench.total("ann", "touches")).isEqualTo(1);
            assertThat(bench.total("ann", "meetingsHeld")).isEqualTo(1);
        }

        @Test
        void callReassignedToAnotherManagerMovesEveryMetric() {
            bench.apply(bench.create(call("c1", "ann", "con-1")));

            bench.apply(bench.update("c1", b -> b.actorId("tokyo")));

            for (String metric : List.of("touches", "touches:phone", "callAttempts", "firstContacts")) {
                assertThat(bench.total("ann", metric)).as(metric).isZero();
                assertThat(bench.total("tokyo", metric)).as(metric).isEqualTo(1);
            }
            // Noon UTC is 21:00 in Tokyo: the same day there.
            assertThat(bench.state("c1").localDay()).isEqualTo(LocalDate.of(2026, 11, 25));
        }

        @Test
        void reassigningADuplicateLetsItCountForTheNewManager() {
            bench.applyEach(bench.create(call("c1", "ann", "con-1").occurredAt(TEN)),
                    bench.create(call("c2", "ann", "con-1").occurredAt(ELEVEN)));

            bench.apply(bench.update("c2", b -> b.actorId("bob")));

            assertThat(bench.total("ann", "touches")).isEqualTo(1);
            assertThat(bench.total("bob", "touches")).isEqualTo(1);
            assertThat(bench.total("ann", "firstContacts")).isEqualTo(1);
        }

        @Test
        void stageChangeUndoneByDeletion() {
            bench.apply(bench.create(dealEvent("s1", "ann", ActivityKind.DEAL_STAGE_CHANGED).stage("proposal")));
            assertThat(bench.total("ann", "stage:proposal")).isEqualTo(1);

            bench.apply(bench.delete("s1"));

            assertThat(bench.total("ann", "stage:proposal")).isZero();
            assertThat(bench.store.activity("s1").orElseThrow().deleted()).isTrue();
        }

        @Test
        void counterpartCorrectedToAColleagueRemovesTheTouch() {
            bench.apply(bench.create(call("c1", "ann", "con-1")));

            bench.apply(bench.update("c1", b -> b.counterpart(Counterpart.contact("colleague"))));

            assertThat(bench.total("ann", "touches")).isZero();
            assertThat(bench.total("ann", "callAttempts")).isZero();
            assertThat(bench.state("c1").exclusionReason()).isEqualTo("COLLEAGUE");
        }

        @Test
        void changingTheContactLeavesTheOldGroupAndJoinsTheNew() {
            bench.applyEach(bench.create(call("c1", "ann", "con-1").occurredAt(TEN)),
                    bench.create(call("c2", "ann", "con-1").occurredAt(ELEVEN)),
                    bench.create(call("c3", "bob", "con-2").occurredAt(NOON)));

            bench.apply(bench.update("c1", b -> b.counterpart(Counterpart.contact("con-2"))));

            assertThat(bench.state("c2").exclusionReason()).isNull(); // promoted in con-1's group
            assertThat(bench.total("ann", "firstContacts")).isEqualTo(2); // con-1 by c2, con-2 by c1 (10:00)
            assertThat(bench.total("bob", "firstContacts")).isZero();
        }
    }

    @Nested
    class Batches {

        @Test
        void aChangeNotNewerThanTheStoredVersionIsSkipped() {
            ActivityChange created = bench.create(call("c1", "ann", "con-1"));
            ActivityChange corrected = bench.update("c1", b -> b.outcome(Outcome.BUSY));

            assertThat(bench.apply(corrected)).isEqualTo(new Recounter.Result(1, 0, 1));
            assertThat(bench.apply(created)).isEqualTo(new Recounter.Result(0, 1, 0));
            assertThat(bench.apply(corrected)).isEqualTo(new Recounter.Result(0, 1, 0));

            assertThat(bench.total("ann", "touches")).isZero();
            assertThat(bench.store.activity("c1").orElseThrow().sequence()).isEqualTo(2);
        }

        @Test
        void severalVersionsInOneBatchCollapseToTheNewest() {
            ActivityChange created = bench.create(call("c1", "ann", "con-1"));
            ActivityChange deleted = bench.delete("c1");

            assertThat(bench.apply(List.of(deleted, created, created), 0)).isEqualTo(new Recounter.Result(1, 2, 1));
            assertThat(bench.store.activity("c1").orElseThrow().deleted()).isTrue();
            assertThat(bench.store.storedVersions("c1")).isEqualTo(1);
        }

        @Test
        void aWholeScenarioInOneBatchGivesTheSameAsOneByOne() {
            List<ActivityChange> changes = List.of(bench.create(call("c1", "ann", "con-1").occurredAt(TEN)),
                    bench.create(call("c2", "ann", "con-1").occurredAt(ELEVEN)),
                    bench.create(call("c3", "bob", "con-1")), bench.delete("c1"),
                    bench.update("c3", b -> b.occurredAt(TEN.minusSeconds(60))));

            bench.apply(changes, 0);

            assertThat(bench.total("bob", "firstContacts")).isEqualTo(1);
            assertThat(bench.total("ann", "touches")).isEqualTo(1);
        }

        @Test
        void allSkippedHistoryPageStillMovesTheCursor() {
            ActivityChange created = bench.create(call("c1", "ann", "con-1"));
            bench.apply(created);

            bench.apply(List.of(created), 1);

            assertThat(bench.store.appliedSequence()).isEqualTo(1);
            assertThat(bench.store.historyCursors()).containsExactly(1L);
        }

        @Test
        void onlyTheChangedActivityAndTheGroupMembersWhoseStateChangesAreWritten() {
            bench.applyEach(bench.create(call("c1", "ann", "con-1").occurredAt(TEN)),
                    bench.create(call("c2", "ann", "con-1").occurredAt(ELEVEN)),
                    bench.create(call("c3", "ann", "con-1")),
                    bench.create(call("other", "ann", "con-2")));
            List<List<String>> written = new ArrayList<>();
            bench.store.hook((activities, cursor) ->
                    written.add(activities.stream().map(CountedActivity::activity).map(a -> a.id()).toList()));

            bench.apply(bench.delete("c1"));

            // c2 takes over the touch and the first contact; c3 stays a duplicate; con-2 is not read or written.
            assertThat(written).containsExactly(List.of("c1", "c2"));
        }

        @Test
        void aChangeOutsideAnyGroupReadsNoGroup() {
            int reads = bench.store.groupReads();
            bench.apply(bench.create(dealEvent("w1", "ann", ActivityKind.DEAL_WON)));
            assertThat(bench.store.groupReads()).isEqualTo(reads);
        }
    }
}
