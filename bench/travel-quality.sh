#!/usr/bin/env bash
# Travel extraction quality (issue 5): runs `mailsift scan` and kitinerary-extractor over the labelled corpus in
# bench/travel-corpus and scores both with bench/travel_score.py. Not a test; nothing here runs in CI.
#
#   bench/travel-quality.sh [OUTDIR]          # default /tmp/mailsift-travel-quality
#
# Environment: BENCH_SKIP_BUILD=1 reuses app/target/mailsift.jar; MAILSIFT_JAR=path scores another build;
# KITINERARY=path to kitinerary-extractor (default: the Debian package's binary; skipped with a note when missing);
# CORPUS=dir (default bench/travel-corpus); DETAILS=1 lists every missed or wrong field.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
out=${1:-/tmp/mailsift-travel-quality}
corpus=${CORPUS:-bench/travel-corpus}
kitinerary=${KITINERARY:-/usr/lib/x86_64-linux-gnu/libexec/kf5/kitinerary-extractor}
mkdir -p "$out"
rm -rf "$out/kitinerary"

scan_corpus "$corpus" "$out"

tools=(--tool "mailsift=$out/mailsift.jsonl")
if [[ -x $kitinerary ]]; then
  # One process per mail (it reads one input); a mail it cannot handle within 60 s counts as no findings.
  for mail in "${CORPUS_MAILS[@]}"; do
    mkdir -p "$out/kitinerary/$(dirname "$mail")"
    QT_QPA_PLATFORM=offscreen timeout 60 "$kitinerary" "$corpus/$mail" \
      > "$out/kitinerary/$mail.json" 2>> "$out/kitinerary.stderr" || echo "kitinerary: $mail: exit $?" >&2
  done
  tools+=(--tool "kitinerary=$out/kitinerary")
else
  echo "kitinerary-extractor not found at $kitinerary (apt-get install -y libkpimitinerary-bin): scoring Mailsift only" >&2
fi

python3 bench/travel_score.py "$corpus" "${tools[@]}" ${DETAILS:+--details} | tee "$out/report.md"
