#!/usr/bin/env bash
# Times `sqlgate lint` against the raw parse floor (tools/bench/parse_floor: pg_query_parse
# only, same files, same threads) and squawk when it is installed, in one run, alternated,
# median of RUNS. Prints the times, the ratios and peak memory (max RSS).
#   tools/bench/lint.sh [--pairs N] [--runs R] [--folder DIR] [--jobs J] [--generate-only DIR]
# Without --folder it generates N realistic migration pairs (default 2000) in a temp folder.
# squawk: set SQUAWK=/path/to/squawk, or `npm install squawk-cli` into /tmp/bench-node.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
pairs=2000
runs=5
folder=""
generate_only=""
jobs=$(nproc 2>/dev/null || echo 2)
while [ $# -gt 0 ]; do
  case "$1" in
    --pairs) pairs=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --folder) folder=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    --generate-only) generate_only=$2; shift 2 ;;
    *) echo "lint.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

sqlgate="$root/build/sqlgate"
floor="$root/build/bench/parse_floor"
[ -x "$sqlgate" ] && [ -x "$floor" ] || { echo "build first: tools/bootstrap.sh" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs GNU time (apt-get install time)" >&2; exit 2; }
squawk=${SQUAWK:-}
if [ -z "$squawk" ]; then
  for candidate in /tmp/bench-node/node_modules/.bin/squawk "$(command -v squawk || true)"; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then squawk=$candidate; break; fi
  done
fi

work=$(mktemp -d /tmp/sqlgate-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
if [ -n "$generate_only" ]; then
  folder=""
fi
if [ -z "$folder" ]; then
  folder=${generate_only:-"$work/migrations"}
  mkdir -p "$folder"
  for i in $(seq 1 "$pairs"); do
    v=$(printf '2025%010d' "$i")
    cat >"$folder/${v}_table_$i.up.sql" <<SQL
-- Migration $i: a table, its indexes, a column, a seed row and a guarded type.
CREATE TABLE IF NOT EXISTS items_$i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  owner_id bigint NOT NULL,
  name text NOT NULL,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT items_${i}_name_check CHECK (char_length(name) BETWEEN 1 AND 200)
);
CREATE INDEX IF NOT EXISTS items_${i}_owner_idx ON items_$i (owner_id);
CREATE UNIQUE INDEX IF NOT EXISTS items_${i}_owner_name_key ON items_$i (owner_id, name)
  WHERE details ? 'active';
ALTER TABLE items_$i ADD COLUMN IF NOT EXISTS updated_at timestamptz;
COMMENT ON TABLE items_$i IS 'items of set $i';
INSERT INTO items_$i (owner_id, name) VALUES (1, 'first')
  ON CONFLICT (owner_id, name) WHERE details ? 'active' DO NOTHING;
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'state_$i') THEN
    CREATE TYPE state_$i AS ENUM ('new', 'done');
  END IF;
END
\$\$;
SQL
    cat >"$folder/${v}_table_$i.down.sql" <<SQL
DROP TYPE IF EXISTS state_$i;
DROP INDEX IF EXISTS items_${i}_owner_name_key;
DROP INDEX IF EXISTS items_${i}_owner_idx;
DROP TABLE IF EXISTS items_$i;
SQL
  done
fi
[ -z "$generate_only" ] || { echo "generated $pairs pairs in $generate_only"; exit 0; }
files=$(find "$folder" -name '*.sql' | wc -l)
bytes=$(find "$folder" -name '*.sql' -print0 | du -cb --files0-from=- | tail -n 1 | cut -f1)

measure() {  # name command... -> appends "seconds kilobytes" to $work/name
  local name=$1
  shift
  /usr/bin/time -f "%e %M" -o "$work/$name.last" "$@" >/dev/null 2>&1 || true
  cat "$work/$name.last" >>"$work/$name"
}

names=(sqlgate floor)
[ -n "$squawk" ] && names+=(squawk)
for _ in $(seq 1 "$runs"); do
  measure sqlgate "$sqlgate" lint --jobs "$jobs" --format json "$folder"
  measure floor "$floor" -j "$jobs" "$folder"
  if [ -n "$squawk" ]; then
    # squawk takes file paths; its own exit code reflects findings.
    measure squawk sh -c "find '$folder' -name '*.sql' -print0 | xargs -0 '$squawk' >/dev/null"
  fi
done

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
declare -A seconds memory
for name in "${names[@]}"; do
  seconds[$name]=$(cut -d' ' -f1 "$work/$name" | median)
  memory[$name]=$(cut -d' ' -f2 "$work/$name" | median)
done

printf 'lint benchmark: %s files, %s bytes, %s jobs, median of %s runs (%s, %s cores)\n' \
  "$files" "$bytes" "$jobs" "$runs" "$(date -u +%Y-%m-%d)" "$(nproc)"
printf '%-10s %10s %14s\n' "program" "seconds" "peak RSS (MB)"
for name in "${names[@]}"; do
  printf '%-10s %10s %14.1f\n' "$name" "${seconds[$name]}" "$(echo "${memory[$name]} / 1024" | bc -l)"
done
ratio() { echo "scale=2; $1 / $2" | bc -l; }
printf 'sqlgate / parse floor: %s\n' "$(ratio "${seconds[sqlgate]}" "${seconds[floor]}")"
if [ -n "$squawk" ]; then
  printf 'squawk / sqlgate:      %s\n' "$(ratio "${seconds[squawk]}" "${seconds[sqlgate]}")"
else
  echo "squawk: not found (npm install squawk-cli into /tmp/bench-node, or set SQUAWK)"
fi
