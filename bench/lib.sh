#!/usr/bin/env bash
# Shared pieces of the benchmarks: build, start and stop the server on a fresh data folder, create an
# organization and a campaign, watch the heap. Source it from a script that runs with set -euo pipefail
# and calls bench_stop_server from an EXIT trap. Needs java, mvn, curl, awk; no jq.

BENCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_ADMIN_TOKEN=${BENCH_ADMIN_TOKEN:-bench-admin-token-$RANDOM$RANDOM-$RANDOM$RANDOM-$RANDOM$RANDOM}
BENCH_ACTUATOR_TOKEN=${BENCH_ACTUATOR_TOKEN:-bench-actuator-token-$RANDOM$RANDOM-$RANDOM$RANDOM-$RANDOM$RANDOM}
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

# bench_start_server <work dir> [extra java options...]: a fresh data folder under the work dir,
# -Xmx512m. Sets BENCH_PID and BENCH_URL; the server log is <work dir>/server.log. Runs the jar, or
# the compiled classes when BENCH_SERVER_CLASSPATH is set.
bench_start_server() {
  local work=$1
  shift
  local launch port jar
  if [[ -n "${BENCH_SERVER_CLASSPATH:-}" ]]; then
    # the smoke test runs inside the build, before there is a jar
    launch=(-cp "$BENCH_SERVER_CLASSPATH" io.agentcalls.AgentcallsApplication)
  else
    jar=$(bench_jar)
    launch=(-jar "$jar")
  fi
  rm -rf "$work/data"
  mkdir -p "$work/data"
  bench_log "starting ${launch[-1]##*/} (data in $work/data)"
  # rate limits stay on (their cost is part of what is measured) but far above what the load sends
  # port 0: the server binds a port of its own choosing, read back from its log (a port probed free
  # beforehand can be taken before the server binds it, as its own PostgreSQL once did)
  SERVER_PORT=0 AGENTCALLS_DATA_DIR="$work/data" AGENTCALLS_ADMIN_TOKEN="$BENCH_ADMIN_TOKEN" \
    AGENTCALLS_ACTUATOR_TOKEN="$BENCH_ACTUATOR_TOKEN" \
    AGENTCALLS_RATELIMITS_INITIATIONS_PERMINUTE=100000000 AGENTCALLS_RATELIMITS_INITIATIONS_BURST=1000000 \
    AGENTCALLS_RATELIMITS_DRYRUNS_PERMINUTE=100000000 AGENTCALLS_RATELIMITS_DRYRUNS_BURST=1000000 \
    AGENTCALLS_RATELIMITS_API_PERMINUTE=100000000 AGENTCALLS_RATELIMITS_API_BURST=1000000 \
    java -Xmx512m "$@" "${launch[@]}" >"$work/server.log" 2>&1 &
  BENCH_PID=$!
  BENCH_URL=""
  for _ in $(seq 1 240); do
    if [[ -z "$BENCH_URL" ]]; then
      port=$(grep -o "Tomcat started on port [0-9]*" "$work/server.log" 2>/dev/null | grep -o "[0-9]*$" | head -n 1 || true)
      if [[ -n "$port" ]]; then
        BENCH_URL="http://127.0.0.1:$port"
        bench_log "listening on port $port"
      fi
    fi
    if [[ -n "$BENCH_URL" ]] && curl -fsS "$BENCH_URL/actuator/health" 2>/dev/null | grep -q '"UP"'; then
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
      used=$(curl -fsS -H "Authorization: Bearer $BENCH_ACTUATOR_TOKEN" \
        "$BENCH_URL/actuator/metrics/jvm.memory.used?tag=area:heap" 2>/dev/null \
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

# bench_csv <rows> [first index]: customers as CSV on standard output, the import benchmark's shape:
# 8 standard columns (the id is loan_id) and the custom columns branch, product_type, segment. Ids and
# phones follow the index, so ranges that do not overlap give distinct customers and phones.
bench_csv() {
  awk -v rows="$1" -v first="${2:-1}" 'BEGIN {
    split("hindi english tamil marathi telugu", language, " ")
    split("bounced pending partial paid received", status, " ")
    split("mumbai pune delhi chennai kolkata bengaluru hyderabad", branch, " ")
    split("personal_loan home_loan auto_loan gold_loan", product, " ")
    split("A B C", segment, " ")
    print "loan_id,name,phone,language,payment_status,emi_amount,emi_due_date,loan_amount,branch,product_type,segment"
    for (i = first; i < first + rows; i++) {
      printf "LN%08d,Customer %d,98%08d,%s,%s,%d.%02d,2026-%02d-%02d,%d.00,%s,%s,%s\n",
        i, i, i, language[i % 5 + 1], status[i % 5 + 1], 1000 + i % 9000, i % 100, i % 12 + 1, i % 28 + 1,
        50000 + (i % 50) * 10000, branch[i % 7 + 1], product[i % 4 + 1], segment[i % 3 + 1]
    }
  }'
}

# bench_import <api key> <campaign id> <csv file or - for standard input>: imports in one request and
# prints the response body; fails unless every row was accepted.
bench_import() {
  local response
  response=$(curl -sS --fail-with-body -X POST "$BENCH_URL/api/v1/campaigns/$2/customers/import" \
    -H "Authorization: Bearer $1" -H 'Content-Type: text/csv' --data-binary "@$3")
  if [[ "$(bench_json_number rejected <<<"$response")" != "0" ]]; then
    echo "import rejected rows: ${response:0:500}" >&2
    return 1
  fi
  printf '%s\n' "$response"
}

# bench_post <api key> <path> <json body> <response file>: prints "<http status> <seconds>".
bench_post() {
  curl -sS -o "$4" -w '%{http_code} %{time_total}\n' -X POST "$BENCH_URL$2" \
    -H "Authorization: Bearer $1" -H 'Content-Type: application/json' -d "$3"
}

# A campaign that may call all day and as often as the benchmark likes; prints its id.
bench_calling_campaign() {
  bench_create_campaign "$1" "{\"name\":\"${2:-Bench calls}\",\"timezone\":\"Asia/Kolkata\",
    \"callingWindow\":{\"start\":\"00:00\",\"end\":\"24:00\"},\"maxAttemptsPerDay\":1000,\"maxAttemptsPerWeek\":1000}"
}

# bench_calling_org <name>: a new organization ready to call (an agent using {{name}}, a disposition
# set, an active caller number). Sets BENCH_ORG, BENCH_KEY, BENCH_AGENT, BENCH_DISPOSITION.
bench_calling_org() {
  local auth created
  created=$(curl -fsS -X POST "$BENCH_URL/admin/v1/organizations" \
    -H "Authorization: Bearer $BENCH_ADMIN_TOKEN" -H 'Content-Type: application/json' -d "{\"name\":\"$1\"}")
  BENCH_ORG=$(bench_json_string id <<<"$created")
  BENCH_KEY=$(bench_json_string apiKey <<<"$created")
  auth="Authorization: Bearer $BENCH_KEY"
  BENCH_AGENT=$(curl -fsS -X POST "$BENCH_URL/api/v1/agents" -H "$auth" -H 'Content-Type: application/json' \
    -d '{"name":"EMI reminder","language":"hindi","voice":"female-1","prompt":"Namaste {{name}}, your EMI is due."}' \
    | bench_json_string id)
  BENCH_DISPOSITION=$(curl -fsS -X POST "$BENCH_URL/api/v1/disposition-sets" -H "$auth" \
    -H 'Content-Type: application/json' \
    -d '{"name":"Collections","codes":[{"code":"PTP","label":"Promise to pay","category":"positive"},
         {"code":"RTP","label":"Refused to pay","category":"negative"}]}' | bench_json_string id)
  curl -fsS -o /dev/null -X POST "$BENCH_URL/api/v1/phone-numbers" -H "$auth" -H 'Content-Type: application/json' \
    -d '{"number":"+918045550100","active":true,"maxConcurrentCalls":50}'
}

