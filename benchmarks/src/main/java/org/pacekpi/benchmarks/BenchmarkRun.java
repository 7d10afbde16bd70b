package org.pacekpi.benchmarks;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import org.pacekpi.api.KpiService;
import org.pacekpi.api.Metrics;
import org.pacekpi.api.dto.IngestStatus;
import org.pacekpi.api.dto.KpiReport;
import org.pacekpi.api.dto.MetricValue;
import org.pacekpi.api.dto.Money;
import org.pacekpi.api.dto.RebuildResult;
import org.pacekpi.api.dto.TeamKpiReport;
import org.pacekpi.engine.internal.calendar.DateRange;
import org.pacekpi.engine.internal.calendar.Periods;
import org.pacekpi.host.directory.User;
import org.pacekpi.rest.internal.KpiView;
import org.pacekpi.rest.internal.TeamKpiView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One benchmark run on one database, in this order: Pace ingests the generated history through its ingest pipeline;
 * every manager's KPIs are noted; Pace rebuilds from its log and the KPIs are compared; the plain upsert baseline
 * loads the same changes into the same database; the daily-count recompute runs; a checkpoint writes what they
 * dirtied; then the latency of each KPI view is timed in-process and by GROUP BY on the same random picks and over
 * REST on picks of its own (see {@code latencies}), and the answers are cross-checked.
 */
public final class BenchmarkRun {

    private static final Logger LOG = LoggerFactory.getLogger(BenchmarkRun.class);

    /** How often the ingest's progress is polled. */
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /** Sampled views whose answers are cross-checked (REST against in-process, Pace against GROUP BY). */
    static final int CHECKED_VIEWS = 200;
    /** Differences described in the result, at most. */
    private static final int DESCRIBED = 5;

    private final BenchmarkOptions options;
    private final BenchDatabase database;
    private final GeneratedOrganisation organisation;
    private final ActivityGenerator generator;

    /**
     * @param options   the run's size
     * @param database  the database to run on
     * @param lastDay   the last day of the history (yesterday for a real run)
     */
    public BenchmarkRun(BenchmarkOptions options, BenchDatabase database, LocalDate lastDay) {
        this.options = Objects.requireNonNull(options, "options");
        this.database = Objects.requireNonNull(database, "database");
        this.organisation = new GeneratedOrganisation(options.managers(), options.teams());
        this.generator = new ActivityGenerator(organisation, options.activities(), options.months(), lastDay,
                options.seed());
    }

