package org.pacekpi.benchmarks;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one run measured and checked on one database.
 *
 * @param database             the database
 * @param version              its product and version
 * @param changes              changes in the host's history (the last sequence)
 * @param activities           distinct activities they create
 * @param generatorRate        changes/s the generator makes on its own (so it is known not to be the bottleneck)
 * @param logFloor             the same changes written into Pace's log alone, no rules or sums ({@link LogFloor})
 * @param appliedSequence      Pace's applied cursor when the ingest was over
 * @param ingestSeconds        wall time from the ingest's start until the cursor reached the last sequence
 * @param ingestRate           changes/s over the whole ingest
 * @param lastHalfRate         changes/s over the second half of the ingest
 * @param heapAfterGc          used heap after a full GC at 10 %, 20 % ... 100 % of the ingest, in bytes
 * @param ingestCpu            CPU time used during the ingest (the full GCs of the heap samples included)
 * @param upsertCpu            CPU time used during the plain upsert
 * @param rebuildSeconds       wall time of the rebuild from the log
 * @param rebuiltActivities    activities the rebuild recounted
 * @param rebuildCompared      managers whose KPIs were compared before and after the rebuild
 * @param rebuildDifferences   those that differed (at most a few, described)
 * @param upsertRows           rows the plain upsert sent
 * @param upsertSeconds        its wall time
 * @param recomputeRows        rows of the daily-count recompute
 * @param recomputeSeconds     its wall time
 * @param latencies            per KPI view and access path
 * @param restCompared         sampled views compared between REST and in-process
 * @param restDifferences      those that differed
 * @param baselineCompared     sampled views whose won deals and revenue were compared between Pace and GROUP BY
 * @param baselineDifferences  those that differed
 */
public record DatabaseResult(BenchDatabase database, String version, long changes, long activities,
                             double generatorRate, LogFloor.Result logFloor, long appliedSequence,
                             double ingestSeconds, double ingestRate, double lastHalfRate, List<Long> heapAfterGc,
                             CpuTime ingestCpu, CpuTime upsertCpu, double rebuildSeconds,
                             long rebuiltActivities, int rebuildCompared, List<String> rebuildDifferences,
                             long upsertRows, double upsertSeconds, long recomputeRows, double recomputeSeconds,
                             Map<KpiQuery, Map<Access, Latency>> latencies, int restCompared,
                             List<String> restDifferences, int baselineCompared, List<String> baselineDifferences) {

    /** Copies the collections. */
    public DatabaseResult {
        heapAfterGc = List.copyOf(heapAfterGc);
        rebuildDifferences = List.copyOf(rebuildDifferences);
        restDifferences = List.copyOf(restDifferences);
        baselineDifferences = List.copyOf(baselineDifferences);
        Map<KpiQuery, Map<Access, Latency>> copy = new EnumMap<>(KpiQuery.class);
        latencies.forEach((query, byAccess) -> copy.put(query, Map.copyOf(byAccess)));
        latencies = Map.copyOf(copy);
    }

    /** The plain upsert's rows per second. */
    public double upsertRate() {
        return upsertRows / upsertSeconds;
    }

    /** Activities the rebuild recounted per second. */
    public double rebuildRate() {
        return rebuiltActivities / rebuildSeconds;
    }

    /** The rebuild time scaled linearly to ten million activities. */
    public double rebuildSecondsFor10M() {
        return 10_000_000.0 / rebuildRate();
    }

    /** The latency of one view by one path. */
    public Latency latency(KpiQuery query, Access access) {
        Map<Access, Latency> byAccess = latencies.get(query);
        Latency latency = byAccess == null ? null : byAccess.get(access);
        if (latency == null) {
            throw new IllegalStateException("no " + access.label() + " latency for " + query.label());
        }
        return latency;
    }

    /** Heap growth over the ingest: used heap after GC at 100 % minus at 10 %, in bytes. */
    public long heapGrowth() {
        return heapAfterGc.get(heapAfterGc.size() - 1) - heapAfterGc.get(0);
    }

    /** Every measured figure by name, in report order; each must be positive in a run that worked. */
    public Map<String, Double> figures() {
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("generator changes/s", generatorRate);
        figures.put("log floor s", logFloor.seconds());
        figures.put("log floor changes/s", logFloor.rate());
        figures.put("log floor CPU ms per 1,000 changes: JVM",
                CpuTime.millisPerThousand(logFloor.cpu().jvm(), logFloor.changes()));
        logFloor.cpu().database().ifPresent(nanos -> figures.put(
                "log floor CPU ms per 1,000 changes: PostgreSQL server",
                CpuTime.millisPerThousand(nanos, logFloor.changes())));
        figures.put("ingest s", ingestSeconds);
        figures.put("ingest changes/s", ingestRate);
        figures.put("ingest changes/s, last 50 %", lastHalfRate);
        for (int i = 0; i < heapAfterGc.size(); i++) {
            figures.put("heap after GC at " + (i + 1) * 10 + " % (bytes)", heapAfterGc.get(i).doubleValue());
        }
        figures.put("ingest CPU ms per 1,000 changes: writer thread",
                CpuTime.millisPerThousand(ingestCpu.writer(), changes));
        figures.put("ingest CPU ms per 1,000 changes: history reader thread",
                CpuTime.millisPerThousand(ingestCpu.reader(), changes));
        figures.put("ingest CPU ms per 1,000 changes: JVM", CpuTime.millisPerThousand(ingestCpu.jvm(), changes));
        ingestCpu.database().ifPresent(nanos -> figures.put("ingest CPU ms per 1,000 changes: PostgreSQL server",
                CpuTime.millisPerThousand(nanos, changes)));
        figures.put("plain upsert CPU ms per 1,000 rows: JVM", CpuTime.millisPerThousand(upsertCpu.jvm(), upsertRows));
        upsertCpu.database().ifPresent(nanos -> figures.put("plain upsert CPU ms per 1,000 rows: PostgreSQL server",
                CpuTime.millisPerThousand(nanos, upsertRows)));
        figures.put("rebuild s", rebuildSeconds);
        figures.put("rebuild activities/s", rebuildRate());
        figures.put("plain upsert s", upsertSeconds);
        figures.put("plain upsert rows/s", upsertRate());
        figures.put("recompute s", recomputeSeconds);
        figures.put("recompute rows", (double) recomputeRows);
        for (KpiQuery query : KpiQuery.values()) {
            for (Access access : Access.values()) {
                Latency latency = latency(query, access);
                String name = access.label() + " " + query.label();
                figures.put(name + " p50 ms", latency.p50());
                figures.put(name + " p99 ms", latency.p99());
                figures.put(name + " max ms", latency.max());
            }
        }
        return figures;
    }
}
