package org.pacekpi.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pacekpi.api.store.Contribution;

class AggregateSumsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    /** Staged rows kept in memory, added up by manager, metric and day. */
    private static final class Staged implements StagingRows {
        final Map<String, Long> sums = new HashMap<>();
        long rows;

        @Override
        public void add(Object... values) {
            rows++;
            sums.merge(values[0] + "|" + values[1] + "|" + values[2], (Long) values[3], Math::addExact);
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

    /**
     * Property: whatever the limit of sums held, what is staged adds up to the sums of the contributions added (less
     * those taken away), for managers whose strings are shared or not.
     */
    @ParameterizedTest(name = "limit {0}")
    @ValueSource(ints = {1, 3, 50, 10_000})
    void theStagedPartialSumsAddUpToTheContributions(int limit) throws Exception {
        Random random = new Random(limit);
        Staged staged = new Staged();
        AggregateSums sums = new AggregateSums(limit, staged);
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

        expected.values().removeIf(v -> v == 0);
        staged.sums.values().removeIf(v -> v == 0);
        assertThat(staged.sums).isEqualTo(expected);
    }

    @Test
    void moreMetricsThanAKeyHasBitsForStartTheNumbersAgain() throws Exception {
        Staged staged = new Staged();
        AggregateSums sums = new AggregateSums(100_000, staged);
        Map<String, Long> expected = new HashMap<>();
        String manager = "m1";
        for (int i = 0; i < 9000; i++) {
            Contribution c = new Contribution(i % 2 == 0 ? manager : "m" + (i % 3), "metric" + i, DAY, 1);
            sums.add(List.of(c, c), false);
            expected.merge(c.managerId() + "|" + c.metric() + "|" + c.day(), 2L, Math::addExact);
        }
        sums.flush();

        assertThat(staged.sums).isEqualTo(expected);
        assertThat(staged.rows).as("each key once, though the numbers started again twice").isEqualTo(9000);
    }
}
