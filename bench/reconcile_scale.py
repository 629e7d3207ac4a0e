"""Benchmark: reconcile synthetic claims at several sizes; report time, peak memory and the growth ratio.

    .venv/bin/python bench/reconcile_scale.py                 # 10k and 100k claims
    .venv/bin/python bench/reconcile_scale.py 10k 100k 1M

Each size runs in a fresh subprocess so its peak resident memory (ru_maxrss) is its own.
Reconcile time is given as wall and CPU time (process_time); on a shared machine the CPU
time is the steadier of the two for the growth ratio.
Synthetic occasions get ~5 reports each from different articles, with the usual noise:
undated reports, publication-day dates, close but different figures, dropped figures; plus
agreements and running totals, over 12 years. A bigger corpus covers more pairs of sides
(one pair per PER_PAIR claims, at least 60), so the number of swaps per pair and week, a
fact of the world rather than of the corpus size, stays the same. The pairwise F1 of the result against the true occasions is
printed as a sanity check. Not a test: figures only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import random
import resource
import subprocess
import sys
import time
from collections import defaultdict

ACTORS = ["RUS", "UKR", "ISR", "PSE", "HAMAS", "USA", "BLR", "ARE", "TUR", "QAT", "SAU", "YEM", "HOUTHIS", "ARM",
          "AZE", "IRN", "VEN", "DEU", "POL", "SYR", "IRQ", "AFG", "PAK", "IND", "COL", "ETH", "SDN", "LBY", "MLI", "NGA"]
CATEGORIES = ["pows", "civilians", "bodies", "hostages", "prisoners"]
DAY0 = dt.date(2014, 1, 1).toordinal()
PER_PAIR = 1500  # claims per pair of sides: a bigger corpus covers more conflicts, not more swaps per week
DAYS = 12 * 365


def _count(n: int) -> dict:
    return {"value": n, "min": n, "max": n, "qualifier": "exact"}


def _date(day: int) -> dict:
    d = dt.date.fromordinal(day).isoformat()
    return {"start": d, "end": d, "precision": "day"}


def generate(n: int, *, seed: int = 7) -> tuple[list[dict], dict[str, int]]:
    """About `n` claim lines and claim id -> true occasion number (exchanges only)."""
    rng = random.Random(seed)
    actors = ACTORS + [f"X{k:04d}" for k in range(max(0, n // 3000 - len(ACTORS)))]
    pairs = [tuple(rng.sample(actors, 2)) for _ in range(max(60, n // PER_PAIR))]
    rows: list[dict] = []
    truth: dict[str, int] = {}
    doc = 0
    occasion = 0
    while len(rows) < n:
        occasion += 1
        kind = rng.random()
        a, b = rng.choice(pairs)
        day = DAY0 + rng.randrange(DAYS)
        if kind < 0.85:
            cat = rng.choice(CATEGORIES)
            status = "completed" if rng.random() < 0.8 else "planned"
            size = int(10 ** rng.uniform(0, 3.3))
            flows = [(a, b, cat, size)] + ([(b, a, cat, int(size * rng.uniform(0.5, 1.5)) or 1)] if rng.random() < 0.7 else [])
            for _ in range(max(1, int(rng.expovariate(1 / 5)))):
                doc += 1
                published = day + rng.randrange(0, 3)
                r = rng.random()
                date = None if r < 0.2 else _date(published) if r < 0.3 else _date(day)
                fl = []
                for f, t, c, v in flows:
                    q = rng.random()
                    count = None if q < 0.1 else _count(max(1, int(v * rng.uniform(0.95, 1.05)))) if q < 0.2 else _count(v)
                    fl.append({"from": f, "to": t, "category": c, "count": count})
                cid = f"d{doc:08d}#0"
                rows.append({"type": "exchange", "doc_id": f"d{doc:08d}", "claim_id": cid, "status": status,
                             "date": date, "flows": fl, "location": None, "mediators": [],
                             "published": dt.date.fromordinal(published).isoformat()})
                truth[cid] = occasion
        elif kind < 0.95:
            terms = [{"from": a, "to": b, "category": "pows", "count": _count(int(10 ** rng.uniform(1, 3)))}]
            for _ in range(rng.randrange(1, 5)):
                doc += 1
                rows.append({"type": "agreement", "doc_id": f"d{doc:08d}", "claim_id": f"d{doc:08d}#0",
                             "date": _date(day) if rng.random() < 0.6 else None, "parties": [a, b], "location": None,
                             "terms": terms})
        else:
            total = int(10 ** rng.uniform(2, 4))
            for _ in range(rng.randrange(1, 4)):
                doc += 1
                rows.append({"type": "tally", "doc_id": f"d{doc:08d}", "claim_id": f"d{doc:08d}#0",
                             "flow": {"from": a, "to": b, "category": "pows", "count": _count(total)},
                             "as_of": _date(day), "scope": "since the start of the war"})
    return rows[:n], truth


def pairwise_f1(events, truth: dict[str, int]) -> float:
    pred = 0
    tp = 0
    for ev in events:
        members = [c for c in ev.claims if c in truth]
        pred += len(members) * (len(members) - 1) // 2
        by = defaultdict(int)
        for c in members:
            by[truth[c]] += 1
        tp += sum(k * (k - 1) // 2 for k in by.values())
    sizes = defaultdict(int)
    for occ in truth.values():
        sizes[occ] += 1
    gold = sum(k * (k - 1) // 2 for k in sizes.values())
    p = tp / pred if pred else 1.0
    r = tp / gold if gold else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


def run_one(n: int) -> dict:
    from extractor.reconciling import reconcile
    from extractor.reconciling.claims import parse_claim, to_claim

    rows, truth = generate(n)
    t0 = time.perf_counter()
    claims = [to_claim(parse_claim(r)) for r in rows]  # type: ignore[arg-type]
    del rows
    parse_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t1 = time.perf_counter()
    c1 = time.process_time()
    result = reconcile(claims)
    t2 = time.perf_counter()
    c2 = time.process_time()
    f1 = pairwise_f1(result.events, truth)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"claims": n, "events": len(result.events), "parse_s": round(t1 - t0, 2),
            "reconcile_s": round(t2 - t1, 2), "reconcile_cpu_s": round(c2 - c1, 2), "peak_mb": round(peak_kb / 1024),
            "peak_after_parse_mb": round(parse_kb / 1024), "pairwise_f1": round(f1, 4)}


def size(text: str) -> int:
    t = text.strip().lower()
    mult = 1_000_000 if t.endswith("m") else 1000 if t.endswith("k") else 1
    return int(float(t.rstrip("mk")) * mult)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sizes", nargs="*", default=["10k", "100k"], help="claim counts, e.g. 10k 100k 1M")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one)))
        return
    results = {}
    for s in args.sizes:
        n = size(s)
        out = subprocess.run([sys.executable, __file__, "--one", str(n)], capture_output=True, text=True, check=False)
        if out.returncode != 0:
            print(f"{s}: failed\n{out.stderr}", file=sys.stderr)
            continue
        res = json.loads(out.stdout.strip().splitlines()[-1])
        results[n] = res
        print(f"{n:>9,} claims: {res['events']:>8,} events  parse {res['parse_s']:>7.2f}s  reconcile "
              f"{res['reconcile_s']:>7.2f}s wall, {res['reconcile_cpu_s']:>7.2f}s CPU  peak {res['peak_mb']:>6,} MB "
              f"({res['peak_after_parse_mb']:,} MB after generating and parsing)  "
              f"pairwise F1 {res['pairwise_f1']}", flush=True)
    for small, big in itertools.pairwise(sorted(results)):
        wall = results[big]["reconcile_s"] / max(results[small]["reconcile_s"], 1e-9)
        cpu = results[big]["reconcile_cpu_s"] / max(results[small]["reconcile_cpu_s"], 1e-9)
        print(f"time({big:,}) / time({small:,}) = {wall:.2f} wall, {cpu:.2f} CPU, for {big / small:g}x the claims")


if __name__ == "__main__":
    main()
