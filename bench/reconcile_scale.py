"""Benchmark: reconcile claims at several sizes; time, peak memory, and ratios against another checkout.

    .venv/bin/python bench/reconcile_scale.py                          # synthetic, 10k and 100k claims
    .venv/bin/python bench/reconcile_scale.py 100k 1M --kind synthetic hot real undated \\
        --real out/claims.jsonl --baseline /path/to/old/checkout --repeat 3

Kinds of claims (`--kind`, several allowed):
- `synthetic`: invented occasions, ~5 reports each from different articles, with the usual noise
  (undated reports, publication-day dates, close but different figures, dropped figures), plus
  agreements and running totals, over 12 years; a bigger corpus covers more pairs of sides (one pair
  per PER_PAIR claims), so the number of swaps per pair and week stays the same. Its pairwise F1
  against the invented occasions is printed as a sanity check.
- `hot`: the same with HOT_SHARE of the occasions between one pair of sides (one very common dyad).
- `real`: copies of real extractor output (`--real CLAIMS.jsonl`, e.g. `extractor extract` on a set of
  articles) under new article and claim ids, each copy's dates and publication dates moved by a
  whole number of weeks (copy k by k weeks), so real parties, counts, categories and date shapes
  recur at the density of a large archive. Evidence and sentences are dropped.
- `undated`: the `real` copies with neither an event date nor a publication date.

Each size runs in a fresh subprocess (peak resident memory, ru_maxrss, is its own): claims are made
one by one and parsed to the reconciler's compact form (`parse_s`), then reconciled (`reconcile_s`,
wall and CPU): by `reconciling.streaming.reconcile_to` (events written to a spill file, in event-id
order) where the code has it, else by `reconcile()` (all events in memory). `--baseline DIR` runs
the same sizes with DIR (another checkout) first on the import path, in the same run, and prints
the ratios. `--repeat N` gives medians of N runs. `--timeout S` stops a run after S seconds (printed
as stopped, with the memory it had reached). `--stream`: claims are made one by one while reconciling
(for sizes whose claims do not fit in memory at once). `--store-update SIZE` times adding 1,000 claims to a
store of SIZE synthetic claims: re-reconciling only the blocks they touch, and every block (`--no-rebuild`:
only the former), each in a fresh process on a copy of the store, and checks that they leave the same
events; with `--keep-store PATH` the store is built there once and reused by later runs (a 1M store takes
about an hour to build on a loaded machine), with `--baseline DIR` the same update runs on DIR's code too,
alternating, `--repeat` times each.
Not a test: figures only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

ACTORS = ["RUS", "UKR", "ISR", "PSE", "HAMAS", "USA", "BLR", "ARE", "TUR", "QAT", "SAU", "YEM", "HOUTHIS", "ARM",
          "AZE", "IRN", "VEN", "DEU", "POL", "SYR", "IRQ", "AFG", "PAK", "IND", "COL", "ETH", "SDN", "LBY", "MLI", "NGA"]
CATEGORIES = ["pows", "civilians", "bodies", "hostages", "prisoners"]
DAY0 = dt.date(2014, 1, 1).toordinal()
PER_PAIR = 1500  # claims per pair of sides: a bigger corpus covers more conflicts, not more swaps per week
DAYS = 12 * 365
HOT_SHARE = 0.3
KINDS = ("synthetic", "hot", "real", "undated")


def _count(n: int) -> dict:
    return {"value": n, "min": n, "max": n, "qualifier": "exact"}


def _date(day: int) -> dict:
    d = dt.date.fromordinal(day).isoformat()
    return {"start": d, "end": d, "precision": "day"}


def synthetic(n: int, *, seed: int = 7, hot: float = 0.0) -> Iterator[tuple[dict, int | None]]:
    """`n` claim lines, each with its true occasion number (exchanges only, else None)."""
    for k, item in enumerate(_synthetic(seed=seed, hot=hot, at_least=n)):
        if k >= n:
            return
        yield item


def _synthetic(*, seed: int, hot: float, at_least: int) -> Iterator[tuple[dict, int | None]]:
    n = at_least
    rng = random.Random(seed)
    actors = ACTORS + [f"X{k:04d}" for k in range(max(0, n // 3000 - len(ACTORS)))]
    pairs = [tuple(rng.sample(actors, 2)) for _ in range(max(60, n // PER_PAIR))]
    made = 0
    doc = 0
    occasion = 0
    while made < n:
        occasion += 1
        kind = rng.random()
        a, b = ("RUS", "UKR") if hot and rng.random() < hot else rng.choice(pairs)
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
                yield ({"type": "exchange", "doc_id": f"d{doc:08d}", "claim_id": f"d{doc:08d}#0", "status": status,
                        "date": date, "flows": fl, "location": None, "mediators": [],
                        "published": dt.date.fromordinal(published).isoformat()}, occasion)
                made += 1
        elif kind < 0.95:
            terms = [{"from": a, "to": b, "category": "pows", "count": _count(int(10 ** rng.uniform(1, 3)))}]
            for _ in range(rng.randrange(1, 5)):
                doc += 1
                yield ({"type": "agreement", "doc_id": f"d{doc:08d}", "claim_id": f"d{doc:08d}#0",
                        "date": _date(day) if rng.random() < 0.6 else None, "parties": [a, b], "location": None,
                        "terms": terms}, None)
                made += 1
        else:
            total = int(10 ** rng.uniform(2, 4))
            for _ in range(rng.randrange(1, 4)):
                doc += 1
                yield ({"type": "tally", "doc_id": f"d{doc:08d}", "claim_id": f"d{doc:08d}#0",
                        "flow": {"from": a, "to": b, "category": "pows", "count": _count(total)},
                        "as_of": _date(day), "scope": "since the start of the war"}, None)
                made += 1


def _moved(value: str | None, days: int) -> str | None:
    if not value:
        return value
    try:
        return (dt.date.fromisoformat(value[:10]) + dt.timedelta(days=days)).isoformat()
    except ValueError:  # a partial publication date ("2022-04"): kept as it is
        return value


def real_copies(n: int, path: Path, *, undated: bool = False) -> Iterator[tuple[dict, None]]:
    """`n` claim lines copied from the claims in `path`: copy k under new ids, dates moved by k weeks."""
    base = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row.get("type") in ("exchange", "agreement", "tally"):
            for key in ("evidence", "sentences", "rules", "confidence", "run_id", "url", "outlet"):
                row.pop(key, None)
            base.append(row)
    made = 0
    k = 0
    while True:
        k += 1
        shift = 7 * k
        for row in base:
            if made >= n:
                return
            new = dict(row, doc_id=f"k{k}-{row['doc_id']}", claim_id=f"k{k}-{row['claim_id']}")
            if "agreement" in new:
                new["agreement"] = f"k{k}-{new['agreement']}"
            for field in ("date", "as_of"):
                if new.get(field):
                    new[field] = None if undated else dict(new[field], start=_moved(new[field].get("start"), shift),
                                                           end=_moved(new[field].get("end"), shift))
            new["published"] = None if undated else _moved(new.get("published"), shift)
            yield new, None
            made += 1


def pairwise_f1(groups: Iterator[list[str]], truth: dict[str, int]) -> float:
    pred = 0
    tp = 0
    for claims in groups:
        members = [c for c in claims if c in truth]
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


def rows_of(kind: str, n: int, real: Path | None) -> Iterator[tuple[dict, int | None]]:
    if kind in ("synthetic", "hot"):
        return synthetic(n, hot=HOT_SHARE if kind == "hot" else 0.0)
    if real is None:
        raise SystemExit(f"--kind {kind} needs --real CLAIMS.jsonl")
    return real_copies(n, real, undated=kind == "undated")


def run_one(kind: str, n: int, real: Path | None, progress_file: Path | None = None, stream: bool = False,
            workers: int = 1) -> dict:
    from extractor.reconciling.claims import parse_claim, to_claim

    try:
        from extractor.reconciling.streaming import reconcile_to
    except ImportError:
        reconcile_to = None
    truth: dict[str, int] = {}
    keep_truth = kind == "synthetic" and n <= 1_000_000
    t0 = time.perf_counter()

    def made():
        for row, occasion in rows_of(kind, n, real):
            yield to_claim(parse_claim(row))  # type: ignore[arg-type]
            if keep_truth and occasion is not None:
                truth[row["claim_id"]] = occasion

    claims = made() if stream else list(made())
    parse_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t1 = time.perf_counter()
    c1 = time.process_time()
    last = [0.0]
    worker_peak = [0]

    def report(done: int, total: int) -> None:
        now = time.perf_counter()
        if workers > 1 and (now - last[0] > 5 or done == total):  # a read costs about 1 ms per GB mapped
            import multiprocessing

            pss = sum(_pss_of(child.pid) for child in multiprocessing.active_children())
            worker_peak[0] = max(worker_peak[0], pss)
        if progress_file is not None and (now - last[0] > 5 or done == total):
            last[0] = now
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
            with progress_file.open("a", encoding="utf-8") as fh:
                fh.write(json.dumps({"claims_done": done, "claims": total, "reconcile_s": round(now - t1, 1),
                                     "cpu_s": round(time.process_time() - c1, 1), "peak_mb": rss}) + "\n")

    with tempfile.TemporaryDirectory(prefix="reconcile-scale-") as tmp:
        out = Path(tmp) / "events.jsonl"
        if reconcile_to is not None:
            engine = "local"
            if workers > 1:
                from extractor.reconciling.engines import block_engine

                try:
                    engine = block_engine("local", workers=workers)
                except TypeError:  # a checkout without worker processes: one process
                    workers = 1
            with out.open("w", encoding="utf-8") as fh:
                events, _ = reconcile_to(fh, claims, spill_dir=Path(tmp), progress=report, engine=engine)
            del claims
            t2, c2 = time.perf_counter(), time.process_time() + _children_cpu()
            groups = (json.loads(line)["claims"] for line in out.open(encoding="utf-8"))
            f1 = pairwise_f1(groups, truth) if truth else None
        else:
            from extractor.reconciling import reconcile

            result = reconcile(claims)
            t2, c2 = time.perf_counter(), time.process_time()
            events = len(result.events)
            f1 = pairwise_f1((list(e.claims) for e in result.events), truth) if truth else None
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"workers": workers, "worker_peak_mb": worker_peak[0] if workers > 1 else None, "claims": n,
            "events": events, "parse_s": round(t1 - t0, 2), "reconcile_s": round(t2 - t1, 2),
            "reconcile_cpu_s": round(c2 - c1, 2), "peak_mb": round(peak_kb / 1024),
            "peak_after_parse_mb": round(parse_kb / 1024), "pairwise_f1": None if f1 is None else round(f1, 4),
            "streaming": reconcile_to is not None, "claims_made_while_reconciling": stream}


def _children_cpu() -> float:
    """CPU seconds of the worker processes that have ended (`--workers`)."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def store_rows(n: int, added: int) -> tuple[list[dict], list[dict]]:
    """The claim lines of a store of `n` synthetic claims and the `added` more an update brings: the
    generator's first `n + added` lines, shuffled (`random.Random(3)`)."""
    rows = [row for row, _ in synthetic(n + added)]
    random.Random(3).shuffle(rows)
    return rows[:n], rows[n:]


