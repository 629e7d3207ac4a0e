"""Issue 14 row 5: paths that were super-linear in the text length, timed at n and 2n.

A linear path gives a ratio of about 2; the old paths gave 4 to 10 at these sizes. Timings are the
best of several runs on texts of their own (the tokenizer caches what it has seen). This is a
benchmark, not a test: the ratios are printed, and `--max-ratio` turns them into an exit code.

    python bench/linear_paths.py [--runs 5] [--max-ratio 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from slow_inputs import SLOW_INPUTS  # noqa: E402  (the inputs live beside the test that runs them)


def best_time(work: Callable[[str], object], make: Callable[[int, str], str], n: int, *, runs: int) -> float:
    times = []
    for k in range(runs):
        text = make(n, f"{n}x{k}")
        started = time.perf_counter()
        work(text)
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--max-ratio", type=float, default=3.0)
    args = parser.parse_args()
    worst = 0.0
    for case, (work, make, n) in SLOW_INPUTS.items():
        work(make(n // 4, "warm"))
        small = best_time(work, make, n, runs=args.runs)
        large = best_time(work, make, 2 * n, runs=args.runs)
        ratio = large / max(small, 1e-6)
        worst = max(worst, ratio)
        sys.stdout.write(f"{case:45s} n={n:6d} {small * 1000:8.2f} ms  2n {large * 1000:8.2f} ms  ratio {ratio:.2f}\n")
    sys.stdout.write(f"worst ratio {worst:.2f} (linear ~2, limit {args.max_ratio})\n")
    return 0 if worst < args.max_ratio else 1


if __name__ == "__main__":
    raise SystemExit(main())
