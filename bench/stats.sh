#!/usr/bin/env bash
# Campaign stats and call list timings on a campaign of [calls] calls (default 1,000,000) and
# [customers] customers (default 200,000). Shares the server start/stop of bench/events.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_MODE=stats exec bench/events.sh "${1:-1000000}" "${2:-200000}"
