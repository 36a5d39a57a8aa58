#!/usr/bin/env bash
# Configures and builds ComputeHedge in Release into build/ (or $CH_BUILD_DIR).
# Extra arguments go to cmake's configure step, e.g. -DCH_WARNINGS_AS_ERRORS=ON.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${CH_BUILD_DIR:-$root/build}"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
cmake --build "$build" --parallel "$(nproc)"
