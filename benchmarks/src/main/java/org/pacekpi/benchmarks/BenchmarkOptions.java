package org.pacekpi.benchmarks;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What one benchmark run does: which databases, how big an organisation, how many latency samples.
 *
 * @param databases  the databases to run on, in order
 * @param managers   sales managers in the generated organisation
 * @param teams      teams the managers are spread over (a team view covers one team)
 * @param activities changes in the host's history (creations, then a small share of corrections, deletions and
 *                   reassignments of earlier ones)
 * @param months     months of history, ending yesterday
 * @param samples    latency samples per query kind, after as many warm-up calls
 * @param seed       the generator's seed: the same seed gives the same organisation and history
 * @param out        where the Markdown report goes, or null for none
 * @param workDir    where the H2 files go (deleted and recreated per run)
 * @param pgDatabase the PostgreSQL database, dropped and recreated per run
 */
public record BenchmarkOptions(List<BenchDatabase> databases, int managers, int teams, long activities, int months,
                               int samples, long seed, Path out, Path workDir, String pgDatabase) {

    /** The full size of issue 3. */
    public static final BenchmarkOptions FULL_SIZE = new BenchmarkOptions(List.of(BenchDatabase.values()), 2000, 100,
            10_000_000L, 24, 2_000, 42L, Path.of("target", "benchmark.md"), Path.of("target", "bench-data"),
            "pace_bench");

    /** Checks the values; the message names the option that is wrong. */
    public BenchmarkOptions {
        databases = List.copyOf(Objects.requireNonNull(databases, "--db"));
        if (databases.isEmpty()) {
            throw new IllegalArgumentException("--db must name h2, postgresql or both");
        }
        if (teams < 1) {
            throw new IllegalArgumentException("--teams must be at least 1, was " + teams);
        }
        if (managers < teams) {
            throw new IllegalArgumentException("--managers (" + managers + ") must be at least --teams (" + teams + ")");
        }
        if (activities < 1000) {
            throw new IllegalArgumentException("--activities must be at least 1000, was " + activities);
        }
        if (months < 3 || months > 120) {
            throw new IllegalArgumentException("--months must be between 3 and 120 (a quarter at least), was " + months);
        }
        if (samples < 10) {
            throw new IllegalArgumentException("--samples must be at least 10 (a p99 needs them), was " + samples);
        }
        Objects.requireNonNull(workDir, "--work-dir");
        // PostgreSQL cuts names at 63 bytes: the log floor's database name must still differ from the run's.
        int longest = 63 - BenchDatabase.LOG_FLOOR.length();
        if (pgDatabase == null || !pgDatabase.matches("[a-z_][a-z0-9_]{0," + (longest - 1) + "}")) {
            throw new IllegalArgumentException("--pg-database must be a plain lower-case PostgreSQL name of at most "
                    + longest + " characters, was '" + pgDatabase + "'");
        }
    }

    /**
     * Parses {@code --db h2|postgresql|both --managers N --teams N --activities N --months N --samples N --seed N
     * --out FILE --work-dir DIR --pg-database NAME}; what is not given keeps its full-size default.
     *
     * @throws IllegalArgumentException naming the option that is unknown, lacks its value or has a bad one
     */
    public static BenchmarkOptions parse(String... args) {
        BenchmarkOptions d = FULL_SIZE;
        List<BenchDatabase> databases = d.databases;
        int managers = d.managers;
        int teams = d.teams;
        long activities = d.activities;
        int months = d.months;
        int samples = d.samples;
        long seed = d.seed;
        Path out = d.out;
        Path workDir = d.workDir;
        String pgDatabase = d.pgDatabase;
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = args[i + 1];
            switch (name) {
                case "--db" -> databases = databases(value);
                case "--managers" -> managers = integer(name, value);
                case "--teams" -> teams = integer(name, value);
                case "--activities" -> activities = number(name, value);
                case "--months" -> months = integer(name, value);
                case "--samples" -> samples = integer(name, value);
                case "--seed" -> seed = number(name, value);
                case "--out" -> out = value.isBlank() || value.equals("-") ? null : Path.of(value);
                case "--work-dir" -> workDir = Path.of(value);
                case "--pg-database" -> pgDatabase = value;
                default -> throw new IllegalArgumentException("unknown option '" + name + "'; the options are --db, "
                        + "--managers, --teams, --activities, --months, --samples, --seed, --out, --work-dir, "
                        + "--pg-database");
            }
        }
        return new BenchmarkOptions(databases, managers, teams, activities, months, samples, seed, out, workDir,
                pgDatabase);
    }

    private static List<BenchDatabase> databases(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "h2" -> List.of(BenchDatabase.H2);
            case "postgresql", "postgres", "pg" -> List.of(BenchDatabase.POSTGRESQL);
            case "both" -> List.of(BenchDatabase.H2, BenchDatabase.POSTGRESQL);
            default -> throw new IllegalArgumentException("--db must be h2, postgresql or both, was '" + value + "'");
        };
    }

    private static int integer(String name, String value) {
        long n = number(name, value);
        if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " is too large: " + value);
        }
        return (int) n;
    }

    private static long number(String name, String value) {
        try {
            return Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was '" + value + "'", e);
        }
    }
}
