#!/usr/bin/env bash
# The measured parts of bench/run.sh and its report. Sourced after lib.sh; each part prints its
# figures on one line and logs what it does on standard error.

# The dry run's filter: a custom field, a numeric range and a payment status (about 2.5 % of bench_csv's
# customers match all three).
PART_SELECTIVE_FILTER='"filters":{"custom":{"branch":"mumbai"},"emi_amount":{"min":1000,"max":5000},"payment_status":["bounced","pending"]}'
PART_LOAD_CUSTOMERS=500
PART_LOAD_PROBE=${PART_LOAD_PROBE:-48}

# part_import <key> <campaign> <csv> <rows>: prints the seconds of the one import request.
part_import() {
  local start end
  start=$(date +%s.%N)
  bench_import "$1" "$2" "$3" >"$work/import-response.json"
  end=$(date +%s.%N)
  [[ "$(bench_json_number created <"$work/import-response.json")" == "$4" ]] \
    || { echo "import did not create $4 customers: $(head -c 300 "$work/import-response.json")" >&2; return 1; }
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }'
}

# part_dry_run <key> <campaign> <count>: two unmeasured warm-up requests, then <count> measured ones.
# Prints "<median ms> <p99 ms> <customers selected>".
part_dry_run() {
  local body status seconds times=() i
  body=$(bench_initiation_body "\"dryRun\":true,$PART_SELECTIVE_FILTER")
  bench_log "dryRun: $3 requests with a selective filter"
  for ((i = -2; i < $3; i++)); do
    read -r status seconds < <(bench_post "$1" "/api/v1/initiate/$2/calls" "$body" "$work/dry-run.json")
    [[ "$status" == 200 ]] || { echo "dryRun answered $status: $(head -c 300 "$work/dry-run.json")" >&2; return 1; }
    ((i < 0)) || times+=("$seconds")
  done
  printf '%s\n' "${times[@]}" | awk '{ printf "%.1f\n", $1 * 1000 }' | bench_median_p99 | tr '\n' ' '
  bench_json_number customersSelected <"$work/dry-run.json"
}

# part_bare_filter <postgres port> <organization> <campaign>: the dry run's filter as a plain SQL count,
# 20 times; prints "<median ms> <p99 ms>".
part_bare_filter() {
  bench_log "bare SQL: the dry run's filter as a count, 20 times"
  bench_bare filter "$1" "$2" "$3" | bench_median_p99
}

# part_bare_initiation <postgres port> <organization> <campaign> <rows>: prints the bare SQL's seconds
# (the selection with its safeguards, and the insert) and, for reference, the insert's alone.
part_bare_initiation() {
  local out
  bench_log "bare SQL: selection and insert of $4 call rows into a scratch copy of calls"
  out=$(bench_bare initiation "$1" "$2" "$3")
  [[ "$out" == *"rows=$4" ]] || { echo "bare initiation: $out" >&2; return 1; }
  sed -E 's/^seconds=([0-9.]+) insert_only_seconds=([0-9.]+).*/\1 \2/' <<<"$out"
}

# part_initiation <key> <campaign> <rows>: initiates every customer; prints the request's seconds.
part_initiation() {
  local status seconds
  bench_log "full initiation of $3 customers"
  read -r status seconds < <(bench_post "$1" "/api/v1/initiate/$2/calls" "$(bench_initiation_body)" \
    "$work/initiation.json")
  if [[ "$status" != 200 || "$(bench_json_number initiated <"$work/initiation.json")" != "$3" ]]; then
    echo "full initiation answered $status: $(head -c 500 "$work/initiation.json")" >&2
    return 1
  fi
  printf '%s\n' "$seconds"
}

# part_events <postgres port> <calls> [warm-up events]: bench/EventsBench.java (the call lifecycle's
# runner events bench) against this server and database: it seeds its own organization's initiated
# calls, warms up, then completes <calls> of them through the signed POST /api/v1/runner/events
# (batches of 100, 4 senders) and as many with the bare SQL UPDATE of the same columns.
# Prints "<events/s> <bare rows/s> measured".
part_events() {
  local out driver
  bench_log "runner events: bench/EventsBench.java, $2 calls each way after ${3:-its own} warm-up"
  driver=$(find "$HOME/.m2/repository/org/postgresql/postgresql" -name 'postgresql-*.jar' | sort -V | tail -n 1)
  out=$(java ${3:+-Dwarmup="$3"} -cp "$driver" "$BENCH_ROOT/bench/EventsBench.java" \
    "jdbc:postgresql://127.0.0.1:$1/postgres?user=postgres" "$BENCH_URL" "$BENCH_RUNNER_SECRET" "$2" 4 \
    "$BENCH_PID" "$(head -n 1 "$work/data/postgres/postmaster.pid")")
  printf '%s\n' "$out" >"$work/events.txt"
  printf '%s\n' "$out" | sed 's/^/[events] /' >&2
  awk '/^events endpoint:/ { gsub(",", "", $3); rate = $3 }
       /^bare SQL UPDATE:/ { gsub(",", "", $4); bare = $4 }
       END { if (rate == "" || bare == "") exit 1; printf "%d %d measured\n", rate, bare }' "$work/events.txt"
}