    /** Runs everything; the database is left as it is for inspection (it is recreated by the next run). */
    public DatabaseResult run() throws SQLException {
        double generatorRate = generatorRate();
        LogFloor.Result logFloor = logFloor();
        try (BenchDatabase.Opened db = database.open(options);
             PaceUnderTest pace = new PaceUnderTest(db.pool(), database.dialect(), organisation,
                     new GeneratedHistory(generator), PaceUnderTest.ingestSettings(options.activities()));
             RawActivityBaseline baseline = new RawActivityBaseline(database, db.plainConnection(), organisation);
             CpuMeter cpu = new CpuMeter(database == BenchDatabase.POSTGRESQL ? db.plainConnection() : null)) {
            String version = db.version();
            LOG.info("{}: ingesting {} changes for {} managers in {} teams", version, generator.total(),
                    options.managers(), options.teams());
            Ingest ingest = ingest(pace, cpu);

            Map<String, Totals> before = everyManagersTotals(pace.kpis());
            LOG.info("{}: rebuilding from the log", version);
            long start = System.nanoTime();
            RebuildResult rebuild = pace.rebuild();
            double rebuildSeconds = seconds(System.nanoTime() - start);
            List<String> rebuildDifferences = differences(before, everyManagersTotals(pace.kpis()));

            LOG.info("{}: plain upsert baseline", version);
            CpuTime beforeUpsert = cpu.sample();
            start = System.nanoTime();
            long upsertRows = baseline.upsertAll(generator);
            double upsertSeconds = seconds(System.nanoTime() - start);
            CpuTime upsertCpu = cpu.sample().since(beforeUpsert);
            start = System.nanoTime();
            long recomputeRows = baseline.recomputeDailyCounts();
            double recomputeSeconds = seconds(System.nanoTime() - start);
            if (database == BenchDatabase.POSTGRESQL) {
                LOG.info("{}: vacuum of every table after the baselines took {} s", version,
                        String.format(Locale.ROOT, "%.1f", vacuum(db)));
            }
            LOG.info("{}: checkpoint after the baselines took {} s", version,
                    String.format(Locale.ROOT, "%.1f", baseline.checkpoint()));

            try (PaceRestServer rest = new PaceRestServer(pace.kpis(), organisation)) {
                LOG.info("{}: latencies, {} samples per view and path", version, options.samples());
                Map<KpiQuery, Map<Access, Latency>> latencies = latencies(pace.kpis(), rest, baseline);
                List<Pick> checked = picks(KpiQuery.MANAGER_MONTH, CHECKED_VIEWS, options.seed() + 7);
                checked.addAll(picks(KpiQuery.TEAM_MONTH, CHECKED_VIEWS / 4, options.seed() + 8));
                checked.addAll(picks(KpiQuery.MANAGER_QUARTER, CHECKED_VIEWS / 4, options.seed() + 9));
                List<String> restDifferences = restDifferences(pace.kpis(), rest, checked);
                List<String> baselineDifferences = baselineDifferences(pace.kpis(), baseline, checked);
                return new DatabaseResult(database, version, generator.total(), generator.distinctActivities(),
                        generatorRate, logFloor, ingest.appliedSequence, ingest.seconds,
                        generator.total() / ingest.seconds, ingest.lastHalfRate, ingest.heap, ingest.cpu, upsertCpu,
                        rebuildSeconds, rebuild.activities(), before.size(), rebuildDifferences, upsertRows,
                        upsertSeconds, recomputeRows, recomputeSeconds, latencies, checked.size(), restDifferences,
                        checked.size(), baselineDifferences);
            }
        }
    }

    /**
     * The log floor ({@link LogFloor}), first, in a database of its own that is dropped afterwards: it leaves no
     * pages of its own in the caches the later steps read through, and Pace's ingest starts on an empty store anyway.
     */
    private LogFloor.Result logFloor() throws SQLException {
        LOG.info("{}: the log floor, {} changes into Pace's log alone", database.displayName(), generator.total());
        int transactionSize = PaceUnderTest.ingestSettings(options.activities()).historyBatchSize();
        try (BenchDatabase.Opened db = database.openLogFloor(options)) {
            return new LogFloor(organisation, generator, transactionSize).measure(db);
        } finally {
            database.drop(options, BenchDatabase.LOG_FLOOR);
        }
    }

