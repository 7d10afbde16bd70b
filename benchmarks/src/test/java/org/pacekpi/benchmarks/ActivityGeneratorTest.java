package org.pacekpi.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.pacekpi.host.activity.Activity;
import org.pacekpi.host.activity.ActivityChange;
import org.pacekpi.host.activity.ActivityKind;
import org.pacekpi.host.activity.ChangeType;
import org.pacekpi.host.activity.HistoryPage;

class ActivityGeneratorTest {

    private static final LocalDate LAST_DAY = LocalDate.of(2026, 10, 30);
    private final GeneratedOrganisation organisation = new GeneratedOrganisation(40, 4);
    private final ActivityGenerator generator = new ActivityGenerator(organisation, 20_000, 24, LAST_DAY, 3L);

    @Test
    void theSameSequenceGivesTheSameChange() {
        ActivityGenerator again = new ActivityGenerator(organisation, 20_000, 24, LAST_DAY, 3L);
        for (long sequence = 1; sequence <= 2_000; sequence++) {
            assertThat(again.change(sequence)).isEqualTo(generator.change(sequence));
        }
        assertThat(new ActivityGenerator(organisation, 20_000, 24, LAST_DAY, 4L).change(1))
                .isNotEqualTo(generator.change(1));
    }

    @Test
    void mixesEveryKindWithinTheHistoryAndChangesEachActivityAtMostOnce() {
        Set<ActivityKind> kinds = EnumSet.noneOf(ActivityKind.class);
        Map<ChangeType, Integer> types = new HashMap<>();
        Set<String> created = new HashSet<>();
        Set<String> changed = new HashSet<>();
        boolean automated = false;
        for (long sequence = 1; sequence <= generator.total(); sequence++) {
            ActivityChange change = generator.change(sequence);
            Activity activity = change.activity();
            assertThat(activity.sequence()).isEqualTo(sequence);
            assertThat(activity.occurredAt()).isBetween(generator.firstDay().minusDays(1).atStartOfDay(ZoneId.of("UTC"))
                    .toInstant(), LAST_DAY.plusDays(3).atStartOfDay(ZoneId.of("UTC")).toInstant());
            kinds.add(activity.kind());
            types.merge(change.type(), 1, Integer::sum);
            automated |= activity.automated();
            if (change.type() == ChangeType.CREATED) {
                assertThat(created.add(activity.id())).as("created once: " + activity.id()).isTrue();
            } else {
                assertThat(created).as("changes an activity created before").contains(activity.id());
                assertThat(changed.add(activity.id())).as("changed once: " + activity.id()).isTrue();
            }
        }
        assertThat(kinds).containsAll(EnumSet.allOf(ActivityKind.class));
        assertThat(types).containsOnlyKeys(ChangeType.values());
        assertThat(automated).isTrue();
        assertThat((long) created.size()).isEqualTo(generator.distinctActivities());
    }

    @Test
    void historyPagesFollowTheSequence() {
        GeneratedHistory history = new GeneratedHistory(generator);
        HistoryPage first = history.changesAfter(0, 1_000);
        assertThat(first.changes()).hasSize(1_000);
        assertThat(first.changes().get(0).sequence()).isEqualTo(1);
        assertThat(first.hasMore()).isTrue();
        HistoryPage last = history.changesAfter(19_500, 1_000);
        assertThat(last.changes()).hasSize(500);
        assertThat(last.lastSequence(19_500)).isEqualTo(20_000);
        assertThat(last.hasMore()).isFalse();
        assertThat(history.changesAfter(20_000, 10).changes()).isEmpty();
        assertThat(history.latestSequence()).isEqualTo(20_000);
        assertThatThrownBy(() -> generator.change(20_001)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("20001");
    }
}
