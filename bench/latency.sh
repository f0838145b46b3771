#!/usr/bin/env bash
# Benchmarks (b) and (c): latency from IMAP APPEND to committed finding with MAILBOXES watched mailboxes, then the
# app's heap, RSS and threads. Usage: bench/latency.sh MAILBOXES [WORKDIR] [DELIVERIES] [INTERVAL_MS].
# Prints key=value results; leaves nothing running.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

MAILBOXES=${1:?number of mailboxes}
WORK=${2:-$(mktemp -d /tmp/mailsift-bench-latency.XXXXXX)}
DELIVERIES=${3:-200}
INTERVAL_MS=${4:-150}
DOVECOT="$WORK/dovecot"
RUN_ID="m$MAILBOXES-$(date +%s)"
mkdir -p "$WORK"
trap 'stop_app "$WORK"; "$BENCH_DIR/dovecot.sh" stop "$DOVECOT"' EXIT

"$BENCH_DIR/dovecot.sh" start "$DOVECOT" "$IMAP_PORT" "$MAILBOXES" >&2

# Spring Boot binds a list from one source only: all accounts go in one generated file.
{
    echo "mailsift:"
    echo "  accounts:"
    for ((i = 0; i < MAILBOXES; i++)); do
        printf '    - {name: user%d, host: 127.0.0.1, port: %d, security: none, username: user%d, password: bench}\n' \
            "$i" "$IMAP_PORT" "$i"
    done
} > "$WORK/accounts.yml"

START_MS=$(now_ms)
start_app "$WORK" --spring.config.additional-location="file:$WORK/accounts.yml"
wait_until 180 "Mailsift to start" app_ready
idle_accounts() { sql "SELECT count(*) FROM mail_accounts WHERE state = 'idle'"; }
all_idle() { [[ $(idle_accounts) -ge $MAILBOXES ]]; }
STUCK=""
if wait_until "${BENCH_IDLE_TIMEOUT:-300}" "all $MAILBOXES mailboxes to be idle" all_idle; then
    WATCH_MS=$(log_time_ms "$WORK/app.log" "Watching INBOX")
    ALL_IDLE_S=$(awk -v a="$WATCH_MS" -v b="$(now_ms)" 'BEGIN{printf "%.1f", (b-a)/1000}')
    log "all $MAILBOXES mailboxes idle ${ALL_IDLE_S}s after the first watcher started"
else
    # Measure anyway and say so: keep a thread dump to see where the watchers are stuck.
    set +e
    ALL_IDLE_S="never (timeout ${BENCH_IDLE_TIMEOUT:-300}s)"
    jcmd "$APP_PID" Thread.dump_to_file -format=json "$WORK/threads-stuck.json" > /dev/null || true
    STUCK="$(idle_accounts) of $MAILBOXES idle; carrier threads: $(grep -A3 '"name": "ForkJoinPool-1-worker' \
        "$WORK/threads-stuck.json" | grep -o '"state": "[A-Z_]*"' | sort | uniq -c | tr -s ' \n' ' ')"
    log "not all mailboxes idle: $STUCK"
    set -e
fi
sleep 5
# What the watched mailboxes cost while nothing arrives: 10 s of idle.
CPU_BEFORE=$(cpu_snapshot)
APP_CPU_BEFORE=$(process_cpu_seconds "$APP_PID")
sleep 10
IDLE_CPU_BUSY=$(cpu_busy_percent "$CPU_BEFORE" "$(cpu_snapshot)")
APP_CPU=$(awk -v a="$APP_CPU_BEFORE" -v b="$(process_cpu_seconds "$APP_PID")" 'BEGIN{printf "%.1f", b-a}')
IDLE_APP_CPU=$(awk -v a="$APP_CPU_BEFORE" -v b="$(process_cpu_seconds "$APP_PID")" 'BEGIN{printf "%.1f", (b-a)*10}')

