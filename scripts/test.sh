#!/usr/bin/env bash
# Runs the libFuzzer targets for a bounded time (scripts/fuzz.sh, FUZZ_SECONDS each), then builds
# oscm twice and runs the whole test suite on each build:
#   1. Debug with -Werror (warnings are errors),
#   2. AddressSanitizer + UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
FUZZ_SECONDS=${FUZZ_SECONDS:-60} scripts/fuzz.sh
for variant in debug asan; do
  flags=(-DCMAKE_BUILD_TYPE=Debug -DOSCM_WERROR=ON)
  if [ "$variant" = asan ]; then flags+=(-DOSCM_SANITIZE=ON); fi
  echo "== $variant build"
  cmake -S . -B "build-$variant" "${flags[@]}" > /dev/null
  cmake --build "build-$variant" -j "$jobs"
  echo "== $variant tests"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    LSAN_OPTIONS=suppressions="$PWD/tests/lsan.supp" \
    ctest --test-dir "build-$variant" --output-on-failure -j "$jobs"
done
