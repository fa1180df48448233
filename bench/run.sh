#!/usr/bin/env bash
# The benchmark suite: bench/run.sh [--customers N] [--smoke] [--load-seconds S] [--no-scaling] [--jfr]
#                                  [--dialer-idle]
#
# Builds the service, starts it on a fresh embedded PostgreSQL with -Xmx512m, and measures in turn,
# each beside its bare baseline where one exists:
#   import      customer CSV import of N customers (rows/s)
#   dryRun      20 dry-run initiations with a selective filter over all N customers (median, p99),
#               beside the same filter as a bare SQL count
#   initiation  full initiation of all N customers, simulated runner accepting at once, against the bare
#               SQL of the same selection and insert on the same database (bench/Bare.java)
#   events      runner event ingestion (events/s; bench/EventsBench.java, signed like a runner) against
#               the bare SQL UPDATE of the same columns
#   load        wrk, 16 connections: 500-customer initiations of fresh campaigns, and GET /actuator/health
#   scaling     dryRun and full initiation again at 10k and 100k customers, beside the N above
#   memory      the server's peak heap and resident memory over the whole run
# Prints one table and writes the same figures to bench/results/<date>-<N>.json.
#   --customers N      default 1,000,000; 50000 for a quick run
#   --smoke            3 s of load, 1,000 runner events, no scaling (the smoke test: --customers 2000 --smoke)
#   --load-seconds S   length of each load run (default 30)
#   --no-scaling       skip the 10k/100k runs
#   --jfr              record the server with Java Flight Recorder into bench/work/run/server.jfr
#   --dialer-idle      the built-in runner's dialer never polls (AGENTCALLS_DIAL_POLL_INTERVAL=1h): the
#                      initiations are measured alone, not beside the dialing of the calls they queue
#   --console [...]    instead, the console's page bench: bench/console.sh [--customers N] [--calls N]
# Environment: BENCH_WORK_DIR (default bench/work/run), BENCH_RESULTS_DIR (default bench/results),
# BENCH_SERVER_CLASSPATH (run the server from these classes instead of the jar; the smoke test does).
set -euo pipefail

customers=1000000
event_calls=200000
event_warmup="" # EventsBench's own warm-up unless a smoke run
load_seconds=30
scaling=true
jfr=false
dialer=live
while (($#)); do
  case "$1" in
    --customers) customers=${2:?}; shift 2 ;;
    --smoke) load_seconds=3; scaling=false; event_calls=1000; event_warmup=1000; PART_LOAD_PROBE=16; shift ;;
    --load-seconds) load_seconds=${2:?}; shift 2 ;;
    --no-scaling) scaling=false; shift ;;
    --jfr) jfr=true; shift ;;
    --dialer-idle) dialer=idle; shift ;;
    --console) shift; exec "$(dirname "$0")/console.sh" "$@" ;; # the console's pages (issue 14)
    *) echo "usage: bench/run.sh [--customers N] [--smoke] [--load-seconds S] [--no-scaling] [--jfr] [--dialer-idle]" >&2; exit 2 ;;
  esac
done
[[ "$customers" =~ ^[0-9]+$ && "$customers" -ge 1000 ]] || { echo "--customers must be at least 1000" >&2; exit 2; }
[[ "$load_seconds" =~ ^[0-9]+$ && "$load_seconds" -ge 1 ]] || { echo "--load-seconds must be a positive integer" >&2; exit 2; }

cd "$(dirname "$0")/.."
source bench/lib.sh
source bench/parts.sh

work=${BENCH_WORK_DIR:-$BENCH_ROOT/bench/work/run}
results=${BENCH_RESULTS_DIR:-$BENCH_ROOT/bench/results}
mkdir -p "$work" "$results"
trap bench_stop_server EXIT INT TERM

bench_require_wrk
load_before=$(bench_load_average)

java_options=("-Xlog:gc:file=$work/gc.log")
if $jfr; then
  java_options+=("-XX:StartFlightRecording=filename=$work/server.jfr,settings=profile,dumponexit=true")
fi
# the simulated runner accepts every call at once and plays none of them on: the suite measures our
# work, not the simulated calls' (the variable is ignored by builds without call playback)
export AGENTCALLS_RUNNER_SIMULATED_PLAY_CALLS=false
if [[ "$dialer" == idle ]]; then
  # every poller waits one interval before its first pass, so in an hour the dialer never runs
  export AGENTCALLS_DIAL_POLL_INTERVAL=1h
