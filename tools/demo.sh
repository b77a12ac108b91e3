#!/usr/bin/env bash
# The main job, on a fresh Debian 12 machine: install and build, lint the bundled example set,
# then lint a deliberately faulty set and show its findings.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/tools/bootstrap.sh"
sqlgate="$root/build/sqlgate"
cd "$root"

section() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

section "sqlgate lint migrations/sql (the example set: expected clean)"
"$sqlgate" lint migrations/sql

section "sqlgate lint migrations/examples/faulty (every rule fires at least once)"
set +e
"$sqlgate" lint --enable-all migrations/examples/faulty
status=$?
set -e
echo "exit code: $status (1 = findings at or above --fail-on)"
