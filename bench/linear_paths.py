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

import spacy

from extractor.recognising import tokenizer as _tokenizer  # noqa: F401  (registers the tokenizer)
from extractor.recognising.numbers import find_quantities
from extractor.recognising.temporal import find_dates

_NLP: dict[str, object] = {}


def _make_doc(text: str):
    if "nlp" not in _NLP:
        _NLP["nlp"] = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "extractor.tokenizer.v1"}}})
    return _NLP["nlp"].make_doc(text)  # type: ignore[attr-defined]


DOUBLING: dict[str, tuple[Callable[[str], object], Callable[[int, str], str], int]] = {
    "number words (was cubic)": (find_quantities, lambda n, s: f"Officials {s} counted " + "twenty " * n, 400),
    "weekday lists (was quadratic)": (find_dates, lambda n, s: f"Talks {s} on " + "Monday, Tuesday, " * n, 1000),
    "punctuation run, no spaces (was quadratic)": (_make_doc, lambda n, s: f"Talks. {s}" + "!?" * n, 6000),
    "emoji run, no spaces (was quadratic)": (_make_doc, lambda n, s: f"Talks. {s}" + "\U0001F600" * n, 12000),
    "runs of 190 punctuation marks": (_make_doc, lambda n, s: " ".join(f"{s}{i}" + "!?.," * 47 for i in range(n)), 15),
}


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
    for case, (work, make, n) in DOUBLING.items():
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
