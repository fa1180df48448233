#!/usr/bin/env bash
# Runner events bench: events/s through POST /api/v1/runner/events versus the bare SQL UPDATE
# that writes the same columns, on the same embedded PostgreSQL. Usage: bench/events.sh [calls] [senders]
# (bench/stats.sh [calls] [customers] times campaign stats and call lists the same way.)
set -euo pipefail
cd "$(dirname "$0")/.."

MODE="${BENCH_MODE:-events}"
CALLS="${1:-200000}"
SENDERS="${2:-4}"
WORK="bench/work/$MODE"
SECRET="bench-runner-secret-0123456789abcdef0123456789"
LOG="$WORK/server.log"
SERVER_PID=""

start_server() {
    rm -rf "$WORK" && mkdir -p "$WORK"
    AGENTCALLS_DATA_DIR="$WORK/data" SERVER_PORT=0 AGENTCALLS_RUNNER_SECRET="$SECRET" AGENTCALLS_ADMIN_TOKEN="$SECRET" \
        AGENTCALLS_RUNNER_SIMULATED_PLAY_CALLS=false \
        java -Xmx512m ${SERVER_JAVA_OPTS:-} -jar "$JAR" >"$LOG" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 120); do
        if grep -q "Started AgentcallsApplication" "$LOG"; then
            PORT=$(grep -o "Tomcat started on port [0-9]*" "$LOG" | grep -o "[0-9]*$" | head -1)
            JDBC_URL=$(grep -o "Database: jdbc:postgresql://[^ ]*" "$LOG" | head -1 | sed 's/^Database: //')
            return 0
        fi
        kill -0 "$SERVER_PID" 2>/dev/null || { cat "$LOG"; echo "server did not start" >&2; exit 1; }
        sleep 1
    done
    echo "server did not start within 120 s" >&2
    exit 1
}

stop_server() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID"
        wait "$SERVER_PID" 2>/dev/null || true
    fi
}
trap stop_server EXIT

JAR=$(ls target/agentcalls-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$JAR" ]; then
    mvn -B -q -DskipTests package
    JAR=$(ls target/agentcalls-*.jar | grep -v original | head -1)
fi
DRIVER=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | sort -V | tail -1)

start_server
PGPASSWORD=$(cat "$WORK/data/postgres-password")
export PGPASSWORD
if [ "$MODE" = stats ]; then
    java -Xmx256m -cp "$DRIVER" bench/StatsBench.java "$JDBC_URL" "http://localhost:$PORT" "$SECRET" "$CALLS" "$SENDERS"
    exit 0
fi
POSTMASTER_PID=$(head -1 "$(find "$WORK/data" -name postmaster.pid | head -1)")
echo "server on port $PORT, database $JDBC_URL, $CALLS calls, $SENDERS senders"
java -Xmx1g -cp "$DRIVER" bench/EventsBench.java "$JDBC_URL" "http://localhost:$PORT" "$SECRET" "$CALLS" "$SENDERS" \
    "$SERVER_PID" "$POSTMASTER_PID"
