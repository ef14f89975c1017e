# Sourced by the several-hours GH Archive benchmarks, with `hours` and `tmp` set: generates
# `hours` hours of 90,000 events each (bench/make_gharchive_hours.py, seed 1) from the real
# samples in ../shared/data into $gen (GEN_DIR, to keep them between runs, or under $tmp), and sets
# $track to the 100 repositories with the most events in the first hour.
gen=${GEN_DIR:-$tmp/hours}
if [ ! -f "$gen/.done-$hours" ]; then
  rm -rf "$gen"
  python3 bench/make_gharchive_hours.py ../shared/data/gharchive-sample "$gen" --hours "$hours" --events 90000 --seed 1
  touch "$gen/.done-$hours"
fi
track=$(python3 - "$gen" <<'PY'
import collections, glob, gzip, json, sys
c = collections.Counter()
for line in gzip.open(sorted(glob.glob(sys.argv[1] + "/*.json.gz"))[0], "rt"):
    c[json.loads(line)["repo"]["name"]] += 1
print("bench=" + ",".join(n for n, _ in c.most_common(100)))
PY
)
