# Shared pieces of the benchmark scripts: sourced, not run.
# Everything listens on 127.0.0.1 only; every wait is bounded.

export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$BENCH_DIR/.." && pwd)
JAR=${MAILSIFT_JAR:-$REPO_DIR/app/target/mailsift.jar}
IMAP_PORT=${BENCH_IMAP_PORT:-24143}
PG_PORT=${BENCH_PG_PORT:-25432}
HTTP_PORT=${BENCH_HTTP_PORT:-28080}
APP_HEAP=${BENCH_APP_HEAP:--Xmx1g}

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
now_ms() { date +%s%3N; }

# psql against the app's embedded PostgreSQL (user postgres, no password, loopback only).
sql() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -XqAt -c "$1"; }

# wait_until SECONDS DESCRIPTION COMMAND...: polls COMMAND every 0.1 s until it succeeds; fails after SECONDS.
wait_until() {
    local limit=$1 what=$2
    shift 2
    local deadline=$(($(date +%s) + limit))
    until "$@" >/dev/null 2>&1; do
        if (($(date +%s) >= deadline)); then
            log "gave up after ${limit}s waiting for: $what"
            return 1
        fi
        sleep 0.1
    done
}

# start_app WORKDIR [ARGS...]: starts Mailsift in the background with its embedded PostgreSQL under WORKDIR/app,
# logging to WORKDIR/app.log; sets APP_PID. Accounts come from the environment or an --spring.config... argument.
start_app() {
    local work=$1
    shift
    mkdir -p "$work/app"
    # BENCH_JAVA_OPTS: extra JVM options, e.g. a flight recording:
    # BENCH_JAVA_OPTS="-XX:StartFlightRecording=filename=/tmp/backfill.jfr,settings=profile"
    "$JAVA" $APP_HEAP -XX:+UseG1GC ${BENCH_JAVA_OPTS:-} -jar "$JAR" \
        --mailsift.data-dir="$work/app" \
        --mailsift.embedded-postgres.port="$PG_PORT" \
        --server.address=127.0.0.1 --server.port="$HTTP_PORT" \
        --mailsift.plugins-dir="$work/plugins" \
        --mailsift.ingest.backfill-days=100000 \
        --management.endpoints.web.exposure.include=health,metrics \
        "$@" > "$work/app.log" 2>&1 &
    APP_PID=$!
    echo "$APP_PID" > "$work/app.pid"
    log "Mailsift started (pid $APP_PID), log in $work/app.log"
}

# stop_app WORKDIR: SIGTERM, up to 60 s for a clean stop, then SIGKILL.
stop_app() {
    local work=$1 pid
    pid=$(cat "$work/app.pid" 2>/dev/null) || return 0
    kill "$pid" 2>/dev/null || return 0
    for ((t = 0; t < 600; t++)); do
        kill -0 "$pid" 2>/dev/null || { rm -f "$work/app.pid"; return 0; }
        sleep 0.1
    done
    log "Mailsift did not stop in 60 s: SIGKILL"
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$work/app.pid"
}

app_ready() { sql "SELECT 1 FROM mail_accounts LIMIT 1" | grep -q 1; }

# The actuator (metrics) needs an admin: a throwaway admin and personal access token in the app's own database.
ACTUATOR_TOKEN=msp_bench-actuator-token-not-a-secret
actuator_admin() {
    sql "INSERT INTO users (username, is_admin) VALUES ('bench-actuator', true) ON CONFLICT DO NOTHING;
         INSERT INTO personal_access_tokens (user_id, name, token_hash, token_prefix)
         SELECT id, 'bench', sha256(convert_to('$ACTUATOR_TOKEN', 'SQL_ASCII')), 'msp_benc' FROM users
         WHERE username = 'bench-actuator' AND NOT EXISTS (SELECT 1 FROM personal_access_tokens WHERE name = 'bench')"
}
# actuator PATH: GET /actuator/PATH as that admin.
actuator() { curl -sf -m 10 -H "Authorization: Bearer $ACTUATOR_TOKEN" "http://127.0.0.1:$HTTP_PORT/actuator/$1"; }

# Milliseconds since the epoch of the first log line containing TEXT (Spring Boot's ISO-8601 timestamps).
log_time_ms() {
    local line
    line=$(grep -m1 -- "$2" "$1") || return 1
    date -d "$(awk '{print $1}' <<<"$line")" +%s%3N
}

load_average() { cut -d" " -f1-3 /proc/loadavg; }

machine_facts() {
    echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "- commit: $(git -C "$REPO_DIR" rev-parse --short HEAD) ($(git -C "$REPO_DIR" log -1 --format=%s | cut -c1-70))"
    echo "- cpu: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
    echo "- memory: $(free -g | awk '/Mem:/{print $2}') GiB"
    echo "- kernel: $(uname -r)"
    echo "- java: $("$JAVA" -version 2>&1 | sed -n 2p)"
    echo "- dovecot: $(dovecot --version)"
    echo "- mbsync: $(mbsync --version)"
    echo "- postgresql: embedded (zonky); its version is in backfill.result"
}

