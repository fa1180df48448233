#!/usr/bin/env bash
# Shared pieces of the benchmarks: build, start and stop the server on a fresh data folder, create an
# organization and a campaign, watch the heap. Source it from a script that runs with set -euo pipefail
# and calls bench_stop_server from an EXIT trap. Needs java, mvn, curl, awk; no jq.

BENCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_ADMIN_TOKEN=${BENCH_ADMIN_TOKEN:-bench-admin-$RANDOM$RANDOM}
BENCH_PID=""
BENCH_HEAP_PID=""

bench_log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# The runnable jar, built when missing or older than the sources.
bench_jar() {
  local jar
  jar=$(ls "$BENCH_ROOT"/target/agentcalls-*.jar 2>/dev/null | head -n 1 || true)
  if [[ -z "$jar" || -n "$(find "$BENCH_ROOT/src/main" "$BENCH_ROOT/pom.xml" -newer "$jar" -print -quit)" ]]; then
    bench_log "building the jar (mvn -B -q -DskipTests package)"
    (cd "$BENCH_ROOT" && mvn -B -q -DskipTests package) >&2
    jar=$(ls "$BENCH_ROOT"/target/agentcalls-*.jar | head -n 1)
  fi
  printf '%s\n' "$jar"
}

# A TCP port nothing listens on.
bench_free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      printf '%s\n' "$port"
      return 0
    fi
  done
  echo "no free port found" >&2
  return 1
}

# bench_start_server <work dir> [extra java options...]: a fresh data folder under the work dir,
# -Xmx512m. Sets BENCH_PID and BENCH_URL; the server log is <work dir>/server.log.
bench_start_server() {
  local work=$1
  shift
  local jar port
  jar=$(bench_jar)
  port=$(bench_free_port)
  rm -rf "$work/data"
  mkdir -p "$work/data"
  BENCH_URL="http://127.0.0.1:$port"
  bench_log "starting $(basename "$jar") on port $port (data in $work/data)"
  SERVER_PORT=$port AGENTCALLS_DATA_DIR="$work/data" AGENTCALLS_ADMIN_TOKEN="$BENCH_ADMIN_TOKEN" \
    java -Xmx512m "$@" -jar "$jar" >"$work/server.log" 2>&1 &
  BENCH_PID=$!
  for _ in $(seq 1 240); do
    if curl -fsS "$BENCH_URL/actuator/health" 2>/dev/null | grep -q '"UP"'; then
      bench_log "server is up (pid $BENCH_PID)"
      return 0
    fi
    if ! kill -0 "$BENCH_PID" 2>/dev/null; then
      tail -n 40 "$work/server.log" >&2
      echo "the server exited during start-up" >&2
      return 1
    fi
    sleep 0.5
  done
  echo "the server did not come up within 120 s; see $work/server.log" >&2
  return 1
}

# Stops the heap watcher and the server (graceful: it stops its embedded PostgreSQL too).
bench_stop_server() {
  bench_heap_watch_stop
  if [[ -n "$BENCH_PID" ]] && kill -0 "$BENCH_PID" 2>/dev/null; then
    bench_log "stopping the server (pid $BENCH_PID)"
    kill "$BENCH_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do
      kill -0 "$BENCH_PID" 2>/dev/null || break
      sleep 0.5
    done
    kill -9 "$BENCH_PID" 2>/dev/null || true
  fi
  BENCH_PID=""
}

# The string value of a top-level-or-nested JSON field, the first one of that name.
bench_json_string() {
  grep -o "\"$1\":\"[^\"]*\"" | head -n 1 | sed -E 's/^"[^"]*":"(.*)"$/\1/'
}

bench_json_number() {
  grep -oE "\"$1\":[0-9.eE+-]+" | head -n 1 | sed -E 's/^"[^"]*"://'
}

# Creates an organization through the admin API; prints its API key.
bench_create_org() {
  curl -fsS -X POST "$BENCH_URL/admin/v1/organizations" \
    -H "Authorization: Bearer $BENCH_ADMIN_TOKEN" -H 'Content-Type: application/json' \
    -d "{\"name\":\"${1:-Bench Finance}\"}" | bench_json_string apiKey
}

# bench_create_campaign <api key> [body]: prints the campaign id.
bench_create_campaign() {
  local body='{"name":"Bench campaign"}'
  curl -fsS -X POST "$BENCH_URL/api/v1/campaigns" \
    -H "Authorization: Bearer $1" -H 'Content-Type: application/json' \
    -d "${2:-$body}" | bench_json_string id
}

# bench_heap_watch_start <file>: samples the server's used heap every 0.5 s in the background; the
# file ends up holding the peak in bytes. bench_heap_watch_stop ends the sampling.
bench_heap_watch_start() {
  local file=$1
  echo 0 >"$file"
  (
    peak=0
    while true; do
      used=$(curl -fsS "$BENCH_URL/actuator/metrics/jvm.memory.used?tag=area:heap" 2>/dev/null \
        | grep -oE '"value":[0-9.eE+]+' | head -n 1 | sed 's/"value"://' || true)
      if [[ -n "$used" ]]; then
        used=$(awk -v v="$used" 'BEGIN { printf "%d", v }')
        if ((used > peak)); then
          peak=$used
          echo "$peak" >"$file"
        fi
      fi
      sleep 0.5
    done
  ) &
  BENCH_HEAP_PID=$!
}

bench_heap_watch_stop() {
  if [[ -n "$BENCH_HEAP_PID" ]]; then
    kill "$BENCH_HEAP_PID" 2>/dev/null || true
    wait "$BENCH_HEAP_PID" 2>/dev/null || true
    BENCH_HEAP_PID=""
  fi
}

# What the figures were measured on.
bench_machine() {
  echo "cpus: $(nproc), memory: $(free -h | awk '/^Mem:/ { print $2 }'), $(java -version 2>&1 | head -n 1)"
}
