#!/usr/bin/env bash
# Fails if any C++ source is not clang-format clean (clang-format 14, the Debian 12 default).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mapfile -t files < <(git ls-files -co --exclude-standard -- '*.h' '*.cpp' | grep -v '^build')
if ((${#files[@]})); then
    clang-format --dry-run --Werror "${files[@]}"
fi
echo "check-format: ${#files[@]} files clean"
