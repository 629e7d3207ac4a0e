"""The evaluation kit's scorer, ported (same metrics, same figures; a golden test pins them).

Exchange, agreement and tally records are matched one-to-one per article (same type, exchange
status, parties, a shared category, compatible dates; best flow overlap first); flows are scored
as tuples (category, from, to, value, min, max; exchange also status) of the flows that carry a
number; `reconciliation` scores the pairs of gold events the reconciler put in one event.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

from ..contract.articles import leading_day

TYPES = ("exchange", "agreement", "tally")
HEADLINE = ("exchange_flows.f1", "completed_flows.f1", "planned_flows.f1", "exchange_events.f1",
            "exchange_date_exact", "agreement_flows.f1", "tally_flows.f1")


def _actor(value: object) -> str | None:
    if value is None:
        return None
    return str(value).strip().upper() or None


def _interval(date: object) -> tuple[dt.date | None, dt.date | None] | None:
    if not isinstance(date, dict):
        return None
    start, end = leading_day(date.get("start")), leading_day(date.get("end"))
    if start is None and end is None:
        return None
    return start, end


def _count_key(count: object) -> tuple:
    if not isinstance(count, dict):
        return (None, None, None)

    def num(v: object) -> int | None:
        return int(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else None

    return (num(count.get("value")), num(count.get("min")), num(count.get("max")))


def _flow_key(flow: dict) -> tuple:
    return (str(flow.get("category", "")).lower(), _actor(flow.get("from")), _actor(flow.get("to")),
            *_count_key(flow.get("count")))


def _flows(record: Mapping) -> list[dict]:
    if record.get("type") == "tally":
        f = record.get("flow")
        return [f] if isinstance(f, dict) else []
    key = "terms" if record.get("type") == "agreement" else "flows"
    return [f for f in record.get(key) or [] if isinstance(f, dict)]


def _parties(record: Mapping) -> frozenset:
    found = {_actor(f.get(side)) for f in _flows(record) for side in ("from", "to")}
    found |= {_actor(p) for p in record.get("parties") or []}
    found.discard(None)
    return frozenset(found)


def _parties_agree(gold: frozenset, pred: frozenset) -> bool:
    """Gold naming no side accepts any; otherwise the two share at least two parties (or all of the smaller set)."""
    if not gold:
        return True
    return len(gold & pred) >= min(2, len(gold), len(pred)) > 0


def _categories(record: Mapping) -> set:
    return {str(f.get("category", "")).lower() for f in _flows(record)}


def _dates_compatible(gold: Mapping, pred: Mapping) -> bool:
    g = _interval(gold.get("date"))
    if g is None:
        return True
    p = _interval(pred.get("date"))
    if p is None:
        return False
    one = dt.timedelta(days=1)
    g_lo = (g[0] or dt.date.min + one) - one
    g_hi = (g[1] or dt.date.max - one) + one
    p_lo = p[0] or dt.date.min
    p_hi = p[1] or dt.date.max
    return p_lo <= g_hi and g_lo <= p_hi


def _counted(flow: dict) -> bool:
    return any(v is not None for v in _count_key(flow.get("count")))


def _tuples(records: Iterable[Mapping], with_status: bool) -> Counter:
    """Flow tuples of the flows that carry a number; uncounted flows count only at event level."""
    c: Counter = Counter()
    for r in records:
        for f in _flows(r):
            if _counted(f):
                c[((r.get("status"),) if with_status else ()) + _flow_key(f)] += 1
    return c


def _flow_overlap(gold: Mapping, pred: Mapping) -> int:
    return sum((_tuples([gold], False) & _tuples([pred], False)).values())


def _event_match(gold: Mapping, pred: Mapping) -> bool:
    if gold.get("type") != pred.get("type"):
        return False
    if gold.get("type") == "exchange" and gold.get("status") != pred.get("status"):
        return False
    if not _parties_agree(_parties(gold), _parties(pred)):
        return False
    if not _categories(gold) & _categories(pred):
        return False
    return _dates_compatible(gold, pred)


def match_records(gold: Sequence[Mapping], pred: Sequence[Mapping]) -> list[tuple[int, int]]:
    """One-to-one matching of event-compatible records, best flow overlap first."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if _event_match(g, p):
                pairs.append((-_flow_overlap(g, p), gi, pi))
    pairs.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return out


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    r = tp / n_gold if n_gold else (1.0 if not n_pred else 0.0)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "pred": n_pred, "gold": n_gold}