# The initiation request body for the current calling organization; $1 is extra JSON members.
bench_initiation_body() {
  printf '{"agentId":"%s","dispositionId":"%s"%s}' "$BENCH_AGENT" "$BENCH_DISPOSITION" "${1:+,$1}"
}

# The port of the server's embedded PostgreSQL (line 4 of postmaster.pid); user postgres, with the
# password of bench_pg_password.
bench_pg_port() {
  sed -n 4p "$1/data/postgres/postmaster.pid"
}

# The embedded PostgreSQL's password, generated by the server into its data folder at first start.
# The bench's Java programs (Bare, EventsBench, StatsBench) read it from PGPASSWORD.
bench_pg_password() {
  cat "$1/data/postgres-password"
}

# bench_bare <mode> <args...>: bench/Bare.java, with the PostgreSQL driver the build downloaded.
bench_bare() {
  local driver
  driver=$(find "$HOME/.m2/repository/org/postgresql/postgresql" -name 'postgresql-*.jar' 2>/dev/null \
    | sort -V | tail -n 1)
  [[ -n "$driver" ]] || { echo "no PostgreSQL driver under ~/.m2; build the project first" >&2; return 1; }
  java -cp "$driver" "$BENCH_ROOT/bench/Bare.java" "$@"
}

# Median and nearest-rank p99 of the numbers on standard input (one a line): prints "<median> <p99>".
bench_median_p99() {
  sort -g | awk '{ v[NR] = $1 } END {
    if (NR == 0) { print "0 0"; exit }
    median = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    rank = int(0.99 * NR); if (rank < 0.99 * NR) rank++
    print median, v[rank]
  }'
}

# wrk from the distribution's packages, installed when missing (needs root or sudo).
bench_require_wrk() {
  command -v wrk >/dev/null && return 0
  bench_log "installing wrk (apt-get install -y wrk)"
  local sudo=""
  ((EUID == 0)) || sudo=sudo
  $sudo apt-get update -qq >&2 && $sudo apt-get install -y -qq wrk >&2
  command -v wrk >/dev/null || { echo "wrk is missing and could not be installed" >&2; return 1; }
}

bench_load_average() {
  cut -d ' ' -f 1-3 /proc/loadavg
}

# The peak used heap in MB over the run: the larger of the actuator samples and the heap before each
# collection in the GC log (-Xlog:gc:file=<work dir>/gc.log), which sees peaks between samples.
bench_heap_peak_mb() {
  local sampled logged
  sampled=$(cat "$1/heap-peak" 2>/dev/null || echo 0)
  logged=$(grep -oE '[0-9]+M->' "$1/gc.log" 2>/dev/null | sed "s/M->//" | sort -n | tail -n 1 || true)
  awk -v s="$sampled" -v g="${logged:-0}" 'BEGIN { s = s / 1048576; printf "%d", (s > g ? s : g) }'
}

# The peak resident memory of a process in MB (VmHWM: the kernel's high-water mark since its start).
bench_rss_peak_mb() {
  awk '/^VmHWM:/ { printf "%d", $2 / 1024 }' "/proc/$1/status"
}
