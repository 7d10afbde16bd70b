#!/usr/bin/env bash
# Runs Pace's scale benchmark (issue 3) at full size: 2,000 managers in 100 teams, 10 million activities over two
# years, on H2 and on PostgreSQL (127.0.0.1:5432, user postgres, trust auth; database pace_bench is dropped and
# recreated). Any option of the benchmark may be given to override the full size, e.g.
#   ./bench.sh --db postgresql --activities 500000
# The JVM gets a fixed heap (BENCH_HEAP, default 2g) so that the heap figures mean something. The report is printed
# and written to benchmarks/target/benchmark.md (or --out). See BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")"
HEAP="${BENCH_HEAP:-2g}"

# Builds the modules the benchmark uses and installs them in the local repository, then resolves its classpath.
mvn -B -q -DskipTests install -pl benchmarks -am
mvn -B -q -o -pl benchmarks dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile=target/classpath.txt

cd benchmarks
exec java -Xms"$HEAP" -Xmx"$HEAP" -cp "target/classes:$(cat target/classpath.txt)" \
    org.pacekpi.benchmarks.PaceBenchmark --out target/benchmark.md "$@"
