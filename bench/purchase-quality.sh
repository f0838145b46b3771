#!/usr/bin/env bash
# Purchase extraction quality (issue 6): runs `mailsift scan` over the labelled corpus in bench/purchase-corpus and
# scores its findings with bench/purchase_score.py. Not a test; nothing here runs in CI.
#
#   bench/purchase-quality.sh [OUTDIR]        # default /tmp/mailsift-purchase-quality
#
# Environment: BENCH_SKIP_BUILD=1 reuses app/target/mailsift.jar; MAILSIFT_JAR=path scores another build;
# CORPUS=dir (default bench/purchase-corpus); DETAILS=1 lists every missed or wrong field.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
out=${1:-/tmp/mailsift-purchase-quality}
corpus=${CORPUS:-bench/purchase-corpus}
mkdir -p "$out"

scan_corpus "$corpus" "$out"

python3 bench/purchase_score.py "$corpus" "$out/mailsift.jsonl" ${DETAILS:+--details} | tee "$out/report.md"
