#!/usr/bin/env bash
# Benchmark (a) as a user meets it: a mailbox linked into a Mailsift that has been running for a while, side by side
# with mbsync downloading the same mailbox. Usage: bench/backfill-link.sh [WORKDIR] [MESSAGES]
#
# The service first reads OTHER mail: another mailbox of the same mix (seed BENCH_WARMUP_SEED, default 7) is linked,
# backfilled and unlinked again BENCH_WARMUP_PASSES times (default 10, i.e. 100,000 messages), so that the JIT has
# compiled what a backfill runs. Then a user links the measured mailbox (seed BENCH_SEED, default 42) over the REST
# API, as the accounts page does: POST /api/accounts (the server's test login included), both connectors consented,
# the first consent starting the watcher. Timed from that POST to the commit of the mailbox's last UID.
# bench/backfill.sh measures the other case: the same backfill from a freshly started JVM.
# BENCH_LINK_JFR=FILE records the measured backfill alone. Prints key=value results; leaves nothing running.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
WARMUP_PASSES=${BENCH_WARMUP_PASSES:-10}
[[ $WARMUP_PASSES =~ ^[0-9]+$ ]] || { echo "BENCH_WARMUP_PASSES must be a number (0, 1, 2, ...), was '$WARMUP_PASSES'" >&2; exit 2; }
SEED=${BENCH_SEED:-42}
WARMUP_SEED=${BENCH_WARMUP_SEED:-7}
[[ $WARMUP_SEED != "$SEED" ]] || { echo "BENCH_WARMUP_SEED must differ from BENCH_SEED ($SEED): the service must not have seen the mailbox it links" >&2; exit 2; }

WORK=${1:-$(mktemp -d /tmp/mailsift-bench-link.XXXXXX)}
MESSAGES=${2:-10000}
DOVECOT="$WORK/dovecot"
mkdir -p "$WORK"
trap 'stop_app "$WORK"; "$BENCH_DIR/dovecot.sh" stop "$DOVECOT"' EXIT

log "generating $MESSAGES messages to link (seed $SEED) and $MESSAGES that the running service reads (seed $WARMUP_SEED)"
"$JAVA" "$BENCH_DIR/Bench.java" generate "$DOVECOT/mail/user0/Maildir" "$MESSAGES" "$SEED" | tee "$WORK/generate.txt" >&2
"$JAVA" "$BENCH_DIR/Bench.java" generate "$DOVECOT/mail/user1/Maildir" "$MESSAGES" "$WARMUP_SEED" > "$WORK/generate-running.txt"
"$BENCH_DIR/dovecot.sh" start "$DOVECOT" "$IMAP_PORT" 2 >&2
LAST_UID=$(prepare_mailbox "$DOVECOT" user0)
RUNNING_LAST_UID=$(prepare_mailbox "$DOVECOT" user1)
log "mailboxes ready: last UID $LAST_UID (to link), $RUNNING_LAST_UID (running)"

# --- mbsync ---------------------------------------------------------------------------------------------------------
time_mbsync "$WORK" user0

# --- Mailsift: a service that has been running ----------------------------------------------------------------------
# The benchmark's IMAP server is on loopback, which users may not link by default (SSRF guard, docs/security.md).
start_app "$WORK" --mailsift.link.allowed-private-networks=127.0.0.0/8 --mailsift.link.attempts-per-hour=1000
app_up() { sql "SELECT 1 FROM users LIMIT 0" && actuator_admin && actuator health | grep -q UP; }
wait_until 120 "Mailsift to start" app_up

