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

section "sqlgate lint migrations/examples/faulty (a deliberately faulty set: every rule fires)"
echo "Two of its findings in full (--select picks rules or categories):"
echo
"$sqlgate" lint --enable-all --select ban-volatile-default,use-before-create \
  migrations/examples/faulty || true
echo
echo "Every finding, counted by rule (the whole report: sqlgate lint --enable-all" \
  "migrations/examples/faulty; what each pair shows: migrations/examples/faulty/README.md):"
set +e
report=$("$sqlgate" lint --enable-all --color never migrations/examples/faulty)
status=$?
set -e
grep -oE '^[^ ]+:[0-9]+:[0-9]+: (error|warning|info)\[[a-z-]+\]' <<<"$report" \
  | grep -oE '[a-z]+\[[a-z-]+\]' | sort | uniq -c | paste - - \
  | awk -F '\t' '{ printf "%-52s%s\n", $1, $2 }' || true
echo
tail -n 1 <<<"$report"
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

section "sqlgate up migrations/examples/faulty (refused before anything runs)"
psql "$url" -X -q -c 'CREATE DATABASE demo_faulty' >/dev/null
faulty_url=${url/\/postgres\?//demo_faulty?}
set +e
"$sqlgate" up -d "$faulty_url" -p migrations/examples/faulty
status=$?
set -e
echo "exit code: $status (1 = refused)"
tables=$(psql "$faulty_url" -X -q -A -t -c \
  "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = 'public'")
echo "tables in database demo_faulty afterwards: $tables"
