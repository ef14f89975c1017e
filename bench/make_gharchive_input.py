#!/usr/bin/env python3
"""Builds a large GH Archive-like file from the real samples, for benchmarks.

    bench/make_gharchive_input.py SAMPLE_DIR OUT.json.gz --mb 1000

Concatenates the real events of the samples (2011, 2012 and 2015+ layouts; the 2013-2014 files in
their normalised and timeline copies) again and again until the uncompressed output reaches
--mb megabytes, rewriting event ids so that every line is a distinct event, and writes it as one
gzip member (level 6, as GH Archive's files are) and, with --plain, also as plain JSON lines.
The event mix, repositories and people are those of the real samples. Events of the normalised
2013-2014 copies name their repository without its owner; as in real 2015+ files, the name is
given as owner/name (from the repository URL).
"""
import argparse
import glob
import gzip
import json
import os
import re


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("samples")
    ap.add_argument("out")
    ap.add_argument("--mb", type=int, default=1000)
    ap.add_argument("--since", type=int, default=2011,
                    help="only the samples of this year and later (2015: the layout GH Archive "
                         "has used since 2015)")
    args = ap.parse_args()
    lines = []
    for path in sorted(glob.glob(os.path.join(args.samples, "*.json*"))):
        if "timeline" in path:  # same events as the normalised copies
            continue
        year = re.search(r"(20\d\d)-\d\d-\d\d", os.path.basename(path))
        if year is None or int(year.group(1)) < args.since:
            continue
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                event = json.loads(line)
                repo = event.get("repo")
                if isinstance(repo, dict) and "/" not in (repo.get("name") or ""):
                    url = repo.get("url") or ""
                    if "github.com/" in url:
                        repo["name"] = "/".join(url.split("github.com/", 1)[1].split("/")[:2])
                lines.append(event)
    target = args.mb * 1000 * 1000
    written = 0
    round_no = 0
    with gzip.open(args.out, "wt", encoding="utf-8", compresslevel=6) as out:
        while written < target:
            round_no += 1
            for i, event in enumerate(lines):
                event = dict(event)
                event["id"] = f"{round_no}{i:06d}"
                text = json.dumps(event, separators=(",", ":"), ensure_ascii=False) + "\n"
                out.write(text)
                written += len(text.encode("utf-8"))
                if written >= target:
                    break
    print(f"{args.out}: {written / 1e6:.0f} MB of JSON, {round_no} rounds of {len(lines)} events")


if __name__ == "__main__":
    main()