# Two throwaway users with personal access tokens, written into the app's benchmark database: bench-other links the
# other mailbox, bench-user the measured one.
bench_user() {
    sql "INSERT INTO users (username) VALUES ('$1') ON CONFLICT DO NOTHING;
         INSERT INTO personal_access_tokens (user_id, name, token_hash, token_prefix)
         SELECT id, '$1', sha256(convert_to('$2', 'SQL_ASCII')), 'msp_benc' FROM users
         WHERE username = '$1' AND NOT EXISTS (SELECT 1 FROM personal_access_tokens WHERE name = '$1')"
}
OTHER_TOKEN=msp_bench-other-token-not-a-secret
USER_TOKEN=msp_bench-user-token-not-a-secret
bench_user bench-other "$OTHER_TOKEN"
bench_user bench-user "$USER_TOKEN"
TOKEN=$OTHER_TOKEN
as_user() { curl -sS -f -m 60 -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' "$@"; }

# link_mailbox NAME USER: links USER's mailbox as NAME, as the accounts page does, and consents to both connectors;
# sets ACCOUNT_ID, LINK_MS (before the request) and LINKED_MS (the mailbox saved, the server's test login included).
link_mailbox() {
    LINK_MS=$(now_ms)
    ACCOUNT_ID=$(as_user -X POST "http://127.0.0.1:$HTTP_PORT/api/accounts" \
        -d "{\"name\":\"$1\",\"host\":\"127.0.0.1\",\"port\":$IMAP_PORT,\"security\":\"none\",\"username\":\"$2\",\"password\":\"bench\"}" \
        | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
    LINKED_MS=$(now_ms)
    # Both consents at once, as one save of the accounts page gives them: purchases stored directly, then travel
    # through the API, which starts the watcher (each consent alone starts it, and a consent given once the backfill
    # is under way gets a catch-up: the window read again for that connector, which is not what is measured here).
    sql "INSERT INTO account_connectors (account_id, connector_id) VALUES ($ACCOUNT_ID, 'purchases')"
    as_user -X PUT "http://127.0.0.1:$HTTP_PORT/api/accounts/$ACCOUNT_ID/connectors/travel" > /dev/null
}

# Other users' mailboxes first: each linked, backfilled and unlinked again (so that no reconnect backoff or checkpoint
# of an earlier pass is involved); the JIT compiles what a backfill runs, as in a service that has read mail a while.
WARMUP_SECONDS=
for ((pass = 1; pass <= WARMUP_PASSES; pass++)); do
    log "warm-up $pass of $WARMUP_PASSES: the other mailbox linked, backfilled and unlinked"
    link_mailbox "running-$pass" user1
    running_done() { [[ $(checkpoint_of "running-$pass" 2>/dev/null) == "$RUNNING_LAST_UID" ]]; }
    wait_until 1800 "the other mailbox's backfill" running_done
    WARMUP_SECONDS="${WARMUP_SECONDS:+$WARMUP_SECONDS,}$(awk -v a="$LINK_MS" \
        -v b="$(sql "SELECT (extract(epoch FROM updated_at) * 1000)::bigint FROM folder_checkpoints WHERE account_id = $ACCOUNT_ID")" \
        'BEGIN{printf "%.2f", (b-a)/1000}')"
    as_user -X DELETE "http://127.0.0.1:$HTTP_PORT/api/accounts/$ACCOUNT_ID" > /dev/null
done

# --- a user links the measured mailbox ------------------------------------------------------------------------------
# The last unlink rebuilds bench-other's trips and profile at once: let that end first, as in a service idle for a
# moment before the user comes.
sleep 3
TOKEN=$USER_TOKEN
bodies_fetched() { actuator metrics/mailsift.ingest.bodies.fetched | grep -o '"value":[0-9.E]*' | head -1 | cut -d: -f2; }
BODIES_BEFORE=$(bodies_fetched || echo 0)
LOAD_AT_LINK=$(load_average)
CPU_BEFORE=$(cpu_snapshot)
APP_CPU_BEFORE=$(process_cpu_seconds "$APP_PID")
thread_cpu_ticks "$APP_PID" > "$WORK/threads-at-link.tsv"
server_cpu_ticks > "$WORK/servers-at-link.tsv"
# BENCH_LINK_JFR=FILE: a flight recording of the measured backfill only (started here, not at the JVM's start).
if [[ -n ${BENCH_LINK_JFR:-} ]]; then
    "$JAVA_HOME/bin/jcmd" "$APP_PID" JFR.start name=link settings=profile "jdk.ExecutionSample#period=2ms" > /dev/null
fi
log "linking the measured mailbox"
link_mailbox measured user0
measured_done() { [[ $(checkpoint_of measured 2>/dev/null) == "$LAST_UID" ]]; }
wait_until 1800 "the linked mailbox's checkpoint to reach UID $LAST_UID" measured_done
if [[ -n ${BENCH_LINK_JFR:-} ]]; then
    "$JAVA_HOME/bin/jcmd" "$APP_PID" JFR.stop name=link filename="$BENCH_LINK_JFR" > /dev/null
fi
MAILSIFT_CPU=$(cpu_busy_percent "$CPU_BEFORE" "$(cpu_snapshot)")
APP_CPU=$(awk -v a="$APP_CPU_BEFORE" -v b="$(process_cpu_seconds "$APP_PID")" 'BEGIN{printf "%.1f", b-a}')
thread_cpu_ticks "$APP_PID" > "$WORK/threads-at-end.tsv"
server_cpu_ticks > "$WORK/servers-at-end.tsv"
DONE_MS=$(sql "SELECT (extract(epoch FROM updated_at) * 1000)::bigint FROM folder_checkpoints WHERE account_id = $ACCOUNT_ID")
WATCH_MS=$(log_time_ms "$WORK/app.log" "Account 'measured' folder INBOX: linking;")
FINDINGS=$(sql "SELECT count(*) FROM findings WHERE account_id = $ACCOUNT_ID")
ERRORS=$(sql "SELECT count(*) FROM connector_errors WHERE account_id = $ACCOUNT_ID")
BODIES=$(awk -v a="$BODIES_BEFORE" -v b="$(bodies_fetched)" 'BEGIN{printf "%d", b-a}')
RSS_KB=$(awk '/VmRSS/{print $2}' "/proc/$APP_PID/status")
stop_app "$WORK"

awk -v link="$LINK_MS" -v linked="$LINKED_MS" -v watch="$WATCH_MS" -v done="$DONE_MS" -v mb="$MBSYNC_S" -v n="$LAST_UID" \
    -v findings="$FINDINGS" -v errors="$ERRORS" -v files="$MBSYNC_FILES" -v rss="$RSS_KB" -v bodies="$BODIES" \
    -v mbnofsync="$MBSYNC_NOFSYNC_S" -v mbcpus="$MBSYNC_CPU_S" -v mbcpu="$MBSYNC_CPU" -v mscpu="$MAILSIFT_CPU" \
    -v appcpu="$APP_CPU" -v load="$LOAD_AT_LINK" -v passes="$WARMUP_PASSES" -v warmup="$WARMUP_SECONDS" \
    -v seed="$SEED" -v wseed="$WARMUP_SEED" 'BEGIN {
    s = (done - link) / 1000
    printf "messages=%d\nseed=%d\n", n, seed
    if (mb > 0) printf "mbsync_seconds=%.2f\nmbsync_messages=%d\nmbsync_msgs_per_s=%.0f\n", mb, files, n / mb
    printf "mbsync_cpu_seconds=%.1f\nmbsync_fsync_no_seconds=%.2f\n", mbcpus, mbnofsync
    printf "warmup_mailbox_seed=%d\nwarmup_passes=%d\nwarmup_seconds_from_request=%s\n", wseed, passes, warmup
    printf "link_seconds_from_request=%.2f\nlink_msgs_per_s=%.0f\n", s, n / s
    printf "link_seconds_request_to_saved=%.2f\nlink_seconds_from_watcher_linking=%.2f\n", (linked - link) / 1000, (done - watch) / 1000
    printf "link_findings=%d\nlink_connector_errors=%d\nlink_bodies_fetched=%d\n", findings, errors, bodies
    printf "link_jvm_cpu_seconds=%.1f\nmailsift_rss_mb_at_end=%.0f\n", appcpu, rss / 1024
    printf "machine_cpu_busy_percent_during_mbsync=%d\nmachine_cpu_busy_percent_during_link=%d\n", mbcpu, mscpu
    printf "load_average_at_link=%s\n", load
    if (mb > 0) printf "ratio_link_over_mbsync=%.2f\n", s / mb
}' | tee "$WORK/backfill-link.result"
thread_cpu_split "$WORK/threads-at-link.tsv" "$WORK/threads-at-end.tsv" | sed 's/^jvm_cpu_/link_jvm_cpu_/' \
    | tee -a "$WORK/backfill-link.result"
thread_cpu_split "$WORK/servers-at-link.tsv" "$WORK/servers-at-end.tsv" | sed 's/^jvm_cpu_/link_server_cpu_/' \
    | tee -a "$WORK/backfill-link.result"