def build_store(path: Path, n: int, added: int) -> dict:
    """A store of `n` synthetic claims at `path`, and the `added` claim lines of the update beside it
    (`path` + ".extra.jsonl"), timed."""
    from extractor.reconciling.claims import parse_claim
    from extractor.storing import EventStore

    base, extra = store_rows(n, added)
    _extra_path(path).write_text("".join(json.dumps(r) + "\n" for r in extra), encoding="utf-8")
    del extra
    t0, c0 = time.perf_counter(), time.process_time()
    with EventStore(path) as st:
        st.update(parse_claim(r) for r in base)
    return {"claims": n, "build_s": round(time.perf_counter() - t0, 2), "build_cpu_s": round(time.process_time() - c0, 2),
            "build_peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def _extra_path(path: Path) -> Path:
    return path.with_name(path.name + ".extra.jsonl")


def update_once(path: Path, *, incremental: bool = True) -> dict:
    """`EventStore.update` with the claim lines kept beside the store at `path` (`build_store`), on the
    store itself (the caller passes a copy), timed; with a hash of the events it leaves."""
    import hashlib

    from extractor.reconciling.claims import parse_claim
    from extractor.storing import EventStore

    extra = [json.loads(line) for line in _extra_path(path).read_text(encoding="utf-8").splitlines()]
    t0, c0 = time.perf_counter(), time.process_time()
    with EventStore(path) as st:
        changes = st.update([parse_claim(r) for r in extra], incremental=incremental)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    digest = hashlib.sha256()
    with EventStore(path) as st:
        for body in st.event_bodies():
            digest.update(body.encode("utf-8") + b"\n")
    return {"update_s": round(wall, 2), "update_cpu_s": round(cpu, 2), "blocks": [changes.blocks_rebuilt, changes.blocks_kept],
            "reclustered": getattr(changes, "claims_reclustered", None), "events": digest.hexdigest()[:16],
            "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def store_update(n: int, added: int, *, rebuild: bool = True, keep: Path | None = None,
                 baseline: Path | None = None, baseline_store: Path | None = None, repeat: int = 1) -> dict:
    """A store of `n` synthetic claims, then `added` more: the update re-reconciling only the blocks they
    touch, and (`rebuild`) the same update re-reconciling every block, each on a copy of the store, timed.
    `keep`: the store is built there once (with the update's claim lines beside it) and reused by later runs
    of the same `n`, so an update is timed without building a large store again. `baseline`: another
    checkout times the same update on another copy of the same store, in the same run (runs alternate,
    `repeat` of each; medians and ratios printed); on a copy of `baseline_store` instead where given (built
    there by the baseline's code when missing: a store of another schema version than this code's)."""
    import shutil

    out: dict = {"claims": n, "added": added}
    with tempfile.TemporaryDirectory(prefix="reconcile-scale-") as tmp:
        path = keep if keep is not None else Path(tmp) / "store.db"
        if not path.exists():
            out.update(_run_child(["--build-store", str(path), "--claims", str(n), "--added", str(added)], None))
        elif len(_extra_path(path).read_text(encoding="utf-8").splitlines()) != added:
            raise SystemExit(f"{path} was kept for another update: remove it or give another --keep-store")
        if baseline_store is not None and not baseline_store.exists():
            out["baseline_build"] = _run_child(["--build-store", str(baseline_store), "--claims", str(n),
                                                "--added", str(added)], baseline)
        plans = [("update", None, True, path)] + ([("full", None, False, path)] if rebuild else [])
        plans += [("baseline_update", baseline, True, baseline_store or path)] if baseline is not None else []
        for _ in range(repeat):
            for label, code, incremental, source in plans:
                copy = Path(tmp) / "copy.db"
                shutil.copy(source, copy)
                args = ["--update-store", str(copy)] + ([] if incremental else ["--no-incremental"])
                shutil.copy(_extra_path(source), _extra_path(copy))
                out.setdefault(label, []).append(_run_child(args, code))
                for leftover in (copy, _extra_path(copy), copy.with_name(copy.name + "-wal"),
                                 copy.with_name(copy.name + "-shm")):
                    leftover.unlink(missing_ok=True)
    runs = [out[label] for label, *_ in plans]
    for label, *_ in plans:
        out[label + "_median_cpu_s"] = statistics.median(r["update_cpu_s"] for r in out[label])
    out["identical"] = len({r["events"] for rs in runs for r in rs}) == 1
    if baseline is not None:
        out["cpu_ratio_to_baseline"] = round(out["update_median_cpu_s"] / out["baseline_update_median_cpu_s"], 3)
    return out


def _run_child(args: list[str], code: Path | None) -> dict:
    """One step of `store_update` in a fresh process (its own peak memory; `code`: another checkout first
    on the import path)."""
    env = dict(os.environ)
    if code is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(code), env.get("PYTHONPATH", "")])
    done = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, env=env)
    if done.returncode != 0:
        raise SystemExit(done.stderr.strip() or f"exit {done.returncode}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def size(text: str) -> int:
    t = text.strip().lower()
    mult = 1_000_000 if t.endswith("m") else 1000 if t.endswith("k") else 1
    return int(float(t.rstrip("mk")) * mult)


def _proc_mb(path: str, field: str) -> int:
    """A memory figure (MB) of a running process, from its `field:` line in /proc file `path`; 0 when
    the process has ended."""
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) // 1024
    except OSError:
        pass
    return 0


