package org.pacekpi.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pacekpi.engine.internal.Activities.activity;
import static org.pacekpi.engine.internal.Activities.connectedCall;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pacekpi.api.store.Contribution;
import org.pacekpi.host.activity.Activity;
import org.pacekpi.host.activity.ActivityKind;
import org.pacekpi.host.activity.ChangeType;
import org.pacekpi.host.activity.Counterpart;
import org.pacekpi.host.activity.Outcome;

class CountingRulesTest {

    private final InMemoryDirectory directory = new InMemoryDirectory()
            .manager("ann", "UTC")
            .manager("moscow", "Europe/Moscow")
            .manager("la", "America/Los_Angeles")
            .internalContact("colleague-contact")
            .internalEmail("bob@ourcompany.example")
            .internalPhone("+1 555 0100");
    private final ActivityMapper mapper = new ActivityMapper(directory);
    private final CountingRules rules = new CountingRules(directory);

    private CountingDecision decide(Activity.Builder activity) {
        return decide(ChangeType.CREATED, activity.build());
    }

    private CountingDecision decide(ChangeType change, Activity activity) {
        return rules.decide(mapper.map(change, activity));
    }

    @Test
    void connectedCallWithClientIsOneTouchOnTheActorsDay() {
        CountingDecision decision = decide(connectedCall("c1", "ann"));

        assertThat(decision.counts()).isTrue();
        assertThat(decision.exclusion()).isNull();
        assertThat(decision.contributions())
                .containsExactly(new Contribution("ann", "touches", LocalDate.of(2026, 11, 25), 1));
    }

    @ParameterizedTest
    @EnumSource(value = Outcome.class, names = {"NO_ANSWER", "BUSY", "VOICEMAIL", "NONE", "FAILED"})
    void callThatDidNotConnectIsNotATouch(Outcome outcome) {
        assertExcluded(activity(ActivityKind.CALL, outcome), ExclusionReason.NOT_CONNECTED);
    }

