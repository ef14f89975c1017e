#!/usr/bin/env bash
# Whole-process throughput of `oscm ingest gharchive` over several hours of GH Archive: one
# process against `mpirun -np 1` and `mpirun -np 2 ... --mpi`, for 100 tracked repositories and
# with --all-repos, plus peak memory per rank.
#   bench/gharchive_mpi.sh [HOURS] [OSCM_BINARY]
# Generates HOURS hours of 90,000 events each (bench/make_gharchive_hours.py, seed 1) from the
# real samples in ../shared/data, tracks the 100 repositories with the most events in the first
# hour, and times each command with hyperfine from an empty store. Needs: hyperfine isal python3
# openmpi-bin (Debian packages). Set GEN_DIR to keep the generated hours between runs.
set -euo pipefail
cd "$(dirname "$0")/.."
hours=${1:-8}
oscm=$(realpath "${2:-build-release/oscm}")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
source bench/gharchive_hours_input.sh
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
mpi="mpirun --oversubscribe --bind-to none"
db="$tmp/oscm.db"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(mpirun --version | head -1)"
du -sh --apparent-size "$gen"
hyperfine --warmup 1 --runs "${RUNS:-5}" --export-markdown "$tmp/tracked.md" --prepare "rm -f $db*" \
  -n "igzip -d -c (all hours)" "cat $gen/*.json.gz | igzip -d -c > /dev/null" \
  -n "one process" "$oscm --db $db -q ingest gharchive $gen -c '$track'" \
  -n "mpirun -np 1 --mpi" "$mpi -np 1 $oscm --db $db -q ingest gharchive $gen -c '$track' --mpi" \
  -n "mpirun -np 2 --mpi" "$mpi -np 2 $oscm --db $db -q ingest gharchive $gen -c '$track' --mpi"
hyperfine --runs "${RUNS_ALL:-3}" --export-markdown "$tmp/all.md" --prepare "rm -f $db*" \
  -n "one process --all-repos" "$oscm --db $db -q ingest gharchive $gen -c '$track' --all-repos" \
  -n "mpirun -np 2 --mpi --all-repos" "$mpi -np 2 $oscm --db $db -q ingest gharchive $gen -c '$track' --all-repos --mpi"
cat "$tmp/tracked.md" "$tmp/all.md"
echo "peak memory, one process, tracked:"
rm -f "$db"*; bench/peak_rss.sh "$oscm" --db "$db" -q ingest gharchive "$gen" -c "$track"
echo "peak memory per rank, 2 ranks, tracked:"
rm -f "$db"*; $mpi -np 2 bench/peak_rss.sh "$oscm" --db "$db" -q ingest gharchive "$gen" -c "$track" --mpi
echo "peak memory per rank, 2 ranks, --all-repos, then one process, for 1, half and all of the hours:"
for n in 1 $((hours / 2)) "$hours"; do
  files=$(ls "$gen"/*.json.gz | head -n "$n")
  rm -f "$db"*; $mpi -np 2 bench/peak_rss.sh "$oscm" --db "$db" -q ingest gharchive $files --all-repos --mpi
  rm -f "$db"*; bench/peak_rss.sh "$oscm" --db "$db" -q ingest gharchive $files --all-repos
  echo "  $n hours: $(python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(c.execute('SELECT COUNT(DISTINCT repo_id), COUNT(*) FROM gh_repo_months').fetchone())" "$db") (repositories, repository-months); store $(du -h "$db" | cut -f1)"
done
