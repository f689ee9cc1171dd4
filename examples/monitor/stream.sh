#!/bin/sh
# Streams a simulated pool's events into `stakecheck monitor --follow`: the simulation appends each
# block's events to a log as they happen (examples/monitor/simulate.ts --delay), the monitor reads
# them as they arrive and stops at the first event the spec does not allow. Without --buggy, the
# monitor is stopped with Ctrl-C's signal once the simulation is over, and prints its summary.
#
#   sh examples/monitor/stream.sh [--buggy] [--seed S] [--events N]
#
# STAKECHECK overrides the command (default: the built CLI, node bin/stakecheck.js).
set -u
cd "$(dirname "$0")/../.."
log=$(mktemp "${TMPDIR:-/tmp}/pool-events.XXXXXX")
: > "$log"
${STAKECHECK:-node bin/stakecheck.js} monitor spec/pool.stake --map examples/monitor/pool.monitor.json --events "$log" --follow --no-save &
mon=$!
node --import tsx examples/monitor/simulate.ts --events 60 --delay 20 --out "$log" "$@" &
sim=$!
# Whichever ends first: the monitor at a violation, or the simulation.
while kill -0 "$mon" 2>/dev/null && kill -0 "$sim" 2>/dev/null; do sleep 0.2; done
if kill -0 "$mon" 2>/dev/null; then
  sleep 1
  kill -INT "$mon"
fi
kill "$sim" 2>/dev/null
wait "$mon"
code=$?
rm -f "$log"
exit "$code"
