#!/usr/bin/env bash
# Crash-safety check of the trading desk (docs/trading-controls.md, "Reliability check").
#
#   scripts/reliability_check.sh [ORDERS] [KILLS]        (defaults: 10000 orders, 20 kills)
#
# Builds bench/desk_reliability, which releases random orders to the paper broker (random sizes,
# market and limit orders, partial fills, broker rejects and cancels) and books every report in a
# demo workspace. The driver is killed with SIGKILL KILLS times, each time at a random point: the
# kill points are random order counts spread over the run, plus a random 0-499 ms delay so the
# kill lands anywhere in the order's lifecycle or while reports are being booked. After every kill
# the workspace is verified without changes (positions equal the persisted fills, exec ids unique,
# audit chain intact); the next run reconciles and continues. At the end the driver runs to
# completion and the final figures are printed. Exits 1 on the first inconsistency.
#
# Environment: CH_BUILD_DIR (default build/), CH_RELIABILITY_DIR (default a new temporary folder;
# the workspace and the logs stay there).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${CH_BUILD_DIR:-$root/build}"
orders="${1:-10000}"
kills="${2:-20}"
work="${CH_RELIABILITY_DIR:-$(mktemp -d -t ch-reliability-XXXXXX)}"
mkdir -p "$work"
ws="$work/reliability.chw"
driver="$build/bench/desk_reliability"

if [[ ! -f "$build/build.ninja" && ! -f "$build/Makefile" ]]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$build" --target desk_reliability >/dev/null 2>&1 \
    || { echo "reliability: building desk_reliability failed" >&2; exit 1; }
echo "reliability: $orders orders, $kills SIGKILLs, workspace $ws"

# Kill points: KILLS distinct random order counts in [1, ORDERS - 1], ascending.
mapfile -t points < <(shuf -i 1-$((orders - 1)) -n "$kills" | sort -n)

released() { { grep -o '^released [0-9]*' "$1" 2>/dev/null || true; } | tail -n 1 | cut -d' ' -f2; }

start=$(date +%s)
run=0
total_dups=0
for point in "${points[@]}"; do
    run=$((run + 1))
    log="$work/run-$run.log"
    "$driver" run "$ws" --orders "$orders" >"$log" 2>&1 &
    pid=$!
    # Wait until the driver has released `point` orders in total, then a random extra delay.
    while kill -0 "$pid" 2>/dev/null; do
        n=$(released "$log")
        [[ -n "$n" && "$n" -ge "$point" ]] && break
        sleep 0.05
    done
    sleep "0.$(printf '%03d' $((RANDOM % 500)))"
    if ! kill -0 "$pid" 2>/dev/null; then
        wait "$pid" || { echo "reliability: run $run failed before it was killed:"; cat "$log"; exit 1; }
        echo "reliability: run $run finished before kill point $point"
        continue
    fi
    kill -KILL "$pid"
    wait "$pid" 2>/dev/null || true
    at=$(released "$log")
    dups=$({ grep -o 'ignored so far: [0-9]*' "$log" || true; } | tail -n 1 | cut -d' ' -f4)
    total_dups=$((total_dups + ${dups:-0}))
    replayed=$({ grep -o '[0-9]* replayed' "$log" || true; } | head -n 1 | cut -d' ' -f1)
    if ! "$driver" verify "$ws" >"$work/verify-$run.log" 2>&1; then
        echo "reliability: INCONSISTENT after kill $run (at ${at:-0} released):"
        cat "$work/verify-$run.log"
        exit 1
    fi
    pending=$({ grep -o 'not yet applied: [0-9]*' "$work/verify-$run.log" || true; } | cut -d' ' -f4)
    echo "reliability: kill $run/$kills at ${at:-0} released (target $point; ${replayed:-0} orders replayed on start, ${pending:-0} reports pending): consistent"
done

"$driver" run "$ws" --orders "$orders" >"$work/final.log" 2>&1
grep -E '^(reconcile|done):' "$work/final.log"
final_dups=$({ grep -o '[0-9]* duplicate reports ignored on arrival' "$work/final.log" || true; } | cut -d' ' -f1)
elapsed=$(($(date +%s) - start))
echo "reliability: replayed reports ignored as duplicates on arrival: $((total_dups + ${final_dups:-0})) in total"
echo "reliability: final state after $kills SIGKILLs and ${elapsed} s:"
"$driver" verify "$ws"
