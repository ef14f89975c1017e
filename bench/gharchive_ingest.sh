#!/usr/bin/env bash
# Whole-process timings of `oscm ingest gharchive` against igzip (and zcat and jq) on the same file.
#   [SINCE=2015] [GEN_DIR=DIR] [RUNS=5] [JQ=0] bench/gharchive_ingest.sh [MB] [OSCM_BINARY]
# Builds MB megabytes of GH Archive JSON (gzip) from the real samples in ../shared/data
# (bench/make_gharchive_input.py; with SINCE=2015, from the samples in the layout GH Archive has
# used since 2015 only, which compress as today's hours do), tracks the 100 repositories with the
# most events in it, and times igzip, oscm (100 repositories) and oscm --all-repos side by side
# with hyperfine, each oscm run from an empty store. It prints wall and CPU (user+sys) time of
# each, oscm's ratios to igzip (issue #17's targets), the SHA-256 of each store (the same input
# must give the same bytes) and peak memory. GEN_DIR keeps the generated input between runs.
# Needs: hyperfine isal jq python3 (Debian packages).
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-1000}
oscm=$(realpath "${2:-build-release/oscm}")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
gen=${GEN_DIR:-$tmp}
mkdir -p "$gen"
input="$gen/gha-$mb-since${SINCE:-2011}.json.gz"
if [ ! -s "$input" ]; then
  python3 bench/make_gharchive_input.py ../shared/data/gharchive-sample "$input" --mb "$mb" --since "${SINCE:-2011}"
fi
if [ ! -s "$input.track" ]; then
  python3 - "$input" > "$input.track" <<'PY'
import collections, gzip, json, sys
c = collections.Counter()
for line in gzip.open(sys.argv[1], "rt"):
    name = (json.loads(line).get("repo") or {}).get("name") or ""
    owner, _, repo = name.partition("/")
    if owner and repo and "/" not in repo:
        c[name] += 1
print("bench=" + ",".join(n for n, _ in c.most_common(100)))
PY
fi
track=$(cat "$input.track")
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
ls -l "$input"
hyperfine --warmup 1 --runs "${RUNS:-5}" --export-json "$tmp/gha.json" \
  --prepare "rm -f $tmp/oscm.db*" \
  -n "igzip -d -c" "igzip -d -c $input > /dev/null" \
  -n "oscm (100 repos)" "$oscm --db $tmp/oscm.db -q ingest gharchive $input -c '$track'" \
  -n "oscm --all-repos" "$oscm --db $tmp/oscm.db -q ingest gharchive $input --all-repos"
python3 - "$tmp/gha.json" <<'PY'
import json, statistics, sys
rows = json.load(open(sys.argv[1]))["results"]
med = lambda xs: statistics.median(xs)
base = rows[0]
bw, bc = med(base["times"]), base["user"] + base["system"]
print("| command | wall (median) | CPU user+sys (mean) | wall / igzip | CPU / igzip |")
print("|---|---:|---:|---:|---:|")
for r in rows:
    w, c = med(r["times"]), r["user"] + r["system"]
    print(f"| {r['command']} | {w:.3f} s | {c:.3f} s | {w / bw:.2f}x | {c / bc:.2f}x |")
PY
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -f "$tmp/oscm.db"*; "$oscm" --db "$tmp/oscm.db" -q ingest gharchive "$input" -c "$track"
echo "store (100 repos): $(sha256sum < "$tmp/oscm.db")"
rm -f "$tmp/oscm.db"*; "$oscm" --db "$tmp/oscm.db" -q ingest gharchive "$input" --all-repos
echo "store (--all-repos): $(sha256sum < "$tmp/oscm.db")"
rm -f "$tmp/oscm.db"*
bench/peak_rss.sh "$oscm" --db "$tmp/peak.db" -q ingest gharchive "$input" -c "$track"
if [ "${JQ:-1}" = 1 ]; then
  hyperfine --runs 1 --export-markdown "$tmp/jq.md" \
    -n "zcat | wc -l" "zcat $input | wc -l" \
    -n "zcat | jq -c '{t:.type,r:.repo.name}'" "zcat $input | jq -c '{t:.type,r:.repo.name}' > /dev/null"
  cat "$tmp/jq.md"
fi
