package org.pacekpi.api.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class CountingStateTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    private static final Contribution TOUCH = new Contribution("m1", "touches", DAY, 1);
    private static final Contribution CALL = new Contribution("m1", "touches:CALL", DAY, 1);

    private static CountingState state(String reason, List<Contribution> contributions) {
        return new CountingState(DAY, reason, "d", "c", contributions);
    }

    @Test
    void theOrderOfTheContributionsDoesNotMatter() {
        assertTrue(state(null, List.of(TOUCH, CALL)).sameAs(state(null, List.of(CALL, TOUCH))));
        assertTrue(CountingState.none(DAY).sameAs(CountingState.none(DAY)));
    }

    @Test
    void eachContributionCountsAsOftenAsItIsThere() {
        assertFalse(state(null, List.of(TOUCH, TOUCH)).sameAs(state(null, List.of(TOUCH, CALL))));
        assertFalse(state(null, List.of(TOUCH, CALL)).sameAs(state(null, List.of(TOUCH, TOUCH))));
        assertFalse(state(null, List.of(TOUCH)).sameAs(state(null, List.of(TOUCH, TOUCH))));
    }

    @Test
    void everyOtherPartMustBeEqual() {
        CountingState counted = state(null, List.of(TOUCH));
        assertFalse(counted.sameAs(state("DUPLICATE", List.of(TOUCH))));
        assertFalse(counted.sameAs(new CountingState(DAY.plusDays(1), null, "d", "c", List.of(TOUCH))));
        assertFalse(counted.sameAs(new CountingState(DAY, null, "other", "c", List.of(TOUCH))));
        assertFalse(counted.sameAs(new CountingState(DAY, null, "d", "other", List.of(TOUCH))));
        assertFalse(counted.sameAs(new CountingState(DAY, null, null, "c", List.of(TOUCH))));
    }
}
