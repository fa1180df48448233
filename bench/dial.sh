#!/usr/bin/env bash
# The built-in runner's dial loop (issue 13): calls/s through the service's own pass (the dial-time
# safeguards, pacing and claim in one transaction, then each provider answer recorded) with a
# zero-latency provider, beside a bare SQL claim loop (SKIP LOCKED claim, then the same per-call
# record) on the same queue and embedded PostgreSQL, and the cost per call of the safeguard-and-claim
# statement. Usage: bench/dial.sh [calls] [sample] (default 1,000,000 queued; 20000 is quick). Each
# loop dials `sample` calls (default half the queue, at most 50,000): the service's loop the first,
# the bare loop the next, both with the queue about as deep as asked.
#
# It runs as the test io.agentcalls.runner.DialThroughputTest against the test profile's embedded
# PostgreSQL (durable settings as the service's), which prints one line:
#   DialThroughputTest: N calls; dial loop R calls/s, bare claim loop B calls/s, ratio R/B; …
set -euo pipefail
cd "$(dirname "$0")/.."
CALLS="${1:-1000000}"
SAMPLE="${2:-$(( CALLS / 2 < 50000 ? CALLS / 2 : 50000 ))}"
mvn -B -q test -Dtest=DialThroughputTest -Dsurefire.failIfNoSpecifiedTests=false \
    -DargLine="-Ddial.bench.calls=$CALLS -Ddial.bench.sample=$SAMPLE" 2>&1 | grep -E '^DialThroughputTest:|FAIL|ERROR' || true
