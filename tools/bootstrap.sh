#!/usr/bin/env bash
# Installs what sqlgate needs on Debian 12, then configures and builds it (Release) into build/.
# Safe to run again: it installs only what is missing and rebuilds only what changed.
#   tools/bootstrap.sh [--build-dir DIR] [--werror] [--sanitize] [--no-build]
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir="$root/build"
cmake_args=()
do_build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --build-dir) build_dir=$2; shift 2 ;;
    --werror) cmake_args+=(-DSQLGATE_WERROR=ON); shift ;;
    --sanitize) cmake_args+=(-DSQLGATE_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo); shift ;;
    --no-build) do_build=0; shift ;;
    *) echo "bootstrap.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

packages=(
  cmake make g++ clang libclang-rt-14-dev pkg-config git ca-certificates
  libpg-query-dev libprotobuf-c-dev
  libpqxx-dev libpq-dev
  libcli11-dev nlohmann-json3-dev libsimdjson-dev
  libgtest-dev libgmock-dev
  libssl-dev libmimalloc-dev
  postgresql-15
  pre-commit dpkg-dev patch
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -q
  "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

[ "$do_build" -eq 1 ] || exit 0
jobs=$(nproc 2>/dev/null || echo 2)
cmake -S "$root" -B "$build_dir" -DCMAKE_BUILD_TYPE=Release "${cmake_args[@]}"
cmake --build "$build_dir" -j "$jobs"
