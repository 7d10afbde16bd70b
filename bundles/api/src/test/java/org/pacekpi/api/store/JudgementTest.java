package org.pacekpi.api.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class JudgementTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private static final Contribution CALL = new Contribution("m1", "callAttempts", DAY, 1);
    private static final Contribution TOUCH = new Contribution("m1", "touches", DAY, 1);
    private static final Contribution BY_PHONE = new Contribution("m1", "touches:phone", DAY, 1);
    private static final Contribution FIRST = new Contribution("m1", "firstContacts", DAY, 1);

    private final Judgement candidate = new Judgement(new CountingState(DAY, null, "dup", "contact", List.of(CALL)),
            List.of(TOUCH, BY_PHONE), List.of(FIRST), "DUPLICATE");

    @Test
    void aCandidatesStateAddsWhatItsOutcomeAddsInOrder() {
        assertEquals(new CountingState(DAY, null, "dup", "contact", List.of(CALL, TOUCH, BY_PHONE, FIRST)),
                candidate.state(true, true));
        assertEquals(new CountingState(DAY, null, "dup", "contact", List.of(CALL, TOUCH, BY_PHONE)),
                candidate.state(true, false));
        assertEquals(new CountingState(DAY, "DUPLICATE", "dup", "contact", List.of(CALL)),
                candidate.state(false, false));
        assertEquals(new CountingState(DAY, "DUPLICATE", "dup", "contact", List.of(CALL, FIRST)),
                candidate.state(false, true));
        assertTrue(candidate.candidate());
    }

    @Test
    void anActivityThatIsNoCandidateKeepsItsOwnStateAndWinsNothing() {
        CountingState own = new CountingState(DAY, "COLLEAGUE", null, null, List.of(CALL));
        Judgement alone = Judgement.alone(own);

        assertSame(own, alone.state(false, false));
        assertEquals(List.of(), alone.touchContributions());
        assertThrows(IllegalArgumentException.class, () -> alone.state(true, false));
        assertThrows(IllegalArgumentException.class, () -> alone.state(false, true));
    }

    @Test
    void onlyACandidateWithoutAnExclusionOfItsOwnHasGroupContributions() {
        assertThrows(IllegalArgumentException.class, () -> new Judgement(new CountingState(DAY, null, null, null,
                List.of()), List.of(TOUCH), List.of(), null));
        assertThrows(IllegalArgumentException.class, () -> new Judgement(new CountingState(DAY, null, null, null,
                List.of()), List.of(), List.of(), "DUPLICATE"));
        assertThrows(IllegalArgumentException.class, () -> new Judgement(new CountingState(DAY, "SHORT_CALL", null,
                "contact", List.of()), List.of(), List.of(), null));
        assertThrows(IllegalArgumentException.class, () -> new Judgement(new CountingState(DAY, null, "dup", null,
                List.of()), List.of(), List.of(), null));
        assertThrows(NullPointerException.class, () -> new Judgement(null, List.of(), List.of(), null));
    }
}
