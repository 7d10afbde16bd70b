package org.pacekpi.engine.internal.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import org.pacekpi.api.store.DealEvent;
import org.pacekpi.api.targets.ConversionMethod;
import org.pacekpi.api.targets.ConversionReport;
import org.pacekpi.api.targets.MeasuredRate;
import org.pacekpi.api.targets.Scope;
import org.pacekpi.api.targets.StageTiming;
import org.pacekpi.engine.internal.funnel.FunnelMeter.Population;

/**
 * The promises of the measurement on random deal histories: cohort rates are shares of their sample; the cohort's
 * sample and its too-young deals are exactly the window's entries; every rate used lies in [0, 1]; the arrival order
 * of the events changes nothing; a journey never enters a stage before an earlier one.
 */
class FunnelPropertyTest {

    private static final FunnelSettings SETTINGS = FunnelSettings.of(new String[] {"meeting", "intro", "proposal",
            "paid"}, null, new String[] {"qualified=meeting"}, new String[0], 180, 10, 20);
    private static final LocalDate EPOCH = LocalDate.of(2026, 1, 1);
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final List<String> MANAGERS = List.of("ann", "bob", "cid");
    private static final List<String> HOST_STAGES = List.of("meeting", "intro", "proposal", "paid", "qualified",
            "negotiation");

    @Provide
    Arbitrary<List<DealEvent>> histories() {
        Arbitrary<String> kind = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.just("DEAL_STAGE_CHANGED")),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("DEAL_WON")),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("DEAL_LOST")));
        Arbitrary<String> stage = Arbitraries.of(HOST_STAGES).injectNull(0.05);
        Arbitrary<String> manager = Arbitraries.of(MANAGERS);
        Arbitrary<Integer> hour = Arbitraries.integers().between(0, 150 * 24);
        Arbitrary<BigDecimal> amount = Arbitraries.integers().between(1, 10_000).map(BigDecimal::valueOf)
                .injectNull(0.3);
        Arbitrary<DealEvent> event = Combinators.combine(kind, stage, manager, hour, amount).as((k, s, m, h, a) ->
                new DealEvent(null, null, m, k, s, EPOCH.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(h * 3600L),
                        a, a == null ? null : (h % 2 == 0 ? "EUR" : "USD")));
        return event.list().ofMinSize(1).ofMaxSize(6).list().ofMaxSize(25).map(deals -> {
            List<DealEvent> events = new ArrayList<>();
            for (int d = 0; d < deals.size(); d++) {
                for (int e = 0; e < deals.get(d).size(); e++) {
                    DealEvent x = deals.get(d).get(e);
                    events.add(new DealEvent("d" + d + "-" + e, "d" + d, x.managerId(), x.kind(), x.stage(),
                            x.occurredAt(), x.amount(), x.currency()));
                }
            }
            return events;
        });
    }

    private static FunnelWindow window(int start, int length) {
        return new FunnelWindow(EPOCH.plusDays(start), EPOCH.plusDays(start + length - 1L), ZoneOffset.UTC);
    }

    private static ConversionReport measure(List<DealEvent> events, FunnelWindow window, ConversionMethod method,
                                            boolean manager) {
        Population population = manager ? Population.manager("ann", Set.of("ann", "bob"))
                : Population.team(Set.of("ann", "bob"));
        return new FunnelMeter(SETTINGS).measure(Scope.team("t"), window, method, NOW, population,
                DealJourney.trace(events, SETTINGS).journeys(), Map.of());
    }

    @Property(tries = 300)
    void cohortRatesAreSharesOfTheWindowsEntries(@ForAll("histories") List<DealEvent> events,
                                                 @ForAll @IntRange(min = 0, max = 120) int start,
                                                 @ForAll @IntRange(min = 1, max = 90) int length,
                                                 @ForAll boolean manager) {
        FunnelWindow window = window(start, length);
        ConversionReport cohort = measure(events, window, ConversionMethod.COHORT, manager);
        ConversionReport snapshot = measure(events, window, ConversionMethod.SNAPSHOT, manager);

        List<MeasuredRate> cohortRates = new ArrayList<>(cohort.toNext());
        cohortRates.addAll(cohort.toPaid());
        cohortRates.add(cohort.winRate());
        for (MeasuredRate rate : cohortRates) {
            assertThat(rate.successes()).isBetween(0L, rate.sampleSize());
            assertUnitInterval(rate);
        }
        for (int i = 0; i < cohort.toNext().size(); i++) {
            // Every deal that entered the stage in the window is judged or left out as too young.
            assertThat(cohort.toNext().get(i).sampleSize() + cohort.toNext().get(i).tooYoung())
                    .isEqualTo(snapshot.toNext().get(i).sampleSize());
            assertThat(cohort.toPaid().get(i).sampleSize() + cohort.toPaid().get(i).tooYoung())
                    .isEqualTo(snapshot.toPaid().get(i).sampleSize());
        }
        snapshot.toNext().forEach(FunnelPropertyTest::assertUnitInterval);
        snapshot.toPaid().forEach(FunnelPropertyTest::assertUnitInterval);
        for (StageTiming timing : cohort.timesToNext()) {
            if (timing.sampleSize() > 0) {
                assertThat(timing.medianDays()).isNotNegative().isLessThanOrEqualTo(timing.p80Days());
            } else {
                assertThat(timing.medianDays()).isNull();
            }
        }
        assertThat(cohort.dealsPaid()).isEqualTo(snapshot.toPaid().get(0).successes());
    }

    @Property(tries = 200)
    void theArrivalOrderOfTheEventsChangesNothing(@ForAll("histories") List<DealEvent> events, @ForAll long seed,
                                                  @ForAll @IntRange(min = 0, max = 120) int start,
                                                  @ForAll @IntRange(min = 1, max = 90) int length,
                                                  @ForAll boolean manager) {
        List<DealEvent> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, new Random(seed));
        FunnelWindow window = window(start, length);

        for (ConversionMethod method : ConversionMethod.values()) {
            assertThat(measure(shuffled, window, method, manager))
                    .isEqualTo(measure(events, window, method, manager));
        }
    }

    @Property(tries = 300)
    void aJourneyEntersStagesInOrder(@ForAll("histories") List<DealEvent> events) {
        for (DealJourney deal : DealJourney.trace(events, SETTINGS).journeys()) {
            for (int stage = 1; stage < SETTINGS.stages().size(); stage++) {
                if (deal.reached(stage)) {
                    assertThat(deal.reached(stage - 1)).isTrue();
                    assertThat(deal.entry(stage - 1).orElseThrow().at())
                            .isBeforeOrEqualTo(deal.entry(stage).orElseThrow().at());
                }
            }
            assertThat(deal.paid() && deal.lost().isPresent()).isFalse();
            if (!deal.paid()) {
                assertThat(deal.paidAmount()).isEmpty();
            }
        }
    }

    private static void assertUnitInterval(MeasuredRate rate) {
        if (rate.sampleSize() == 0) {
            assertThat(rate.raw()).isNull();
        } else {
            assertThat(rate.raw().decimal()).isNotNegative();
        }
        if (rate.rate() != null) {
            assertThat(rate.rate().decimal()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
            assertThat(Exacts.fraction(rate.rate()).compareTo(org.pacekpi.engine.internal.plan.Fraction.ONE))
                    .isLessThanOrEqualTo(0);
        }
    }
}
