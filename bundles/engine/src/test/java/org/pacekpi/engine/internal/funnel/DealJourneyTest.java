package org.pacekpi.engine.internal.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pacekpi.engine.internal.funnel.DealEvents.at;
import static org.pacekpi.engine.internal.funnel.DealEvents.lost;
import static org.pacekpi.engine.internal.funnel.DealEvents.stage;
import static org.pacekpi.engine.internal.funnel.DealEvents.withAmount;
import static org.pacekpi.engine.internal.funnel.DealEvents.won;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.pacekpi.api.dto.Money;
import org.pacekpi.api.store.DealEvent;
import org.pacekpi.engine.internal.funnel.DealJourney.Entry;

/** How one deal's events become first entries into the configured stages. */
class DealJourneyTest {

    // meeting 0, intro 1, presentation 2, proposal 3, paid 4
    private static final FunnelSettings DEFAULTS = FunnelSettings.DEFAULTS;

    @Test
    void eachStageIsEnteredOnceInOrder() {
        DealJourney deal = DealJourney.of("d", List.of(
                stage("a1", "d", "ann", "meeting", "03-01"),
                stage("a2", "d", "ann", "intro", "03-03"),
                stage("a3", "d", "bob", "presentation", "03-06")), DEFAULTS);

        assertThat(deal.entry(0)).contains(new Entry(at("03-01"), "ann", "a1"));
        assertThat(deal.entry(1)).contains(new Entry(at("03-03"), "ann", "a2"));
        assertThat(deal.entry(2)).contains(new Entry(at("03-06"), "bob", "a3"));
        assertThat(deal.reached(3)).isFalse();
        assertThat(deal.open()).isTrue();
        assertThat(deal.closed()).isEmpty();
    }

    @Test
    void aSkippedStageTakesTheEntryOfTheLaterStage() {
        DealJourney deal = DealJourney.of("d", List.of(
                stage("a1", "d", "ann", "meeting", "03-01"),
                stage("a2", "d", "bob", "proposal", "03-05")), DEFAULTS);

        Entry proposal = new Entry(at("03-05"), "bob", "a2");
        assertThat(deal.entry(1)).contains(proposal);
        assertThat(deal.entry(2)).contains(proposal);
        assertThat(deal.entry(3)).contains(proposal);
        assertThat(deal.paid()).isFalse();
    }

    @Test
    void aDealThatStartsLateHasPassedEveryEarlierStage() {
        DealJourney deal = DealJourney.of("d", List.of(stage("a1", "d", "ann", "presentation", "03-02")), DEFAULTS);

        for (int stage = 0; stage <= 2; stage++) {
            assertThat(deal.entry(stage)).contains(new Entry(at("03-02"), "ann", "a1"));
        }
        assertThat(deal.reached(3)).isFalse();
    }

    @Test
    void movingBackAndForwardAgainKeepsTheFirstEntries() {
        DealJourney deal = DealJourney.of("d", List.of(
                stage("a1", "d", "ann", "meeting", "03-01"),
                stage("a2", "d", "ann", "intro", "03-02"),
                stage("a3", "d", "ann", "meeting", "03-04"),
                stage("a4", "d", "ann", "intro", "03-06"),
                stage("a5", "d", "ann", "presentation", "03-08"),
                stage("a6", "d", "ann", "meeting", "03-09")), DEFAULTS);

        assertThat(deal.entry(0)).contains(new Entry(at("03-01"), "ann", "a1"));
        assertThat(deal.entry(1)).contains(new Entry(at("03-02"), "ann", "a2"));
        assertThat(deal.entry(2)).contains(new Entry(at("03-08"), "ann", "a5"));
        assertThat(deal.reached(3)).isFalse();
    }

    @Test
    void aWinAndAStageChangeMappedOntoPaidBothEnterPaid() {
        FunnelSettings mapped = FunnelSettings.of(new String[] {"meeting", "proposal", "paid"}, null,
                new String[] {"invoice-paid=paid"}, null, 180, 10, 30);

        DealJourney won = DealJourney.of("d", List.of(stage("a1", "d", "ann", "meeting", "03-01"),
                won("a2", "d", "bob", "03-09")), mapped);
        DealJourney invoiced = DealJourney.of("e", List.of(stage("b1", "e", "ann", "meeting", "03-01"),
                stage("b2", "e", "ann", "invoice-paid", "03-10")), mapped);

        assertThat(won.paid()).isTrue();
        assertThat(won.entry(1)).contains(new Entry(at("03-09"), "bob", "a2"));
        assertThat(won.closed()).contains(new Entry(at("03-09"), "bob", "a2"));
        assertThat(invoiced.paid()).isTrue();
        assertThat(invoiced.entry(2)).contains(new Entry(at("03-10"), "ann", "b2"));
    }

