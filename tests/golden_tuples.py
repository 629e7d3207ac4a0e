"""The scored tuples of the evaluation contract, as the evaluation kit's scorer defines them.

A copy of the small tuple logic (not the scorer itself, which is not shipped): exchange flow
tuples (status, category, from, to, value, min, max) for flows with a count, agreement term
tuples (category, from, to, value, min, max) and tally tuples of the same shape. Actor ids are
compared without regard to case. Each tuple is prefixed with its record kind so that one
multiset per article holds all three.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

KINDS = ("exchange", "agreement", "tally")
GAPS_FILE = Path(__file__).with_name("golden_gaps.json")
FLOOR_MARGIN = 0.02


def _actor(value) -> str | None:
    if value is None:
        return None
    return str(value).strip().upper() or None


def _count_key(count) -> tuple:
    if not isinstance(count, dict):
        return (None, None, None)

    def num(v):
        return int(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else None

    return (num(count.get("value")), num(count.get("min")), num(count.get("max")))


def _flow_key(flow: dict) -> tuple:
    return (str(flow.get("category", "")).lower(), _actor(flow.get("from")), _actor(flow.get("to")),
            *_count_key(flow.get("count")))


def _flows(record: dict) -> list[dict]:
    if record.get("type") == "tally":
        flow = record.get("flow")
        return [flow] if isinstance(flow, dict) else []
    key = "terms" if record.get("type") == "agreement" else "flows"
    return [f for f in record.get(key) or [] if isinstance(f, dict)]


def _counted(flow: dict) -> bool:
    return any(v is not None for v in _count_key(flow.get("count")))


def record_dict(record) -> dict:
    """A record model (or an already dumped dict) as the JSON object written to the output."""
    if isinstance(record, dict):
        return record
    return record.model_dump(mode="json", by_alias=True)


def scored_tuples(records) -> Counter:
    """The multiset of scored tuples of one article's records: (kind, [status,] flow key...)."""
    found: Counter = Counter()
    for record in map(record_dict, records):
        kind = record.get("type")
        if kind not in KINDS:
            continue
        status = (record.get("status"),) if kind == "exchange" else ()
        for flow in _flows(record):
            if _counted(flow):
                found[(kind, *status, *_flow_key(flow))] += 1
    return found


def flow_f1(pairs) -> float:
    """Micro F1 of the exchange flow tuples (the headline figure) over (gold, predicted) pairs."""
    tp = n_pred = n_gold = 0
    for gold, pred in pairs:
        g = Counter({t: n for t, n in scored_tuples(gold).items() if t[0] == "exchange"})
        p = Counter({t: n for t, n in scored_tuples(pred).items() if t[0] == "exchange"})
        tp += sum((g & p).values())
        n_pred += sum(p.values())
        n_gold += sum(g.values())
    precision = tp / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    recall = tp / n_gold if n_gold else (1.0 if not n_pred else 0.0)
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _show(t: tuple) -> str:
    return "/".join("-" if v is None else str(v) for v in t)


def diff_summary(gold: Counter, pred: Counter, *, limit: int = 3) -> str:
    """A short reason: how many tuples are missing and spurious, with the first few of each."""
    missing = sorted((gold - pred).elements(), key=repr)
    spurious = sorted((pred - gold).elements(), key=repr)
    parts = []
    for name, items in (("missing", missing), ("spurious", spurious)):
        if items:
            shown = "; ".join(_show(t) for t in items[:limit])
            more = f"; +{len(items) - limit} more" if len(items) > limit else ""
            parts.append(f"{len(items)} {name}: {shown}{more}")
    return " | ".join(parts)


def load_gaps(path: Path = GAPS_FILE) -> dict:
    """{"flow_f1": float, "floor": float, "gaps": {doc_id: reason}}; empty defaults without the file."""
    if not path.exists():
        return {"flow_f1": None, "floor": 0.0, "gaps": {}}
    return json.loads(path.read_text(encoding="utf-8"))
