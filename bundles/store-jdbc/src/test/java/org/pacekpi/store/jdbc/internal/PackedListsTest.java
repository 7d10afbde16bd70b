package org.pacekpi.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pacekpi.api.store.Contribution;
import org.pacekpi.api.store.LoggedActivity.LoggedCounterpart;
import org.pacekpi.api.store.StoreException;

class PackedListsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    /** Characters the format escapes or uses, and ordinary ones. */
    private static final String ALPHABET = "%~\u001E\u001F7E25ab-:|\\\t\u00e9";

    @Test
    void contributionsAndCounterpartsComeBackAsPacked() {
        List<Contribution> contributions = List.of(new Contribution("m%1", "touches:~e\u001Fmail", DAY, 1),
                new Contribution("m\u001E2", "revenue:EUR", LocalDate.of(12026, 1, 31), -1234567890123L),
                new Contribution("", "x", LocalDate.of(-5, 12, 1), Long.MIN_VALUE));
        assertThat(PackedLists.unpackContributions(PackedLists.packContributions(contributions), "a1"))
                .isEqualTo(contributions);
        assertThat(PackedLists.packContributions(List.of())).isNull();
        assertThat(PackedLists.unpackContributions(null, "a1")).isEmpty();

        List<LoggedCounterpart> counterparts = List.of(new LoggedCounterpart("k%7E1", null, "~@x", "+7 1", false),
                new LoggedCounterpart(null, "acc\u001E", null, null, true),
                new LoggedCounterpart("k3", "", "e", "p", false));
        assertThat(PackedLists.unpackCounterparts(PackedLists.packCounterparts(counterparts), "a1"))
                .isEqualTo(counterparts);
        assertThat(PackedLists.unpackCounterparts(null, "a1")).isEmpty();
    }

    @Test
    void counterpartsComeBackUnchangeableSoThatALoggedActivityKeepsThem() {
        for (int size = 1; size <= 3; size++) {
            List<LoggedCounterpart> counterparts = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                counterparts.add(new LoggedCounterpart("k" + i, null, null, null, false));
            }
            List<LoggedCounterpart> unpacked = PackedLists.unpackCounterparts(
                    PackedLists.packCounterparts(counterparts), "a1");
            assertThat(List.copyOf(unpacked)).as("%s counterparts", size).isSameAs(unpacked);
        }
    }

    @Test
    void damagedTextIsReportedWithItsColumnAndActivity() {
        assertThatThrownBy(() -> PackedLists.unpackContributions("m1\u001Ftouches\u001F2026-03-02", "a7"))
                .isInstanceOf(StoreException.class).hasMessageContaining("pace_activity.contributions of activity a7")
                .hasMessageContaining("a record has 3 fields, not 4");
        assertThatThrownBy(() -> PackedLists.unpackContributions("", "a7")).isInstanceOf(StoreException.class)
                .hasMessageContaining("a record has 1 fields, not 4");
        assertThatThrownBy(() -> PackedLists.unpackContributions("m1\u001Ft%41\u001F2026-03-02\u001F1", "a7"))
                .isInstanceOf(StoreException.class).hasMessageContaining("unknown escape '%41'");
        assertThatThrownBy(() -> PackedLists.unpackCounterparts("k1\u001F~\u001F~\u001F~\u001F2", "a8"))
                .isInstanceOf(StoreException.class).hasMessageContaining("pace_activity.counterparts of activity a8")
                .hasMessageContaining("internal flag '2' is not 0 or 1");
    }

    @Test
    void textIsThePackingOfTheListsOneAfterTheOtherWhateverWhereTheyAreSplit() {
        Contribution a = new Contribution("m1", "callAttempts", DAY, 1);
        Contribution b = new Contribution("m1", "touches", DAY, 1);
        Contribution c = new Contribution("m1", "firstContacts", DAY, 1);
        String text = PackedLists.packContributions(List.of(a, b, c));

        assertThat(PackedLists.packs(text, List.of(a, b, c))).isTrue();
        assertThat(PackedLists.packs(text, List.of(a), List.of(b), List.of(c))).isTrue();
        assertThat(PackedLists.packs(text, List.of(), List.of(a, b), List.of(c))).isTrue();
        assertThat(PackedLists.packs(text, List.of(a, b, c), List.of(), List.of())).isTrue();

        assertThat(PackedLists.packs(text, List.of(a), List.of(c), List.of(b))).as("another order").isFalse();
        assertThat(PackedLists.packs(text, List.of(a), List.of(b))).as("one missing").isFalse();
        assertThat(PackedLists.packs(text, List.of(a, b, c), List.of(a))).as("one more").isFalse();
        assertThat(PackedLists.packs(text)).as("none").isFalse();
    }

    @Test
    void noContributionsAreNullTextAndNothingElse() {
        Contribution a = new Contribution("m1", "touches", DAY, 1);
        assertThat(PackedLists.packs(null)).isTrue();
        assertThat(PackedLists.packs(null, List.of(), List.of())).isTrue();
        assertThat(PackedLists.packs(null, List.of(a))).isFalse();
        assertThat(PackedLists.packs("", List.of())).as("empty text is damaged, not none").isFalse();
        assertThat(PackedLists.packs("", List.of(a))).isFalse();
    }

    @Test
    void eachFieldMustBeWrittenAsPackingWritesIt() {
        Contribution touch = new Contribution("m1", "touches", DAY, 1);
        assertThat(PackedLists.packs("m1\u001Ftouches\u001F2026-03-02\u001F1", List.of(touch))).isTrue();

        assertThat(PackedLists.packs("m1\u001Ftouches\u001F2026-03-02\u001F01", List.of(touch))).as("leading zero")
                .isFalse();
        assertThat(PackedLists.packs("m1\u001Ftouches\u001F2026-03-02\u001F+1", List.of(touch))).as("plus sign")
                .isFalse();
        assertThat(PackedLists.packs("m1\u001Ftouches\u001F2026-03-02\u001F11", List.of(touch))).isFalse();
        assertThat(PackedLists.packs("m1\u001Ftouches\u001F2026-03-02\u001F-1", List.of(touch))).isFalse();
        assertThat(PackedLists.packs("m1\u001Ftouches\u001F2026-03-02\u001F", List.of(touch))).isFalse();
        assertThat(PackedLists.packs("m1\u001Ftouches\u001F2026-03-02\u001F1\u001F1", List.of(touch)))
                .as("a fifth field").isFalse();
        assertThat(PackedLists.packs("m1\u001Ftouches\u001F2026-3-02\u001F1", List.of(touch))).isFalse();
        assertThat(PackedLists.packs("m1\u001Ftouches\u001F2026-03-03\u001F1", List.of(touch))).isFalse();
        assertThat(PackedLists.packs("m1\u001Ftouches:x\u001F2026-03-02\u001F1", List.of(touch))).isFalse();
        assertThat(PackedLists.packs("m\u001Ftouches\u001F2026-03-02\u001F1", List.of(touch))).isFalse();
        assertThat(PackedLists.packs("m1\u001Ftouches\u001F2026-03-02\u001F1\u001E", List.of(touch)))
                .as("an empty record after it").isFalse();

        // A field that reads back as another value: the null mark, and an escape where the value has its text.
        assertThat(PackedLists.packs("~\u001Ftouches\u001F2026-03-02\u001F1",
                List.of(new Contribution("~", "touches", DAY, 1)))).isFalse();
        assertThat(PackedLists.packs("%25\u001Ftouches\u001F2026-03-02\u001F1",
                List.of(new Contribution("%25", "touches", DAY, 1)))).isFalse();
        assertThat(PackedLists.packs("%2525\u001Ftouches\u001F2026-03-02\u001F1",
                List.of(new Contribution("%25", "touches", DAY, 1)))).isTrue();
    }

    @Test
    void extremeValuesAndDaysAreComparedAsWritten() {
        for (long value : new long[] {0, 9, 10, -10, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1}) {
            for (LocalDate day : new LocalDate[] {DAY, LocalDate.of(0, 1, 1), LocalDate.of(9999, 12, 31),
                    LocalDate.of(10000, 1, 1), LocalDate.of(-1, 6, 15), LocalDate.MIN, LocalDate.MAX}) {
                List<Contribution> one = List.of(new Contribution("m1", "revenue:EUR", day, value));
                String text = PackedLists.packContributions(one);
                assertThat(PackedLists.packs(text, one)).as("%s on %s", value, day).isTrue();
                assertThat(PackedLists.packs(text, List.of(new Contribution("m1", "revenue:EUR", day, value ^ 1))))
                        .as("%s on %s against another value", value, day).isFalse();
                assertThat(PackedLists.packs(text, List.of(new Contribution("m1", "revenue:EUR",
                        day.equals(LocalDate.MAX) ? day.minusDays(1) : day.plusDays(1), value))))
                        .as("%s on %s against another day", value, day).isFalse();
            }
        }
    }

    /**
     * Property: for any contributions as stored, packed text holds the given lists exactly when it reads back as them
     * one after the other, in that order; and it has as many records as it reads back contributions.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void textPacksTheListsExactlyWhenItReadsBackAsThem(long seed) {
        Random random = new Random(seed);
        for (int round = 0; round < 3000; round++) {
            List<Contribution> stored = randomContributions(random);
            List<Contribution> given = random.nextInt(3) == 0 ? new ArrayList<>(stored) : mutated(random, stored);
            String text = PackedLists.packContributions(stored);
            int first = random.nextInt(given.size() + 1);
            int second = first + random.nextInt(given.size() - first + 1);

            assertThat(PackedLists.packs(text, given.subList(0, first), given.subList(first, second),
                    given.subList(second, given.size()))).as("%s as %s", stored, given).isEqualTo(given.equals(stored));
            assertThat(PackedLists.contributionCount(text)).isEqualTo(stored.size());
        }
    }

    private static List<Contribution> randomContributions(Random random) {
        List<Contribution> contributions = new ArrayList<>();
        int size = random.nextInt(4);
        for (int i = 0; i < size; i++) {
            contributions.add(new Contribution(randomText(random), randomText(random),
                    DAY.plusDays(random.nextInt(3)), random.nextInt(5) - 2));
        }
        return contributions;
    }

    /** The contributions with one thing changed: one more or less, two swapped, or one field of one. */
    private static List<Contribution> mutated(Random random, List<Contribution> contributions) {
        List<Contribution> mutated = new ArrayList<>(contributions);
        if (mutated.isEmpty() || random.nextInt(4) == 0) {
            mutated.add(random.nextInt(mutated.size() + 1), randomContributions(random).stream().findFirst()
                    .orElse(new Contribution("m", "x", DAY, 1)));
            return mutated;
        }
        int i = random.nextInt(mutated.size());
        Contribution c = mutated.get(i);
        switch (random.nextInt(6)) {
            case 0 -> mutated.remove(i);
            case 1 -> mutated.add(mutated.remove(i)); // to the end
            case 2 -> mutated.set(i, new Contribution(randomText(random), c.metric(), c.day(), c.value()));
            case 3 -> mutated.set(i, new Contribution(c.managerId(), randomText(random), c.day(), c.value()));
            case 4 -> mutated.set(i, new Contribution(c.managerId(), c.metric(), c.day().plusDays(1), c.value()));
            default -> mutated.set(i, new Contribution(c.managerId(), c.metric(), c.day(),
                    c.value() + random.nextInt(3) - 1));
        }
        return mutated;
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(4);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }
}
