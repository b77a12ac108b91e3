#!/usr/bin/env bash
# What CI runs: install what is missing, build with warnings as errors, run every test with
# ctest (its "postgres" fixture starts a private PostgreSQL and stops it afterwards).
#   tools/test.sh [--sanitize] [ctest arguments...]
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir="$root/build"
bootstrap_args=(--werror)
if [ "${1:-}" = "--sanitize" ]; then
  bootstrap_args+=(--sanitize)
  build_dir="$root/build-sanitize"
  shift
fi
"$root/tools/bootstrap.sh" --build-dir "$build_dir" "${bootstrap_args[@]}"

cd "$build_dir"
ctest --output-on-failure --no-tests=error -j "$(nproc 2>/dev/null || echo 2)" "$@"
