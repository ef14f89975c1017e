#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each for a bounded time (FUZZ_SECONDS, default
# 60), seeded with the real GH Archive samples when ../shared/data is there.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
cmake -S fuzz -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Debug > /dev/null
cmake --build build-fuzz -j "$(nproc)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lines" "$work/events"
samples=../shared/data/gharchive-sample
if [ -d "$samples" ]; then
  for f in "$samples"/*.json.gz; do head -c 4096 "$f" > "$work/lines/$(basename "$f")"; done
  head -n 50 "$samples/pinot-2021-07-21-few-hours.json" | split -l 1 - "$work/events/e"
  # zcat ends on SIGPIPE when head has enough; that is expected here.
  { zcat "$samples/gharchive-2013-02-15-0.timeline-format.json.gz" || true; } | head -n 20 |
    split -l 1 - "$work/events/t"
fi
if [ ! -d "$work/answers" ]; then
  mkdir -p "$work/answers"
  # Seeds: a few registry and Gitee answers (the first byte picks the reader) and a manifest.
  printf '\000{"downloads":[{"day":"2024-01-01","downloads":5}]}' > "$work/answers/npm"
  printf '\001{"data":[{"category":"without_mirrors","date":"2024-01-01","downloads":7}]}' > "$work/answers/pypi"
  printf '\004{"packageKey":{"name":"x"},"versions":[{"versionKey":{"version":"1.0"},"isDefault":true}]}' > "$work/answers/depsdev"
  printf '\007[{"number":"I8ABCD","user":{"login":"a"},"state":"closed","created_at":"2024-02-01T08:00:00+08:00","finished_at":"2024-02-03T08:00:00+08:00"}]' > "$work/answers/gitee"
  printf '\013[package]\nname = "x"\n' > "$work/answers/cargo"
fi
for t in line_source_fuzzer event_parser_fuzzer forge_answers_fuzzer; do
  corpus="$work/events"
  [ "$t" = line_source_fuzzer ] && corpus="$work/lines"
  [ "$t" = forge_answers_fuzzer ] && corpus="$work/answers"
  echo "== $t for ${seconds}s"
  ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions="$PWD/tests/lsan.supp" \
    "build-fuzz/$t" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 "$corpus" 2>&1 | tail -n 12
done
