package org.pacekpi.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pacekpi.api.store.Contribution;

class AggregateSumsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    /** Staged rows kept in memory, added up by manager, metric and day. */
    private static final class Staged implements StagingRows {
        final Map<String, Long> sums = new HashMap<>();
        final Map<String, Integer> rowsPerKey = new HashMap<>();
        long rows;

        @Override
        public void add(Object... values) {
            rows++;
            String key = values[0] + "|" + values[1] + "|" + values[2];
            sums.merge(key, (Long) values[3], Math::addExact);
            rowsPerKey.merge(key, 1, Integer::sum);
        }

        @Override
        public void flush() {
        }

        @Override
        public long count() {
            return rows;
        }

        @Override
        public void close() {
        }
    }

    /** What both staging tables add up to, less the keys whose sum is zero. */
    private static Map<String, Long> total(Staged staged, Staged late) {
        Map<String, Long> total = new HashMap<>(staged.sums);
        late.sums.forEach((key, sum) -> total.merge(key, sum, Math::addExact));
        total.values().removeIf(v -> v == 0);
        return total;
    }

    private static Map<String, Long> nonZero(Map<String, Long> sums) {
        Map<String, Long> nonZero = new HashMap<>(sums);
        nonZero.values().removeIf(v -> v == 0);
        return nonZero;
    }

    /**
     * Property: whatever the limit of sums held, what is staged adds up to the sums of the contributions added (less
     * those taken away), for managers whose strings are shared or not, days in no order; and no key is staged twice
     * into the sums that are not late.
     */
    @ParameterizedTest(name = "limit {0}")
    @ValueSource(ints = {1, 3, 50, 10_000})
    void theStagedPartialSumsAddUpToTheContributions(int limit) throws Exception {
        Random random = new Random(limit);
        Staged staged = new Staged();
        Staged late = new Staged();
        AggregateSums sums = new AggregateSums(AggregateTable.DAILY, limit, staged, late);
        Map<String, Long> expected = new HashMap<>();
        for (int i = 0; i < 5000; i++) {
            String manager = "m" + random.nextInt(7); // a new string each time, or the same one for the whole batch
            List<Contribution> batch = new ArrayList<>();
            for (int j = random.nextInt(4); j > 0; j--) {
                batch.add(new Contribution(random.nextBoolean() ? manager : "m" + random.nextInt(7),
                        "metric" + random.nextInt(5), DAY.plusDays(random.nextInt(40)), random.nextInt(9) - 2));
            }
            boolean negative = random.nextInt(5) == 0;
            sums.add(batch, negative);
            batch.forEach(c -> expected.merge(c.managerId() + "|" + c.metric() + "|" + c.day(),
                    negative ? -c.value() : c.value(), Math::addExact));
        }
        sums.flush();

        assertThat(total(staged, late)).isEqualTo(nonZero(expected));
        assertThat(staged.rowsPerKey.values()).as("each key at most once in the sums that are not late")
                .allMatch(rows -> rows == 1);
    }

    /**
     * A log in about the order of time, with some activities a few days late and a few corrections of old ones, as a
     * real log is: every sum comes out right, the keys staged are unique, and only the contributions that came after
     * their day had left the memory are late.
     */
    @Test
    void aLogInAboutTheOrderOfTimeLeavesFewLateSums() throws Exception {
        Random random = new Random(5);
        Staged staged = new Staged();
        Staged late = new Staged();
        AggregateSums sums = new AggregateSums(AggregateTable.DAILY, 600, staged, late);
        Map<String, Long> expected = new HashMap<>();
        long contributions = 0;
        for (int day = 0; day < 200; day++) {
            for (int i = 0; i < 400; i++) {
                int lateBy = random.nextInt(100) < 3 ? 1 + random.nextInt(3) : 0;
                if (random.nextInt(1000) == 0) {
                    lateBy = 60; // a correction of an activity two months old
                }
                LocalDate when = DAY.plusDays(Math.max(0, day - lateBy));
                Contribution c = new Contribution("m" + random.nextInt(40), "metric" + random.nextInt(3), when, 1);
                sums.add(List.of(c), false);
                contributions++;
                expected.merge(c.managerId() + "|" + c.metric() + "|" + c.day(), 1L, Math::addExact);
            }
        }
        sums.flush();

        assertThat(total(staged, late)).isEqualTo(expected);
        assertThat(staged.rowsPerKey.values()).allMatch(rows -> rows == 1);
        assertThat(staged.rows).as("every key staged once, but a few in the late sums")
                .isGreaterThan(expected.size() * 95L / 100);
        assertThat(late.rows).as("late sums, of %s contributions", contributions)
                .isPositive().isLessThan(expected.size() / 20L);
    }

    /** Every key of one day, more than the limit: the day leaves the memory whole and its later sums are late. */
    @Test
    void moreKeysOnOneDayThanTheLimitAreStagedAndTheRestIsLate() throws Exception {
        Staged staged = new Staged();
        Staged late = new Staged();
        AggregateSums sums = new AggregateSums(AggregateTable.DAILY, 10, staged, late);
        Map<String, Long> expected = new HashMap<>();
        for (int i = 0; i < 100; i++) {
            Contribution c = new Contribution("m" + (i % 25), "touches", DAY, 1);
            sums.add(List.of(c), false);
            expected.merge(c.managerId() + "|touches|" + DAY, 1L, Math::addExact);
        }
        sums.add(List.of(new Contribution("m1", "touches", DAY.plusDays(1), 1)), false);
        expected.put("m1|touches|" + DAY.plusDays(1), 1L);
        sums.flush();

        assertThat(total(staged, late)).isEqualTo(expected);
        assertThat(staged.rowsPerKey.values()).allMatch(rows -> rows == 1);
        assertThat(staged.rowsPerKey).containsKey("m1|touches|" + DAY.plusDays(1));
    }

    @Test
    void moreMetricsThanAKeyHasBitsForStartTheNumbersAgain() throws Exception {
        Staged staged = new Staged();
        Staged late = new Staged();
        AggregateSums sums = new AggregateSums(AggregateTable.DAILY, 100_000, staged, late);
        Map<String, Long> expected = new HashMap<>();
        String manager = "m1";
        for (int i = 0; i < 9000; i++) {
            Contribution c = new Contribution(i % 2 == 0 ? manager : "m" + (i % 3), "metric" + i, DAY, 1);
            sums.add(List.of(c, c), false);
            expected.merge(c.managerId() + "|" + c.metric() + "|" + c.day(), 2L, Math::addExact);
        }
        sums.flush();

        assertThat(total(staged, late)).isEqualTo(expected);
        assertThat(staged.rows + late.rows).as("each key once, though the numbers started again twice")
                .isEqualTo(9000);
    }

    /**
     * Property: the weekly and monthly sums add up each ISO week's or month's contributions under its Monday or its
     * first day, whatever the limit; the days chosen cross month and year ends (ISO weeks that start in one year and
     * end in the next), a leap day and the first and last days of months.
     */
    @ParameterizedTest(name = "{0}, limit {1}")
    @CsvSource({"WEEKLY, 1", "WEEKLY, 7", "WEEKLY, 10000", "MONTHLY, 1", "MONTHLY, 7", "MONTHLY, 10000"})
    void periodSumsAddUpEachPeriodUnderItsFirstDay(AggregateTable table, int limit) throws Exception {
        UnaryOperator<LocalDate> firstDay = table == AggregateTable.WEEKLY ? AggregateSumsTest::monday
                : AggregateSumsTest::firstDayOfMonth;
        Random random = new Random(31L * limit + table.ordinal());
        Staged staged = new Staged();
        Staged late = new Staged();
        AggregateSums sums = new AggregateSums(table, limit, staged, late);
        Map<String, Long> expected = new HashMap<>();
        LocalDate start = LocalDate.of(2023, 11, 25);
        for (int i = 0; i < 3000; i++) {
            LocalDate day = start.plusDays(random.nextInt(500)); // through 2024, a leap year, into 2025
            Contribution c = new Contribution("m" + random.nextInt(3), "metric" + random.nextInt(4), day,
                    random.nextInt(7) - 1);
            boolean negative = random.nextInt(6) == 0;
            sums.add(List.of(c), negative);
            expected.merge(c.managerId() + "|" + c.metric() + "|" + firstDay.apply(day),
                    negative ? -c.value() : c.value(), Math::addExact);
        }
        sums.flush();

        assertThat(total(staged, late)).isEqualTo(nonZero(expected));
        assertThat(staged.rowsPerKey.values()).allMatch(rows -> rows == 1);
        for (Staged rows : List.of(staged, late)) {
            assertThat(rows.sums.keySet()).allSatisfy(key -> {
                LocalDate day = LocalDate.parse(key.substring(key.lastIndexOf('|') + 1));
                assertThat(day).as(key).isEqualTo(firstDay.apply(day));
            });
        }
    }

    /**
     * The three tables from one set of sums, as a recount adds them up: each table's staged sums add up to its own
     * rows, also when the names outgrow a key's bits halfway (every table is then staged and the numbers start again).
     */
    @Test
    void theDailyWeeklyAndMonthlyTablesAreAddedUpTogether() throws Exception {
        Random random = new Random(11);
        Staged daily = new Staged();
        Staged dailyLate = new Staged();
        Staged weekly = new Staged();
        Staged weeklyLate = new Staged();
        Staged monthly = new Staged();
        Staged monthlyLate = new Staged();
        AggregateSums sums = new AggregateSums(40, List.of(
                new AggregateSums.Target(AggregateTable.DAILY, daily, dailyLate),
                new AggregateSums.Target(AggregateTable.WEEKLY, weekly, weeklyLate),
                new AggregateSums.Target(AggregateTable.MONTHLY, monthly, monthlyLate)));
        Map<String, Long> expectedDaily = new HashMap<>();
        Map<String, Long> expectedWeekly = new HashMap<>();
        Map<String, Long> expectedMonthly = new HashMap<>();
        LocalDate start = LocalDate.of(2025, 12, 20);
        for (int i = 0; i < 6000; i++) {
            LocalDate day = start.plusDays(i / 60 + (random.nextInt(20) == 0 ? -random.nextInt(40) : 0));
            String metric = i == 3000 ? "metric-" + i : "metric" + random.nextInt(4);
            if (i == 3000) {
                for (int extra = 0; extra < 4100; extra++) { // more metrics than 12 bits number
                    Contribution c = new Contribution("m0", "extra" + extra, day, 1);
                    sums.add(List.of(c), false);
                    expectedDaily.merge(c.managerId() + "|" + c.metric() + "|" + day, 1L, Math::addExact);
                    expectedWeekly.merge(c.managerId() + "|" + c.metric() + "|" + monday(day), 1L, Math::addExact);
                    expectedMonthly.merge(c.managerId() + "|" + c.metric() + "|" + firstDayOfMonth(day), 1L,
                            Math::addExact);
                }
            }
            Contribution c = new Contribution("m" + random.nextInt(5), metric, day, random.nextInt(5) - 1);
            sums.add(List.of(c), false);
            expectedDaily.merge(c.managerId() + "|" + metric + "|" + day, c.value(), Math::addExact);
            expectedWeekly.merge(c.managerId() + "|" + metric + "|" + monday(day), c.value(), Math::addExact);
            expectedMonthly.merge(c.managerId() + "|" + metric + "|" + firstDayOfMonth(day), c.value(), Math::addExact);
        }
        sums.flush();

        assertThat(total(daily, dailyLate)).isEqualTo(nonZero(expectedDaily));
        assertThat(total(weekly, weeklyLate)).isEqualTo(nonZero(expectedWeekly));
        assertThat(total(monthly, monthlyLate)).isEqualTo(nonZero(expectedMonthly));
        assertThat(daily.rowsPerKey.values()).allMatch(rows -> rows == 1);
        assertThat(weekly.rowsPerKey.values()).allMatch(rows -> rows == 1);
        assertThat(monthly.rowsPerKey.values()).allMatch(rows -> rows == 1);
        assertThat(dailyLate.rows).as("days logged late").isPositive();
    }

    /** The first day of a day's month, computed through {@link YearMonth}, not as the code under test does. */
    private static LocalDate firstDayOfMonth(LocalDate day) {
        return YearMonth.from(day).atDay(1);
    }

    /** The Monday of a day's ISO week, computed through {@link TemporalAdjusters}, not as the code under test does. */
    private static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    @Test
    void theWeekOfADayIsItsMonday() {
        for (LocalDate day = LocalDate.of(1969, 12, 1); day.isBefore(LocalDate.of(2101, 1, 1)); day = day.plusDays(1)) {
            assertThat(LocalDate.ofEpochDay(AggregateTable.WEEKLY.epochDayOf(day))).as("%s", day)
                    .isEqualTo(monday(day));
        }
    }

    @Test
    void theMonthOfADayIsItsFirstDay() {
        for (LocalDate day = LocalDate.of(1969, 12, 1); day.isBefore(LocalDate.of(2101, 1, 1)); day = day.plusDays(1)) {
            assertThat(LocalDate.ofEpochDay(AggregateTable.MONTHLY.epochDayOf(day))).as("%s", day)
                    .isEqualTo(firstDayOfMonth(day));
            assertThat(AggregateTable.DAILY.epochDayOf(day)).isEqualTo(day.toEpochDay());
        }
    }
}
