package org.pacekpi.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The scale benchmark of issue 3, from the command line (see BENCHMARKS.md and ./bench.sh):
 * <pre>
 * java -Xmx2g -cp ... org.pacekpi.benchmarks.PaceBenchmark --db both --managers 2000 --teams 100 \
 *      --activities 10000000 --months 24 --samples 2000 --seed 42 --out target/benchmark.md
 * </pre>
 * Prints the report and writes it as Markdown. Exits with 1 if a correctness check failed (a goal missed is a
 * figure, not a failure), with 2 on bad options.
 */
public final class PaceBenchmark {

    private PaceBenchmark() {
    }

    /** Runs the benchmark the options describe. */
    public static void main(String[] args) throws IOException, SQLException {
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("pace-benchmark: " + e.getMessage());
            System.exit(2);
            return;
        }
        BenchmarkReport report = run(options, LocalDate.now(ZoneOffset.UTC).minusDays(1));
        String markdown = report.markdown();
        System.out.println(markdown);
        if (options.out() != null) {
            Path out = options.out().toAbsolutePath();
            Files.createDirectories(out.getParent());
            Files.writeString(out, markdown);
            System.out.println("Report written to " + out);
        }
        if (!report.checksPassed()) {
            System.err.println("pace-benchmark: a correctness check failed; see the report");
            System.exit(1);
        }
    }

    /**
     * Runs on each database in turn.
     *
     * @param lastDay the last day of the generated history
     */
    public static BenchmarkReport run(BenchmarkOptions options, LocalDate lastDay) throws SQLException {
        double loadBefore = Machine.loadAverage();
        List<DatabaseResult> results = new ArrayList<>();
        for (BenchDatabase database : options.databases()) {
            results.add(new BenchmarkRun(options, database, lastDay).run());
        }
        return new BenchmarkReport(options, Machine.current(loadBefore), results, Instant.now());
    }
}
