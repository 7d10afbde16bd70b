package org.pacekpi.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pacekpi.engine.internal.Activities.NOON;
import static org.pacekpi.engine.internal.Activities.call;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.pacekpi.api.dto.RebuildResult;
import org.pacekpi.api.store.CountingState;
import org.pacekpi.host.activity.ActivityKind;

class RebuilderTest {

    private final CountingBench bench = new CountingBench(new InMemoryDirectory().manager("ann", "UTC")
            .manager("bob", "Asia/Tokyo"), CountingSettings.DEFAULTS);
    private final RebuildMarker marker = RebuildMarker.inMemory();

    /**
     * Activities whose groups span batches: in id order the latest touches come first, so a later batch holds the
     * earlier touch that must take the count and the first contact over from an activity judged before.
     */
    private void logActivitiesAcrossBatches() {
        for (int i = 0; i < 12; i++) {
            String manager = i % 2 == 0 ? "ann" : "bob";
            bench.apply(bench.create(call("a" + (char) ('z' - i), manager, "con-" + (i % 3))
                    .occurredAt(NOON.plusSeconds(600L * i))));
        }
        bench.apply(bench.delete("ax"));
        bench.apply(bench.create(Activities.dealWon("deal", "ann", "99.99", "EUR")));
        bench.apply(bench.create(Activities.dealEvent("stage", "bob", ActivityKind.DEAL_STAGE_CHANGED).stage("intro")));
    }

    private Rebuilder rebuilder(int batchSize, BooleanSupplier stopping) {
        return new Rebuilder(bench.store, bench.recounter.rules(), batchSize, marker, stopping);
    }

    @Test
    void rebuildGivesBackExactlyTheIncrementalStatesAndAggregates() {
        logActivitiesAcrossBatches();
        Map<String, CountingState> incremental = CountingBench.normalised(bench.store.states());
        var aggregates = bench.store.aggregates();

        RebuildResult result = rebuilder(4, () -> false).rebuild();

        assertThat(result.activities()).isEqualTo(14);
        assertThat(CountingBench.normalised(bench.store.states())).isEqualTo(incremental);
        assertThat(bench.store.aggregates()).isEqualTo(aggregates);
        assertThat(marker.isMarked()).isFalse();
        bench.assertMatchesRecount();
    }

    @Test
    void theStoreRecountsTheLogOnceWithTheConfiguredBatchSizeAndNothingIsWrittenIncrementally() {
        logActivitiesAcrossBatches();
        int writes = bench.store.writes();

        rebuilder(4, () -> false).rebuild();

        assertThat(bench.store.recountBatchSizes()).containsExactly(4);
        assertThat(bench.store.writes()).isEqualTo(writes);
    }

    @Test
    void aRebuildAfterAResetCountsEverythingAgain() {
        logActivitiesAcrossBatches();
        var aggregates = bench.store.aggregates();
        bench.store.resetCounting();
        assertThat(bench.store.aggregates()).isEmpty();

        rebuilder(3, () -> false).rebuild();

        assertThat(bench.store.aggregates()).isEqualTo(aggregates);
        bench.assertMatchesRecount();
    }

    @Test
    void rebuildAppliesTheCurrentRulesToStatesCountedUnderOthers() {
        logActivitiesAcrossBatches();
        // The same store recounted with collapsing off: every connected call of the log counts.
        CountingSettings everyTouch = new CountingSettings(30, 0, false, java.util.Set.of(), java.util.Set.of());

        new Rebuilder(bench.store, new CountingRules(everyTouch, bench.zones), 5, marker, () -> false).rebuild();

        assertThat(bench.total("ann", "touches") + bench.total("bob", "touches")).isEqualTo(11);
        Map<String, CountingState> expected = Recount.fromLog(bench.store.log(), everyTouch, bench.zones);
        assertThat(CountingBench.normalised(bench.store.states())).isEqualTo(CountingBench.normalised(expected));
        assertThat(bench.store.aggregates()).isEqualTo(Recount.aggregates(expected.values()));
    }

    @Test
    void stoppedItFailsLeavesThePreviousCountingAndTheMarker() {
        logActivitiesAcrossBatches();
        Map<String, CountingState> before = bench.store.states();
        var aggregates = bench.store.aggregates();
        AtomicInteger asked = new AtomicInteger();

        // Stop requested while the fifth activity is about to be judged.
        assertThatThrownBy(() -> rebuilder(4, () -> asked.incrementAndGet() > 5).rebuild())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the rebuild was stopped after 5 activities; the previous counting stays, and the rebuild"
                        + " runs again on the next start");
        assertThat(marker.isMarked()).isTrue();
        assertThat(bench.store.states()).isEqualTo(before);
        assertThat(bench.store.aggregates()).isEqualTo(aggregates);
    }

    @Test
    void batchSizeMustBePositive() {
        assertThatThrownBy(() -> rebuilder(0, () -> false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rebuild batch size must be greater than 0, was 0");
    }
}
