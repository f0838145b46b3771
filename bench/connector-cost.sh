#!/usr/bin/env bash
# Connector cost on the backfill mix: parses every message of the benchmark mailbox (generated once, seed 42, into
# WORKDIR/mailbox), runs each connector whose header prefilter accepts it, and prints extract time per connector and
# kind of mail (ConnectorCost.java). One thread, PASSES passes (default 4; the last is reported). Uses the built jar
# (MAILSIFT_JAR, default app/target/mailsift.jar; build it first: ./mvnw -B -q -DskipTests package).
# Usage: bench/connector-cost.sh [WORKDIR] [PASSES]
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
REPO_DIR=$(cd "$BENCH_DIR/.." && pwd)
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JAVAC=${JAVA_HOME:+$JAVA_HOME/bin/}javac
JAR=${MAILSIFT_JAR:-$REPO_DIR/app/target/mailsift.jar}
WORK=${1:-/tmp/mailsift-connector-cost}
PASSES=${2:-4}
[[ -f $JAR ]] || { echo "no $JAR: build it first (./mvnw -B -q -DskipTests package)" >&2; exit 1; }
mkdir -p "$WORK"
if [[ ! -d $WORK/mailbox/cur ]]; then
    "$JAVA" "$BENCH_DIR/Bench.java" generate "$WORK/mailbox" 10000 "${BENCH_SEED:-42}" >&2
fi
rm -rf "$WORK/jar" "$WORK/classes" && mkdir -p "$WORK/jar" "$WORK/classes"
(cd "$WORK/jar" && unzip -q "$JAR")
CP="$WORK/jar/BOOT-INF/classes:$(find "$WORK/jar/BOOT-INF/lib" -name '*.jar' | sort | tr '\n' ':')"
"$JAVAC" -cp "$CP" -d "$WORK/classes" "$BENCH_DIR/ConnectorCost.java"
echo "$JAR (checkout $(git -C "$REPO_DIR" rev-parse --short HEAD 2>/dev/null || echo '?')), $("$JAVA" -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA" -Xms1g -Xmx1g -cp "$WORK/classes:$CP" ConnectorCost "$WORK/mailbox/cur" "$PASSES"
