#!/usr/bin/env bash
# Whole-process timings of `oscm ingest git` against git itself on the same repository.
#   bench/git_ingest.sh REPO [OSCM_BINARY]
# REPO: a large real history, e.g. git/git. Each oscm run starts from an empty store.
# Prints hyperfine tables; record results in bench/RESULTS.md with the machine and command.
set -euo pipefail
repo=${1:?usage: bench/git_ingest.sh REPO [OSCM_BINARY]}
oscm=${2:-build/oscm}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
command -v hyperfine > /dev/null || { echo "hyperfine missing: apt-get install hyperfine" >&2; exit 1; }
echo "repository: $repo ($(git -C "$repo" rev-list --count HEAD) commits on HEAD)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"

# Metadata: oscm reads commits, identities, trailers, tags, community files and writes the store.
hyperfine --warmup 1 --runs 5 --export-markdown "$tmp/meta.md" \
  --prepare "rm -f $tmp/oscm.db*" \
  -n "git log --format='%H %ae %at'" "git -C $repo log --format='%H %ae %at' > /dev/null" \
  -n "oscm ingest git" "$oscm --db $tmp/oscm.db -q ingest git $repo --community bench"
cat "$tmp/meta.md"

if [ "${NUMSTAT:-1}" = 1 ]; then
  hyperfine --runs 1 --export-markdown "$tmp/numstat.md" \
    --prepare "rm -f $tmp/oscm.db*" \
    -n "git log --numstat" "git -C $repo log --numstat --format='%H %ae %at' > /dev/null" \
    -n "git log --numstat --no-renames" "git -C $repo log --numstat --no-renames --format='%H %ae %at' > /dev/null" \
    -n "oscm ingest git --numstat" "$oscm --db $tmp/oscm.db -q ingest git $repo --community bench --numstat"
  cat "$tmp/numstat.md"
fi
