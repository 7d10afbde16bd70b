package org.pacekpi.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pacekpi.api.store.Contribution;
import org.pacekpi.api.store.CountingState;
import org.pacekpi.api.store.Judgement;

class StoredStateTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private static final Contribution ATTEMPT = new Contribution("m1", "callAttempts", DAY, 1);
    private static final Contribution TOUCH = new Contribution("m1", "touches", DAY, 1);
    private static final Contribution BY_PHONE = new Contribution("m1", "touches:phone", DAY, 1);
    private static final Contribution FIRST = new Contribution("m1", "firstContacts", DAY, 1);

    @Test
    void theSameStateIsRecognisedWhateverTheOrderOfItsStoredContributions() {
        CountingState state = new CountingState(DAY, null, "d1", "c:k1", List.of(ATTEMPT, TOUCH, FIRST));

        assertThat(stored(state, List.of(ATTEMPT, TOUCH, FIRST)).sameAs(state)).isTrue();
        assertThat(stored(state, List.of(FIRST, ATTEMPT, TOUCH)).sameAs(state)).isTrue();
        assertThat(stored(state, List.of(ATTEMPT, TOUCH, TOUCH)).sameAs(state)).as("as many, but others").isFalse();
        assertThat(stored(state, List.of(ATTEMPT, TOUCH)).sameAs(state)).isFalse();
        assertThat(stored(state, List.of()).sameAs(state)).isFalse();
        assertThat(stored(CountingState.none(DAY), List.of()).sameAs(CountingState.none(DAY))).isTrue();
    }

    @Test
    void theDayTheKeysAndTheReasonCountToo() {
        CountingState state = new CountingState(DAY, null, "d1", "c:k1", List.of(ATTEMPT));
        for (CountingState other : List.of(new CountingState(DAY.plusDays(1), null, "d1", "c:k1", List.of(ATTEMPT)),
                new CountingState(DAY, "DUPLICATE", "d1", "c:k1", List.of(ATTEMPT)),
                new CountingState(DAY, null, "d2", "c:k1", List.of(ATTEMPT)),
                new CountingState(DAY, null, null, "c:k1", List.of(ATTEMPT)),
                new CountingState(DAY, null, "d1", "c:k2", List.of(ATTEMPT)))) {
            assertThat(stored(other, other.contributions()).sameAs(state)).as("%s", other).isFalse();
        }
    }

    @Test
    void contributionsThatCannotBeReadAreTheSameAsNothing() {
        CountingState none = CountingState.none(DAY);
        StoredState damaged = new StoredState("a1", DAY, null, null, null, "damaged");
        assertThat(damaged.sameAs(none)).isFalse();
        assertThat(damaged.sameAs(new CountingState(DAY, null, null, null, List.of(ATTEMPT)))).as("one record")
                .isFalse();
        assertThat(new StoredState("a1", DAY, null, null, null, "").sameAs(none)).isFalse();
    }

    @Test
    void aCandidatesStoredStateIsThatOfEachOutcomeItEquals() {
        Judgement judgement = new Judgement(new CountingState(DAY, null, "d1", "c:k1", List.of(ATTEMPT)),
                List.of(TOUCH, BY_PHONE), List.of(FIRST), "DUPLICATE");

        for (int outcome = 0; outcome < 4; outcome++) {
            CountingState state = judgement.state((outcome & 1) != 0, (outcome & 2) != 0);
            List<Contribution> reversed = new ArrayList<>(state.contributions());
            Collections.reverse(reversed);
            assertThat(BulkRecount.storedOutcomes(stored(state, state.contributions()), judgement)).as("outcome %s", outcome)
                    .isEqualTo(1 << outcome);
            assertThat(BulkRecount.storedOutcomes(stored(state, reversed), judgement)).as("outcome %s reversed", outcome)
                    .isEqualTo(1 << outcome);
        }
        assertThat(BulkRecount.storedOutcomes(null, judgement)).isZero();
        assertThat(BulkRecount.storedOutcomes(new StoredState("a1", DAY, null, "d1", "c:k1", "damaged"), judgement))
                .isZero();
    }

    @Test
    void aCandidateWhoseGroupsAddNothingEqualsSeveralOutcomes() {
        Judgement judgement = new Judgement(new CountingState(DAY, null, "d1", "c:k1", List.of(ATTEMPT)), List.of(),
                List.of(), null);
        CountingState state = judgement.state(false, false);

        assertThat(BulkRecount.storedOutcomes(stored(state, state.contributions()), judgement)).isEqualTo(0b1111);
    }

    /**
     * Property: the outcomes found equal the plain definition (the stored state, read, is {@link CountingState#sameAs}
     * the outcome's state), whatever the order of the stored contributions, and none when they cannot be read.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {5, 6, 7})
    void theOutcomesFoundAreThoseOfThePlainDefinition(long seed) {
        Random random = new Random(seed);
        List<Contribution> pool = List.of(ATTEMPT, TOUCH, BY_PHONE, FIRST, new Contribution("m2", "touches", DAY, 1),
                new Contribution("m1", "touches", DAY.plusDays(1), 1), new Contribution("m1", "touches", DAY, 2));
        for (int round = 0; round < 5000; round++) {
            Judgement judgement = new Judgement(new CountingState(DAY, null, random.nextBoolean() ? "d1" : null, "c:k1",
                    pick(random, pool, 2)), pick(random, pool, 2), pick(random, pool, 1),
                    random.nextBoolean() ? "DUPLICATE" : null);
            CountingState state = judgement.state(random.nextBoolean(), random.nextBoolean());
            List<Contribution> contributions = random.nextInt(3) == 0 ? pick(random, pool, 4)
                    : new ArrayList<>(state.contributions());
            Collections.shuffle(contributions, random);
            CountingState storedState = new CountingState(random.nextInt(8) == 0 ? DAY.plusDays(1) : DAY,
                    random.nextInt(4) == 0 ? "COLLEAGUE" : state.exclusionReason(), state.duplicateKey(),
                    state.contactKey(), contributions);
            boolean damaged = random.nextInt(10) == 0;
            String packed = damaged ? "x" + PackedLists.packContributions(contributions) + "\u001F"
                    : PackedLists.packContributions(contributions);

            int expected = 0;
            for (int outcome = 0; outcome < 4; outcome++) {
                if (!damaged && storedState.sameAs(judgement.state((outcome & 1) != 0, (outcome & 2) != 0))) {
                    expected |= 1 << outcome;
                }
            }
            StoredState stored = new StoredState("a1", storedState.localDay(), storedState.exclusionReason(),
                    storedState.duplicateKey(), storedState.contactKey(), packed);
            assertThat(BulkRecount.storedOutcomes(stored, judgement)).as("%s stored as %s", judgement, packed)
                    .isEqualTo(expected);
        }
    }

    private static List<Contribution> pick(Random random, List<Contribution> pool, int most) {
        List<Contribution> picked = new ArrayList<>();
        int size = random.nextInt(most + 1);
        for (int i = 0; i < size; i++) {
            picked.add(pool.get(random.nextInt(pool.size())));
        }
        return picked;
    }

    /** The state as stored, its contributions packed in the given order. */
    private static StoredState stored(CountingState state, List<Contribution> contributions) {
        return new StoredState("a1", state.localDay(), state.exclusionReason(), state.duplicateKey(),
                state.contactKey(), PackedLists.packContributions(contributions));
    }
}
