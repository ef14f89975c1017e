#!/usr/bin/env python3
"""Searches stage criteria thresholds on oscm calibration samples, as models/default.toml was made.

Input: the CSV `oscm model calibrate VERDICTS.csv --samples FILE` writes (one row per verdict row
and evaluation date, with every metric). The repositories are split as oscm splits them
(`--subset train|test`: 30% held back by a stable hash of the name). The stage structure below is
the default model's (development: k of four, with release_months, which the search set to 0,
that is left out; crystallization: k of eight; popularity: k of eight); the search moves one threshold or pass count at a time over a grid, from a few random
starts, to make the stage order the verdicts on the training rows:
  CNCF: Spearman(stage, rank) and AUC(sandbox < graduated); Apache Incubator: AUC(retired <
  graduated) at the decision date and twelve months before it,
with a penalty below the issue's targets (0.6, 0.85, 0.9, 0.8). It reports the training and the
held-back figures, and with --cv K the K-fold cross-validated figures of the whole procedure (each
fold's stages from thresholds searched without it).

The stage here is computed from each row's own 12-month metrics; oscm's adds the timeline's
hysteresis (leave_months), so check a result with `oscm model calibrate --model FILE`.

Usage: stage_search.py SAMPLES.csv [--cv 5] [--restarts 6]
"""
import argparse
import csv
import random

DEV = [('contributors_active', 'd_ca'), ('active_months', 'd_am'), ('release_months', 'd_rm'), ('outside_contributors', 'd_oc')]
CRY = [('contributors_active', 'c_ca'), ('contributors_retained', 'c_cr'), ('orgs_active', 'c_oa'), ('adopters', 'c_ad'),
       ('community_files', 'c_cf'), ('age_months', 'c_age'), ('bus_factor', 'c_bf'), ('tz_entropy', 'c_tz')]
POP = [('adopters', 'p_ad'), ('contributors_active', 'p_ca'), ('age_months', 'p_age'), ('tz_entropy', 'p_tz'),
       ('orgs_active', 'p_oa'), ('contributors_retained', 'p_cr'), ('community_files', 'p_cf'), ('releases', 'p_rel')]
GRID = {
    'd_ca': [3, 4, 5, 6, 8, 10, 12], 'd_am': [3, 4, 5, 6, 7, 8, 9, 10], 'd_rm': [0, 1, 2, 3], 'd_oc': [0, 2, 3, 4, 5, 8],
    'd_k': [2, 3, 4],
    'c_ca': [10, 15, 20, 25, 30, 40, 50, 60], 'c_cr': [2, 3, 4, 5, 6, 8, 10, 12], 'c_oa': [2, 3, 4, 5, 6],
    'c_ad': [1, 2, 3, 5, 8, 10], 'c_cf': [5, 6, 7, 8, 9, 10], 'c_age': [12, 24, 36, 48, 60], 'c_bf': [2, 3, 4, 5],
    'c_tz': [1, 1.5, 2, 2.5], 'c_k': [2, 3, 4, 5, 6],
    'p_ad': [5, 10, 15, 20, 30], 'p_ca': [30, 40, 60, 80, 100], 'p_age': [36, 48, 60, 72, 96], 'p_tz': [1.5, 2, 2.5, 3],
    'p_oa': [3, 4, 5, 6, 8, 10], 'p_cr': [8, 10, 15, 20, 30], 'p_cf': [8, 9, 10, 11], 'p_rel': [6, 10, 15, 20, 30],
    'p_k': [2, 3, 4, 5, 6],
}
TARGETS = {'cncf_sp': 0.6, 'cncf_sg': 0.85, 'ap0': 0.9, 'ap12': 0.8}


def fnv(s):
    h = 1469598103934665603
    for c in s.lower().encode():
        h ^= c
        h = (h * 1099511628211) & 0xFFFFFFFFFFFFFFFF
    return h


def in_test(repository):  # as oscm's --subset test
    return ((fnv(repository) >> 7) % 10) < 3


def passes(row, metric, threshold):
    v = row.get(metric, '')
    return v != '' and float(v) >= threshold


