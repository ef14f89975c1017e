#!/usr/bin/env bash
# OpenRank's cost per GH Archive hour: `oscm ingest gharchive HOURS --all-repos` (activity kept per
# person and repository, then the month's OpenRank) for growing numbers of generated hours of one
# month (bench/gharchive_hours_input.sh: 90,000 events an hour), with its peak memory; then the
# OpenRank computation alone, recomputing the month from the stored activity.
#   bench/openrank_hours.sh OSCM_BINARY "1 4 8 24"
set -eu
oscm=$(realpath "$1"); counts=${2:-"1 4 8"}
tmp=${TMPDIR:-/tmp}/oscm-openrank-bench; mkdir -p "$tmp"
max=0; for h in $counts; do [ "$h" -gt "$max" ] && max=$h; done
hours=$max
source "$(dirname "$0")/gharchive_hours_input.sh"
for h in $counts; do
  files=$(ls "$gen"/*.json.gz | head -n "$h")
  rm -f "$tmp/or.db"
  echo "== $h hours"
  /usr/bin/time -f "ingest --all-repos: %e s wall, %U s user, %S s sys, %M KB max RSS" \
    "$oscm" --db "$tmp/or.db" -q ingest gharchive $files --all-repos
  sqlite3 "$tmp/or.db" "SELECT 'pairs ' || COUNT(*) FROM gh_activity; SELECT 'graph ' || nodes || ' nodes, ' || edges || ' edges, ' || iterations || ' iterations' FROM gh_openrank_months"
  for run in 1 2 3; do
    sqlite3 "$tmp/or.db" "UPDATE gh_openrank_months SET dirty = 1"
    /usr/bin/time -f "OpenRank only, run $run: %e s wall, %U s user, %M KB max RSS" \
      "$oscm" --db "$tmp/or.db" -q ingest gharchive $files --all-repos
  done
done