    @Test
    void aLossClosesTheDealUntilItMovesAgain() {
        DealJourney lostDeal = DealJourney.of("d", List.of(stage("a1", "d", "ann", "meeting", "03-01"),
                lost("a2", "d", "bob", "03-04")), DEFAULTS);
        DealJourney reopened = DealJourney.of("e", List.of(stage("b1", "e", "ann", "intro", "03-01"),
                lost("b2", "e", "ann", "03-04"), stage("b3", "e", "ann", "meeting", "03-06")), DEFAULTS);

        assertThat(lostDeal.open()).isFalse();
        assertThat(lostDeal.lost()).contains(new Entry(at("03-04"), "bob", "a2"));
        assertThat(lostDeal.closed()).isEqualTo(lostDeal.lost());
        assertThat(reopened.open()).isTrue();
        assertThat(reopened.lost()).isEmpty();
        // Moving back to meeting reopened the deal but is no new entry.
        assertThat(reopened.entry(0)).contains(new Entry(at("03-01"), "ann", "b1"));
    }

    @Test
    void aLossAfterPaymentDoesNotUnpayTheDeal() {
        DealJourney deal = DealJourney.of("d", List.of(won("a1", "d", "ann", "03-01"),
                lost("a2", "d", "ann", "03-02")), DEFAULTS);

        assertThat(deal.paid()).isTrue();
        assertThat(deal.lost()).isEmpty();
        assertThat(deal.closed()).contains(new Entry(at("03-01"), "ann", "a1"));
    }

    @Test
    void hostStagesMapByConfigurationOrByTheirOwnIdAndOthersAreIgnored() {
        // "meeting" is mapped away from Pace's meeting: the explicit mapping wins.
        FunnelSettings mapped = FunnelSettings.of(new String[] {"meeting", "intro", "paid"}, null,
                new String[] {"qualified=meeting", "meeting=intro"}, null, 180, 10, 30);

        DealJourney.Trace trace = DealJourney.trace(List.of(
                stage("a1", "d", "ann", "qualified", "03-01"),
                stage("a2", "d", "ann", "negotiation", "03-02"),
                stage("a3", "d", "ann", "meeting", "03-03"),
                stage("b1", "e", "ann", "paid", "03-01"),
                stage("c1", "f", "ann", "lead", "03-01"),
                stage("c2", "f", "ann", null, "03-02")), mapped);

        assertThat(trace.ignoredHostStages()).containsExactlyInAnyOrder("negotiation", "lead");
        assertThat(trace.journeys()).extracting(DealJourney::dealId).containsExactly("d", "e", "f");
        DealJourney d = trace.journeys().get(0);
        assertThat(d.entry(0)).contains(new Entry(at("03-01"), "ann", "a1"));
        assertThat(d.entry(1)).contains(new Entry(at("03-03"), "ann", "a3"));
        assertThat(trace.journeys().get(1).paid()).isTrue();
        assertThat(trace.journeys().get(2).reached(0)).isFalse();
    }

    @Test
    void eventsAreTakenInTimeOrderWhateverOrderTheyArriveIn() {
        List<DealEvent> history = new ArrayList<>(List.of(
                stage("a1", "d", "ann", "meeting", "03-01"),
                stage("a2", "d", "ann", "proposal", "03-03"),
                stage("a3", "d", "ann", "intro", "03-05"),
                lost("a4", "d", "ann", "03-07"),
                // Same instant: the activity id decides, so a5 (intro) comes before a6 (presentation).
                stage("a6", "d", "bob", "presentation", "03-09"),
                stage("a5", "d", "ann", "intro", "03-09")));
        DealJourney expected = DealJourney.of("d", history, DEFAULTS);
        Collections.shuffle(history, new Random(42));

        DealJourney shuffled = DealJourney.of("d", history, DEFAULTS);

        assertThat(shuffled.toString()).isEqualTo(expected.toString());
        assertThat(expected.entry(1)).contains(new Entry(at("03-03"), "ann", "a2"));
        assertThat(expected.lost()).isEmpty();
    }

    @Test
    void thePaidAmountIsTheWinsOrElseTheLatestTheDealCarried() {
        DealJourney ownAmount = DealJourney.of("d", List.of(
                withAmount(stage("a1", "d", "ann", "proposal", "03-01"), "500", "EUR"),
                won("a2", "d", "ann", "03-02", "450.50", "EUR")), DEFAULTS);
        DealJourney carried = DealJourney.of("e", List.of(
                withAmount(stage("b1", "e", "ann", "meeting", "03-01"), "100", "USD"),
                withAmount(stage("b2", "e", "ann", "proposal", "03-02"), "120", "USD"),
                won("b3", "e", "ann", "03-03")), DEFAULTS);
        DealJourney none = DealJourney.of("f", List.of(won("c1", "f", "ann", "03-03")), DEFAULTS);
        DealJourney open = DealJourney.of("g", List.of(won("x", "g", "ann", "03-03", "9", "EUR"),
                lost("y", "g", "ann", "03-04")), DEFAULTS);

        assertThat(ownAmount.paidAmount()).contains(new Money("EUR", new BigDecimal("450.50")));
        assertThat(carried.paidAmount()).contains(new Money("USD", new BigDecimal("120")));
        assertThat(none.paidAmount()).isEmpty();
        assertThat(open.paidAmount()).contains(new Money("EUR", new BigDecimal("9")));
    }
}