CPU_BEFORE=$(cpu_snapshot)
APP_CPU_BEFORE=$(process_cpu_seconds "$APP_PID")
"$JAVA" "$BENCH_DIR/Bench.java" append "$IMAP_PORT" "$MAILBOXES" "$DELIVERIES" "$INTERVAL_MS" 7 "$RUN_ID" \
    "$WORK/deliveries.csv" >&2
all_found() {
    [[ $(sql "SELECT count(DISTINCT message_id) FROM findings WHERE message_id LIKE '%lat-$RUN_ID-%'") -ge $DELIVERIES ]]
}
wait_until 120 "all $DELIVERIES findings" all_found || true
CPU_BUSY=$(cpu_busy_percent "$CPU_BEFORE" "$(cpu_snapshot)")
APP_CPU=$(awk -v a="$APP_CPU_BEFORE" -v b="$(process_cpu_seconds "$APP_PID")" 'BEGIN{printf "%.1f", b-a}')
sql "SELECT message_id, (extract(epoch FROM created_at) * 1000)::bigint FROM findings
     WHERE message_id LIKE '%lat-$RUN_ID-%'" | tr '|' ',' > "$WORK/findings.csv"
LATENCY=$("$JAVA" "$BENCH_DIR/Bench.java" latency "$WORK/deliveries.csv" "$WORK/findings.csv")

# (c) Resources, measured after a full GC so that "heap used" is what is live, not garbage waiting to be collected.
timeout 60 jcmd "$APP_PID" GC.run > /dev/null || true
sleep 2
actuator_admin > /dev/null || true
HEAP_BYTES=$(actuator "metrics/jvm.memory.used?tag=area:heap" \
    | grep -o '"value":[0-9.E]*' | head -1 | cut -d: -f2 || echo "")
timeout 60 jcmd "$APP_PID" GC.heap_info > "$WORK/heap_info.txt" || true
RSS_KB=$(awk '/VmRSS/{print $2}' "/proc/$APP_PID/status")
THREADS=$(awk '/^Threads/{print $2}' "/proc/$APP_PID/status")
timeout 60 jcmd "$APP_PID" Thread.dump_to_file -format=json "$WORK/threads.json" > /dev/null || true
# The JSON dump lists virtual threads too, marked "virtual": true; platform threads carry no such field.
DUMPED=$(grep -c '"tid":' "$WORK/threads.json" || true)
VIRTUAL=$(grep -c '"virtual": true' "$WORK/threads.json" || true)
IMAP_CONNECTIONS=$(ss -tn state established "( dport = :$IMAP_PORT )" | tail -n +2 | wc -l)
DB_CONNECTIONS=$(sql "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'" || echo "?")
stop_app "$WORK"

{
    echo "mailboxes=$MAILBOXES"
    echo "deliveries=$DELIVERIES interval_ms=$INTERVAL_MS"
    echo "all_idle_seconds_after_first_watcher=$ALL_IDLE_S"
    [[ -z $STUCK ]] || echo "stuck_at_start=$STUCK (thread dump: $WORK/threads-stuck.json)"
    echo "$LATENCY" | tr ' ' '\n'
    echo "idle_machine_cpu_busy_percent=$IDLE_CPU_BUSY idle_jvm_cpu_percent_of_one_core=$IDLE_APP_CPU"
    echo "machine_cpu_busy_percent_during_deliveries=$CPU_BUSY jvm_cpu_seconds_during_deliveries=$APP_CPU"
    awk -v b="$HEAP_BYTES" 'BEGIN{ if (b != "") printf "heap_used_after_gc_mb=%.0f\n", b/1048576 }'
    echo "heap_info=$(grep -m1 'used' "$WORK/heap_info.txt" | sed 's/^ *//')"
    echo "rss_mb=$((RSS_KB / 1024))"
    echo "os_threads=$THREADS"
    echo "thread_dump_platform=$((DUMPED - VIRTUAL)) thread_dump_virtual=$VIRTUAL"
    echo "imap_connections=$IMAP_CONNECTIONS db_connections=$DB_CONNECTIONS"
    echo "load_average_at_end=$(load_average)"
} | tee "$WORK/latency.result"
