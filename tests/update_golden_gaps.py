"""Regenerate tests/golden_gaps.json from the current output on corpus/examples.

    .venv/bin/python tests/update_golden_gaps.py [--margin 0.02] [--check]

Every article whose scored tuples differ from gold gets an entry doc_id -> reason (a short
summary of the missing and spurious tuples); "flow_f1" is the current exchange flow F1 over the
corpus and "floor" that figure minus the margin, the level test_golden_corpus.py holds it to.
With --check nothing is written; the exit status is 1 when the file is out of date.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from conftest import read_articles, read_gold  # noqa: E402
from golden_tuples import FLOOR_MARGIN, GAPS_FILE, diff_summary, flow_f1, scored_tuples  # noqa: E402

from extractor.pipeline import Extractor  # noqa: E402


def current_gaps(*, margin: float = FLOOR_MARGIN) -> dict:
    extractor = Extractor.load(None)
    gold = read_gold()
    pairs = []
    gaps = {}
    for article in read_articles():
        records = extractor.extract(article)
        expected = gold.get(article.id, [])
        pairs.append((expected, records))
        g, p = scored_tuples(expected), scored_tuples(records)
        if g != p:
            gaps[article.id] = diff_summary(g, p)
    f1 = flow_f1(pairs)
    return {"flow_f1": round(f1, 4), "floor": round(max(0.0, f1 - margin), 4), "gaps": dict(sorted(gaps.items()))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--margin", type=float, default=FLOOR_MARGIN, help="floor = current flow F1 minus this")
    parser.add_argument("--check", action="store_true", help="compare with the file instead of writing it")
    args = parser.parse_args(argv)
    data = current_gaps(margin=args.margin)
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if args.check:
        same = GAPS_FILE.exists() and GAPS_FILE.read_text(encoding="utf-8") == text
        print("golden_gaps.json is up to date" if same else "golden_gaps.json is out of date")
        return 0 if same else 1
    GAPS_FILE.write_text(text, encoding="utf-8")
    print(f"{GAPS_FILE}: {len(data['gaps'])} gap(s), flow F1 {data['flow_f1']}, floor {data['floor']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
