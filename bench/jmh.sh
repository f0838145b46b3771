#!/usr/bin/env bash
# Connector throughput (issues 5 and 6): builds bench/jmh's benchmarks.jar and runs its JMH benchmarks, one thread
# (one core) each, over bench/travel-corpus and bench/purchase-corpus. Not a test; nothing here runs in CI.
#
#   bench/jmh.sh [OUTDIR] [JMH OPTIONS...]      # default /tmp/mailsift-jmh; ~7 min on 2 cores
#   bench/jmh.sh /tmp/jmh Travel                # only the travel benchmarks (a regular expression)
#   bench/jmh.sh /tmp/jmh -prof gc              # with JMH's allocation profiler
#
# Forks, warm-up and measurement are the benchmarks' own (@Fork(2), 5 x 2 s warm-up, 5 x 2 s measured); JMH options
# given here override them. Every run adds the CPU time per operation of the benchmark JVM (CpuTimeProfiler), which a
# busy machine inflates less than the wall time. Environment: BENCH_SKIP_BUILD=1 reuses bench/jmh/target/benchmarks.jar.
# Writes OUTDIR/jmh.json (JMH's result file), OUTDIR/jmh.log (its output) and OUTDIR/summary.md (printed at the end).
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
out=${1:-/tmp/mailsift-jmh}
shift || true
jar=bench/jmh/target/benchmarks.jar
mkdir -p "$out"

if [[ -z ${BENCH_SKIP_BUILD:-} ]]; then
  ./mvnw -B -q -pl bench/jmh -am -Pbenchmarks -DskipTests package
fi

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
"$JAVA_HOME/bin/java" -jar "$jar" -rf json -rff "$out/jmh.json" -prof io.mailsift.bench.jmh.CpuTimeProfiler "$@" 2>&1 \
  | tee "$out/jmh.log"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

{
  echo "Connector throughput: $started to $(date -u +%H:%M:%SZ), commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . || echo ' (with uncommitted changes)')"
  echo "JVM: $("$JAVA_HOME/bin/java" -version 2>&1 | sed -n 2p); CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores"
  echo "Load average (1, 5, 15 min): $load_before before, $load_after after"
  echo
  python3 - "$out/jmh.json" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))
print("| benchmark | ns/op | ± (99.9%) | mails/s = 1e9 / (ns/op) | CPU ns/op | 1e9 / (CPU ns/op) |")
print("| --- | ---: | ---: | ---: | ---: | ---: |")
for row in rows:
    metric = row["primaryMetric"]
    score, error = float(metric["score"]), float(metric["scoreError"])
    name = row["benchmark"].rsplit(".", 2)
    error_text = "–" if error != error else f"{error:,.0f}"  # NaN with fewer than 2 measurements
    cpu = row.get("secondaryMetrics", {}).get("·cpu")
    cpu_text = f"{float(cpu['score']):,.0f} | {1e9 / float(cpu['score']):,.0f}" if cpu else "– | –"
    print(f"| {name[-2]}.{name[-1]} | {score:,.0f} | {error_text} | {1e9 / score:,.0f} | {cpu_text} |")
PY
} | tee "$out/summary.md"
