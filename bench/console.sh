#!/usr/bin/env bash
# The console's page bench (issue 14): bench/console.sh [--customers N] [--calls N] (default 1,000,000 each;
# also bench/run.sh --console ...).
# Starts the server (-Xmx512m) on a fresh data folder, seeds one organization with N customers, N finished
# calls over 30 days, initiations with skips, do-not-call phones and webhook deliveries (bench/ConsoleBench.java,
# SQL), signs in to the console through its form and times each page: 10 untimed requests, then 20 timed ones,
# median, p99 and max of the time to the whole answer on this machine's loopback. Ends with the CSV export of
# every call. Writes the same table to bench/results/<date>-console-<N>.txt. CONSOLE_TRIGGER_COST=1 also times
# the calls' tally triggers (V160) on an insert and an update, each with and without them.
set -euo pipefail

customers=1000000
calls=1000000
while (($#)); do
  case "$1" in
    --customers) customers=${2:?}; shift 2 ;;
    --calls) calls=${2:?}; shift 2 ;;
    *) echo "usage: bench/console.sh [--customers N] [--calls N]" >&2; exit 2 ;;
  esac
done
[[ "$customers" =~ ^[0-9]+$ && "$customers" -ge 1000 ]] || { echo "--customers must be at least 1000" >&2; exit 2; }
[[ "$calls" =~ ^[0-9]+$ && "$calls" -ge 1000 ]] || { echo "--calls must be at least 1000" >&2; exit 2; }

cd "$(dirname "$0")/.."
source bench/lib.sh
work=${BENCH_WORK_DIR:-$BENCH_ROOT/bench/work/console}
results=${BENCH_RESULTS_DIR:-$BENCH_ROOT/bench/results}
mkdir -p "$work" "$results"
trap bench_stop_server EXIT INT TERM

# the simulated runner plays no call on: the seeded calls are finished, and nothing else runs meanwhile
export AGENTCALLS_RUNNER_SIMULATED_PLAY_CALLS=false
# the seeded webhook endpoint is a loopback URL (its deliveries are seeded as sent: nothing is sent to it)
export AGENTCALLS_WEBHOOKS_ALLOW_HTTP=true
bench_start_server "$work"
pg_port=$(bench_pg_port "$work")
PGPASSWORD=$(bench_pg_password "$work")
export PGPASSWORD
driver=$(find "$HOME/.m2/repository/org/postgresql/postgresql" -name 'postgresql-*.jar' | sort -V | tail -n 1)

# name | path: {campaign}, {customer}, {half} and {n} (a customer's number in the middle, padded and not), {call} and {webhook}
# are filled in by ConsoleBench
export CONSOLE_PAGES="
campaigns | /console/campaigns
monitor | /console/campaigns/{campaign}
launch | /console/campaigns/{campaign}/launch
outcomes, last 30 days | /console/outcomes?campaignId={campaign}
outcomes, 365 days | /console/outcomes?campaignId={campaign}&from=$(date -u -d '364 days ago' +%F)
call detail | /console/calls/{call}
calls, first page | /console/calls
calls, one campaign | /console/calls?campaign={campaign}
calls, status busy | /console/calls?status=busy
calls, a status no call has | /console/calls?status=ringing
calls, one day | /console/calls?from=$(date -u -d '3 days ago' +%F)&to=$(date -u -d '3 days ago' +%F)
calls, by phone | /console/calls?q=%2B9198{half}
calls, by name prefix | /console/calls?q=Customer+{n}
customers, first page | /console/customers?campaign={campaign}
customers, by phone | /console/customers?campaign={campaign}&q=%2B9198{half}
customers, by name prefix | /console/customers?campaign={campaign}&q=Customer+7777
customer and attempts | /console/customers/{campaign}/{customer}
import | /console/import
compliance (DNC, 30 days of skips) | /console/compliance
compliance, 365 days | /console/compliance?days=365
webhooks | /console/webhooks
webhook deliveries | /console/webhooks/{webhook}
settings | /console/settings
campaign settings | /console/settings/campaigns/{campaign}
"

bench_log "seeding $customers customers and $calls calls, then timing the console's pages"
out="$results/$(date +%Y-%m-%dT%H%M%S)-console-$calls.txt"
java -Xmx256m -cp "$driver" bench/ConsoleBench.java "jdbc:postgresql://127.0.0.1:$pg_port/postgres" "$BENCH_URL" \
  "$BENCH_ADMIN_TOKEN" "$customers" "$calls" | tee "$out"
echo "machine: $(bench_machine), load average after: $(bench_load_average)" | tee -a "$out"
