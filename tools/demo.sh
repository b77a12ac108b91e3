#!/usr/bin/env bash
# The main job, on a fresh Debian 12 machine: install and build, lint the bundled example set,
# then lint a deliberately faulty set and show its findings; then, on a throwaway PostgreSQL,
# apply the example set, show its status, roll one migration back and forward, and show the gate
# refusing the faulty set.
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

# The runner, on a throwaway PostgreSQL that is stopped whatever happens.
sandbox=$(mktemp -d /tmp/sqlgate-demo.XXXXXX)
trap '"$root/tools/pg-sandbox.sh" stop "$sandbox"' EXIT
section "tools/pg-sandbox.sh start (a throwaway PostgreSQL)"
url=$("$root/tools/pg-sandbox.sh" start "$sandbox")
echo "$url"

section "sqlgate up (the example set, through the lint gate)"
"$sqlgate" up -d "$url" -p migrations/sql

section "sqlgate status"
"$sqlgate" status -d "$url" -p migrations/sql

section "sqlgate down (one step back), then sqlgate up again"
"$sqlgate" down -d "$url" -p migrations/sql
"$sqlgate" up -d "$url" -p migrations/sql

section "sqlgate up migrations/examples/faulty (the gate refuses: nothing is applied)"
psql "$url" -X -q -c 'CREATE DATABASE demo_faulty' >/dev/null
faulty_url=${url/\/postgres\?//demo_faulty?}
set +e
"$sqlgate" up -d "$faulty_url" -p migrations/examples/faulty
status=$?
set -e
echo "exit code: $status (1 = refused by the gate)"
"$sqlgate" status -d "$faulty_url" -p migrations/examples/faulty | head -n 3 || true
