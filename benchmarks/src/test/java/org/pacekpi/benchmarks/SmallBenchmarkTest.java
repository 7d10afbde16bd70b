package org.pacekpi.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * The whole benchmark at a small size, on H2 and on PostgreSQL, so that it cannot rot: the harness must ingest to the
 * last sequence, measure every figure, and its cross-checks must hold. Without PostgreSQL at 127.0.0.1:5432 the
 * PostgreSQL test fails: the benchmark must run on both databases.
 */
class SmallBenchmarkTest {

    /**
     * Changes in the small history: enough for every kind, duplicates and corrections (from sequence 1,000 on), and
     * small enough that each database takes well under a minute (10 to 30 s each with store V3 on a shared two-core
     * machine).
     */
    static final int CHANGES = 30_000;

    /** A fixed last day, so that the generated history is the same on every run. */
    private static final LocalDate LAST_DAY = LocalDate.of(2026, 10, 30);

    private static BenchmarkOptions small(BenchDatabase database) {
        String unique = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        return new BenchmarkOptions(List.of(database), 40, 4, CHANGES, 24, 50, 7L, null,
                Path.of("target", "bench-test-" + unique), "pace_bench_test_" + unique);
    }

    @Test
    void runsOnH2() throws SQLException {
        runAndCheck(BenchDatabase.H2);
    }

    @Test
    void runsOnPostgresql() throws SQLException {
        runAndCheck(BenchDatabase.POSTGRESQL);
    }

    private static void runAndCheck(BenchDatabase database) throws SQLException {
        BenchmarkOptions options = small(database);
        BenchmarkRun run = new BenchmarkRun(options, database, LAST_DAY);
        DatabaseResult result;
        try {
            result = run.run();
        } catch (RuntimeException | SQLException | Error e) {
            // Keep the run's failure (e.g. PostgreSQL missing) in front of a failure to clean up after it.
            try {
                database.dropAfterwards(options);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        database.dropAfterwards(options);

        assertThat(result.changes()).isEqualTo(options.activities());
        assertThat(result.appliedSequence()).as("Pace's cursor after the ingest").isEqualTo(result.changes());
        assertThat(result.activities()).isEqualTo(run.generator().distinctActivities())
                .isLessThan(result.changes());
        assertThat(result.rebuiltActivities()).as("activities in Pace's log, recounted by the rebuild")
                .isEqualTo(result.activities());
        assertThat(result.logFloor().appliedSequence()).as("the log floor's cursor").isEqualTo(result.changes());
        assertThat(result.logFloor().loggedActivities())
                .as("rows in the log floor's log: every activity once, deleted ones as tombstones")
                .isEqualTo(result.activities());
        assertThat(result.upsertRows()).as("rows the upsert sent: each activity once per batch it changed in")
                .isBetween(result.activities(), result.changes());

        // CPU time: the writer and history reader threads and the JVM during the ingest, the JVM during the log floor
        // and the upsert; on PostgreSQL (on this machine, so its processes can be read) the server during all three.
        int cpuFigures = database == BenchDatabase.POSTGRESQL ? 8 : 5;
        assertThat(result.figures()).hasSize(6 + 10 + cpuFigures + 6
                + KpiQuery.values().length * Access.values().length * 3)
                .allSatisfy((name, value) -> assertThat(value).as(name).isPositive().isFinite());
        assertThat(result.heapAfterGc()).hasSize(10);

        assertThat(result.rebuildCompared()).as("managers compared around the rebuild").isEqualTo(40);
        assertThat(result.rebuildDifferences()).as("KPIs that changed in the rebuild").isEmpty();
        assertThat(result.restCompared()).isEqualTo(BenchmarkRun.CHECKED_VIEWS * 3 / 2);
        assertThat(result.restDifferences()).as("REST answers unlike the in-process ones").isEmpty();
        assertThat(result.baselineCompared()).isEqualTo(BenchmarkRun.CHECKED_VIEWS * 3 / 2);
        assertThat(result.baselineDifferences()).as("won deals and revenue unlike the GROUP BY's").isEmpty();

        BenchmarkReport report = new BenchmarkReport(options, Machine.current(Machine.loadAverage()), List.of(result), Instant.now());
        assertThat(report.checksPassed()).isTrue();
        assertThat(report.markdown())
                .contains("| Ingest cursor reached the last sequence | **PASS** 30,000 of 30,000 |")
                .contains("| Every manager's KPIs equal before and after the rebuild | **PASS** 40 managers compared |")
                .contains("Rebuild of 10 M activities <= 60 s")
                .contains("| team month | GROUP BY baseline |")
                .contains(database.displayName());
    }
}