def _pss_of(pid: int) -> int:
    """The proportional set size of a process (MB): its own pages, and its share of the pages a forked
    worker shares with the driver."""
    return _proc_mb(f"/proc/{pid}/smaps_rollup", "Pss")


def _peak_of(pid: int) -> int:
    """The resident memory of a running process (MB), read while it runs (for a stopped run)."""
    return _proc_mb(f"/proc/{pid}/status", "VmHWM")


def _spawn(kind: str, n: int, real: Path | None, code: Path | None, timeout: float | None, stream: bool = False,
           workers: int = 1) -> dict:
    env = dict(os.environ)
    if code is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(code), env.get("PYTHONPATH", "")])
    progress = Path(tempfile.mkstemp(prefix="reconcile-scale-", suffix=".progress")[1])
    args = [sys.executable, __file__, "--one", str(n), "--kind", kind, "--progress", str(progress)]
    args += ["--real", str(real)] if real else []
    args += ["--stream"] if stream else []
    args += ["--workers", str(workers)] if workers > 1 else []
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    started = time.perf_counter()
    peak = 0
    while proc.poll() is None:
        peak = max(peak, _peak_of(proc.pid))
        if timeout is not None and time.perf_counter() - started > timeout:
            proc.kill()
            proc.wait()
            lines = progress.read_text().splitlines()
            progress.unlink()
            return {"stopped": True, "after_s": round(time.perf_counter() - started), "peak_mb": peak,
                    "progress": json.loads(lines[-1]) if lines else None}
        time.sleep(0.5)
    out, err = proc.communicate()
    progress.unlink()
    if proc.returncode != 0:
        return {"failed": err.strip().splitlines()[-1:] if err.strip() else [f"exit {proc.returncode}"]}
    return json.loads(out.strip().splitlines()[-1])


