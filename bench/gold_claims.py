"""Perfect claims: gold records turned into reconciler input, to measure the reconciler on its own.

    .venv/bin/python bench/gold_claims.py GOLD ARTICLES --output CLAIMS
    .venv/bin/python -m extractor reconcile CLAIMS --output EVENTS --force
    python3 ../shared/eval/score.py --gold GOLD --pred CLAIMS --events EVENTS

Each gold record becomes one claim line: its fields without `event` and the annotator's
`evidence` note, plus `doc_id`, a `claim_id` (doc id and record number) and its article's
`published`, `outlet` and `url`. The scorer then matches every claim to its own gold record,
so the reconciliation figure is the reconciler's alone. Not a test: figures only.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

DROPPED = ("event", "evidence")
SOURCE_KEYS = ("published", "outlet", "url")


def gold_claims(gold: Path, articles: Path):
    meta = {}
    with articles.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                meta[row["id"]] = {k: row.get(k) for k in SOURCE_KEYS if row.get(k) is not None}
    with gold.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            doc = json.loads(line)
            for n, rec in enumerate(doc.get("records", ())):
                out = {k: v for k, v in rec.items() if k not in DROPPED}
                out.update(doc_id=doc["doc_id"], claim_id=f"{doc['doc_id']}:{n}", **meta.get(doc["doc_id"], {}))
                yield out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("articles", type=Path)
    ap.add_argument("--output", type=Path, required=True)
    args = ap.parse_args(argv)
    n = 0
    with args.output.open("w", encoding="utf-8") as fh:
        for claim in gold_claims(args.gold, args.articles):
            fh.write(json.dumps(claim, ensure_ascii=False, sort_keys=True) + "\n")
            n += 1
    sys.stderr.write(f"{n} claim(s) written to {args.output}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
