#!/usr/bin/env python3
"""Generates large, realistic GH Archive hours for benchmarks, from the real samples' distributions.

    bench/make_gharchive_hours.py SAMPLE_DIR OUT_DIR --hours 8 --events 90000 --seed 1

Writes OUT_DIR/YYYY-MM-DD-H.json.gz (one gzip member, level 6, as GH Archive's files are), in the
2015+ events layout, one hour after another from --start. Deterministic: the same arguments give
the same bytes.

What is taken from the real samples (SAMPLE_DIR, the files of ../shared/data/gharchive-sample
except the timeline copies of the 2013-2014 hours):
  - the event mix: each event's type is drawn with the samples' type frequencies, and its payload
    is the payload of a real event of that type (chosen at random);
  - repositories and people per hour: repositories and actors are drawn from heavy-tailed
    popularity laws (Lomax, so that a few repositories and people are in every hour and most are
    seen once), whose shapes are calibrated so that the distinct repositories per event and the
    distinct actors per event of a generated hour equal those of the samples' whole hours
    (2011-2014: 0.525 and 0.501).
What is not: payload contents refer to the original events (issue numbers, titles, commit
messages); ids are new; repository names are u<N>/r<M>. GH Archive's hours of 2024 hold 84-94k
events (see the samples' PROVENANCE.md), hence --events 90000.
"""
import argparse
import collections
import datetime
import glob
import gzip
import json
import math
import os
import random

WHOLE_HOURS = ("gharchive-2011", "gharchive-2012", "gharchive-2013", "gharchive-2014")


def load_samples(sample_dir):
    events, whole_hours = [], []
    for path in sorted(glob.glob(os.path.join(sample_dir, "*.json*"))):
        if "timeline" in path:
            continue
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as f:
            hour = [json.loads(line) for line in f if line.strip()]
        events += hour
        if os.path.basename(path).startswith(WHOLE_HOURS):
            whole_hours.append(hour)
    return events, whole_hours


def distinct_ratio(hours, key):
    n = sum(len(h) for h in hours)
    return sum(len({key(e) for e in h}) for h in hours) / n


class Popularity:
    """Ranks 0, 1, 2, ... with a Lomax (Pareto II) law: P(rank >= k) = (1 + k/SCALE)^-shape."""

    SCALE = 1000.0
    UNIVERSE = 10**9

    def __init__(self, shape):
        self.shape = shape

    def draw(self, rng):
        return min(self.UNIVERSE - 1, int(self.SCALE * ((1.0 - rng.random()) ** (-1.0 / self.shape) - 1.0)))


def calibrate(target_ratio, events, seed):
    """The shape whose draws give `target_ratio` distinct ranks per draw in an hour of `events`."""
    lo, hi = math.log(0.05), math.log(20.0)  # a larger shape means fewer distinct ranks
    for _ in range(25):
        mid = (lo + hi) / 2
        pop, rng = Popularity(math.exp(mid)), random.Random(seed)
        ratio = len({pop.draw(rng) for _ in range(events)}) / events
        lo, hi = (mid, hi) if ratio > target_ratio else (lo, mid)
    return Popularity(math.exp(lo))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("samples")
    ap.add_argument("out_dir")
    ap.add_argument("--hours", type=int, default=8)
    ap.add_argument("--events", type=int, default=90000, help="events per hour")
    ap.add_argument("--start", default="2024-01-01T00", help="first hour, YYYY-MM-DDTHH (UTC)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    events, whole_hours = load_samples(args.samples)
    by_type = collections.defaultdict(list)
    for e in events:
        by_type[e["type"]].append(json.dumps(e.get("payload") or {}, separators=(",", ":"), ensure_ascii=False))
    types = sorted(by_type)
    weights = [len(by_type[t]) for t in types]
    repo_ratio = distinct_ratio(whole_hours, lambda e: json.dumps(e.get("repo"), sort_keys=True))
    actor_ratio = distinct_ratio(whole_hours, lambda e: json.dumps(e.get("actor"), sort_keys=True))
    repos = calibrate(repo_ratio, args.events, args.seed)
    actors = calibrate(actor_ratio, args.events, args.seed + 1)
    print(f"samples: {len(events)} events of {len(types)} types; whole hours: {repo_ratio:.3f} repositories "
          f"and {actor_ratio:.3f} actors per event -> popularity shapes {repos.shape:.3f} (repositories) and "
          f"{actors.shape:.3f} (people)")

    rng = random.Random(args.seed)
    os.makedirs(args.out_dir, exist_ok=True)
    start = datetime.datetime.strptime(args.start, "%Y-%m-%dT%H").replace(tzinfo=datetime.timezone.utc)
    event_id = 30_000_000_000
    seen_repos = set()
    for h in range(args.hours):
        hour = start + datetime.timedelta(hours=h)
        name = f"{hour:%Y-%m-%d}-{hour.hour}.json.gz"
        seconds = sorted(rng.randrange(3600) for _ in range(args.events))
        before = set(seen_repos) if h > 0 else set()
        seen_repos, seen_actors, size = set(), set(), 0
        with gzip.open(os.path.join(args.out_dir, name), "wt", encoding="utf-8", compresslevel=6) as out:
            for s in seconds:
                event_id += 1
                kind = rng.choices(types, weights)[0]
                payload = rng.choice(by_type[kind])
                repo, actor = repos.draw(rng), actors.draw(rng)
                seen_repos.add(repo)
                seen_actors.add(actor)
                repo_name = f"u{repo % 7919}/r{repo}"
                when = (hour + datetime.timedelta(seconds=s)).strftime("%Y-%m-%dT%H:%M:%SZ")
                line = (f'{{"id":"{event_id}","type":"{kind}","actor":{{"id":{actor + 1},"login":"p{actor}",'
                        f'"url":"https://api.github.com/users/p{actor}"}},"repo":{{"id":{repo + 1},'
                        f'"name":"{repo_name}","url":"https://api.github.com/repos/{repo_name}"}},'
                        f'"payload":{payload},"public":true,"created_at":"{when}"}}\n')
                size += len(line)
                out.write(line)
        print(f"{name}: {args.events} events, {size / 1e6:.0f} MB of JSON, "
              f"{len(seen_repos) / args.events:.3f} repositories and {len(seen_actors) / args.events:.3f} "
              f"actors per event" + (f", {len(seen_repos & before) / len(seen_repos):.2f} of its repositories "
                                        f"also in the hour before" if h > 0 else ""))


if __name__ == "__main__":
    main()
