package org.pacekpi.engine.internal.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pacekpi.engine.internal.funnel.DealEvents.at;
import static org.pacekpi.engine.internal.funnel.DealEvents.lost;
import static org.pacekpi.engine.internal.funnel.DealEvents.stage;
import static org.pacekpi.engine.internal.funnel.DealEvents.won;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.pacekpi.api.dto.Money;
import org.pacekpi.api.store.DealEvent;
import org.pacekpi.api.targets.ConversionMethod;
import org.pacekpi.api.targets.ConversionReport;
import org.pacekpi.api.targets.Exact;
import org.pacekpi.api.targets.MeasuredRate;
import org.pacekpi.api.targets.Scope;
import org.pacekpi.api.targets.StageTiming;
import org.pacekpi.engine.internal.funnel.FunnelMeter.Population;
import org.pacekpi.engine.internal.plan.Fraction;

/**
 * The measures on a history whose answers are worked out by hand below. Stages meeting, proposal, paid; the window is
 * March 2026 (UTC); now is 12 April 2026.
 *
 * <pre>
 * ann's deals                                    bob's deals
 * D1 meeting 03-02, proposal 03-05, won 03-20    B1 meeting 03-02, proposal 03-03, lost 03-15
 *    (1000 EUR)                                  B2 meeting 03-05, proposal 03-06, won 03-09 (500 EUR)
 * D2 meeting 03-03, proposal 03-10, lost 03-25
 * D3 meeting 03-04, lost 03-06
 * D4 meeting 02-20, proposal 03-08, won 04-10 (3000 EUR)
 * D5 meeting 03-28, open (15 days old)
 * D6 meeting 03-20, open (23 days old)
 * </pre>
 */
class FunnelMeterTest {

