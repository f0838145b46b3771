#!/usr/bin/env bash
# Alternates bench/backfill.sh (10,000 messages) and bench/latency.sh (1,000 mailboxes, 200 deliveries) RUNS times,
# recording the load average before and after each, so that figures from a shared machine come with their conditions.
# Usage: bench/series.sh OUTDIR [RUNS]. Ports and jar as for the other scripts (BENCH_*_PORT, MAILSIFT_JAR).
set -uo pipefail
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
OUT=${1:?usage: bench/series.sh OUTDIR [RUNS]}
RUNS=${2:-3}
mkdir -p "$OUT"
load() { cut -d' ' -f1-3 /proc/loadavg; }
for ((i = 1; i <= RUNS; i++)); do
    echo "backfill $i start $(date -u +%H:%M:%S) load $(load)" >> "$OUT/log"
    rm -rf "$OUT/backfill-$i"
    timeout 900 "$BENCH_DIR/backfill.sh" "$OUT/backfill-$i" 10000 > "$OUT/backfill-$i.out" 2> "$OUT/backfill-$i.err"
    echo "backfill $i end $(date -u +%H:%M:%S) exit $? load $(load)" >> "$OUT/log"
    echo "latency $i start $(date -u +%H:%M:%S) load $(load)" >> "$OUT/log"
    rm -rf "$OUT/latency-$i"
    timeout 1200 "$BENCH_DIR/latency.sh" 1000 "$OUT/latency-$i" 200 150 > "$OUT/latency-$i.out" 2> "$OUT/latency-$i.err"
    echo "latency $i end $(date -u +%H:%M:%S) exit $? load $(load)" >> "$OUT/log"
done
