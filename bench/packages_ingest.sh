#!/usr/bin/env bash
# Times `oscm ingest packages` for N packages of one ecosystem against a local stand-in of the
# registries (bench/registry_replay.py), from an empty store each run: the ingest time per 1,000
# packages.
#   bench/packages_ingest.sh OSCM_BINARY [ECOSYSTEM=npm] [N=1000] [RUNS=3]
# npm: 3 years of daily downloads (3 requests of at most 540 days), deps.dev (2), ecosyste.ms (1);
# pypi: pypistats (1), deps.dev (2), ecosyste.ms (1). crates.io is left out on purpose: oscm asks
# it once a second, as its crawler policy asks, so 1,000 crates take 2,000 s by design.
set -eu
oscm=$(realpath "$1"); eco=${2:-npm}; n=${3:-1000}; runs=${4:-3}
tmp=$(mktemp -d); trap 'kill $server 2>/dev/null; rm -rf "$tmp"' EXIT
python3 "$(dirname "$0")/registry_replay.py" "$tmp/port" & server=$!
for _ in $(seq 50); do [ -s "$tmp/port" ] && break; sleep 0.1; done
url="http://127.0.0.1:$(cat "$tmp/port")"
{
  printf 'name = "bench"\n[[community]]\nid = "bench"\ngithub = ["bench/bench"]\npackages = [\n'
  for i in $(seq 1 "$n"); do printf '  "%s:bench-pkg-%05d",\n' "$eco" "$i"; done
  echo ']'
} > "$tmp/landscape.toml"
flags=()
for name in npm pypistats crates dockerhub depsdev ecosystems; do flags+=(--registry-url "$name=$url"); done
for run in $(seq "$runs"); do
  rm -f "$tmp/oscm.db"
  /usr/bin/time -f "run $run: %e s wall, %U s user, %S s sys, %M KB max RSS" \
    "$oscm" --db "$tmp/oscm.db" ingest packages --landscape "$tmp/landscape.toml" --no-discover "${flags[@]}" 2> "$tmp/err" || { cat "$tmp/err"; exit 1; }
  tail -2 "$tmp/err"
done
echo "rows: $(sqlite3 "$tmp/oscm.db" 'SELECT COUNT(*) FROM package_downloads') daily downloads, $(sqlite3 "$tmp/oscm.db" 'SELECT COUNT(*) FROM package_snapshots') snapshots"
