#!/usr/bin/env bash
# Runs a command and reports its peak anonymous and file-backed resident memory (sampled every
# 50 ms from /proc), so that mmapped pack files are not mistaken for heap growth.
#   bench/peak_rss.sh COMMAND...
set -u
"$@" &
pid=$!
anon=0; file=0
while kill -0 "$pid" 2> /dev/null; do
  if read -r a f < <(awk '/RssAnon/ {a=$2} /RssFile/ {f=$2} END {print a+0, f+0}' "/proc/$pid/status" 2> /dev/null); then
    [ "$a" -gt "$anon" ] && anon=$a
    [ "$f" -gt "$file" ] && file=$f
  fi
  sleep 0.05
done
wait "$pid"; rc=$?
echo "${OMPI_COMM_WORLD_RANK:+rank $OMPI_COMM_WORLD_RANK: }peak RssAnon ${anon} KB, peak RssFile ${file} KB, exit ${rc}" >&2
exit "$rc"
