#!/usr/bin/env bash
# A throwaway PostgreSQL server for tests and the demo: a private data folder, a unix socket in
# that folder only (no TCP), fsync off. Runs as the `postgres` user when started by root.
#   tools/pg-sandbox.sh start DIR   initialise and start; prints the connection URL
#   tools/pg-sandbox.sh stop DIR    stop the server and remove DIR
#   tools/pg-sandbox.sh url DIR     print the URL of a running sandbox
#   tools/pg-sandbox.sh halt DIR    stop the server, keep its data (tests of a server going away)
#   tools/pg-sandbox.sh resume DIR  start a halted server again, same data, same URL
set -euo pipefail

command=${1:-}
dir=${2:-}
if [ -z "$command" ] || [ -z "$dir" ]; then
  echo "usage: tools/pg-sandbox.sh start|stop|url|halt|resume DIR" >&2
  exit 2
fi

find_bindir() {
  if command -v pg_config >/dev/null 2>&1; then
    local candidate
    candidate=$(pg_config --bindir 2>/dev/null || true)
    if [ -x "$candidate/initdb" ]; then echo "$candidate"; return; fi
  fi
  local newest
  newest=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$newest" ] && [ -x "$newest/initdb" ]; then echo "$newest"; return; fi
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return; fi
  echo "pg-sandbox: no PostgreSQL server binaries found (install postgresql-15)" >&2
  exit 2
}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# start_server BINDIR DIR PORT
start_server() {
  as_owner "$1/pg_ctl" -D "$2/data" -l "$2/server.log" -w -t 60 \
    -o "-c listen_addresses='' -k $2 -p $3 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" \
    start >/dev/null || { cat "$2/server.log" >&2; exit 2; }
}

case "$command" in
  start)
    bindir=$(find_bindir)
    # A sandbox left behind by an interrupted run is replaced.
    if [ -d "$dir/data" ]; then
      as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
      rm -rf "$dir"
    fi
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
    chmod 700 "$dir"
    as_owner "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
      --no-sync >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 2; }
    # The socket lives in the private folder, so any port is free there; pick one at random
    # so that two sandboxes never share a lock-file name.
    port=$(( 20000 + RANDOM % 20000 ))
    while [ -e "$dir/.s.PGSQL.$port" ]; do port=$(( port + 1 )); done
    echo "$port" >"$dir/port"
    start_server "$bindir" "$dir" "$port"
    url="postgresql://postgres@/postgres?host=$dir&port=$port"
    echo "$url" >"$dir/url"
    echo "$url"
    ;;
  halt)
    bindir=$(find_bindir)
    as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null
    ;;
  resume)
    bindir=$(find_bindir)
    dir=$(cd "$dir" && pwd)
    start_server "$bindir" "$dir" "$(cat "$dir/port")"
    ;;
  stop)
    if [ -d "$dir/data" ]; then
      bindir=$(find_bindir)
      as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  url)
    cat "$dir/url"
    ;;
  *)
    echo "usage: tools/pg-sandbox.sh start|stop|url|halt|resume DIR" >&2
    exit 2
    ;;
esac
