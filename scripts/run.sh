#!/usr/bin/env bash
# The first command for a newcomer: install what is missing, build, and start ComputeHedge on the
# demo workspace (created on first run in the user's data folder).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/deps.sh"
"$root/scripts/build.sh"
exec "${CH_BUILD_DIR:-$root/build}/app/computehedge" --demo "$@"