# "BUSY TOTAL" jiffies of the whole machine from /proc/stat (busy excludes idle and iowait).
cpu_snapshot() { awk '/^cpu /{t=0; for (i=2;i<=NF;i++) t+=$i; print t-$5-$6, t}' /proc/stat; }
# cpu_busy_percent "BEFORE" "AFTER": share of all cores' time spent busy between two snapshots.
cpu_busy_percent() { awk -v a="$1" -v b="$2" 'BEGIN{split(a,x," "); split(b,y," "); printf "%.0f", 100*(y[1]-x[1])/(y[2]-x[2])}'; }
# CPU seconds (user+system) used so far by process PID.
process_cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{print ($14+$15)/hz}' "/proc/$1/stat"; }

# scan_corpus CORPUS OUTDIR (the quality benches): builds the jar unless BENCH_SKIP_BUILD or MAILSIFT_JAR is set, then
# runs one `mailsift scan` over every .eml below CORPUS, as a user would, into OUTDIR/mailsift.jsonl (JSON lines naming
# their file). CORPUS_MAILS: the mails, relative to CORPUS, sorted.
scan_corpus() {
    local corpus=$1 out=$2
    if [[ -z ${BENCH_SKIP_BUILD:-} && -z ${MAILSIFT_JAR:-} ]]; then
        (cd "$REPO_DIR" && ./mvnw -B -q -DskipTests package)
    fi
    mapfile -t CORPUS_MAILS < <(cd "$corpus" && find . -name '*.eml' | sed 's|^\./||' | LC_ALL=C sort)
    echo "corpus: ${#CORPUS_MAILS[@]} mails in $corpus" >&2
    "$JAVA" -jar "$JAR" scan "${CORPUS_MAILS[@]/#/$corpus/}" > "$out/mailsift.jsonl" 2> "$out/mailsift.stderr" || true
    tail -1 "$out/mailsift.stderr" >&2
}
# thread_cpu_ticks PID: "GROUP TICKS" per kind of thread of process PID (user+system clock ticks so far), the thread
# names with their numbers dropped ("C2 CompilerThre", "ForkJoinPool-", "GC Thread#"): how the JVM's CPU splits into
# JIT compilers, GC, virtual-thread carriers and the rest. Threads that ended before the snapshot are not counted.
thread_cpu_ticks() {
    local task
    for task in /proc/"$1"/task/*; do
        # comm may contain spaces; the fields after it are counted from the closing parenthesis.
        awk -v comm="$(cat "$task/comm" 2>/dev/null)" '{ sub(/^.*\) /, ""); sub(/[0-9]+$/, "", comm); gsub(/-[0-9]+-/, "-", comm); print comm "\t" ($12 + $13) }' \
            "$task/stat" 2>/dev/null
    done | awk -F'\t' '{t[$1] += $2} END {for (k in t) print k "\t" t[k]}'
}
# server_cpu_ticks: "SERVER TICKS" for the two servers a run shares the cores with: PostgreSQL (every process named
# postgres) and Dovecot (its master and the imap, login, auth and helper processes), user+system clock ticks so far,
# with what each has reaped of its ended children, so that a session that ended in between still counts. It counts
# every such process on the machine: on a machine where tests run their own PostgreSQL meanwhile, the figure is high.
server_cpu_ticks() {
    # One awk over every process's stat (a process that ends meanwhile is skipped with a warning, hence || true).
    awk '{ comm = $0; sub(/^[^(]*\(/, "", comm); sub(/\).*$/, "", comm); sub(/^.*\) /, "")
           if (comm == "postgres") s = "postgres"
           else if (comm ~ /^(dovecot|imap|imap-login|auth|config|log|anvil|stats|indexer|indexer-worker)$/) s = "dovecot"
           else next
           t[s] += $12 + $13 + $14 + $15 }
         END { for (k in t) print k "\t" t[k] }' /proc/[0-9]*/stat 2>/dev/null || true
}

# thread_cpu_split BEFORE_FILE AFTER_FILE: CPU seconds per kind of thread between two thread_cpu_ticks snapshots,
# largest first, as "jvm_cpu_<kind>=seconds" lines.
thread_cpu_split() {
    awk -F'\t' -v hz="$(getconf CLK_TCK)" 'NR == FNR {a[$1] = $2; next} {d[$1] = $2 - a[$1]}
        END {for (k in d) if (d[k] > 0) {name = k; gsub(/[^A-Za-z0-9]+/, "_", name); sub(/_$/, "", name);
             printf "%.2f\tjvm_cpu_%s=%.2f\n", d[k] / hz, name, d[k] / hz}}' "$1" "$2" | sort -rn | cut -f2
}

# elapsed_seconds TIME_V_FILE: the wall clock of a `/usr/bin/time -v` report, in seconds.
elapsed_seconds() {
    awk -F': ' '/Elapsed \(wall clock\)/{print $2}' "$1" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }'
}

