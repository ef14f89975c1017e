#!/usr/bin/env bash
# Whole-process timings of `oscm ingest gharchive` against igzip, zcat and jq on the same file.
#   [SINCE=2015] bench/gharchive_ingest.sh [MB] [OSCM_BINARY]
# Builds MB megabytes of GH Archive JSON (gzip) from the real samples in ../shared/data
# (bench/make_gharchive_input.py; with SINCE=2015, from the samples in the layout GH Archive has
# used since 2015 only, which compress as today's hours do), tracks the 100 repositories with the most events in it, and
# times each command with hyperfine. Needs: hyperfine isal jq python3 (Debian packages).
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-1000}
oscm=${2:-build/oscm}
samples=../shared/data/gharchive-sample
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
input="$tmp/gha-$mb.json.gz"
python3 bench/make_gharchive_input.py "$samples" "$input" --mb "$mb" --since "${SINCE:-2011}"
track=$(python3 - "$input" <<'PY'
import collections, gzip, json, sys
c = collections.Counter()
for line in gzip.open(sys.argv[1], "rt"):
    name = (json.loads(line).get("repo") or {}).get("name") or ""
    owner, _, repo = name.partition("/")
    if owner and repo and "/" not in repo:
        c[name] += 1
print("bench=" + ",".join(n for n, _ in c.most_common(100)))
PY
)
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
ls -l "$input"
hyperfine --warmup 1 --runs 5 --export-markdown "$tmp/gha.md" \
  --prepare "rm -f $tmp/oscm.db*" \
  -n "igzip -d -c" "igzip -d -c $input > /dev/null" \
  -n "zcat | wc -l" "zcat $input | wc -l" \
  -n "oscm ingest gharchive (100 repos)" "$oscm --db $tmp/oscm.db -q ingest gharchive $input -c '$track'"
hyperfine --runs 1 --export-markdown "$tmp/jq.md" \
  -n "zcat | jq -c '{t:.type,r:.repo.name}'" "zcat $input | jq -c '{t:.type,r:.repo.name}' > /dev/null"
cat "$tmp/gha.md" "$tmp/jq.md"
bench/peak_rss.sh "$oscm" --db "$tmp/peak.db" -q ingest gharchive "$input" -c "$track"
