"""The report's data: one plain dict per event card, written into the page as JSON.

Everything a card shows is worked out here (figures as text, merge reasons in words, the
sentences drawn with their spans), so the page's script only filters, draws charts and records
review actions. Same input, same JSON, byte for byte.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from ..contract.events import EventFlow, EventRecord, MergeReason
from .evidence import EvidenceRenderer, display_label

_WEIGHT = re.compile(r"\s*\([+-]?\d+(?:\.\d+)?\)\s*$")
_STAGES = {"pairwise": "", "anchored": " (through the other reports of its article)",
           "linked": " (through a chain of reports)"}
CONFLICT_WORDS = {"count": "figures differ", "date": "dates differ", "status": "planned and completed reports",
                  "location": "places differ", "tally_decrease": "running total went down",
                  "tally_exceeded": "events add up beyond the running total"}


def count_range(count: Mapping | None) -> tuple[int | None, int | None, int | None]:
    """(best, low, high) of a count: the value, else the middle of its bounds."""
    if not count:
        return None, None, None
    value, lo, hi = count.get("value"), count.get("min"), count.get("max")
    lo = lo if lo is not None else value
    hi = hi if hi is not None else value
    if value is None:
        value = (lo + hi) // 2 if lo is not None and hi is not None else lo if lo is not None else hi
    # an open bound ('over 100') is not known past the figure itself
    return value, lo if lo is not None else value, hi if hi is not None else value


def count_text(count: Mapping | None) -> str:
    """A count as its source put it: '1,500', 'about 90', 'over 4,800', '80-90', 'unknown'."""
    if not count:
        return "unknown"
    q, value, lo, hi = count.get("qualifier"), count.get("value"), count.get("min"), count.get("max")
    n = (lambda x: f"{x:,}")
    if q == "exact" and value is not None:
        return n(value)
    if q == "about" and value is not None:
        return f"about {n(value)}"
    if q == "over" and lo is not None:
        return f"over {n(lo - 1)}"
    if q == "at_least" and lo is not None:
        return f"at least {n(lo)}"
    if q == "under" and hi is not None:
        return f"under {n(hi + 1)}"
    if q == "at_most" and hi is not None:
        return f"at most {n(hi)}"
    if lo is not None and hi is not None:
        return f"{n(lo)}-{n(hi)}"
    return n(value) if value is not None else "unknown"


def date_text(date: Mapping | None) -> str:
    if not date:
        return "undated"
    start, end, precision = date.get("start"), date.get("end"), date.get("precision")
    if start and start == end:
        return start
    if precision == "month" and start:
        return start[:7]
    if precision == "year" and start:
        return start[:4]
    if start and end:
        return f"{start} to {end}"
    return f"from {start}" if start else f"by {end}"


def plain_reason(reason: str) -> str:
    """A merge reason without its weight: 'equal pows figure 390 (+2)' -> 'equal pows figure 390'."""
    return _WEIGHT.sub("", reason).replace("->", " to ")


def merge_sentence(m: MergeReason, outlet_of: Mapping[str, str]) -> str:
    why = "; ".join(plain_reason(r) for r in m.reasons) or "no reason recorded"
    return (f"{outlet_of.get(m.claim_id, m.claim_id)}'s report joined {outlet_of.get(m.linked_to, m.linked_to)}'s"
            f"{_STAGES.get(m.stage, '')}: {why}.")


def _actors(flows: Sequence[EventFlow]) -> list[str]:
    return sorted({a for f in flows for a in (f.from_, f.to) if a})


def dyad_of(event: EventRecord) -> str:
    actors = _actors(event.flows) or sorted(event.parties)
    return "-".join(actors) if actors else "unknown"


def _flow(f: EventFlow, outlet_of: Mapping[str, str]) -> dict:
    best, lo, hi = count_range(f.count.model_dump() if f.count else None)
    figures = []
    for fig in f.figures:
        count = fig.count.model_dump() if fig.count else None
        figures.append({"claim": fig.claim_id, "doc": fig.doc_id, "outlet": outlet_of.get(fig.claim_id, fig.doc_id),
                        "text": count_text(count)})
    return {"from": f.from_ or "?", "to": f.to or "?", "category": f.category, "best": best, "low": lo, "high": hi,
            "text": count_text(f.count.model_dump() if f.count else None), "agreed": f.agreed, "figures": figures}


def _claim_flows(claim: Mapping) -> list[Mapping]:
    flows = list(claim.get("flows") or claim.get("terms") or ())
    if claim.get("flow"):
        flows.append(claim["flow"])
    return flows


def _claim(claim_id: str, claim: Mapping | None, text: str | None, renderer: EvidenceRenderer) -> dict:
    if claim is None:
        return {"id": claim_id, "missing": True, "sentences": [], "evidence": []}
    flows = [f"{f.get('from') or '?'} to {f.get('to') or '?'}: {count_text(f.get('count'))} {f.get('category')}"
             for f in _claim_flows(claim)]
    return {
        "id": claim_id, "doc": claim.get("doc_id"), "type": claim.get("type"), "status": claim.get("status"),
        "date": date_text(claim.get("date") or claim.get("as_of")), "flows": flows,
        "outlet": claim.get("outlet"), "url": claim.get("url"), "published": claim.get("published"),
        "title": claim.get("title"), "rules": list(claim.get("rules") or ()), "confidence": claim.get("confidence"),
        "evidence": [{"label": display_label(e["label"]), "rule_label": e["label"], "text": e["text"],
                      "start": e["start"], "end": e["end"]} for e in claim.get("evidence") or ()],
        "sentences": renderer.sentences(dict(claim), text),
    }


def event_card(event: EventRecord, claims: Mapping[str, dict], texts: Mapping[str, str],
               renderer: EvidenceRenderer) -> dict:
    outlet_of = {}
    for s in event.sources:
        for c in s.claim_ids:
            outlet_of[c] = s.outlet or s.doc_id
    flows = [_flow(f, outlet_of) for f in event.flows]
    counted_flows = [f for f in flows if f["best"] is not None]
    bests = [f["best"] for f in counted_flows]
    counted = event.kind == "exchange" and bool(bests)
    cards_claims = []
    for cid in event.claims:
        body = claims.get(cid)
        cards_claims.append(_claim(cid, body, texts.get(str(body.get("doc_id"))) if body else None, renderer))
    date = event.date.model_dump(mode="json") if event.date else None
    search = " ".join(filter(None, [event.event_id, dyad_of(event), *(s.outlet or "" for s in event.sources),
                                    *(c.get("title") or "" for c in cards_claims),
                                    *(e["text"] for c in cards_claims for e in c["evidence"]),
                                    *(re.sub(r"<[^>]+>", "", s["html"]) for c in cards_claims for s in c["sentences"]),
                                    event.location.name if event.location else ""]))
    return {
        "id": event.event_id, "kind": event.kind, "status": event.status or "", "dyad": dyad_of(event),
        "actors": sorted({*_actors(event.flows), *event.parties, *event.mediators}),
        "categories": sorted({f.category for f in event.flows}),
        "date": date, "date_text": date_text(date), "x": (date or {}).get("start") or (date or {}).get("end"),
        "people": sum(bests) if counted else None,
        "people_low": sum(f["low"] for f in counted_flows) if counted else None,
        "people_high": sum(f["high"] for f in counted_flows) if counted else None,
        "flows": flows,
        "location": (f"{event.location.name}" + (f" ({event.location.country})" if event.location.country else "")
                     if event.location else None),
        "mediators": list(event.mediators), "scope": event.scope,
        "conflicts": [{"kind": c.kind, "words": CONFLICT_WORDS.get(c.kind, c.kind), "detail": c.detail,
                       "claims": list(c.claim_ids)} for c in event.conflicts],
        "merges": [merge_sentence(m, outlet_of) for m in event.merges],
        "near_misses": [f"kept apart from {n.other_event_id}: " + ("; ".join(plain_reason(r) for r in n.reasons)
                                                                   or "no shared evidence")
                        + (f" (blocked: {n.blocked_by})" if n.blocked_by else "") for n in event.near_misses],
        "agreement": event.agreement, "executed_by": list(event.executed_by),
        "part_of": event.part_of, "parts": list(event.parts),
        "sources": [{"doc": s.doc_id, "outlet": s.outlet or s.doc_id, "url": s.url, "published": s.published,
                     "claims": list(s.claim_ids)} for s in event.sources],
        "claims": cards_claims,
        "corrections": [c.model_dump(mode="json") for c in event.corrections],
        "search": search.lower(),
    }


def report_data(events: Sequence[EventRecord], claims: Mapping[str, dict], texts: Mapping[str, str], *,
                renderer: EvidenceRenderer, corrections: Sequence[str] = (), rejected: Sequence[str] = (),
                source: str = "", generated_by: str = "") -> dict:
    cards = [event_card(ev, claims, texts, renderer) for ev in sorted(events, key=lambda e: e.event_id)]
    return {"events": cards, "corrections": list(corrections), "rejected": sorted(rejected), "source": source,
            "generated_by": generated_by, "texts": bool(texts), "colors": renderer_colors()}


def renderer_colors() -> dict:
    from .evidence import COLORS

    return dict(COLORS)


__all__ = ["count_range", "count_text", "date_text", "event_card", "merge_sentence", "plain_reason", "report_data"]