# part_prepare_load <campaign file> <seconds>: fresh 500-customer campaigns for the load run in the
# current calling organization, enough that no request of the run needs one twice. How many comes from
# a probe: 48 initiations (16 in a smoke run), 16 at a time, give the rate; the run gets twice that
# rate's worth, and more, never fewer than 50 a second's worth.
# Prints "<campaigns prepared> <probe requests/s>".
part_prepare_load() {
  local file=$1 seconds=$2 probe=$PART_LOAD_PROBE start end rate need
  : >"$file"
  part_load_campaigns "$file" 0 "$probe"
  export BENCH_URL BENCH_KEY
  export -f bench_post bench_initiation_body
  export BENCH_AGENT BENCH_DISPOSITION
  start=$(date +%s.%N)
  xargs -P 16 -n 1 bash -c 'bench_post "$BENCH_KEY" "/api/v1/initiate/$1/calls" "$(bench_initiation_body)" /dev/null' _ \
    <"$file" >"$work/load-probe.txt"
  end=$(date +%s.%N)
  [[ $(grep -c '^200 ' "$work/load-probe.txt") -eq $probe ]] \
    || { echo "load probe: $(grep -v '^200 ' "$work/load-probe.txt" | head -n 3)" >&2; return 1; }
  rate=$(awk -v n="$probe" -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", n / (b - a) }')
  # at least 50 a second's worth: a probe slowed by a busy machine once left the run short of campaigns
  need=$(awk -v r="$rate" -v s="$seconds" 'BEGIN { n = r * s * 2 + 32; f = s * 50; printf "%d", (n > f ? n : f) }')
  bench_log "load: the probe ran $rate initiations/s; preparing $need fresh campaigns"
  : >"$file"
  part_load_campaigns "$file" "$probe" "$need"
  echo "$need $rate"
}

# part_load_campaigns <file> <first> <count>: creates campaigns first…first+count-1, four at a time,
# and appends their ids to the file. Campaign k holds customers k*500+1…(k+1)*500: distinct phones.
part_load_campaigns() {
  export BENCH_URL BENCH_KEY PART_LOAD_CUSTOMERS
  export -f bench_csv bench_json_string bench_json_number bench_create_campaign bench_calling_campaign bench_import
  seq "$2" $(($2 + $3 - 1)) | xargs -P 4 -n 1 bash -c '
    set -euo pipefail
    campaign=$(bench_calling_campaign "$BENCH_KEY" "Load $1")
    bench_csv "$PART_LOAD_CUSTOMERS" $(($1 * PART_LOAD_CUSTOMERS + 1)) | bench_import "$BENCH_KEY" "$campaign" - >/dev/null
    echo "$campaign"' _ >>"$1"
  [[ $(wc -l <"$1") -eq "$3" ]] || { echo "prepared $(wc -l <"$1") of $3 load campaigns" >&2; return 1; }
}

# part_wrk <output file> <seconds> <url> <load.lua arguments...>: 2 threads, 16 connections.
# Prints "<requests/s> <p50 ms> <p99 ms> <errors> <requests>".
part_wrk() {
  local output=$1 seconds=$2 url=$3
  shift 3
  bench_log "load: wrk -t2 -c16 -d${seconds}s $url ($1)"
  wrk -t2 -c16 -d"${seconds}s" --timeout 30s -s "$BENCH_ROOT/bench/load.lua" "$url" -- "$@" 2 >"$output" 2>&1 \
    || { cat "$output" >&2; return 1; }
  local result
  result=$(grep '^RESULT ' "$output") || { cat "$output" >&2; return 1; }
  if grep -q 'exhausted=[1-9]' <<<"$result"; then
    bench_log "load: ran out of fresh campaigns; those requests count as errors"
  fi
  awk '{ for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
         print v["rps"], v["p50_ms"], v["p99_ms"], v["errors"], v["requests"] }' <<<"$result"
}

# --- report -----------------------------------------------------------------------------------------

report_ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN { if (a == "null" || b == "null" || b == 0) print "n/a"; else printf "%.2f", a / b }'
}

report_seconds() {
  awk -v v="$1" 'BEGIN { if (v == "null") print "n/a"; else printf "%.2f", v }'
}

