"""Benchmark: instructions a full reconcile executes (`reconciling.streaming.reconcile_to`), by callgrind, for
this checkout and others, on the same claims; the ratio to the first baseline.

    .venv/bin/python bench/reconcile_instructions.py 10k --kind synthetic --baseline /path/to/old/checkout
    .venv/bin/python bench/reconcile_instructions.py 3k --kind real --real out/claims.jsonl --baseline DIR

On a machine shared by several people CPU seconds move with the load by more than a change of a few percent;
instruction counts do not. Each checkout runs in its own process under `valgrind --tool=callgrind` with
counting switched on only around `reconcile_to` (the claims are made and parsed outside it, by the
generators of `bench/reconcile_scale.py`), with PYTHONHASHSEED=0. About fifty times slower than a plain
run: 10k synthetic claims take a few minutes. Needs valgrind. Not a test: figures only.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def count(code: Path, kind: str, n: int, real: Path | None) -> float:
    """Instructions (G) of `reconcile_to` on the claims, run with `code` first on the import path."""
    with tempfile.TemporaryDirectory(prefix="reconcile-instr-") as tmp:
        out = Path(tmp) / "cg.out"
        env = dict(os.environ, PYTHONHASHSEED="0", PYTHONPATH=os.pathsep.join([str(code), os.environ.get("PYTHONPATH", "")]))
        args = ["valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={out}",
                sys.executable, __file__, str(n), "--one", str(n), "--kind", kind] + (["--real", str(real)] if real else [])
        done = subprocess.run(args, cwd=code, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(done.stderr.strip().splitlines()[-1:] or f"exit {done.returncode}")
        for line in out.read_text().splitlines():
            if line.startswith("totals:"):
                return int(line.split()[1]) / 1e9
    raise SystemExit("callgrind wrote no totals")


def one(kind: str, n: int, real: Path | None) -> None:
    """Inside valgrind: make the claims, then reconcile them with counting on."""
    sys.path.insert(0, str(HERE))
    from reconcile_scale import rows_of

    from extractor.reconciling.claims import parse_claim, to_claim
    from extractor.reconciling.streaming import reconcile_to

    claims = [to_claim(parse_claim(row)) for row, _ in rows_of(kind, n, real)]  # type: ignore[arg-type]
    with tempfile.TemporaryDirectory(prefix="reconcile-instr-") as tmp:
        with (Path(tmp) / "events.jsonl").open("w", encoding="utf-8") as fh:
            subprocess.run(["callgrind_control", "-i", "on", str(os.getpid())], check=True, capture_output=True)
            reconcile_to(fh, claims, spill_dir=Path(tmp))
            subprocess.run(["callgrind_control", "-i", "off", str(os.getpid())], check=True, capture_output=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("size", help="claims, e.g. 10k")
    ap.add_argument("--kind", choices=("synthetic", "hot", "real", "undated"), default="synthetic")
    ap.add_argument("--real", type=Path, help="claims file (extract output) that `real` and `undated` copy")
    ap.add_argument("--baseline", type=Path, action="append", default=[], help="another checkout (repeatable)")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        one(args.kind, args.one, args.real)
        return
    sys.path.insert(0, str(HERE))
    from reconcile_scale import size

    n = size(args.size)
    found = {}
    for label, code in [("this", HERE.parent)] + [(f"baseline {k + 1}", p.resolve()) for k, p in enumerate(args.baseline)]:
        found[label] = count(code, args.kind, n, args.real)
        print(json.dumps({"code": str(code), "kind": args.kind, "claims": n, "G_instructions": round(found[label], 4)}),
              flush=True)
    if args.baseline:
        print(f"[{args.kind}] {n:,} claims, this / baseline 1: {found['this'] / found['baseline 1']:.3f} of the instructions")


if __name__ == "__main__":
    main()