def stage(row, p):
    if sum(passes(row, m, p[k]) for m, k in DEV) < p['d_k']:
        return 0
    if sum(passes(row, m, p[k]) for m, k in CRY) < p['c_k']:
        return 1
    if sum(passes(row, m, p[k]) for m, k in POP) < p['p_k']:
        return 2
    return 3


def auc(negatives, positives):
    if not negatives or not positives:
        return None
    s = sum(1 if y > x else 0.5 if y == x else 0 for y in positives for x in negatives)
    return s / len(negatives) / len(positives)


def ranks(xs):
    order = sorted(range(len(xs)), key=lambda i: xs[i])
    r = [0.0] * len(xs)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and xs[order[j + 1]] == xs[order[i]]:
            j += 1
        for k in range(i, j + 1):
            r[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return r


def spearman(x, y):
    rx, ry = ranks(x), ranks(y)
    m = (len(x) + 1) / 2
    sxy = sum((a - m) * (b - m) for a, b in zip(rx, ry))
    sxx = sum((a - m) ** 2 for a in rx)
    syy = sum((b - m) ** 2 for b in ry)
    return sxy / (sxx * syy) ** 0.5 if sxx and syy else None


def figures(stage_of, rows):
    cncf = [r for r in rows if r['foundation'] == 'cncf' and r['months_before'] == '0']
    st = [stage_of(r) for r in cncf]
    out = {'cncf_sp': spearman(st, [int(r['rank']) for r in cncf]),
           'cncf_sg': auc([s for s, r in zip(st, cncf) if r['verdict'] == 'sandbox'],
                          [s for s, r in zip(st, cncf) if r['verdict'] == 'graduated'])}
    for mb in ('0', '12'):
        ap = [r for r in rows if r['foundation'] == 'apache-incubator' and r['months_before'] == mb]
        out['ap' + mb] = auc([stage_of(r) for r in ap if r['verdict'] == 'retired'],
                             [stage_of(r) for r in ap if r['verdict'] == 'graduated'])
    return out


def objective(f):
    vals = [v for v in f.values() if v is not None]
    return sum(vals) / len(vals) - sum(max(0, t - f[k]) for k, t in TARGETS.items() if f[k] is not None)


def search(rows, restarts):
    best, best_score = None, -9
    rnd = random.Random(1)
    for _ in range(restarts):
        p = {k: rnd.choice(v) for k, v in GRID.items()}
        cur = objective(figures(lambda r: stage(r, p), rows))
        for _ in range(4):
            improved = False
            for k, values in GRID.items():
                for v in values:
                    q = dict(p, **{k: v})
                    s = objective(figures(lambda r: stage(r, q), rows))
                    if s > cur + 1e-9:
                        cur, p, improved = s, q, True
            if not improved:
                break
        if cur > best_score:
            best, best_score = p, cur
    return best


def show(name, f):
    print('%-10s %s' % (name, '  '.join('%s %.3f' % (k, v) for k, v in f.items() if v is not None)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('samples')
    ap.add_argument('--cv', type=int, default=0)
    ap.add_argument('--restarts', type=int, default=6)
    a = ap.parse_args()
    rows = [r for r in csv.DictReader(open(a.samples)) if r['has_history'] == '1']
    train = [r for r in rows if not in_test(r['repository'])]
    test = [r for r in rows if in_test(r['repository'])]
    p = search(train, a.restarts)
    print('thresholds and pass counts:', p)
    show('train', figures(lambda r: stage(r, p), train))
    show('held back', figures(lambda r: stage(r, p), test))
    if a.cv:
        out_of_fold = {}
        for k in range(a.cv):
            fitted = search([r for r in rows if fnv(r['repository']) % a.cv != k], a.restarts)
            for r in rows:
                if fnv(r['repository']) % a.cv == k:
                    out_of_fold[id(r)] = stage(r, fitted)
        show('%d-fold' % a.cv, figures(lambda r: out_of_fold[id(r)], rows))


if __name__ == '__main__':
    main()