    @ParameterizedTest
    @EnumSource(value = ActivityKind.class, names = {"EMAIL", "MESSAGE"})
    void sentOrUntrackedEmailAndMessageAreTouches(ActivityKind kind) {
        assertThat(decide(activity(kind, Outcome.SENT)).counts()).isTrue();
        assertThat(decide(activity(kind, Outcome.NONE)).counts()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = ActivityKind.class, names = {"EMAIL", "MESSAGE"})
    void failedEmailOrMessageIsNotATouch(ActivityKind kind) {
        assertExcluded(activity(kind, Outcome.FAILED), ExclusionReason.NOT_DELIVERED);
    }

    @Test
    void heldMeetingWithOneExternalAttendeeAmongColleaguesIsATouch() {
        CountingDecision decision = decide(activity(ActivityKind.MEETING, Outcome.HELD).counterparts(List.of(
                Counterpart.contact("colleague-contact"),
                new Counterpart(null, null, "bob@ourcompany.example", null, "Bob"),
                Counterpart.contact("client-7"))));

        assertThat(decision.contributions()).hasSize(1);
    }

    @Test
    void meetingWithColleaguesOnlyIsNotATouch() {
        assertExcluded(activity(ActivityKind.MEETING, Outcome.HELD).counterparts(List.of(
                Counterpart.contact("colleague-contact"),
                new Counterpart(null, null, null, "+1 555 0100", "Office"))), ExclusionReason.COLLEAGUE);
    }

    @ParameterizedTest
    @EnumSource(value = Outcome.class, names = {"NOT_HELD", "SCHEDULED", "NONE"})
    void meetingNotHeldIsNotATouch(Outcome outcome) {
        assertExcluded(activity(ActivityKind.MEETING, outcome), ExclusionReason.MEETING_NOT_HELD);
    }

    @Test
    void callWithColleagueByContactIsNotATouch() {
        assertExcluded(connectedCall("c1", "ann").counterpart(Counterpart.contact("colleague-contact")),
                ExclusionReason.COLLEAGUE);
    }

    @Test
    void emailToColleagueByAddressIsNotATouch() {
        assertExcluded(activity(ActivityKind.EMAIL, Outcome.SENT)
                        .counterpart(new Counterpart("client-9", null, "bob@ourcompany.example", null, null)),
                ExclusionReason.COLLEAGUE);
    }

    @Test
    void callToColleagueByPhoneIsNotATouch() {
        assertExcluded(connectedCall("c1", "ann").counterpart(new Counterpart(null, null, null, "+1 555 0100", null)),
                ExclusionReason.COLLEAGUE);
    }

    @Test
    void callIsJudgedByItsPrimaryCounterpart() {
        assertExcluded(connectedCall("c1", "ann").counterparts(List.of(
                Counterpart.contact("colleague-contact"), Counterpart.contact("client-1"))), ExclusionReason.COLLEAGUE);
        assertThat(decide(connectedCall("c2", "ann").counterparts(List.of(
                Counterpart.contact("client-1"), Counterpart.contact("colleague-contact")))).counts()).isTrue();
    }

    @Test
    void colleagueOutranksOutcome() {
        assertExcluded(activity(ActivityKind.CALL, Outcome.NO_ANSWER).counterpart(Counterpart.contact("colleague-contact")),
                ExclusionReason.COLLEAGUE);
    }

    @Test
    void automatedActivityIsNotATouch() {
        assertExcluded(activity(ActivityKind.EMAIL, Outcome.SENT).automated(true), ExclusionReason.AUTOMATED);
    }

    @Test
    void activityWithoutCounterpartIsNotATouch() {
        assertExcluded(connectedCall("c1", "ann").counterparts(List.of()), ExclusionReason.NO_COUNTERPART);
    }

    @Test
    void counterpartKnownByNameOnlyIsNoCounterpart() {
        assertExcluded(connectedCall("c1", "ann").counterpart(new Counterpart(null, "acme", null, " ", "Someone")),
                ExclusionReason.NO_COUNTERPART);
    }

    @ParameterizedTest
    @EnumSource(value = ActivityKind.class, names = {"DEAL_STAGE_CHANGED", "DEAL_WON", "DEAL_LOST", "CONTACT_CREATED", "OTHER"})
    void dealAndContactEventsAreNotInteractions(ActivityKind kind) {
        assertExcluded(activity(kind, Outcome.NONE), ExclusionReason.NOT_AN_INTERACTION);
    }

    @Test
    void deletedActivityContributesNothing() {
        CountingDecision decision = decide(ChangeType.DELETED, connectedCall("c1", "ann").build());

        assertThat(decision.contributions()).isEmpty();
        assertThat(decision.exclusion()).isEqualTo(ExclusionReason.DELETED);
    }

    @Test
    void dayIsTheActorsLocalDayEastOfUtcAcrossMidnight() {
        // 22:30 UTC on 1 March is 01:30 on 2 March in Moscow (UTC+3).
        Instant lateEvening = Instant.parse("2026-03-01T22:30:00Z");

        assertThat(decide(connectedCall("c1", "moscow").occurredAt(lateEvening)).contributions())
                .extracting(Contribution::day).containsExactly(LocalDate.of(2026, 3, 2));
        assertThat(decide(connectedCall("c2", "ann").occurredAt(lateEvening)).contributions())
                .extracting(Contribution::day).containsExactly(LocalDate.of(2026, 3, 1));
    }

    @Test
    void dayIsTheActorsLocalDayWestOfUtcAcrossMidnight() {
        // 05:00 UTC on 2 March is 21:00 on 1 March in Los Angeles (UTC-8, before daylight saving time).
        assertThat(decide(connectedCall("c1", "la").occurredAt(Instant.parse("2026-03-02T05:00:00Z"))).contributions())
                .extracting(Contribution::day).containsExactly(LocalDate.of(2026, 3, 1));
    }

    @Test
    void unknownActorIsCountedOnTheUtcDay() {
        assertThat(decide(connectedCall("c1", "ghost").occurredAt(Instant.parse("2026-03-01T23:59:59Z")))
                .contributions())
                .containsExactly(new Contribution("ghost", "touches", LocalDate.of(2026, 3, 1), 1));
    }

    private void assertExcluded(Activity.Builder activity, ExclusionReason reason) {
        CountingDecision decision = decide(activity);
        assertThat(decision.exclusion()).isEqualTo(reason);
        assertThat(decision.contributions()).isEmpty();
        assertThat(decision.counts()).isFalse();
    }
}