fi
BENCH_RUNNER_SECRET="bench-runner-secret-$RANDOM$RANDOM-$RANDOM$RANDOM-$RANDOM$RANDOM"
export AGENTCALLS_RUNNER_SECRET=$BENCH_RUNNER_SECRET
bench_start_server "$work" "${java_options[@]}"
bench_heap_watch_start "$work/heap-peak"
pg_port=$(bench_pg_port "$work")
# the bare baselines log in as the service does; they run on the same server, so on its durable settings
PGPASSWORD=$(bench_pg_password "$work")
export PGPASSWORD

# --- import ---------------------------------------------------------------------------------------
bench_calling_org "Bench main"
main_org=$BENCH_ORG main_key=$BENCH_KEY main_agent=$BENCH_AGENT main_disposition=$BENCH_DISPOSITION
main_campaign=$(bench_calling_campaign "$main_key" "Bench $customers")
csv="$work/customers-$customers.csv"
[[ -s "$csv" ]] || bench_csv "$customers" >"$csv"
bench_log "import: $customers customers ($(du -h "$csv" | cut -f1))"
import_seconds=$(part_import "$main_key" "$main_campaign" "$csv" "$customers")
import_rate=$(awk -v n="$customers" -v s="$import_seconds" 'BEGIN { printf "%d", n / s }')

# --- dryRun ---------------------------------------------------------------------------------------
out=$(part_dry_run "$main_key" "$main_campaign" 20)
read -r dry_median dry_p99 dry_selected <<<"$out"
out=$(part_bare_filter "$pg_port" "$main_org" "$main_campaign")
read -r filter_median filter_p99 <<<"$out"

# --- full initiation and its bare SQL ---------------------------------------------------------------
out=$(part_bare_initiation "$pg_port" "$main_org" "$main_campaign" "$customers")
read -r bare_seconds bare_insert_seconds <<<"$out"
initiation_seconds=$(part_initiation "$main_key" "$main_campaign" "$customers")

bench_log "full initiation: $initiation_seconds s, bare SQL: $bare_seconds s (insert alone: $bare_insert_seconds s)"

# --- runner events ----------------------------------------------------------------------------------
out=$(part_events "$pg_port" "$event_calls" "$event_warmup")
read -r events_rate events_bare_rate events_note <<<"$out"

# --- HTTP load --------------------------------------------------------------------------------------
bench_calling_org "Bench load"
out=$(part_prepare_load "$work/load-campaigns" "$load_seconds")
read -r load_campaigns load_ceiling_estimate <<<"$out"
out=$(part_wrk "$work/wrk-initiate.txt" "$load_seconds" "$BENCH_URL" \
  initiate "$work/load-campaigns" "$BENCH_KEY" "$BENCH_AGENT" "$BENCH_DISPOSITION")
read -r load_rps load_p50 load_p99 load_errors load_requests <<<"$out"
out=$(part_wrk "$work/wrk-health.txt" "$load_seconds" "$BENCH_URL/actuator/health" get)
read -r health_rps health_p50 health_p99 health_errors health_requests <<<"$out"

# --- scaling ----------------------------------------------------------------------------------------
scaling_rows=()
if $scaling; then
  for size in 10000 100000; do
    ((size == customers)) && continue
    bench_calling_org "Bench scaling $size"
    campaign=$(bench_calling_campaign "$BENCH_KEY" "Bench $size")
    bench_csv "$size" | bench_import "$BENCH_KEY" "$campaign" - >/dev/null
    out=$(part_dry_run "$BENCH_KEY" "$campaign" 20)
    read -r s_median s_p99 _ <<<"$out"
    out=$(part_bare_initiation "$pg_port" "$BENCH_ORG" "$campaign" "$size")
    read -r s_bare _ <<<"$out"
    s_full=$(part_initiation "$BENCH_KEY" "$campaign" "$size")
    scaling_rows+=("$size $s_median $s_p99 $s_full $s_bare")
  done
fi
scaling_rows+=("$customers $dry_median $dry_p99 $initiation_seconds $bare_seconds")

# --- memory -----------------------------------------------------------------------------------------
sleep 1 # one more heap sample
heap_peak_mb=$(bench_heap_peak_mb "$work")
rss_peak_mb=$(bench_rss_peak_mb "$BENCH_PID")
load_after=$(bench_load_average)
bench_stop_server

report_table
report_json "$results/$(date +%Y-%m-%dT%H%M%S)-$customers.json"
