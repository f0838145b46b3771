#!/usr/bin/env bash
# Benchmark (a): backfill of one 10,000-message Dovecot mailbox by Mailsift, side by side with mbsync downloading the
# same mailbox. Usage: bench/backfill.sh [WORKDIR] [MESSAGES]. Prints key=value results; leaves nothing running.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
[[ ${BENCH_WARM_RERUN:-0} =~ ^[0-9]+$ ]] || { echo "BENCH_WARM_RERUN must be a number of warm reruns (0, 1, 2, ...), was '$BENCH_WARM_RERUN'" >&2; exit 2; }

WORK=${1:-$(mktemp -d /tmp/mailsift-bench-backfill.XXXXXX)}
MESSAGES=${2:-10000}
DOVECOT="$WORK/dovecot"
mkdir -p "$WORK"
trap 'stop_app "$WORK"; "$BENCH_DIR/dovecot.sh" stop "$DOVECOT"' EXIT

log "generating $MESSAGES messages"
"$JAVA" "$BENCH_DIR/Bench.java" generate "$DOVECOT/mail/user0/Maildir" "$MESSAGES" "${BENCH_SEED:-42}" | tee "$WORK/generate.txt" >&2
"$BENCH_DIR/dovecot.sh" start "$DOVECOT" "$IMAP_PORT" 1 >&2

LAST_UID=$(prepare_mailbox "$DOVECOT" user0)
log "mailbox ready: last UID $LAST_UID"

# --- mbsync ---------------------------------------------------------------------------------------------------------
time_mbsync "$WORK" user0

# --- Mailsift -------------------------------------------------------------------------------------------------------
export MAILSIFT_ACCOUNTS_0_NAME=bench MAILSIFT_ACCOUNTS_0_HOST=127.0.0.1 MAILSIFT_ACCOUNTS_0_PORT=$IMAP_PORT \
    MAILSIFT_ACCOUNTS_0_SECURITY=none MAILSIFT_ACCOUNTS_0_USERNAME=user0 MAILSIFT_ACCOUNTS_0_PASSWORD=bench
LOAD_AT_START=$(load_average)
START_MS=$(now_ms)
start_app "$WORK"
wait_until 120 "Mailsift to start" app_ready
CPU_BEFORE=$(cpu_snapshot)
APP_CPU_BEFORE=$(process_cpu_seconds "$APP_PID")
# The JVM's CPU from its watcher's start too (the figure above includes the end of Spring's start-up).
wait_until 120 "the watcher to start" grep -q "Watching INBOX" "$WORK/app.log"
APP_CPU_AT_WATCH=$(process_cpu_seconds "$APP_PID")
thread_cpu_ticks "$APP_PID" > "$WORK/threads-at-watch.tsv"
server_cpu_ticks > "$WORK/servers-at-watch.tsv"
checkpoint_at_end() { [[ $(checkpoint_of bench 2>/dev/null) == "$LAST_UID" ]]; }
wait_until 1800 "the checkpoint to reach UID $LAST_UID" checkpoint_at_end
MAILSIFT_CPU=$(cpu_busy_percent "$CPU_BEFORE" "$(cpu_snapshot)")
APP_CPU_AT_END=$(process_cpu_seconds "$APP_PID")
thread_cpu_ticks "$APP_PID" > "$WORK/threads-at-end.tsv"
server_cpu_ticks > "$WORK/servers-at-end.tsv"
APP_CPU=$(awk -v a="$APP_CPU_BEFORE" -v b="$APP_CPU_AT_END" 'BEGIN{printf "%.1f", b-a}')
APP_CPU_WATCH=$(awk -v a="$APP_CPU_AT_WATCH" -v b="$APP_CPU_AT_END" 'BEGIN{printf "%.1f", b-a}')
# The checkpoint row's own timestamp says when the last message was committed (the poll adds up to 0.1 s).
DONE_MS=$(sql "SELECT (extract(epoch FROM updated_at) * 1000)::bigint FROM folder_checkpoints")
WATCH_MS=$(log_time_ms "$WORK/app.log" "Watching INBOX")
FINDINGS=$(sql "SELECT count(*) FROM findings")
ERRORS=$(sql "SELECT count(*) FROM connector_errors")
PG_VERSION=$(sql "SHOW server_version")
RSS_KB=$(awk '/VmRSS/{print $2}' "/proc/$APP_PID/status")
# How many bodies the header prefilters let through (the rest were never fetched).
actuator_admin > /dev/null || true
BODIES=$(actuator metrics/mailsift.ingest.bodies.fetched \
    | grep -o '"value":[0-9.E]*' | head -1 | cut -d: -f2 || true)

