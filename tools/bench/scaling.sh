#!/usr/bin/env bash
# Whether linting one large migration grows linearly with its size: lints an up (and its down)
# of N, 2N and 4N statements and prints the time, peak memory and each step's ratio to the last.
# Linear work doubles (a ratio near 2); a pass over the file for each statement quadruples (4).
#   tools/bench/scaling.sh [--statements N] [--runs R]      default: 4000 statements, 3 runs
# The up mixes what real migrations do to tables an earlier migration made: comments, updates,
# upserts, columns, indexes, grants, defaults, guarded DO blocks (half of them testing for
# another object than the one they make), statistics and views; the down undoes each.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
statements=4000
runs=3
while [ $# -gt 0 ]; do
  case "$1" in
    --statements) statements=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    *) echo "scaling.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
sqlgate=${SQLGATE:-"$root/build/sqlgate"}  # SQLGATE=/path/to/sqlgate times another build
[ -x "$sqlgate" ] || { echo "build first: tools/bootstrap.sh" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs GNU time (apt-get install time)" >&2; exit 2; }

work=$(mktemp -d /tmp/sqlgate-scaling.XXXXXX)
trap 'rm -rf "$work"' EXIT

generate() {  # folder statements
  local folder=$1 n=$2
  mkdir -p "$folder"
  awk -v tables=50 'BEGIN {
    for (t = 0; t < tables; t++) {
      printf "CREATE TABLE IF NOT EXISTS t%d (id bigint PRIMARY KEY, a text, b int DEFAULT 0, c text);\n", t
      printf "CREATE INDEX IF NOT EXISTS t%d_a ON t%d (a);\n", t, t
    }
  }' >"$folder/1_base.up.sql"
  awk -v tables=50 'BEGIN {
    for (t = tables - 1; t >= 0; t--) printf "DROP INDEX IF EXISTS t%d_a;\nDROP TABLE IF EXISTS t%d;\n", t, t
  }' >"$folder/1_base.down.sql"
  # Each statement of the up, and what the down does for it (written in reverse order).
  awk -v n="$n" -v tables=50 -v up="$folder/2_big.up.sql" -v down="$folder/2_big.down.tmp" 'BEGIN {
    for (i = 0; i < n; i++) {
      t = i % tables
      k = i % 12
      u = ""; d = ""
      if (k == 0) u = sprintf("COMMENT ON TABLE t%d IS %cc%d%c;", t, 39, i, 39)
      if (k == 1) u = sprintf("UPDATE t%d SET a = %cx%d%c WHERE id = %d;", t, 39, i, 39, i)
      if (k == 2) { u = sprintf("INSERT INTO t%d (id, a) VALUES (%d, %cv%c) ON CONFLICT (id) DO NOTHING;", t, i, 39, 39)
                    d = sprintf("DELETE FROM t%d WHERE id = %d;", t, i) }
      if (k == 3) { u = sprintf("ALTER TABLE t%d ADD COLUMN IF NOT EXISTS c%d int;", t, i)
                    d = sprintf("ALTER TABLE t%d DROP COLUMN IF EXISTS c%d;", t, i) }
      if (k == 4) { u = sprintf("CREATE INDEX IF NOT EXISTS i%d ON t%d (b);", i, t)
                    d = sprintf("DROP INDEX IF EXISTS i%d;", i) }
      if (k == 5) { u = sprintf("GRANT SELECT ON t%d TO PUBLIC;", t)
                    d = sprintf("REVOKE SELECT ON t%d FROM PUBLIC;", t) }
      if (k == 6) { u = sprintf("ALTER TABLE t%d ALTER COLUMN b SET DEFAULT %d;", t, i)
                    d = sprintf("ALTER TABLE t%d ALTER COLUMN b SET DEFAULT 0;", t) }
      if (k == 7) u = sprintf("DELETE FROM t%d WHERE id = -%d;", t, i)
      if (k == 8 || k == 9) {
        guard = k == 8 ? sprintf("k%d", i) : sprintf("other_%d", i)
        u = sprintf("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = %c%s%c) THEN ALTER TABLE t%d ADD CONSTRAINT k%d CHECK (b > -%d); END IF; END $$;", 39, guard, 39, t, i, i)
        d = sprintf("ALTER TABLE t%d DROP CONSTRAINT IF EXISTS k%d;", t, i)
      }
      if (k == 10) { u = sprintf("ALTER TABLE t%d ALTER COLUMN c SET STATISTICS %d;", t, i % 1000)
                     d = sprintf("ALTER TABLE t%d ALTER COLUMN c SET STATISTICS -1;", t) }
      if (k == 11) { u = sprintf("CREATE OR REPLACE VIEW v%d AS SELECT id, a FROM t%d;", i, t)
                     d = sprintf("DROP VIEW IF EXISTS v%d;", i) }
      print u > up
      if (d != "") print d > down
    }
  }'
  tac "$folder/2_big.down.tmp" >"$folder/2_big.down.sql"
  rm "$folder/2_big.down.tmp"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

printf 'scaling: one up of N statements, --jobs 1, median of %s runs (%s, %s cores)\n' \
  "$runs" "$(date -u +%Y-%m-%d)" "$(nproc)"
printf '%12s %10s %14s %12s\n' "statements" "seconds" "peak RSS (MB)" "time ratio"
previous=""
for factor in 1 2 4; do
  n=$((statements * factor))
  folder="$work/m$n"
  generate "$folder" "$n"
  : >"$work/times"
  for _ in $(seq 1 "$runs"); do
    /usr/bin/time -f "%e %M" -o "$work/last" "$sqlgate" lint --jobs 1 --format json "$folder" \
      >/dev/null 2>&1 || true
    cat "$work/last" >>"$work/times"
  done
  seconds=$(cut -d' ' -f1 "$work/times" | median)
  kilobytes=$(cut -d' ' -f2 "$work/times" | median)
  ratio="-"
  if [ -n "$previous" ]; then ratio=$(echo "scale=2; $seconds / $previous" | bc -l); fi
  printf '%12s %10s %14.1f %12s\n' "$n" "$seconds" "$(echo "$kilobytes / 1024" | bc -l)" "$ratio"
  previous=$seconds
done