# time_mbsync WORKDIR USER: mbsync downloads USER's INBOX from the benchmark's Dovecot into WORKDIR/mbsync, twice: with
# its default (FSync yes: every stored message is fsynced) and with "FSync no" (what the disk costs it). Sets
# MBSYNC_S, MBSYNC_CPU_S, MBSYNC_CPU (machine busy %), MBSYNC_FILES, MBSYNC_NOFSYNC_S; all 0 with BENCH_SKIP_MBSYNC=1
# (when comparing builds of Mailsift: mbsync does not change between them).
time_mbsync() {
    local work=$1 user=$2 cpu_before
    MBSYNC_S=0 MBSYNC_CPU_S=0 MBSYNC_CPU=0 MBSYNC_FILES=0 MBSYNC_NOFSYNC_S=0
    [[ -z ${BENCH_SKIP_MBSYNC:-} ]] || return 0
    mkdir -p "$work/mbsync/INBOX"
    cat > "$work/mbsyncrc" <<CONF
IMAPAccount bench
Host 127.0.0.1
Port $IMAP_PORT
User $user
Pass bench
SSLType None
AuthMechs LOGIN

IMAPStore remote
Account bench

MaildirStore local
Path $work/mbsync/
Inbox $work/mbsync/INBOX

Channel bench
Far :remote:
Near :local:
Patterns INBOX
Sync Pull
Create Near
SyncState *
CONF
    log "mbsync: downloading the mailbox of $user"
    cpu_before=$(cpu_snapshot)
    timeout 1200 /usr/bin/time -v -o "$work/mbsync.time" mbsync -q -c "$work/mbsyncrc" -a
    MBSYNC_S=$(elapsed_seconds "$work/mbsync.time")
    MBSYNC_CPU_S=$(awk -F': ' '/User time|System time/{t+=$2} END{printf "%.1f", t}' "$work/mbsync.time")
    MBSYNC_CPU=$(cpu_busy_percent "$cpu_before" "$(cpu_snapshot)")
    MBSYNC_FILES=$(find "$work/mbsync/INBOX/cur" "$work/mbsync/INBOX/new" -type f | wc -l)
    log "mbsync: $MBSYNC_FILES messages in ${MBSYNC_S}s"
    rm -rf "$work/mbsync" && mkdir -p "$work/mbsync/INBOX"
    { echo "FSync no"; cat "$work/mbsyncrc"; } > "$work/mbsyncrc-nofsync"
    timeout 1200 /usr/bin/time -v -o "$work/mbsync-nofsync.time" mbsync -q -c "$work/mbsyncrc-nofsync" -a
    MBSYNC_NOFSYNC_S=$(elapsed_seconds "$work/mbsync-nofsync.time")
    log "mbsync (FSync no): ${MBSYNC_NOFSYNC_S}s"
}

# prepare_mailbox DOVECOT_DIR USER: lets Dovecot assign UIDs and build its index and cache for USER's INBOX, and pulls
# every file into the page cache, so that no client pays for another's warm-up; prints the INBOX's last UID.
prepare_mailbox() {
    local doveadm=(doveadm -c "$1/dovecot.conf")
    "${doveadm[@]}" fetch -u "$2" 'uid flags size.physical date.received text' mailbox INBOX all > /dev/null
    echo $(($("${doveadm[@]}" -f tab mailbox status -u "$2" uidnext INBOX | awk -F'\t' 'NR==2{print $2}') - 1))
}

# checkpoint_of ACCOUNT_NAME: the last UID committed for the INBOX of the app's mailbox of that name (empty if none).
checkpoint_of() {
    sql "SELECT c.last_uid FROM folder_checkpoints c JOIN mail_accounts a ON a.id = c.account_id
         WHERE a.name = '$1' AND c.folder = 'INBOX'"
}

# relink_inbox WORKDIR DOVECOT_DIR USER ACCOUNT_NAME N: makes the running app backfill that mailbox's INBOX again: its
# checkpoint, findings and errors are deleted, Dovecot ends the session (doveadm kick), and the watcher's reconnect
# finds no checkpoint and links the folder again; returns once the app logged its N-th "linking" of that folder.
relink_inbox() {
    local work=$1 dovecot=$2 user=$3 name=$4 n=$5
    # The profile and trip rebuilds that the run before scheduled may hold rows of findings: PostgreSQL then reports a
    # deadlock for one side; ours is retried (one transaction, so nothing is half deleted).
    forget() {
        sql "BEGIN;
             DELETE FROM folder_checkpoints WHERE account_id = (SELECT id FROM mail_accounts WHERE name = '$name');
             DELETE FROM findings WHERE account_id = (SELECT id FROM mail_accounts WHERE name = '$name');
             DELETE FROM connector_errors WHERE account_id = (SELECT id FROM mail_accounts WHERE name = '$name');
             COMMIT"
    }
    wait_until 60 "the checkpoint, findings and errors of $name to be deleted" forget
    doveadm -c "$dovecot/dovecot.conf" kick "$user" > /dev/null
    linked_again() { (($(grep -c "Account '$name' folder INBOX: linking;" "$work/app.log") >= n)); }
    wait_until 120 "linking number $n of $name" linked_again
}
