#!/usr/bin/env bash
# Customer import benchmark: bench/import.sh [rows] (default 1,000,000).
# Starts the server (-Xmx512m) on a fresh data folder under bench/work/, creates an organization and a
# campaign, generates a CSV of 10 columns (8 standard, 3 custom: branch, product_type, segment; the
# id is loan_id), imports it with one curl, and prints the rate and the server's peak heap.
set -euo pipefail

rows=${1:-1000000}
[[ "$rows" =~ ^[0-9]+$ ]] || { echo "usage: bench/import.sh [rows]" >&2; exit 2; }
cd "$(dirname "$0")/.."
source bench/lib.sh

work="$BENCH_ROOT/bench/work/import"
mkdir -p "$work"
trap bench_stop_server EXIT INT TERM

csv="$work/customers-$rows.csv"
if [[ ! -s "$csv" ]]; then
  bench_log "generating $rows rows into $csv"
  bench_csv "$rows" >"$csv"
fi
bench_log "CSV: $(du -h "$csv" | cut -f1), $rows rows"

bench_start_server "$work"
key=$(bench_create_org)
campaign=$(bench_create_campaign "$key")
bench_log "organization key ${key:0:12}…, campaign $campaign"

bench_heap_watch_start "$work/heap-peak"
bench_log "importing"
start=$(date +%s.%N)
curl -sS --fail-with-body -X POST "$BENCH_URL/api/v1/campaigns/$campaign/customers/import" \
  -H "Authorization: Bearer $key" -H 'Content-Type: text/csv' \
  --data-binary "@$csv" -o "$work/response.json"
end=$(date +%s.%N)
sleep 1 # one more heap sample after the import
bench_heap_watch_stop

received=$(bench_json_number received <"$work/response.json")
created=$(bench_json_number created <"$work/response.json")
rejected=$(bench_json_number rejected <"$work/response.json")
peak=$(cat "$work/heap-peak")
awk -v rows="$rows" -v start="$start" -v end="$end" -v peak="$peak" -v received="$received" \
  -v created="$created" -v rejected="$rejected" 'BEGIN {
    seconds = end - start
    printf "rows: %d (received %s, created %s, rejected %s)\n", rows, received, created, rejected
    printf "time: %.1f s\n", seconds
    printf "rate: %d rows/s\n", rows / seconds
    printf "peak heap used: %d MB (-Xmx512m)\n", peak / 1048576
  }'
echo "machine: $(bench_machine)"
if [[ "$received" != "$rows" || "$rejected" != "0" ]]; then
  echo "unexpected import result: $(head -c 500 "$work/response.json")" >&2
  exit 1
fi