    /**
     * {@code VACUUM ANALYZE} of every table in the run's database, Pace's and the baselines' alike, before the reads
     * are timed. A PostgreSQL server with its defaults vacuums a table by itself once a fifth of it has changed
     * (autovacuum), so a store in use keeps its visibility map set, which lets index-only scans skip the table's
     * pages (Pace's weekly sums are read so). The servers these figures come from run with autovacuum off; this does
     * once what it would have done during the ingest and the baselines.
     *
     * @return how long it took, in seconds
     */
    private static double vacuum(BenchDatabase.Opened db) throws SQLException {
        long start = System.nanoTime();
        try (Connection connection = db.plainConnection();
             Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true); // VACUUM cannot run inside a transaction
            statement.execute("VACUUM ANALYZE");
        }
        return seconds(System.nanoTime() - start);
    }

    /** The generator alone, over up to a million changes. */
    private double generatorRate() {
        long count = Math.min(generator.total(), 1_000_000);
        long start = System.nanoTime();
        long sink = 0;
        for (long sequence = 1; sequence <= count; sequence++) {
            sink += generator.change(sequence).activity().id().length();
        }
        long nanos = System.nanoTime() - start;
        if (sink == 0) {
            throw new IllegalStateException("the generator made no activities");
        }
        return count / seconds(nanos);
    }

    private record Ingest(long appliedSequence, double seconds, double lastHalfRate, List<Long> heap, CpuTime cpu) {
    }

    /**
     * Starts the pipeline and polls its cursor until it reaches the last sequence, noting the time and the used heap
     * after a full GC at each tenth. An ingest error fails the run: the pipeline would retry it, but a benchmark of
     * a failing ingest measures nothing.
     */
    private Ingest ingest(PaceUnderTest pace, CpuMeter cpu) throws SQLException {
        long total = generator.total();
        long[] reachedAt = new long[11];
        List<Long> heap = new ArrayList<>(10);
        CpuTime before = cpu.sample();
        long start = System.nanoTime();
        pace.startIngest();
        int tenth = 1;
        long applied = 0;
        while (tenth <= 10) {
            IngestStatus status = pace.ingestStatus();
            if (status.lastError() != null) {
                throw new IllegalStateException("Pace's ingest failed at sequence " + status.appliedSequence() + ": "
                        + status.lastError());
            }
            applied = status.appliedSequence();
            long now = System.nanoTime();
            while (tenth <= 10 && applied >= total * tenth / 10) {
                reachedAt[tenth] = now - start;
                // Outside the CPU figures' purpose but inside the ingest time: the GC and one query of the meter.
                cpu.sample();
                heap.add(usedHeapAfterGc());
                LOG.info("ingest: {} % ({} changes) after {} s", tenth * 10, total * tenth / 10,
                        String.format("%.1f", seconds(reachedAt[tenth])));
                tenth++;
            }
            if (tenth <= 10) {
                LockSupport.parkNanos(POLL_NANOS);
            }
        }
        double lastHalf = (total - total * 5 / 10) / seconds(reachedAt[10] - reachedAt[5]);
        return new Ingest(applied, seconds(reachedAt[10]), lastHalf, heap, cpu.sample().since(before));
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** A manager's counts and revenue over the whole history, in yearly slices (a custom range's limit). */
    private record Totals(List<List<MetricValue>> metrics, List<List<Money>> revenue) {
    }

    private Map<String, Totals> everyManagersTotals(KpiService kpis) {
        Map<String, Totals> totals = new TreeMap<>();
        // A day either side: the local days of the managers' zones and a correction that moved an activity a day.
        LocalDate first = generator.firstDay().minusDays(1);
        LocalDate last = generator.lastDay().plusDays(2);
        for (User manager : organisation.managers()) {
            List<List<MetricValue>> metrics = new ArrayList<>();
            List<List<Money>> revenue = new ArrayList<>();
            for (LocalDate from = first; !from.isAfter(last); from = from.plusYears(1)) {
                LocalDate to = from.plusYears(1).minusDays(1).isAfter(last) ? last : from.plusYears(1).minusDays(1);
                KpiReport report = kpis.managerKpis(manager.id(), from, to);
                metrics.add(report.metrics());
                revenue.add(report.revenue());
            }
            totals.put(manager.id(), new Totals(metrics, revenue));
        }
        return totals;
    }

    private static List<String> differences(Map<String, Totals> before, Map<String, Totals> after) {
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, Totals> entry : before.entrySet()) {
            Totals rebuilt = after.get(entry.getKey());
            if (!entry.getValue().equals(rebuilt)) {
                differences.add(entry.getKey() + ": before the rebuild " + entry.getValue() + ", after " + rebuilt);
            }
        }
        return describe(differences);
    }

    /** One random view to ask for: a manager or a team, and a day of the history. */
    record Pick(KpiQuery query, String subjectId, LocalDate date) {
    }

    /** Random picks, the same for every access path. */
    List<Pick> picks(KpiQuery query, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ query.ordinal() * 0x632BE59BD9B4E019L);
        int days = (int) (generator.lastDay().toEpochDay() - generator.firstDay().toEpochDay()) + 1;
        List<Pick> picks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String subject = query.team()
                    ? organisation.teams().get(random.nextInt(organisation.teams().size())).id()
                    : organisation.manager(random.nextInt(organisation.managers().size())).id();
            picks.add(new Pick(query, subject, generator.firstDay().plusDays(random.nextInt(days))));
        }
        return picks;
    }

    private Map<KpiQuery, Map<Access, Latency>> latencies(KpiService kpis, PaceRestServer rest,
                                                         RawActivityBaseline baseline) {
        int warmUp = Math.min(options.samples(), 1_000);
        Map<KpiQuery, List<Pick>> warmUpPicks = new EnumMap<>(KpiQuery.class);
        for (KpiQuery query : KpiQuery.values()) {
            warmUpPicks.put(query, picks(query, warmUp, options.seed() + 1));
        }
        // Every view and path is warmed before any is timed: the JIT compiles the code that all views share (Jersey,
        // Jetty, the JSON provider, the store's reads) while the first view runs, and timing that view right after
        // its own warm-up charged it with compilations a long-running server has long finished (REST week p99 5.9
        // against 1.7 ms with this pass, 200 managers, 200,000 changes).
        warmUpPicks.forEach((query, picks) -> {
            picks.forEach(pick -> inProcess(kpis, pick));
            picks.forEach(pick -> rest(rest, pick));
            picks.forEach(pick -> groupBy(baseline, pick));
        });
        Map<KpiQuery, Map<Access, Latency>> latencies = new EnumMap<>(KpiQuery.class);
        for (KpiQuery query : KpiQuery.values()) {
            List<Pick> timedPicks = picks(query, options.samples(), options.seed() + 2);
            // REST reads the same aggregate rows as the in-process call: timed on the in-process picks, it would
            // find their pages in the database's cache, read there a moment before, and the in-process figure alone
            // would carry the first reads. Its own picks put both on the same footing. The GROUP BY reads another
            // table, so it is timed on the in-process picks, and the two are compared on the same views.
            List<Pick> restPicks = picks(query, options.samples(), options.seed() + 3);
            Map<Access, Latency> byAccess = new EnumMap<>(Access.class);
            byAccess.put(Access.IN_PROCESS, time(warmUpPicks.get(query), timedPicks, pick -> inProcess(kpis, pick)));
            byAccess.put(Access.REST, time(warmUpPicks.get(query), restPicks, pick -> rest(rest, pick)));
            byAccess.put(Access.GROUP_BY, time(warmUpPicks.get(query), timedPicks, pick -> groupBy(baseline, pick)));
            latencies.put(query, byAccess);
            LOG.info("latency {}: {}", query.label(), byAccess);
        }
        return latencies;
    }

    private static Latency time(List<Pick> warmUp, List<Pick> timed, Consumer<Pick> call) {
        warmUp.forEach(call);
        long[] nanos = new long[timed.size()];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            call.accept(timed.get(i));
            nanos[i] = System.nanoTime() - start;
        }
        return Latency.ofNanos(nanos);
    }

    private static Object inProcess(KpiService kpis, Pick pick) {
        return pick.query().team()
                ? kpis.teamKpis(pick.subjectId(), pick.query().period(), pick.date())
                : kpis.managerKpis(pick.subjectId(), pick.query().period(), pick.date());
    }

    private static Object rest(PaceRestServer rest, Pick pick) {
        return pick.query().team()
                ? rest.teamKpis(pick.subjectId(), pick.query().period(), pick.date())
                : rest.managerKpis(pick.subjectId(), pick.query().period(), pick.date());
    }

    /** The GROUP BY for the period in the manager's (or the team's) time zone. */
    private Map<String, RawActivityBaseline.RawKpis> groupBy(RawActivityBaseline baseline, Pick pick) {
        List<User> managers = pick.query().team() ? organisation.members(pick.subjectId())
                : List.of(organisation.user(pick.subjectId()).orElseThrow());
        DateRange period = Periods.containing(pick.query().period(), pick.date());
        // A team works in one zone (see GeneratedOrganisation), so one range serves all its managers.
        ZoneId zone = managers.get(0).timeZone();
        try {
            return baseline.kpis(managers.stream().map(User::id).toList(), period.start(zone), period.end(zone));
        } catch (SQLException e) {
            throw new IllegalStateException("the GROUP BY baseline failed for " + pick + ": " + e.getMessage(), e);
        }
    }

    private static List<String> restDifferences(KpiService kpis, PaceRestServer rest, List<Pick> picks) {
        List<String> differences = new ArrayList<>();
        for (Pick pick : picks) {
            Object inProcess = pick.query().team()
                    ? TeamKpiView.of((TeamKpiReport) inProcess(kpis, pick), id -> id)
                    : KpiView.of((KpiReport) inProcess(kpis, pick));
            Object overRest = rest(rest, pick);
            if (pick.query().team()) {
                // The REST view names members by display name; compare everything else.
                inProcess = withoutNames((TeamKpiView) inProcess);
                overRest = withoutNames((TeamKpiView) overRest);
            }
            if (!inProcess.equals(overRest)) {
                differences.add(pick + ": in-process " + inProcess + ", REST " + overRest);
            }
        }
        return describe(differences);
    }

    private static TeamKpiView withoutNames(TeamKpiView view) {
        List<TeamKpiView.Member> members = view.members().stream()
                .map(m -> new TeamKpiView.Member(m.managerId(), "", m.period(), m.from(), m.to(), m.timeZone(),
                        m.workingDays(), m.metrics(), m.revenue()))
                .sorted(Comparator.comparing(TeamKpiView.Member::managerId)).toList();
        return new TeamKpiView(view.teamId(), view.teamName(), view.period(), view.from(), view.to(), members,
                view.totals(), view.revenue(), view.pacing());
    }

    /** Won deals and revenue, which no counting rule filters, must be the same in Pace and in the GROUP BY. */
    private List<String> baselineDifferences(KpiService kpis, RawActivityBaseline baseline, List<Pick> picks) {
        List<String> differences = new ArrayList<>();
        for (Pick pick : picks) {
            long paceWon;
            Map<String, BigDecimal> paceRevenue;
            if (pick.query().team()) {
                TeamKpiReport team = (TeamKpiReport) inProcess(kpis, pick);
                paceWon = team.totals().stream().filter(m -> m.id().equals(Metrics.DEALS_WON))
                        .mapToLong(MetricValue::value).sum();
                paceRevenue = money(team.revenue());
            } else {
                KpiReport report = (KpiReport) inProcess(kpis, pick);
                paceWon = report.value(Metrics.DEALS_WON);
                paceRevenue = money(report.revenue());
            }
            RawActivityBaseline.RawKpis raw = groupBy(baseline, pick).values().stream()
                    .reduce(RawActivityBaseline.RawKpis.NONE, RawActivityBaseline.RawKpis::plus);
            Map<String, BigDecimal> rawRevenue = new TreeMap<>();
            raw.revenue().forEach((currency, amount) -> rawRevenue.put(currency, amount.stripTrailingZeros()));
            if (paceWon != raw.dealsWon() || !paceRevenue.equals(rawRevenue)) {
                differences.add(pick + ": Pace " + paceWon + " won, " + paceRevenue + "; GROUP BY " + raw.dealsWon()
                        + " won, " + rawRevenue);
            }
        }
        return describe(differences);
    }

    private static Map<String, BigDecimal> money(List<Money> revenue) {
        Map<String, BigDecimal> money = new TreeMap<>();
        revenue.forEach(m -> money.merge(m.currency(), m.amount(), BigDecimal::add));
        money.replaceAll((currency, amount) -> amount.stripTrailingZeros());
        money.values().removeIf(amount -> amount.signum() == 0);
        return money;
    }

    private static List<String> describe(List<String> differences) {
        if (differences.size() <= DESCRIBED) {
            return differences;
        }
        List<String> described = new ArrayList<>(differences.subList(0, DESCRIBED));
        described.add("... and " + (differences.size() - DESCRIBED) + " more");
        return described;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** The organisation, for tests. */
    GeneratedOrganisation organisation() {
        return organisation;
    }

    /** The generator, for tests. */
    ActivityGenerator generator() {
        return generator;
    }
}
