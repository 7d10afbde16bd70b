package org.pacekpi.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class BenchmarkOptionsTest {

    @Test
    void defaultsToTheIssuesFullSize() {
        BenchmarkOptions options = BenchmarkOptions.parse();
        assertThat(options.managers()).isEqualTo(2000);
        assertThat(options.teams()).isEqualTo(100);
        assertThat(options.activities()).isEqualTo(10_000_000L);
        assertThat(options.months()).isEqualTo(24);
        assertThat(options.databases()).containsExactly(BenchDatabase.H2, BenchDatabase.POSTGRESQL);
    }

    @Test
    void parsesEveryOption() {
        BenchmarkOptions options = BenchmarkOptions.parse("--db", "postgresql", "--managers", "40", "--teams", "4",
                "--activities", "300_000", "--months", "12", "--samples", "50", "--seed", "9", "--out", "x.md",
                "--work-dir", "w", "--pg-database", "pace_bench_x");
        assertThat(options).isEqualTo(new BenchmarkOptions(List.of(BenchDatabase.POSTGRESQL), 40, 4, 300_000, 12, 50,
                9, Path.of("x.md"), Path.of("w"), "pace_bench_x"));
    }

    @Test
    void namesTheWrongOption() {
        assertThatThrownBy(() -> BenchmarkOptions.parse("--db", "mysql")).hasMessageContaining("--db");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--managers")).hasMessageContaining("--managers needs a value");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--teams", "many")).hasMessageContaining("--teams");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--managers", "10", "--teams", "20"))
                .hasMessageContaining("--managers (10) must be at least --teams (20)");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--pg-database", "x; DROP")).hasMessageContaining("--pg-database");
        // The log floor's database adds "_log_floor", and PostgreSQL cuts names at 63 bytes.
        assertThat(BenchmarkOptions.parse("--pg-database", "p".repeat(53)).pgDatabase()).hasSize(53);
        assertThatThrownBy(() -> BenchmarkOptions.parse("--pg-database", "p".repeat(54)))
                .hasMessageContaining("--pg-database must be a plain lower-case PostgreSQL name of at most 53");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--speed", "1")).hasMessageContaining("unknown option '--speed'");
    }
}
