#!/usr/bin/env bash
# The same set-up as run.sh, then every test, headless. Warnings are errors here, as in CI.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${CH_BUILD_DIR:-$root/build-test}"
export QT_QPA_PLATFORM=offscreen
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d)}"
chmod 700 "$XDG_RUNTIME_DIR"

start=$(date +%s)
"$root/scripts/deps.sh"
CH_BUILD_DIR="$build" "$root/scripts/build.sh" -DCH_WARNINGS_AS_ERRORS=ON
echo "test.sh: build finished in $(( $(date +%s) - start )) s"

"$root/scripts/check-format.sh"

cd "$build"
ctest --output-on-failure --parallel "$(nproc)"
echo "test.sh: total $(( $(date +%s) - start )) s"