def _median(runs: list[dict], key: str) -> float | None:
    values = [r[key] for r in runs if r.get(key) is not None]
    return statistics.median(values) if values else None


def _line(label: str, n: int, runs: list[dict]) -> str:
    ok = [r for r in runs if "events" in r]
    if not ok:
        r = runs[0]
        if r.get("stopped"):
            return (f"{label:>9} {n:>11,} claims: stopped after {r['after_s']} s at {r['peak_mb']:,} MB; "
                    f"last progress: {r['progress']}")
        return f"{label:>9} {n:>11,} claims: failed {r.get('failed')}"
    f1 = _median(ok, "pairwise_f1")
    return (f"{label:>9} {n:>11,} claims: {int(_median(ok, 'events')):>9,} events  parse {_median(ok, 'parse_s'):>7.2f}s  "
            f"reconcile {_median(ok, 'reconcile_s'):>8.2f}s wall {_median(ok, 'reconcile_cpu_s'):>8.2f}s CPU  "
            f"peak {int(_median(ok, 'peak_mb')):>6,} MB ({int(_median(ok, 'peak_after_parse_mb')):,} after parsing)"
            + (f", its {ok[0]['workers']} workers together {int(_median(ok, 'worker_peak_mb')):,} MB (PSS)"
               if ok[0].get("worker_peak_mb") else "")
            + (f"  pairwise F1 {f1}" if f1 is not None else "") + (f"  [median of {len(ok)}]" if len(ok) > 1 else ""))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sizes", nargs="*", default=["10k", "100k"], help="claim counts, e.g. 10k 100k 1M")
    ap.add_argument("--kind", nargs="+", choices=KINDS, default=["synthetic"])
    ap.add_argument("--real", type=Path, help="claims file (extract output) that `real` and `undated` copy")
    ap.add_argument("--baseline", type=Path, help="another checkout to measure in the same run")
    ap.add_argument("--baseline-max", type=size, help="largest size run on the baseline (it may not fit in memory)")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--timeout", type=float, help="stop a run after this many seconds")
    ap.add_argument("--workers", type=int, default=1,
                    help="processes that cluster blocks (CPU time and peak memory then include theirs)")
    ap.add_argument("--store-update", type=size, metavar="SIZE",
                    help="time adding 1,000 claims to a store of SIZE synthetic claims, incrementally and in full")
    ap.add_argument("--no-rebuild", action="store_true", help="with --store-update: skip the full rebuild")
    ap.add_argument("--keep-store", type=Path, metavar="PATH",
                    help="with --store-update: build the store at PATH once and reuse it in later runs")
    ap.add_argument("--baseline-store", type=Path, metavar="PATH",
                    help="with --store-update and --baseline: the baseline updates a copy of this store (built there "
                         "by the baseline's code when missing), for a baseline of another store schema")
    ap.add_argument("--build-store", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--update-store", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--no-incremental", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--claims", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--added", type=int, default=1000, help=argparse.SUPPRESS)
    ap.add_argument("--stream", action="store_true",
                    help="make the claims one by one while reconciling, never all in memory (parse time is then "
                         "part of the reconcile time)")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--progress", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.build_store:
        print(json.dumps(build_store(args.build_store, args.claims, args.added)))
        return
    if args.update_store:
        print(json.dumps(update_once(args.update_store, incremental=not args.no_incremental)))
        return
    if args.store_update:
        print(json.dumps(store_update(args.store_update, 1000, rebuild=not args.no_rebuild, keep=args.keep_store,
                                      baseline=args.baseline, baseline_store=args.baseline_store, repeat=args.repeat)))
        return
    if args.one:
        print(json.dumps(run_one(args.kind[0], args.one, args.real, args.progress, args.stream, args.workers)))
        return
    for kind in args.kind:
        for s in args.sizes:
            n = size(s)
            codes = [("this", None)]
            if args.baseline and (args.baseline_max is None or n <= args.baseline_max):
                codes.append(("baseline", args.baseline))
            medians = {}
            for label, code in codes:
                runs = [_spawn(kind, n, args.real, code, args.timeout, args.stream, args.workers)
                        for _ in range(args.repeat)]
                print(f"[{kind}] " + _line(label, n, runs), flush=True)
                ok = [r for r in runs if "events" in r]
                if ok:
                    medians[label] = (_median(ok, "reconcile_s"), _median(ok, "reconcile_cpu_s"), _median(ok, "peak_mb"))
            if len(medians) == 2:
                (w, c, m), (bw, bc, bm) = medians["this"], medians["baseline"]
                print(f"[{kind}] {n:,} claims, this / baseline: time {w / bw:.2f} wall, {c / bc:.2f} CPU; "
                      f"peak memory {m / bm:.2f}", flush=True)


if __name__ == "__main__":
    main()