    private static final FunnelSettings SETTINGS = FunnelSettings.of(new String[] {"meeting", "proposal", "paid"},
            null, null, new String[0], 180, 10, 30);
    private static final FunnelWindow MARCH = new FunnelWindow(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31),
            ZoneOffset.UTC);
    private static final Instant NOW = at("04-12");

    private static final List<DealEvent> ANN = List.of(
            stage("d1a", "D1", "ann", "meeting", "03-02"), stage("d1b", "D1", "ann", "proposal", "03-05"),
            won("d1c", "D1", "ann", "03-20", "1000", "EUR"),
            stage("d2a", "D2", "ann", "meeting", "03-03"), stage("d2b", "D2", "ann", "proposal", "03-10"),
            lost("d2c", "D2", "ann", "03-25"),
            stage("d3a", "D3", "ann", "meeting", "03-04"), lost("d3b", "D3", "ann", "03-06"),
            stage("d4a", "D4", "ann", "meeting", "02-20"), stage("d4b", "D4", "ann", "proposal", "03-08"),
            won("d4c", "D4", "ann", "04-10", "3000", "EUR"),
            stage("d5a", "D5", "ann", "meeting", "03-28"),
            stage("d6a", "D6", "ann", "meeting", "03-20"));
    private static final List<DealEvent> BOB = List.of(
            stage("b1a", "B1", "bob", "meeting", "03-02"), stage("b1b", "B1", "bob", "proposal", "03-03"),
            lost("b1c", "B1", "bob", "03-15"),
            stage("b2a", "B2", "bob", "meeting", "03-05"), stage("b2b", "B2", "bob", "proposal", "03-06"),
            won("b2c", "B2", "bob", "03-09", "500", "EUR"));

    private final FunnelMeter meter = new FunnelMeter(SETTINGS);

    private ConversionReport annAlone(ConversionMethod method) {
        return meter.measure(Scope.team("solo"), MARCH, method, NOW, Population.team(Set.of("ann")),
                DealJourney.trace(ANN, SETTINGS).journeys(), Map.of());
    }

    private ConversionReport annInTeam(ConversionMethod method, FunnelSettings settings) {
        List<DealEvent> all = new ArrayList<>(ANN);
        all.addAll(BOB);
        return new FunnelMeter(settings).measure(Scope.manager("ann"), MARCH, method, NOW,
                Population.manager("ann", Set.of("ann", "bob")), DealJourney.trace(all, settings).journeys(),
                Map.of());
    }

    @Test
    void cohortFollowsTheDealsThatEnteredAStageInTheWindowAndLeavesOutTheTooYoung() {
        ConversionReport report = annAlone(ConversionMethod.COHORT);

        // meeting -> proposal: D1, D2, D3, D5, D6 entered meeting in March (D4 in February). D1 and D2 reached
        // proposal, D3 was lost. Moves meeting -> proposal completed in March took 3 (D1), 7 (D2) and 16 days (D4):
        // the 80th percentile is the 3rd of 3, 16 days. D5 (15 days old) is too young, D6 (23 days) a failure.
        assertRate(report.toNext().get(0), "meeting", "proposal", 2, 4, 1, "1/2");
        // proposal -> paid: D1, D2, D4 entered proposal in March; D1 and D4 (in April) were paid, D2 lost.
        assertRate(report.toNext().get(1), "proposal", "paid", 2, 3, 0, "2/3");
        // meeting -> paid: of D1, D2, D3, D5, D6 only D1 was paid. The only move meeting -> paid in March took 18
        // days (D1), so D5 (15 days) is too young and D6 (23 days) a failure.
        assertRate(report.toPaid().get(0), "meeting", "paid", 1, 4, 1, "1/4");
        assertThat(report.toPaid().get(1)).isEqualTo(report.toNext().get(1));
        assertThat(report.toNext().get(0).teamRate()).isNull();
        assertThat(report.toNext().get(0).explanation()).isEqualTo("Of 4 meetings from 2026-03-01 to 2026-03-31, "
                + "2 went on to proposals (0.5: 1 proposal per 2 meetings); 1 more, still open and entered less "
                + "than 16 days ago (the 80th percentile of the time from meeting to proposal), was left out as too "
                + "young to judge");
        assertThat(report.toNext().get(1).explanation()).isEqualTo("Of 3 proposals from 2026-03-01 to 2026-03-31, "
                + "2 went on to paid deals (0.67: 1 paid deal per 1.5 proposals)");
    }

    @Test
    void snapshotDividesTheWindowsEntries() {
        ConversionReport report = annAlone(ConversionMethod.SNAPSHOT);

        // Entries in March: meeting D1 D2 D3 D5 D6 (5), proposal D1 D2 D4 (3), paid D1 (1).
        assertRate(report.toNext().get(0), "meeting", "proposal", 3, 5, 0, "3/5");
        assertRate(report.toNext().get(1), "proposal", "paid", 1, 3, 0, "1/3");
        assertRate(report.toPaid().get(0), "meeting", "paid", 1, 5, 0, "1/5");
        assertThat(report.method()).isEqualTo(ConversionMethod.SNAPSHOT);
        assertThat(report.toNext().get(1).explanation())
                .isEqualTo("1 paid deal over 3 proposals from 2026-03-01 to 2026-03-31 (0.33: 1 paid deal per 3 "
                        + "proposals)");
    }

    @Test
    void timesAreOverTheMovesCompletedInTheWindow() {
        ConversionReport report = annAlone(ConversionMethod.COHORT);

        assertThat(report.timesToNext()).containsExactly(
                new StageTiming("meeting", "proposal", 3, new BigDecimal("7.00"), new BigDecimal("16.00")),
                new StageTiming("proposal", "paid", 1, new BigDecimal("15.00"), new BigDecimal("15.00")));
        assertThat(report.timesToPaid()).containsExactly(
                new StageTiming("meeting", "paid", 1, new BigDecimal("18.00"), new BigDecimal("18.00")),
                new StageTiming("proposal", "paid", 1, new BigDecimal("15.00"), new BigDecimal("15.00")));
    }

    @Test
    void winRateAndAverageDealAreOverTheDealsClosedInTheWindow() {
        ConversionReport report = annAlone(ConversionMethod.COHORT);

        // Closed in March: D1 paid, D2 and D3 lost. D4 was paid in April.
        assertRate(report.winRate(), "closed", "paid", 1, 3, 0, "1/3");
        assertThat(report.winRate().explanation())
                .isEqualTo("Of 3 deals closed from 2026-03-01 to 2026-03-31, 1 was paid (0.33)");
        assertThat(report.dealsPaid()).isEqualTo(1);
        assertThat(report.averagePaidDeal()).containsExactly(new Money("EUR", new BigDecimal("1000.00")));
    }

    @Test
    void aManagersRatesAreShrunkTowardTheTeamsWhoseTimesDecideWhatIsTooYoung() {
        ConversionReport report = annInTeam(ConversionMethod.COHORT, SETTINGS);

        // The team's moves meeting -> proposal in March: 1, 1 (bob), 3, 7, 16 days (ann): the 80th percentile is the
        // 4th of 5, 7 days, so D5 (15 days old) is no longer too young: ann 2 of 5, the team 4 of 7.
        // (2 + 10 x 4/7) / (5 + 10) = (54/7) / 15 = 18/35.
        MeasuredRate meetingToProposal = report.toNext().get(0);
        assertRate(meetingToProposal, "meeting", "proposal", 2, 5, 0, "18/35");
        assertThat(meetingToProposal.raw()).isEqualTo(exact(Fraction.of(2, 5)));
        assertThat(meetingToProposal.teamRate()).isEqualTo(exact(Fraction.of(4, 7)));
        // Win rate: ann 1 of 3, the team 2 of 5 (bob: B2 paid, B1 lost): (1 + 10 x 2/5) / (3 + 10) = 5/13.
        assertRate(report.winRate(), "closed", "paid", 1, 3, 0, "5/13");
        assertThat(report.winRate().explanation()).isEqualTo("Of 3 deals closed from 2026-03-01 to 2026-03-31, "
                + "1 was paid (0.33); shrunk toward the team's 0.4 with a weight of 10: (1 + 10 × 0.4) / (3 + 10) "
                + "= 0.38");
        // The manager's own times, paid deals and average deal are not mixed with the team's.
        assertThat(report.timesToNext().get(0).sampleSize()).isEqualTo(3);
        assertThat(report.dealsPaid()).isEqualTo(1);
        assertThat(report.averagePaidDeal()).containsExactly(new Money("EUR", new BigDecimal("1000.00")));
    }

    @Test
    void shrinkageWeightZeroLeavesTheManagersOwnRate() {
        FunnelSettings unshrunk = FunnelSettings.of(new String[] {"meeting", "proposal", "paid"}, null, null,
                new String[0], 180, 0, 30);

        ConversionReport report = annInTeam(ConversionMethod.COHORT, unshrunk);

        assertThat(report.winRate().rate()).isEqualTo(exact(Fraction.of(1, 3)));
        assertThat(report.winRate().teamRate()).isEqualTo(exact(Fraction.of(2, 5)));
        assertThat(report.winRate().explanation()).endsWith("; not shrunk (shrinkage weight 0), the team's is 0.4");
    }

    @Test
    void aManagerWithNoSampleGetsTheTeamsRateAndAnEmptyTeamNothing() {
        List<DealJourney> bobsDeals = DealJourney.trace(BOB, SETTINGS).journeys();

        ConversionReport carl = meter.measure(Scope.manager("carl"), MARCH, ConversionMethod.COHORT, NOW,
                Population.manager("carl", Set.of("bob")), bobsDeals, Map.of());
        ConversionReport empty = meter.measure(Scope.team("none"), MARCH, ConversionMethod.COHORT, NOW,
                Population.team(Set.of()), bobsDeals, Map.of());
        ConversionReport alone = meter.measure(Scope.manager("carl"), MARCH, ConversionMethod.COHORT, NOW,
                Population.manager("carl", null), bobsDeals, Map.of());

        MeasuredRate carlsWins = carl.winRate();
        assertThat(carlsWins.sampleSize()).isZero();
        assertThat(carlsWins.raw()).isNull();
        assertThat(carlsWins.rate()).isEqualTo(exact(Fraction.of(1, 2)));
        assertThat(carlsWins.explanation()).isEqualTo("No deals closed from 2026-03-01 to 2026-03-31; with none of "
                + "the manager's own, the team's 0.5 is used");
        assertThat(empty.winRate().rate()).isNull();
        assertThat(empty.winRate().explanation()).isEqualTo("No deals closed from 2026-03-01 to 2026-03-31: nothing "
                + "to measure");
        assertThat(alone.winRate().rate()).isNull();
        assertThat(alone.winRate().teamRate()).isNull();
        assertThat(empty.timesToNext().get(0)).isEqualTo(new StageTiming("meeting", "proposal", 0, null, null));
        assertThat(empty.averagePaidDeal()).isEmpty();
    }

    @Test
    void withoutAnyTimeOfTheMoveTheFallbackAgeDecidesWhatIsTooYoung() {
        // Only open deals: no move was ever completed, so no percentile; the fallback is 30 days, then 5.
        List<DealEvent> open = List.of(stage("o1", "O1", "ann", "meeting", "03-30"),
                stage("o2", "O2", "ann", "meeting", "03-02"));
        FunnelSettings shortFallback = FunnelSettings.of(new String[] {"meeting", "proposal", "paid"}, null, null,
                new String[0], 180, 10, 5);

        MeasuredRate thirty = meter.measure(Scope.team("t"), MARCH, ConversionMethod.COHORT, NOW,
                Population.team(Set.of("ann")), DealJourney.trace(open, SETTINGS).journeys(), Map.of()).toNext().get(0);
        MeasuredRate five = new FunnelMeter(shortFallback).measure(Scope.team("t"), MARCH, ConversionMethod.COHORT,
                NOW, Population.team(Set.of("ann")), DealJourney.trace(open, shortFallback).journeys(), Map.of())
                .toNext().get(0);

        // O1 is 13 days old, O2 41 days.
        assertRate(thirty, "meeting", "proposal", 0, 1, 1, "0");
        assertThat(thirty.explanation()).isEqualTo("Of 1 meeting from 2026-03-01 to 2026-03-31, 0 went on to "
                + "proposals (0); 1 more, still open and entered less than 30 days ago (no time from meeting to "
                + "proposal measured yet, so the configured fallback), was left out as too young to judge");
        assertRate(five, "meeting", "proposal", 0, 2, 0, "0");
    }

    @Test
    void skippedStagesCountAsPassedButAddNoTime() {
        // S1 went from meeting straight to paid: it passed proposal (cohort success) but spent no time there.
        List<DealEvent> skipper = List.of(stage("s1", "S1", "ann", "meeting", "03-02"),
                won("s2", "S1", "ann", "03-12"));

        ConversionReport report = meter.measure(Scope.team("t"), MARCH, ConversionMethod.COHORT, NOW,
                Population.team(Set.of("ann")), DealJourney.trace(skipper, SETTINGS).journeys(), Map.of());

        assertRate(report.toNext().get(0), "meeting", "proposal", 1, 1, 0, "1");
        assertRate(report.toNext().get(1), "proposal", "paid", 1, 1, 0, "1");
        assertThat(report.timesToNext()).containsExactly(
                new StageTiming("meeting", "proposal", 1, new BigDecimal("10.00"), new BigDecimal("10.00")),
                new StageTiming("proposal", "paid", 0, null, null));
        assertThat(report.timesToPaid().get(0).medianDays()).isEqualByComparingTo("10");
    }

    @Test
    void aDealCountsForTheManagerWhoseEventPutItInTheSample() {
        // ann booked the meeting, bob made the proposal, ann won it.
        List<DealEvent> shared = List.of(stage("x1", "X", "ann", "meeting", "03-02"),
                stage("x2", "X", "bob", "proposal", "03-04"), won("x3", "X", "ann", "03-08", "70", "USD"));
        List<DealJourney> deals = DealJourney.trace(shared, SETTINGS).journeys();

        ConversionReport ann = meter.measure(Scope.team("a"), MARCH, ConversionMethod.COHORT, NOW,
                Population.team(Set.of("ann")), deals, Map.of());
        ConversionReport bob = meter.measure(Scope.team("b"), MARCH, ConversionMethod.COHORT, NOW,
                Population.team(Set.of("bob")), deals, Map.of());

        assertRate(ann.toNext().get(0), "meeting", "proposal", 1, 1, 0, "1");
        assertThat(ann.toNext().get(1).sampleSize()).isZero();
        assertThat(ann.timesToNext().get(0).sampleSize()).isZero();
        assertThat(ann.timesToNext().get(1).sampleSize()).isEqualTo(1);
        assertThat(ann.dealsPaid()).isEqualTo(1);
        assertThat(ann.averagePaidDeal()).containsExactly(new Money("USD", new BigDecimal("70.00")));
        assertThat(bob.toNext().get(0).sampleSize()).isZero();
        assertRate(bob.toNext().get(1), "proposal", "paid", 1, 1, 0, "1");
        assertThat(bob.timesToNext().get(0).sampleSize()).isEqualTo(1);
        assertThat(bob.winRate().sampleSize()).isZero();
        assertThat(bob.dealsPaid()).isZero();
    }

    @Test
    void aSnapshotAboveOneIsCappedForUse() {
        // Two proposals entered in March from meetings booked in February.
        List<DealEvent> late = List.of(stage("l1", "L1", "ann", "meeting", "02-20"),
                stage("l2", "L1", "ann", "proposal", "03-02"), stage("l3", "L2", "ann", "meeting", "02-21"),
                stage("l4", "L2", "ann", "proposal", "03-03"), stage("l5", "L3", "ann", "meeting", "03-03"));

        MeasuredRate rate = meter.measure(Scope.team("t"), MARCH, ConversionMethod.SNAPSHOT, NOW,
                Population.team(Set.of("ann")), DealJourney.trace(late, SETTINGS).journeys(), Map.of()).toNext().get(0);

        assertThat(rate.raw()).isEqualTo(exact(Fraction.of(2)));
        assertThat(rate.rate()).isEqualTo(exact(Fraction.ONE));
        assertThat(rate.explanation()).isEqualTo("2 proposals over 1 meeting from 2026-03-01 to 2026-03-31 (2: 1 "
                + "proposal per 0.5 meetings); above 1, so 1 is used");
    }

    @Test
    void activityRatiosComeFromTheWindowsTotalsAndTheFirstStagesEntries() {
        FunnelSettings withActivities = FunnelSettings.of(new String[] {"meeting", "proposal", "paid"}, null, null,
                new String[] {"touches", "firstContacts", "meetingsHeld"}, 180, 10, 30);
        Map<String, Map<String, Long>> totals = Map.of(
                "ann", Map.of("touches", 30L, "firstContacts", 10L, "meetingsHeld", 14L),
                "bob", Map.of("touches", 20L, "firstContacts", 2L, "meetingsHeld", 1L, "callAttempts", 99L));

        ConversionReport report = new FunnelMeter(withActivities).measure(Scope.team("t"), MARCH,
                ConversionMethod.COHORT, NOW, Population.team(Set.of("ann", "bob")),
                DealJourney.trace(ANN, withActivities).journeys(), totals);

        assertThat(report.steps()).extracting(s -> s.id())
                .containsExactly("touches", "firstContacts", "meetingsHeld", "meeting", "proposal", "paid");
        assertThat(report.toNext()).hasSize(5);
        assertRate(report.toNext().get(0), "touches", "firstContacts", 12, 50, 0, "6/25");
        assertThat(report.toNext().get(0).explanation()).isEqualTo("12 first contacts over 50 touches from "
                + "2026-03-01 to 2026-03-31 (0.24: 1 first contact per 4.17 touches)");
        // 15 meetings held from 12 first contacts: above 1, capped for use.
        MeasuredRate meetings = report.toNext().get(1);
        assertThat(meetings.raw()).isEqualTo(exact(Fraction.of(5, 4)));
        assertThat(meetings.rate()).isEqualTo(exact(Fraction.ONE));
        assertThat(meetings.explanation()).endsWith("; above 1, so 1 is used");
        // ann's deals entered meeting 5 times in March.
        assertRate(report.toNext().get(2), "meetingsHeld", "meeting", 5, 15, 0, "1/3");
        assertThat(report.toNext().get(2).explanation()).isEqualTo("5 meetings over 15 meetings held from "
                + "2026-03-01 to 2026-03-31 (0.33: 1 meeting per 3 meetings held)");
        assertThat(report.toNext().get(3).from()).isEqualTo("meeting");
        assertThat(report.toPaid()).hasSize(2);
    }

    @Test
    void anActivityWithNoTotalHasNoRawRate() {
        FunnelSettings withActivities = FunnelSettings.of(new String[] {"meeting", "paid"}, null, null,
                new String[] {"touches"}, 180, 10, 30);

        MeasuredRate rate = new FunnelMeter(withActivities).measure(Scope.team("t"), MARCH, ConversionMethod.COHORT,
                NOW, Population.team(Set.of("ann")), List.of(), Map.of()).toNext().get(0);

        assertThat(rate.sampleSize()).isZero();
        assertThat(rate.raw()).isNull();
        assertThat(rate.rate()).isNull();
        assertThat(rate.explanation()).isEqualTo("No touches from 2026-03-01 to 2026-03-31 (0 meetings): nothing to "
                + "measure");
    }

    private static Exact exact(Fraction value) {
        return Exacts.of(value);
    }

    private static void assertRate(MeasuredRate rate, String from, String to, long successes, long sample,
                                   long tooYoung, String used) {
        assertThat(rate.from()).isEqualTo(from);
        assertThat(rate.to()).isEqualTo(to);
        assertThat(rate.successes()).as("successes").isEqualTo(successes);
        assertThat(rate.sampleSize()).as("sample").isEqualTo(sample);
        assertThat(rate.tooYoung()).as("too young").isEqualTo(tooYoung);
        assertThat(rate.rate().fraction()).as("rate").isEqualTo(used);
    }
}
