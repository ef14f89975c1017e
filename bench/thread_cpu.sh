#!/usr/bin/env bash
# CPU time of each thread of a command, by thread name (oscm names its GH Archive threads
# oscm-read, oscm-inflate and oscm-scan; the main thread, which writes the store, is "oscm"),
# from perf's cpu-clock samples (a software event, so it works in VMs without hardware counters).
# Less sensitive to a loaded machine than wall time: a thread's samples are its own CPU time.
#   bench/thread_cpu.sh COMMAND...
# Needs: linux-perf (Debian package).
set -euo pipefail
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
perf record -q -e cpu-clock -F 4000 -o "$tmp/perf.data" -- "$@" > /dev/null 2> "$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
perf report -i "$tmp/perf.data" --stdio -n --sort comm 2> /dev/null | awk '
  /^ *[0-9.]+%/ { printf "%-14s %6.3f s\n", $3, $2 / 4000; total += $2 }
  END { printf "%-14s %6.3f s\n", "(all)", total / 4000 }'
