#!/usr/bin/env bash
# What CI runs: install what is missing, build with warnings as errors, start a private
# PostgreSQL, run every test with ctest, stop the server.
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

sandbox=$(mktemp -d /tmp/sqlgate-pg.XXXXXX)
cleanup() { "$root/tools/pg-sandbox.sh" stop "$sandbox"; }
trap cleanup EXIT
export SQLGATE_TEST_DATABASE_URL
SQLGATE_TEST_DATABASE_URL=$("$root/tools/pg-sandbox.sh" start "$sandbox")
export SQLGATE_TEST_PG_SANDBOX="$sandbox"
echo "test.sh: PostgreSQL at $SQLGATE_TEST_DATABASE_URL"

cd "$build_dir"
ctest --output-on-failure --no-tests=error -j "$(nproc 2>/dev/null || echo 2)" "$@"