report_table() {
  local init_ratio events_ratio
  init_ratio=$(report_ratio "$initiation_seconds" "$bare_seconds")
  events_ratio=$(report_ratio "$events_rate" "$events_bare_rate")
  echo
  echo "agentcalls benchmark: $customers customers, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "machine: $(bench_machine); load average before $load_before, after $load_after; dialer $dialer"
  echo
  printf '| %-34s | %-26s | %-30s | %-22s |\n' "measurement" "service" "bare baseline" "target"
  printf '|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..36})" "$(printf -- '-%.0s' {1..28})" \
    "$(printf -- '-%.0s' {1..32})" "$(printf -- '-%.0s' {1..24})"
  printf '| %-34s | %-26s | %-30s | %-22s |\n' \
    "customer CSV import" "$import_rate rows/s (${import_seconds} s)" "" "$customers in < 60 s" \
    "dryRun, selective filter (20)" "median $dry_median ms, p99 $dry_p99 ms" "count: median $filter_median, p99 $filter_p99 ms" "p99 < 300 ms" \
    "full initiation" "$(report_seconds "$initiation_seconds") s" "$(report_seconds "$bare_seconds") s (ratio $init_ratio)" "<= 1.5x bare" \
    "  bare insert alone, for reference" "" "$(report_seconds "$bare_insert_seconds") s (ratio $(report_ratio "$initiation_seconds" "$bare_insert_seconds"))" "" \
    "runner event ingestion" "$events_rate events/s" "$events_bare_rate rows/s SQL (ratio $events_ratio)" ">= 0.5x bare" \
    "load: 500-customer initiations" "$load_rps req/s, p50 $load_p50 ms" "p99 $load_p99 ms, errors $load_errors" "zero errors" \
    "load: GET /actuator/health" "$health_rps req/s, p50 $health_p50 ms" "p99 $health_p99 ms, errors $health_errors" "framework ceiling" \
    "peak heap / resident (JVM)" "$heap_peak_mb MB / $rss_peak_mb MB" "" "heap <= 512 MB"
  [[ "$events_note" == "measured" ]] || echo "events: $events_note"
  echo
  echo "selection and initiation by campaign size (dryRun median/p99 ms; full initiation s; bare SQL s):"
  printf '| %10s | %14s | %10s | %16s | %10s | %8s |\n' customers "dryRun median" "dryRun p99" "initiation" "bare SQL" ratio
  local row size median p99 full bare
  for row in "${scaling_rows[@]}"; do
    read -r size median p99 full bare <<<"$row"
    printf '| %10s | %14s | %10s | %16s | %10s | %8s |\n' "$size" "$median" "$p99" "$(report_seconds "$full")" \
      "$(report_seconds "$bare")" \
      "$(report_ratio "$full" "$bare")"
  done
}

report_json() {
  local file=$1 row size median p99 full bare first=true
  {
    printf '{\n  "date": "%s",\n  "customers": %d,\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$customers"
    printf '  "machine": "%s",\n  "loadAverageBefore": "%s",\n  "loadAverageAfter": "%s",\n' \
      "$(bench_machine | sed 's/"/\\"/g')" "$load_before" "$load_after"
    printf '  "commit": "%s",\n' "$(git -C "$BENCH_ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    printf '  "dialer": "%s",\n' "$dialer"
    printf '  "import": {"seconds": %s, "rowsPerSecond": %s},\n' "$import_seconds" "$import_rate"
    printf '  "dryRun": {"requests": 20, "medianMs": %s, "p99Ms": %s, "customersSelected": %s, "bareFilterCountMedianMs": %s, "bareFilterCountP99Ms": %s},\n' \
      "$dry_median" "$dry_p99" "$dry_selected" "$filter_median" "$filter_p99"
    printf '  "initiation": {"seconds": %s, "bareSqlSeconds": %s, "ratio": %s, "bareInsertAloneSeconds": %s},\n' \
      "$initiation_seconds" "$bare_seconds" "$(report_ratio "$initiation_seconds" "$bare_seconds" | sed 's#n/a#null#')" \
      "$bare_insert_seconds"
    printf '  "events": {"eventsPerSecond": %s, "bareSqlRowsPerSecond": %s, "note": "%s"},\n' \
      "$events_rate" "$events_bare_rate" "$events_note"
    printf '  "loadInitiation": {"seconds": %s, "connections": 16, "campaignsPrepared": %s, "requests": %s, "requestsPerSecond": %s, "p50Ms": %s, "p99Ms": %s, "errors": %s},\n' \
      "$load_seconds" "$load_campaigns" "$load_requests" "$load_rps" "$load_p50" "$load_p99" "$load_errors"
    printf '  "loadHealth": {"seconds": %s, "connections": 16, "requests": %s, "requestsPerSecond": %s, "p50Ms": %s, "p99Ms": %s, "errors": %s},\n' \
      "$load_seconds" "$health_requests" "$health_rps" "$health_p50" "$health_p99" "$health_errors"
    printf '  "memory": {"heapPeakMb": %s, "residentPeakMb": %s, "xmxMb": 512},\n' "$heap_peak_mb" "$rss_peak_mb"
    printf '  "scaling": ['
    for row in "${scaling_rows[@]}"; do
      read -r size median p99 full bare <<<"$row"
      $first || printf ','
      first=false
      printf '\n    {"customers": %s, "dryRunMedianMs": %s, "dryRunP99Ms": %s, "initiationSeconds": %s, "bareSqlSeconds": %s}' \
        "$size" "$median" "$p99" "$full" "$bare"
    done
    printf '\n  ]\n}\n'
  } >"$file"
  echo "figures written to ${file#"$BENCH_ROOT"/}"
}
