"""Events as flat rows with ACLED-like columns, for CSV and Parquet.

One row per event. Counts per direction: `actor1`/`actor2` are the event's first two parties
(alphabetical), `count_1_to_2`/`count_2_to_1` the chosen figures summed over categories (the
lower bound where a figure is a bound; empty when no figure is known); `flows` spells every flow
out ("RUS->UKR pows 207"). `notes` lists the conflicts.
"""

from __future__ import annotations

from ..contract.events import EventFlow, EventRecord

COLUMNS = (
    "event_id", "event_date", "date_end", "time_precision", "event_type", "status", "parties", "actor1", "actor2",
    "count_1_to_2", "count_2_to_1", "categories", "flows", "location", "country", "mediators", "agreement",
    "sources", "source_urls", "n_sources", "n_claims", "first_seen", "last_seen", "n_conflicts", "notes",
)


def _figure(f: EventFlow) -> int | None:
    c = f.count
    if c is None:
        return None
    return c.value if c.value is not None else c.min if c.min is not None else c.max


def _flow_text(f: EventFlow) -> str:
    c = f.count
    fig = ""
    if c is not None:
        q = c.qualifier
        fig = {"exact": f" {c.value}", "about": f" about {c.value}", "over": f" over {(c.min or 1) - 1}",
               "at_least": f" at least {c.min}", "under": f" under {(c.max or 0) + 1}", "up_to": f" up to {c.max}",
               "range": f" {c.min}-{c.max}"}[q]
    mark = "" if f.agreed else " (disputed)"
    return f"{f.from_ or '?'}->{f.to or '?'} {f.category}{fig}{mark}"


def _direction(ev: EventRecord, a: str | None, b: str | None) -> int | None:
    if a is None or b is None:
        return None
    found = [_figure(f) for f in ev.flows if f.from_ == a and f.to == b]
    found = [n for n in found if n is not None]
    return sum(found) if found else None


def event_row(ev: EventRecord) -> dict[str, object]:
    parties = list(ev.parties)
    a1 = parties[0] if parties else None
    a2 = parties[1] if len(parties) > 1 else None
    outlets = [s.outlet or s.doc_id for s in ev.sources]
    return {
        "event_id": ev.event_id,
        "event_date": ev.date.start.isoformat() if ev.date and ev.date.start else None,
        "date_end": ev.date.end.isoformat() if ev.date and ev.date.end else None,
        "time_precision": ev.date.precision if ev.date else None,
        "event_type": ev.kind,
        "status": ev.status,
        "parties": "; ".join(parties),
        "actor1": a1,
        "actor2": a2,
        "count_1_to_2": _direction(ev, a1, a2),
        "count_2_to_1": _direction(ev, a2, a1),
        "categories": "; ".join(sorted({f.category for f in ev.flows})),
        "flows": "; ".join(_flow_text(f) for f in ev.flows),
        "location": ev.location.name if ev.location else None,
        "country": ev.location.country if ev.location else None,
        "mediators": "; ".join(ev.mediators),
        "agreement": ev.agreement,
        "sources": "; ".join(outlets),
        "source_urls": "; ".join(s.url for s in ev.sources if s.url),
        "n_sources": len(ev.sources),
        "n_claims": len(ev.claims),
        "first_seen": ev.first_seen.isoformat() if ev.first_seen else None,
        "last_seen": ev.last_seen.isoformat() if ev.last_seen else None,
        "n_conflicts": len(ev.conflicts),
        "notes": " | ".join(f"{c.kind}: {c.detail}" for c in ev.conflicts),
    }
