package org.pacekpi.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pacekpi.engine.internal.Activities.NOON;
import static org.pacekpi.engine.internal.Activities.call;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.pacekpi.api.dto.RebuildResult;
import org.pacekpi.api.store.CountingState;
import org.pacekpi.host.activity.ActivityKind;

class RebuilderTest {

    private final CountingBench bench = new CountingBench(new InMemoryDirectory().manager("ann", "UTC")
            .manager("bob", "Asia/Tokyo"), CountingSettings.DEFAULTS);
    private final RebuildMarker marker = RebuildMarker.inMemory();

    /**
     * Activities whose groups span pages: in id order the latest touches come first, so a later page holds the
     * earlier touch that must take the count and the first contact over from an activity already recounted.
     */
    private void logActivitiesAcrossPages() {
        for (int i = 0; i < 12; i++) {
            String manager = i % 2 == 0 ? "ann" : "bob";
            bench.apply(bench.create(call("a" + (char) ('z' - i), manager, "con-" + (i % 3))
                    .occurredAt(NOON.plusSeconds(600L * i))));
        }
        bench.apply(bench.delete("ax"));
        bench.apply(bench.create(Activities.dealWon("deal", "ann", "99.99", "EUR")));
        bench.apply(bench.create(Activities.dealEvent("stage", "bob", ActivityKind.DEAL_STAGE_CHANGED).stage("intro")));
    }

    private Rebuilder rebuilder(int pageSize, AtomicBoolean stopping) {
        return new Rebuilder(bench.store, bench.recounter, pageSize, marker, stopping::get);
    }

    @Test
    void rebuildGivesBackExactlyTheIncrementalStatesAndAggregates() {
        logActivitiesAcrossPages();
        Map<String, CountingState> incremental = CountingBench.normalised(bench.store.states());
        var aggregates = bench.store.aggregates();

        RebuildResult result = rebuilder(4, new AtomicBoolean()).rebuild();

        assertThat(result.activities()).isEqualTo(14);
        assertThat(CountingBench.normalised(bench.store.states())).isEqualTo(incremental);
        assertThat(bench.store.aggregates()).isEqualTo(aggregates);
        assertThat(marker.isMarked()).isFalse();
        bench.assertMatchesRecount();
    }

    @Test
    void theLogIsRecountedInPagesOfTheConfiguredSizeEachWrittenWithTheEarlierMembersItChanged() {
        logActivitiesAcrossPages();
        List<List<String>> writes = new ArrayList<>();
        bench.store.hook((activities, cursor) -> writes.add(activities.stream().map(a -> a.activity().id()).toList()));

        rebuilder(4, new AtomicBoolean()).rebuild();

        // 14 activities in id order: pages of 4, 4, 4, 2, then the empty page that ends it.
        assertThat(bench.store.logPageLimits()).containsExactly(4, 4, 4, 4, 4);
        List<String> log = bench.store.log().stream().map(a -> a.id()).toList();
        assertThat(writes).hasSize(4);
        for (int page = 0; page < writes.size(); page++) {
            List<String> own = log.subList(page * 4, Math.min(log.size(), page * 4 + 4));
            List<String> earlier = log.subList(0, page * 4);
            assertThat(writes.get(page)).containsAll(own);
            assertThat(writes.get(page)).allSatisfy(id -> assertThat(own.contains(id) || earlier.contains(id)).isTrue());
        }
        // The second page holds earlier touches than the first: members of the first page were rewritten.
        assertThat(writes.get(1)).hasSizeGreaterThan(4);
    }

    @Test
    void rebuildAppliesTheCurrentRulesToStatesCountedUnderOthers() {
        logActivitiesAcrossPages();
        CountingBench collapsing = bench;
        // The same store recounted with collapsing off: every connected call of the log counts.
        Recounter everyTouch = new Recounter(collapsing.store,
                new CountingRules(new CountingSettings(30, 0, false, java.util.Set.of(), java.util.Set.of()),
                        collapsing.zones));

        new Rebuilder(collapsing.store, everyTouch, 5, marker, () -> false).rebuild();

        assertThat(collapsing.total("ann", "touches") + collapsing.total("bob", "touches")).isEqualTo(11);
    }

    @Test
    void stoppedBetweenPagesItFailsAndLeavesTheMarker() {
        logActivitiesAcrossPages();
        AtomicBoolean stopping = new AtomicBoolean();
        bench.store.hook((activities, cursor) -> stopping.set(true)); // stop requested during the first page

        assertThatThrownBy(() -> rebuilder(4, stopping).rebuild()).isInstanceOf(IllegalStateException.class)
                .hasMessage("the rebuild was stopped after 4 activities; it runs again on the next start");
        assertThat(marker.isMarked()).isTrue();
    }

    @Test
    void pageSizeMustBePositive() {
        assertThatThrownBy(() -> rebuilder(0, new AtomicBoolean())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rebuild page size must be greater than 0, was 0");
    }
}
