package org.pacekpi.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pacekpi.engine.internal.Activities.activity;
import static org.pacekpi.engine.internal.Activities.call;
import static org.pacekpi.engine.internal.Activities.connectedCall;
import static org.pacekpi.engine.internal.Activities.dealEvent;
import static org.pacekpi.engine.internal.Activities.dealWon;
import static org.pacekpi.engine.internal.Activities.email;
import static org.pacekpi.engine.internal.Activities.meeting;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.pacekpi.api.ExclusionReason;
import org.pacekpi.api.store.Contribution;
import org.pacekpi.api.store.CountingState;
import org.pacekpi.api.store.LoggedActivity;
import org.pacekpi.host.activity.Activity;
import org.pacekpi.host.activity.ActivityKind;
import org.pacekpi.host.activity.ChangeType;
import org.pacekpi.host.activity.Counterpart;
import org.pacekpi.host.activity.Outcome;

/** The rules of one activity on its own: every exclusion reason, the keys, and the contributions of each kind. */
class CountingRulesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 25);

    private final InMemoryDirectory directory = new InMemoryDirectory()
            .manager("ann", "UTC")
            .manager("moscow", "Europe/Moscow")
            .manager("la", "America/Los_Angeles")
            .internalContact("colleague-contact")
            .internalEmail("bob@ourcompany.example")
            .internalPhone("+1 555 0100");
    private final ActivityMapper mapper = new ActivityMapper(directory);
    private CountingRules rules = rules(CountingSettings.DEFAULTS);

    private CountingRules rules(CountingSettings settings) {
        return new CountingRules(settings, new DirectoryZones(directory));
    }

    private IndividualDecision evaluate(Activity.Builder activity) {
        return rules.evaluate(mapper.map(ChangeType.CREATED, activity.build()));
    }

    /** The state of an activity that is alone in its groups: its touch counts and it is the first contact. */
    private CountingState alone(Activity.Builder activity) {
        IndividualDecision decision = evaluate(activity);
        return rules.state(decision, decision.candidate(), decision.candidate());
    }

    private void assertExcluded(Activity.Builder activity, ExclusionReason reason) {
        IndividualDecision decision = evaluate(activity);
        assertThat(decision.exclusion()).isEqualTo(reason);
        assertThat(decision.candidate()).isFalse();
        assertThat(decision.contactKey()).isNull();
        assertThat(decision.duplicateKey()).isNull();
        CountingState state = rules.state(decision, false, false);
        assertThat(state.exclusionReason()).isEqualTo(reason.name());
        assertThat(state.contributions()).noneMatch(c -> CountingRules.isGroupMetric(c.metric()));
    }

    private static Contribution ann(String metric) {
        return new Contribution("ann", metric, DAY, 1);
    }

    @Test
    void connectedCallWithAClientIsATouchByPhoneAnAttemptAndAFirstContact() {
        CountingState state = alone(connectedCall("c1", "ann"));

        assertThat(state.exclusionReason()).isNull();
        assertThat(state.contactKey()).isEqualTo("c:client-c1");
        assertThat(state.duplicateKey()).isEqualTo("3:ann|PHONE|" + DAY.toEpochDay() + "|c:client-c1");
        assertThat(state.contributions()).containsExactlyInAnyOrder(ann("callAttempts"), ann("touches"),
                ann("touches:phone"), ann("firstContacts"));
    }

    @ParameterizedTest
    @EnumSource(value = Outcome.class, names = {"NO_ANSWER", "BUSY", "VOICEMAIL", "NONE", "FAILED"})
    void callThatDidNotConnectIsOnlyAnAttempt(Outcome outcome) {
        assertExcluded(activity(ActivityKind.CALL, outcome), ExclusionReason.NOT_CONNECTED);
        assertThat(alone(activity(ActivityKind.CALL, outcome)).contributions()).containsExactly(ann("callAttempts"));
    }

    @ParameterizedTest
    @CsvSource({"29, SHORT_CALL", "0, SHORT_CALL", "30, ", "31, "})
    void connectedCallShorterThanTheMinimumIsOnlyAnAttempt(long seconds, ExclusionReason reason) {
        Activity.Builder call = connectedCall("c1", "ann").duration(Duration.ofSeconds(seconds));
        assertThat(evaluate(call).exclusion()).isEqualTo(reason);
        assertThat(alone(call).contributions()).contains(ann("callAttempts"));
    }

    @Test
    void connectedCallOfUnknownDurationCounts() {
        assertThat(evaluate(connectedCall("c1", "ann").duration(null)).candidate()).isTrue();
    }

    @Test
    void minimumCallDurationIsConfigurable() {
        rules = rules(new CountingSettings(120, 1, false, Set.of(), Set.of()));
        assertThat(evaluate(connectedCall("c1", "ann").duration(Duration.ofSeconds(119))).exclusion())
                .isEqualTo(ExclusionReason.SHORT_CALL);
        rules = rules(new CountingSettings(0, 1, false, Set.of(), Set.of()));
        assertThat(evaluate(connectedCall("c1", "ann").duration(Duration.ZERO)).candidate()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = ActivityKind.class, names = {"EMAIL", "MESSAGE"})
    void sentOrUntrackedEmailAndMessageAreTouches(ActivityKind kind) {
        assertThat(evaluate(activity(kind, Outcome.SENT)).candidate()).isTrue();
        assertThat(evaluate(activity(kind, Outcome.NONE)).candidate()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = ActivityKind.class, names = {"EMAIL", "MESSAGE"})
    void failedEmailOrMessageIsNotDelivered(ActivityKind kind) {
        assertExcluded(activity(kind, Outcome.FAILED), ExclusionReason.NOT_DELIVERED);
    }

    @Test
    void heldMeetingWithOneExternalAttendeeAmongColleaguesIsATouchWithThatAttendee() {
        CountingState state = alone(meeting("m1", "ann", Counterpart.contact("colleague-contact"),
                new Counterpart(null, null, "bob@ourcompany.example", null, "Bob"),
                new Counterpart(null, null, "Jo@Acme.example", null, "Jo"),
                Counterpart.contact("client-8")));

        assertThat(state.contactKey()).isEqualTo("e:jo@acme.example");
        assertThat(state.contributions()).containsExactlyInAnyOrder(ann("meetingsHeld"), ann("touches"),
                ann("touches:in_person"), ann("firstContacts"));
    }

    @Test
    void meetingWithColleaguesOnlyIsNotATouchNorAMeetingHeld() {
        Activity.Builder meeting = meeting("m1", "ann", Counterpart.contact("colleague-contact"),
                new Counterpart(null, null, null, "+1 555 0100", "Office"));
        assertExcluded(meeting, ExclusionReason.COLLEAGUE);
        assertThat(alone(meeting).contributions()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Outcome.class, names = {"NOT_HELD", "SCHEDULED", "NONE"})
    void meetingNotHeldIsNoTouchAndNoMeetingHeld(Outcome outcome) {
        Activity.Builder meeting = meeting("m1", "ann", Counterpart.contact("client-1")).outcome(outcome);
        assertExcluded(meeting, ExclusionReason.MEETING_NOT_HELD);
        assertThat(alone(meeting).contributions()).isEmpty();
    }

    @Test
    void colleagueByDirectoryContactEmailOrPhone() {
        assertExcluded(call("c1", "ann", "colleague-contact"), ExclusionReason.COLLEAGUE);
        assertExcluded(email("e1", "ann", null)
                .counterpart(new Counterpart(null, null, "bob@ourcompany.example", null, null)), ExclusionReason.COLLEAGUE);
        assertExcluded(connectedCall("c2", "ann").counterpart(new Counterpart(null, null, null, "+1 555 0100", null)),
                ExclusionReason.COLLEAGUE);
        assertThat(alone(call("c3", "ann", "colleague-contact")).contributions()).isEmpty(); // not even an attempt
    }

    @Test
    void colleagueByConfiguredCompanyDomainSubdomainOrPhone() {
        rules = rules(CountingSettings.of(30, 1, false, new String[] {"pace-demo.example"},
                new String[] {"+7 (495) 123-45-67"}));

        assertExcluded(email("e1", "ann", null)
                .counterpart(new Counterpart(null, null, "Anna@Pace-Demo.example", null, null)), ExclusionReason.COLLEAGUE);
        assertExcluded(email("e2", "ann", null)
                .counterpart(new Counterpart(null, null, "ops@eu.pace-demo.example", null, null)), ExclusionReason.COLLEAGUE);
        assertExcluded(connectedCall("c1", "ann").counterpart(new Counterpart(null, null, null, "74951234567", null)),
                ExclusionReason.COLLEAGUE);
        assertThat(evaluate(email("e3", "ann", null)
                .counterpart(new Counterpart(null, null, "jo@notpace-demo.example", null, null))).candidate()).isTrue();
    }

    @Test
    void callIsJudgedByItsPrimaryCounterpart() {
        assertExcluded(connectedCall("c1", "ann").counterparts(List.of(
                Counterpart.contact("colleague-contact"), Counterpart.contact("client-1"))), ExclusionReason.COLLEAGUE);
        assertThat(evaluate(connectedCall("c2", "ann").counterparts(List.of(
                new Counterpart(null, null, null, null, "just a name"),
                Counterpart.contact("client-1"), Counterpart.contact("colleague-contact")))).contactKey())
                .isEqualTo("c:client-1");
    }

    @Test
    void aChannelTheHostDoesNotNameIsCountedUnderItsOwnName() {
        LoggedActivity fax = mapper.map(ChangeType.CREATED, email("e1", "ann", "client-1").build());
        fax = new LoggedActivity(fax.id(), fax.sequence(), false, fax.occurredAt(), fax.actorId(), fax.kind(), "Fax",
                fax.direction(), fax.outcome(), fax.durationSeconds(), fax.counterparts(), null, null, null, null,
                false);

        assertThat(rules.judge(fax).touchContributions()).containsExactly(ann("touches"), ann("touches:fax"));
    }

    @Test
    void aMeetingIsWithColleaguesOnlyIfEveryIdentifiableAttendeeIsOne() {
        Activity.Builder colleaguesAndAName = meeting("m1", "ann", Counterpart.contact("colleague-contact"),
                new Counterpart(null, "acme", null, "n/a", "A name only"),
                new Counterpart(null, null, "bob@ourcompany.example", null, "Bob"));
        assertExcluded(colleaguesAndAName, ExclusionReason.COLLEAGUE);

        Activity.Builder lastIsAClient = meeting("m2", "ann", Counterpart.contact("colleague-contact"),
                new Counterpart(null, null, "bob@ourcompany.example", null, "Bob"), Counterpart.contact("client-3"));
        assertThat(evaluate(lastIsAClient).contactKey()).isEqualTo("c:client-3");
    }

    @Test
    void colleagueOutranksOutcome() {
        assertExcluded(activity(ActivityKind.CALL, Outcome.NO_ANSWER).counterpart(Counterpart.contact("colleague-contact")),
                ExclusionReason.COLLEAGUE);
    }

    @Test
    void automatedInteractionsCountForNothingUnlessConfigured() {
        Activity.Builder robocall = connectedCall("c1", "ann").automated(true);
        assertExcluded(robocall, ExclusionReason.AUTOMATED);
        assertThat(alone(robocall).contributions()).isEmpty();
        assertThat(alone(meeting("m1", "ann", Counterpart.contact("x")).automated(true)).contributions()).isEmpty();
        assertThat(alone(dealEvent("n1", "ann", ActivityKind.CONTACT_CREATED).automated(true)).contributions()).isEmpty();

        rules = rules(new CountingSettings(30, 1, true, Set.of(), Set.of()));
        assertThat(alone(robocall).contributions()).containsExactlyInAnyOrder(ann("callAttempts"), ann("touches"),
                ann("touches:phone"), ann("firstContacts"));
    }

    @Test
    void automationOutranksTheCounterpart() {
        assertExcluded(connectedCall("c1", "ann").counterparts(List.of()).automated(true), ExclusionReason.AUTOMATED);
    }

    @Test
    void interactionWithoutAnIdentifiableCounterpartHasNoCounterpart() {
        assertExcluded(connectedCall("c1", "ann").counterparts(List.of()), ExclusionReason.NO_COUNTERPART);
        assertExcluded(connectedCall("c2", "ann").counterpart(new Counterpart(null, "acme", " ", "n/a", "Someone")),
                ExclusionReason.NO_COUNTERPART);
    }

    @Test
    void contactKeyIsTheContactIdElseTheLowerCaseEmailElseThePhoneDigits() {
        assertThat(evaluate(email("e1", "ann", null).counterpart(
                new Counterpart(null, null, " Jo@Acme.EXAMPLE ", "+49 30 1", null))).contactKey())
                .isEqualTo("e:jo@acme.example");
        assertThat(evaluate(connectedCall("c1", "ann").counterpart(
                new Counterpart(null, null, null, "+49 (30) 555-1", null))).contactKey()).isEqualTo("p:49305551");
        assertThat(evaluate(connectedCall("c2", "ann").counterpart(
                new Counterpart("con-7", null, "jo@acme.example", "+49", null))).contactKey()).isEqualTo("c:con-7");
    }

    @Test
    void duplicateKeyBucketsTheManagersLocalEpochDayByTheWindow() {
        rules = rules(new CountingSettings(30, 7, false, Set.of(), Set.of()));
        // Epoch day 20412 is 2025-11-20; buckets of 7: 20412 / 7 = 2916 (20412..20418).
        Instant first = LocalDate.ofEpochDay(2916 * 7).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        String key = evaluate(call("a", "ann", "x").occurredAt(first)).duplicateKey();
        assertThat(key).endsWith("|2916|c:x");
        assertThat(evaluate(call("b", "ann", "x").occurredAt(first.plus(Duration.ofDays(6)))).duplicateKey())
                .isEqualTo(key);
        assertThat(evaluate(call("c", "ann", "x").occurredAt(first.plus(Duration.ofDays(7)))).duplicateKey())
                .isNotEqualTo(key);
        assertThat(evaluate(call("d", "ann", "x").occurredAt(first.minusSeconds(1))).duplicateKey())
                .isNotEqualTo(key);
    }

    @Test
    void windowZeroGivesNoDuplicateKey() {
        rules = rules(new CountingSettings(30, 0, false, Set.of(), Set.of()));
        IndividualDecision decision = evaluate(connectedCall("c1", "ann"));
        assertThat(decision.candidate()).isTrue();
        assertThat(decision.duplicateKey()).isNull();
    }

    @Test
    void duplicateKeysOfDifferentActorsCannotCollide() {
        // Without the length prefix both would be "a|PHONE|<day>|c:x|PHONE|<day>|c:y".
        long day = DAY.toEpochDay();
        String a = evaluate(call("1", "a|PHONE|" + day + "|c:x", "y")).duplicateKey();
        String b = evaluate(call("2", "a", "x|PHONE|" + day + "|c:y")).duplicateKey();
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void dealEventsCountEvenWhenAutomated() {
        assertThat(alone(dealEvent("s1", "ann", ActivityKind.DEAL_STAGE_CHANGED).stage("proposal").automated(true))
                .contributions()).containsExactly(ann("stage:proposal"));
        assertThat(alone(dealEvent("l1", "ann", ActivityKind.DEAL_LOST).automated(true)).contributions())
                .containsExactly(ann("dealsLost"));
        assertThat(alone(dealWon("w1", "ann", "1200.50", "EUR").automated(true)).contributions())
                .containsExactlyInAnyOrder(ann("dealsWon"), new Contribution("ann", "revenue:EUR", DAY, 120050));
        assertThat(evaluate(dealEvent("s2", "ann", ActivityKind.DEAL_STAGE_CHANGED).stage("x")).exclusion()).isNull();
    }

    @ParameterizedTest
    @CsvSource({"EUR, 10.005, 1001", "EUR, 10.004, 1000", "JPY, 1500.5, 1501", "KWD, 1.2345, 1235", "EUR, -3.5, -350"})
    void revenueIsInTheCurrencysMinorUnitsRoundedHalfUp(String currency, String amount, long minor) {
        assertThat(alone(dealWon("w1", "ann", amount, currency)).contributions())
                .contains(new Contribution("ann", "revenue:" + currency, DAY, minor));
    }

    @Test
    void wonDealWithoutAmountOrCurrencyCountsWithoutRevenue() {
        assertThat(alone(dealEvent("w1", "ann", ActivityKind.DEAL_WON)).contributions()).containsExactly(ann("dealsWon"));
        assertThat(alone(dealEvent("w2", "ann", ActivityKind.DEAL_WON).amount(java.math.BigDecimal.TEN)).contributions())
                .containsExactly(ann("dealsWon"));
    }

    @Test
    void stageChangeWithoutAStageCountsNothing() {
        assertThat(alone(dealEvent("s1", "ann", ActivityKind.DEAL_STAGE_CHANGED)).contributions()).isEmpty();
    }

    @Test
    void newContactUnlessAColleague() {
        assertThat(alone(dealEvent("n1", "ann", ActivityKind.CONTACT_CREATED).counterpart(Counterpart.contact("c-9")))
                .contributions()).containsExactly(ann("newContacts"));
        assertThat(alone(dealEvent("n2", "ann", ActivityKind.CONTACT_CREATED)).contributions())
                .containsExactly(ann("newContacts"));
        assertThat(alone(dealEvent("n3", "ann", ActivityKind.CONTACT_CREATED)
                .counterpart(Counterpart.contact("colleague-contact"))).contributions()).isEmpty();
    }

    @Test
    void otherActivitiesCountNothingAndHaveNoReason() {
        CountingState state = alone(dealEvent("o1", "ann", ActivityKind.OTHER).counterpart(Counterpart.contact("x")));
        assertThat(state).isEqualTo(CountingState.none(DAY));
    }

    @Test
    void deletedActivityIsATombstoneWithNoContributionsAndNoKeys() {
        IndividualDecision decision = rules.evaluate(mapper.map(ChangeType.DELETED, connectedCall("c1", "ann").build()));
        assertThat(rules.state(decision, false, false)).isEqualTo(CountingState.none(DAY));
    }

    @Test
    void aFirstContactWhoseTouchDoesNotCountIsABug() {
        IndividualDecision decision = evaluate(connectedCall("c1", "ann"));
        assertThatThrownBy(() -> rules.state(decision, false, true)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void duplicateStateKeepsItsKeysAndOwnContributions() {
        IndividualDecision decision = evaluate(connectedCall("c1", "ann"));
        CountingState state = rules.state(decision, false, false);
        assertThat(state.exclusionReason()).isEqualTo("DUPLICATE");
        assertThat(state.duplicateKey()).isEqualTo(decision.duplicateKey());
        assertThat(state.contactKey()).isEqualTo(decision.contactKey());
        assertThat(state.contributions()).containsExactly(ann("callAttempts"));
    }

    @Test
    void dayIsTheActorsLocalDayEastOfUtcAcrossMidnight() {
        // 22:30 UTC on 1 March is 01:30 on 2 March in Moscow (UTC+3).
        Instant lateEvening = Instant.parse("2026-03-01T22:30:00Z");

        assertThat(evaluate(connectedCall("c1", "moscow").occurredAt(lateEvening)).localDay())
                .isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(evaluate(connectedCall("c2", "ann").occurredAt(lateEvening)).localDay())
                .isEqualTo(LocalDate.of(2026, 3, 1));
    }

    @Test
    void dayIsTheActorsLocalDayWestOfUtcAcrossMidnight() {
        // 05:00 UTC on 2 March is 21:00 on 1 March in Los Angeles (UTC-8, before daylight saving time).
        assertThat(alone(connectedCall("c1", "la").occurredAt(Instant.parse("2026-03-02T05:00:00Z"))).contributions())
                .extracting(Contribution::day).containsOnly(LocalDate.of(2026, 3, 1));
    }

    @Test
    void unknownActorIsCountedOnTheUtcDay() {
        assertThat(evaluate(connectedCall("c1", "ghost").occurredAt(Instant.parse("2026-03-01T23:59:59Z"))).localDay())
                .isEqualTo(LocalDate.of(2026, 3, 1));
    }
}
