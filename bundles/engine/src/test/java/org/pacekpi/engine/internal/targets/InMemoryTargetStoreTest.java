package org.pacekpi.engine.internal.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pacekpi.api.NotFoundException;
import org.pacekpi.api.store.StoredChange;
import org.pacekpi.api.store.StoredGoal;
import org.pacekpi.api.store.StoredTarget;
import org.pacekpi.api.targets.ConflictException;
import org.pacekpi.api.targets.StaleVersionException;

/** The test store keeps the TargetStore contract the engine relies on. */
class InMemoryTargetStoreTest {

    private static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");
    private static final LocalDate FROM = LocalDate.of(2026, 3, 1);
    private static final LocalDate TO = LocalDate.of(2026, 3, 31);

    private final InMemoryTargetStore store = new InMemoryTargetStore();

    private static StoredGoal goal(String id, String summary) {
        return new StoredGoal(id, 0, "team", "north", "2026-03", FROM, TO, "def", summary, "admin", AT);
    }

    private static StoredTarget target(String id, String scopeId, String metric, long value, String goalId) {
        return new StoredTarget(id, 0, "manager", scopeId, metric, "2026-03", FROM, TO, value, goalId, null, "admin", AT);
    }

    @Test
    void aGoalsTargetsAreWrittenReplacedAndDeletedWithIt() {
        StoredGoal stored = store.insertGoal(goal("g", "one"), List.of(target("ignored", "anna", "dealsWon", 3, "other")));
        assertThat(stored.version()).isEqualTo(1);
        StoredTarget derived = store.targets(null, null, null, null).get(0);
        assertThat(derived.id()).isNotEqualTo("ignored");
        assertThat(derived.goalId()).isEqualTo("g");
        assertThat(derived.version()).isEqualTo(1);

        assertThatThrownBy(() -> store.updateGoal(goal("g", "two"), 2, List.of(), "updated"))
                .isInstanceOf(StaleVersionException.class);
        StoredGoal updated = store.updateGoal(goal("g", "two"), 1, List.of(target(null, "anna", "dealsWon", 4, null)), "rederived");
        assertThat(updated.version()).isEqualTo(2);
        assertThat(store.targets(null, null, null, null)).extracting(StoredTarget::value).containsExactly(4L);
        assertThat(store.history(derived.id())).extracting(StoredChange::action).containsExactly("created", "deleted");
        assertThat(store.history("g")).extracting(StoredChange::action, StoredChange::before, StoredChange::after)
                .containsExactly(tuple("created", null, "one"), tuple("rederived", "one", "two"));

        assertThatThrownBy(() -> store.updateTarget(target(store.targets(null, null, null, null).get(0).id(), "anna",
                "dealsWon", 5, null), 1)).isInstanceOf(ConflictException.class);
        store.deleteGoal("g", 2, "admin", AT);
        assertThat(store.targets(null, null, null, null)).isEmpty();
        assertThat(store.goal("g")).isEmpty();
        assertThat(store.history("g")).hasSize(3);
        assertThatThrownBy(() -> store.deleteGoal("g", 2, "admin", AT)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void manualTargetsAreUniquePerScopeMetricAndPeriodAndVersioned() {
        StoredTarget first = store.insertTarget(target("t1", "anna", "touches", 10, null));
        assertThatThrownBy(() -> store.insertTarget(target("t2", "anna", "touches", 12, null))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> store.insertTarget(target("t3", "anna", "touches", 12, "g"))).isInstanceOf(IllegalArgumentException.class);
        StoredTarget second = store.updateTarget(target("t1", "anna", "touches", 11, null), 1);
        assertThat(second.version()).isEqualTo(2);
        assertThatThrownBy(() -> store.updateTarget(target("t1", "anna", "touches", 13, null), 1))
                .isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> store.deleteTarget("t1", 1, "admin", AT)).isInstanceOf(StaleVersionException.class);
        assertThat(store.target("t1")).contains(second);
        assertThat(store.targetsOn("manager", List.of("anna", "boris"), LocalDate.of(2026, 3, 31))).containsExactly(second);
        assertThat(store.targetsOn("manager", List.of("anna"), LocalDate.of(2026, 4, 1))).isEmpty();
        store.deleteTarget("t1", 2, "admin", AT);
        assertThat(store.history(first.id())).extracting(StoredChange::action, StoredChange::version)
                .containsExactly(tuple("created", 1L), tuple("updated", 2L), tuple("deleted", 2L));
        assertThat(store.allHistory()).extracting(StoredChange::sequence).containsExactly(1L, 2L, 3L);
    }
}