def score(gold_rows: Iterable[Mapping], pred_rows: Iterable[Mapping], event_rows: Iterable[Mapping] | None = None,
          *, show: int = 0) -> dict:
    """The kit's figures. `gold_rows`: `{"doc_id", "records"}` per article; `pred_rows`: extract output
    lines (other line types skipped; articles absent from the gold ignored); `event_rows`: reconcile output."""
    gold_by_doc: dict[str, list[dict]] = {}
    for row in gold_rows:
        gold_by_doc[row["doc_id"]] = [r for r in row.get("records", []) if r.get("type") in TYPES]
    pred_by_doc: dict[str, list[Mapping]] = defaultdict(list)
    unknown_docs = set()
    for row in pred_rows:
        if row.get("type") not in TYPES:
            continue
        doc = row.get("doc_id")
        if doc not in gold_by_doc:
            unknown_docs.add(doc)
            continue
        pred_by_doc[doc].append(row)  # type: ignore[index]

    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # tp, pred, gold
    date_exact = [0, 0]
    negatives = {"articles": 0, "articles_with_output": 0, "records": 0}
    claim_to_gold: dict[str, tuple] = {}
    errors = []
    for doc, gold in gold_by_doc.items():
        pred = pred_by_doc.get(doc, [])
        if not gold:
            negatives["articles"] += 1
            negatives["records"] += len(pred)
            negatives["articles_with_output"] += bool(pred)
        for kind in TYPES:
            g = [r for r in gold if r["type"] == kind]
            p = [r for r in pred if r["type"] == kind]
            matched = match_records(g, p)
            totals[f"{kind}_events"][0] += len(matched)
            totals[f"{kind}_events"][1] += len(p)
            totals[f"{kind}_events"][2] += len(g)
            gt, pt = _tuples(g, kind == "exchange"), _tuples(p, kind == "exchange")
            totals[f"{kind}_flows"][0] += sum((gt & pt).values())
            totals[f"{kind}_flows"][1] += sum(pt.values())
            totals[f"{kind}_flows"][2] += sum(gt.values())
            if kind == "exchange":
                for status in ("completed", "planned"):
                    gs = Counter({t: n for t, n in gt.items() if t[0] == status})
                    ps = Counter({t: n for t, n in pt.items() if t[0] == status})
                    totals[f"{status}_flows"][0] += sum((gs & ps).values())
                    totals[f"{status}_flows"][1] += sum(ps.values())
                    totals[f"{status}_flows"][2] += sum(gs.values())
                for gi, pi in matched:
                    if _interval(g[gi].get("date")) is not None:
                        date_exact[1] += 1
                        date_exact[0] += _interval(g[gi].get("date")) == _interval(p[pi].get("date"))
                    if g[gi].get("event") and p[pi].get("claim_id") is not None:
                        claim_to_gold[str(p[pi]["claim_id"])] = (doc, gi, g[gi]["event"])
            if len(errors) < show and (gt != pt or len(matched) != max(len(g), len(p))):
                errors.append({"doc_id": doc, "type": kind,
                               "missing": [list(t) for t in (gt - pt).elements()],
                               "spurious": [list(t) for t in (pt - gt).elements()],
                               "events_matched": len(matched), "gold_events": len(g), "pred_events": len(p)})

    result: dict = {name: _prf(*v) for name, v in sorted(totals.items())}
    result["exchange_date_exact"] = round(date_exact[0] / date_exact[1], 4) if date_exact[1] else None
    result["negatives"] = negatives
    result["articles"] = len(gold_by_doc)
    if unknown_docs:
        result["ignored_doc_ids"] = len(unknown_docs)
    if event_rows is not None:
        result["reconciliation"] = _score_clusters(claim_to_gold, event_rows)
    if show:
        result["errors"] = errors
    return result


def _score_clusters(claim_to_gold: Mapping[str, tuple], event_rows: Iterable[Mapping]) -> dict:
    matched = set(claim_to_gold.values())
    gold_pairs = set()
    by_event: dict[object, list] = defaultdict(list)
    for doc, gi, key in matched:
        by_event[key].append((doc, gi))
    for members in by_event.values():
        gold_pairs |= {frozenset(p) for p in itertools.combinations(sorted(members), 2)}
    pred_pairs = set()
    seen: dict[tuple, int] = {}
    for row in event_rows:
        if row.get("type") != "event":
            continue
        members = sorted({claim_to_gold[str(c)][:2] for c in row.get("claims", []) if str(c) in claim_to_gold})
        for m in members:
            seen[m] = seen.get(m, 0) + 1
        pred_pairs |= {frozenset(p) for p in itertools.combinations(members, 2)}
    out = _prf(len(gold_pairs & pred_pairs), len(pred_pairs), len(gold_pairs))
    out["claims_in_several_events"] = sum(1 for n in seen.values() if n > 1)
    out["matched_claims"] = len(matched)
    return out


def lookup(result: Mapping, name: str) -> object:
    """A figure by dotted name: 'exchange_flows.f1', 'negatives.articles_with_output'."""
    node: object = result
    for part in name.split("."):
        node = node.get(part) if isinstance(node, Mapping) else None
    return node


def headline(result: Mapping) -> str:
    """The one-line summary the kit prints after the JSON."""
    names = list(HEADLINE) + (["reconciliation.f1"] if "reconciliation" in result else [])
    text = " ".join(f"{name}={lookup(result, name)}" for name in names)
    neg = result["negatives"]
    return text + f" negatives={neg['articles_with_output']}/{neg['articles']}"
