#!/usr/bin/env bash
# Runs the whole ingestion benchmark and prints a Markdown summary (see bench/README.md and docs/benchmarks.md).
#   bench/run-all.sh [OUTDIR]      # default OUTDIR: a new /tmp/mailsift-bench.XXXXXX
# Needs root (Dovecot switches to per-user uids), dovecot-imapd, isync, postgresql-client, curl, a JDK 25.
# Bounded: each step has its own timeout and the whole run stops after BENCH_TIMEOUT seconds (default 3600).
# Set BENCH_SKIP_BUILD=1 to reuse app/target/mailsift.jar; BENCH_MAILBOXES="1 100 1000" picks the latency runs.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

if [[ -z ${BENCH_INNER:-} ]]; then
    export BENCH_INNER=1
    exec timeout --kill-after=30 "${BENCH_TIMEOUT:-3600}" "$0" "$@"
fi

OUT=${1:-$(mktemp -d /tmp/mailsift-bench.XXXXXX)}
mkdir -p "$OUT"
for tool in dovecot doveadm mbsync psql curl jcmd ss; do
    command -v "$tool" > /dev/null || {
        echo "missing $tool: apt-get install -y dovecot-imapd isync postgresql-client curl iproute2" >&2
        exit 1
    }
done
[[ $(id -u) == 0 ]] || { echo "run as root: Dovecot must switch to the mail users' uids" >&2; exit 1; }

if [[ -z ${BENCH_SKIP_BUILD:-} ]]; then
    log "building the app"
    (cd "$REPO_DIR" && timeout 900 ./mvnw -B -q -DskipTests package)
fi

log "machine"
machine_facts > "$OUT/machine.txt"
cat "$OUT/machine.txt" >&2

log "(a) backfill"
timeout 1800 "$BENCH_DIR/backfill.sh" "$OUT/backfill" 10000 > "$OUT/backfill.result" \
    || echo "failed (exit $?): see $OUT/backfill" >> "$OUT/backfill.result"

log "(a) backfill of a mailbox linked into a service that has been running"
timeout 1800 "$BENCH_DIR/backfill-link.sh" "$OUT/backfill-link" 10000 > "$OUT/backfill-link.result" \
    || echo "failed (exit $?): see $OUT/backfill-link" >> "$OUT/backfill-link.result"

for n in ${BENCH_MAILBOXES:-1 100 1000}; do
    log "(b)+(c) latency and resources with $n mailboxes"
    timeout 1500 "$BENCH_DIR/latency.sh" "$n" "$OUT/latency-$n" 200 150 > "$OUT/latency-$n.result" \
        || echo "failed (exit $?): see $OUT/latency-$n" >> "$OUT/latency-$n.result"
done

{
    echo "## Run of $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo
    cat "$OUT/machine.txt"
    echo
    echo "### (a) backfill from a cold start"
    echo
    echo '```'
    cat "$OUT/backfill.result"
    echo '```'
    echo
    echo "### (a) backfill of a mailbox linked into a running service"
    echo
    echo '```'
    cat "$OUT/backfill-link.result"
    echo '```'
    for n in ${BENCH_MAILBOXES:-1 100 1000}; do
        echo
        echo "### (b)+(c) $n mailboxes"
        echo
        echo '```'
        cat "$OUT/latency-$n.result"
        echo '```'
    done
} | tee "$OUT/summary.md"
log "results in $OUT"
