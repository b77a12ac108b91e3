#!/usr/bin/env bash
# What CI runs: install what is missing, build with warnings as errors, run every test with
# ctest (its "postgres" fixture starts a private PostgreSQL and stops it afterwards), then run
# each libFuzzer target for 30 seconds (tools/fuzz/run.sh; SQLGATE_FUZZ_SECONDS changes it).
# Fails when a test fails or a fuzz target crashes; ends with ctest's summary.
#   tools/test.sh [--sanitize] [--no-fuzz] [ctest arguments...]
#     --sanitize  AddressSanitizer + UndefinedBehaviorSanitizer build of the suite (build-sanitize/)
#     --no-fuzz   skip the fuzz targets
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir="$root/build"
bootstrap_args=(--werror)
fuzz=1
while [ $# -gt 0 ]; do
  case "$1" in
    --sanitize)
      bootstrap_args+=(--sanitize)
      build_dir="$root/build-sanitize"
      shift
      ;;
    --no-fuzz) fuzz=0; shift ;;
    *) break ;;
  esac
done
"$root/tools/bootstrap.sh" --build-dir "$build_dir" "${bootstrap_args[@]}"

cd "$build_dir"
log="$build_dir/ctest.log"
set +e
ctest --output-on-failure --no-tests=error -j "$(nproc 2>/dev/null || echo 2)" "$@" 2>&1 |
  tee "$log"
ctest_status=${PIPESTATUS[0]}
set -e

[ "$fuzz" -eq 1 ] || exit "$ctest_status"
fuzz_status=0
"$root/tools/fuzz/run.sh" "${SQLGATE_FUZZ_SECONDS:-30}" || fuzz_status=$?
# ctest's summary again, last, so that it is what the run ends with.
echo
echo "ctest (repeated from above):"
sed -n '/tests passed, .* tests failed out of/,$p' "$log"
if [ "$fuzz_status" -eq 3 ]; then
  echo "fuzzing FAILED: the fuzz targets did not build with clang (errors above)"
elif [ "$fuzz_status" -ne 0 ]; then
  echo "fuzzing FAILED: a target crashed (tools/fuzz/run.sh printed where its input is)"
fi
[ "$ctest_status" -eq 0 ] && [ "$fuzz_status" -eq 0 ]
