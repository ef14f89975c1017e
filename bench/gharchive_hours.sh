#!/usr/bin/env bash
# Whole-process timings of `oscm ingest gharchive` over several hours of GH Archive (one file per
# hour, as GH Archive publishes them) against igzip, zcat and jq over the same files, side by side.
#   bench/gharchive_hours.sh [HOURS] [OSCM_BINARY]
# Generates HOURS hours of 90,000 events each (bench/make_gharchive_hours.py, seed 1) from the real
# samples in ../shared/data, tracks the 100 repositories with the most events in the first hour,
# and times each command with hyperfine (oscm from an empty store). Needs: hyperfine isal jq
# python3 (Debian packages). Set GEN_DIR to keep the generated hours between runs.
set -euo pipefail
cd "$(dirname "$0")/.."
hours=${1:-8}
oscm=$(realpath "${2:-build-release/oscm}")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
source bench/gharchive_hours_input.sh
db="$tmp/oscm.db"
each="for f in $gen/*.json.gz; do"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
du -sh --apparent-size "$gen"
hyperfine --warmup 1 --runs "${RUNS:-5}" --export-markdown "$tmp/hours.md" --prepare "rm -f $db*" \
  -n "igzip -d -c, file by file" "$each igzip -d -c \$f; done > /dev/null" \
  -n "zcat | wc -l, file by file" "$each zcat \$f | wc -l; done > /dev/null" \
  -n "oscm ingest gharchive (100 repos)" "$oscm --db $db -q ingest gharchive $gen -c '$track'"
hyperfine --runs 1 --export-markdown "$tmp/jq.md" \
  -n "zcat | jq -c '{t:.type,r:.repo.name}', file by file" \
  "$each zcat \$f | jq -c '{t:.type,r:.repo.name}'; done > /dev/null"
cat "$tmp/hours.md" "$tmp/jq.md"
rm -f "$db"*; bench/peak_rss.sh "$oscm" --db "$db" -q ingest gharchive "$gen" -c "$track"