# BENCH_WARM_RERUN=N (N >= 1): the same backfill again, N times, in the same, now warm, JVM: each time the
# checkpoint, findings and errors are deleted, Dovecot ends the session (doveadm kick), and the watcher's reconnect
# finds no checkpoint and links the folder again. Timed from that rerun's "linking" log line to the checkpoint's last
# commit; the difference to the cold run above is what a cold JVM (class loading, the JIT compilers) costs, and the
# later reruns show how much of that the first rerun still pays (the JIT goes on compiling what it had not yet seen).
# The first rerun's figures are warm_*, the k-th's warmk_*.
WARM_RERUNS=${BENCH_WARM_RERUN:-0}
for ((rerun = 1; rerun <= WARM_RERUNS; rerun++)); do
    prefix=warm; ((rerun == 1)) || prefix=warm$rerun
    log "warm rerun $rerun of $WARM_RERUNS: forgetting checkpoint and findings, ending the IMAP session"
    relink_inbox "$WORK" "$DOVECOT" user0 bench $((rerun + 1))
    cpu_at_link=$(process_cpu_seconds "$APP_PID")
    thread_cpu_ticks "$APP_PID" > "$WORK/threads-$prefix-at-link.tsv"
    server_cpu_ticks > "$WORK/servers-$prefix-at-link.tsv"
    wait_until 1800 "the checkpoint to reach UID $LAST_UID again" checkpoint_at_end
    cpu_at_end=$(process_cpu_seconds "$APP_PID")
    thread_cpu_ticks "$APP_PID" > "$WORK/threads-$prefix-at-end.tsv"
    server_cpu_ticks > "$WORK/servers-$prefix-at-end.tsv"
    done_ms=$(sql "SELECT (extract(epoch FROM updated_at) * 1000)::bigint FROM folder_checkpoints")
    link_ms=$(date -d "$(grep "linking;" "$WORK/app.log" | sed -n "$((rerun + 1))p" | awk '{print $1}')" +%s%3N)
    findings=$(sql "SELECT count(*) FROM findings")
    awk -v p="$prefix" -v link="$link_ms" -v done="$done_ms" -v n="$LAST_UID" -v a="$cpu_at_link" -v b="$cpu_at_end" \
        -v findings="$findings" 'BEGIN {
        s = (done - link) / 1000
        printf "%s_seconds_from_linking=%.2f\n%s_msgs_per_s=%.0f\n%s_findings=%d\n", p, s, p, n / s, p, findings
        printf "%s_jvm_cpu_seconds=%.1f\n", p, b - a
    }' > "$WORK/$prefix.result"
    thread_cpu_split "$WORK/threads-$prefix-at-link.tsv" "$WORK/threads-$prefix-at-end.tsv" \
        | sed "s/^jvm_cpu_/${prefix}_jvm_cpu_/" >> "$WORK/$prefix.result"
    thread_cpu_split "$WORK/servers-$prefix-at-link.tsv" "$WORK/servers-$prefix-at-end.tsv" \
        | sed "s/^jvm_cpu_/${prefix}_server_cpu_/" >> "$WORK/$prefix.result"
done
stop_app "$WORK"

awk -v watch="$WATCH_MS" -v start="$START_MS" -v done="$DONE_MS" -v mb="$MBSYNC_S" -v n="$LAST_UID" \
    -v findings="$FINDINGS" -v errors="$ERRORS" -v files="$MBSYNC_FILES" -v rss="$RSS_KB" \
    -v load="$(load_average)" -v load0="$LOAD_AT_START" -v bodies="${BODIES:-?}" -v mbnofsync="$MBSYNC_NOFSYNC_S" -v mbcpus="$MBSYNC_CPU_S" -v pg="$PG_VERSION" -v mbcpu="$MBSYNC_CPU" -v mscpu="$MAILSIFT_CPU" -v appcpu="$APP_CPU" -v appcpuwatch="$APP_CPU_WATCH" 'BEGIN {
    ms = (done - watch) / 1000; total = (done - start) / 1000
    printf "messages=%d\n", n
    if (mb > 0) printf "mbsync_seconds=%.2f\nmbsync_messages=%d\nmbsync_msgs_per_s=%.0f\n", mb, files, n / mb
    printf "mbsync_cpu_seconds=%.1f\n", mbcpus
    printf "mbsync_fsync_no_seconds=%.2f\n", mbnofsync
    printf "mailsift_seconds_from_watcher_start=%.2f\nmailsift_msgs_per_s=%.0f\n", ms, n / ms
    printf "mailsift_seconds_from_process_start=%.2f\n", total
    printf "mailsift_findings=%d\nmailsift_connector_errors=%d\nmailsift_rss_mb_at_end=%.0f\n", findings, errors, rss / 1024
    printf "mailsift_bodies_fetched=%d\n", bodies
    printf "machine_cpu_busy_percent_during_mbsync=%d\nmachine_cpu_busy_percent_during_mailsift=%d\n", mbcpu, mscpu
    printf "mailsift_jvm_cpu_seconds_during_backfill=%.1f\n", appcpu
    printf "mailsift_jvm_cpu_seconds_from_watcher_start=%.1f\n", appcpuwatch
    printf "load_average_at_mailsift_start=%s\n", load0
    printf "load_average_at_end=%s\nembedded_postgresql=%s\n", load, pg
    if (mb > 0) printf "ratio_mailsift_over_mbsync=%.2f\n", ms / mb
}' | tee "$WORK/backfill.result"
# The JVM's CPU from the watcher's start by kind of thread (JIT compilers, GC, carriers of the virtual threads, ...).
thread_cpu_split "$WORK/threads-at-watch.tsv" "$WORK/threads-at-end.tsv" | tee -a "$WORK/backfill.result"
# What the servers used meanwhile: the run's cores are shared with them.
thread_cpu_split "$WORK/servers-at-watch.tsv" "$WORK/servers-at-end.tsv" | sed 's/^jvm_cpu_/server_cpu_/' \
    | tee -a "$WORK/backfill.result"
for ((rerun = 1; rerun <= WARM_RERUNS; rerun++)); do
    prefix=warm; ((rerun == 1)) || prefix=warm$rerun
    tee -a "$WORK/backfill.result" < "$WORK/$prefix.result"
done
