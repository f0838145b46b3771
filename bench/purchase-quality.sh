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
out=${1:-/tmp/mailsift-purchase-quality}
corpus=${CORPUS:-bench/purchase-corpus}
jar=${MAILSIFT_JAR:-app/target/mailsift.jar}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
mkdir -p "$out"

if [[ -z ${BENCH_SKIP_BUILD:-} && -z ${MAILSIFT_JAR:-} ]]; then
  ./mvnw -B -q -DskipTests package
fi

mapfile -t mails < <(cd "$corpus" && find . -name '*.eml' | sed 's|^\./||' | LC_ALL=C sort)
echo "corpus: ${#mails[@]} mails in $corpus" >&2

# One scan over every mail, as a user would run it; findings are JSON lines naming their file.
"$java" -jar "$jar" scan "${mails[@]/#/$corpus/}" > "$out/mailsift.jsonl" 2> "$out/mailsift.stderr" || true
tail -1 "$out/mailsift.stderr" >&2

python3 bench/purchase_score.py "$corpus" "$out/mailsift.jsonl" ${DETAILS:+--details} | tee "$out/report.md"
