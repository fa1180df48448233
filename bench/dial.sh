#!/usr/bin/env bash
# The built-in runner's dial loop (issue 13): calls/s through the service's own pass (the dial-time
# safeguards, pacing and claim in one transaction, then each provider answer recorded) with a
# zero-latency provider, beside a bare SQL claim loop (SKIP LOCKED claim, then the same per-call
# record) over the same calls on the same embedded PostgreSQL, and the cost per call of the
# safeguard-and-claim statement. Usage: bench/dial.sh [calls] (default 1,000,000; 20000 is quick).
#
# It runs as the test io.agentcalls.runner.DialThroughputTest against the test profile's embedded
# PostgreSQL (durable settings as the service's), which prints one line:
#   DialThroughputTest: N calls; dial loop R calls/s, bare claim loop B calls/s, ratio R/B; …
set -euo pipefail
cd "$(dirname "$0")/.."
CALLS="${1:-1000000}"
mvn -B -q -o test -Dtest=DialThroughputTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Ddial.bench.calls="$CALLS" -DargLine="-Ddial.bench.calls=$CALLS" 2>&1 | grep -E '^DialThroughputTest:|FAIL|ERROR' || true
