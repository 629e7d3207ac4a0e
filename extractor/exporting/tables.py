"""Tidy, typed tables of a store: events, flows, sources, claims (one row per event, per flow, per
source claim, per claim), with their column types for CSV and Parquet.

Figures follow UCDP's best/low/high: `best` is the stated value ("about 40" -> 40), the floor of
"over"/"at least", the ceiling of "up to"/"under", the low end of a range; `low` and `high` are the
bounds the wording gives (empty when it gives none). Figures of unlike things are never added: the
events table's `count_1_to_2` is what actor1 handed over only when it is one category (else empty;
the flows table has every flow). actor1/actor2 are the two sides that handed something over (sorted
by id), or the giver and the receiver of a one-way handover; a flow to a third party on the other
side (Israel releasing prisoners to the Palestinians in a swap with Hamas) counts for its giver.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..contract.articles import leading_day
from ..contract.events import EventFlow, EventRecord
from ..contract.records import Count
from .names import actor_name

# ACLED's time_precision: 1 the day is known, 2 within a week (or a few days), 3 within a month or longer.
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
CATEGORY_WORDS = {"pows": "prisoners of war", "civilians": "civilians", "bodies": "bodies", "hostages": "hostages",
                  "prisoners": "prisoners"}


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # str, int, float, bool, date, list, category
    doc: str


def _cols(*spec: tuple[str, str, str]) -> tuple[Column, ...]:
    return tuple(Column(*s) for s in spec)


EVENT_COLUMNS = _cols(
    ("event_id", "str", "stable id of the event (`ev-` + 16 hex digits); ids of merged events resolve via the store"),
    ("event_date", "date", "first day the event can lie on (empty: undated)"),
    ("date_end", "date", "last day the event can lie on"),
    ("year", "int", "year of event_date"),
    ("time_precision", "int", "ACLED-style: 1 day known, 2 within a week, 3 within a month or longer"),
    ("date_precision", "category", "day, week, month or year, as the sources state it"),
    ("event_type", "category", "exchange, agreement (a deal with terms) or tally (a running total)"),
    ("status", "category", "exchange: completed (if any source reports it done) or planned"),
    ("parties", "list", "actor ids of every side named in the flows (and agreement parties)"),
    ("parties_names", "list", "names of the parties"),
    ("actor1", "str", "first side (see the module notes)"),
    ("actor1_name", "str", "its name"),
    ("actor2", "str", "second side"),
    ("actor2_name", "str", "its name"),
    ("count_1_to_2", "int", "best figure actor1 handed over, when it is one category (empty otherwise or unknown)"),
    ("category_1_to_2", "category", "category (or categories, ';'-separated) actor1 handed over"),
    ("count_2_to_1", "int", "best figure actor2 handed over, when it is one category"),
    ("category_2_to_1", "category", "category (or categories) actor2 handed over"),
    ("categories", "list", "every category in the event's flows"),
    ("flows", "str", "every flow spelt out: 'RUS->UKR pows 207; UKR->RUS pows 195 (disputed)'"),
    ("location", "str", "place named by most sources"),
    ("country", "str", "its country id"),
    ("country_name", "str", "its country name"),
    ("mediators", "list", "actor ids of mediators"),
    ("mediators_names", "list", "their names"),
    ("agreement", "str", "event id of the agreement this exchange executes"),
    ("sources", "list", "outlet of each source article (its doc id when the outlet is unknown), by doc id"),
    ("source_urls", "list", "URL of each source article, aligned with sources (empty string where none)"),
    ("n_sources", "int", "number of source articles"),
    ("n_claims", "int", "number of claims (records) merged into the event"),
    ("first_seen", "date", "earliest publication date among the sources"),
    ("last_seen", "date", "latest publication date among the sources"),
    ("n_conflicts", "int", "number of disagreements between sources"),
    ("conflicts", "str", "the disagreements: 'count: RUS->UKR pows: 207 (1 report), 195 (1 report)'"),
    ("n_corrections", "int", "number of hand corrections applied to the event"),
    ("notes", "str", "one-line description generated from the flows"),
)
FLOW_COLUMNS = _cols(
    ("event_id", "str", "the event"),
    ("event_type", "category", "exchange, agreement or tally"),
    ("status", "category", "the event's status"),
    ("event_date", "date", "the event's first day"),
    ("year", "int", "year of event_date"),
    ("from", "str", "actor id of the side handing over (empty: not named)"),
    ("from_name", "str", "its name"),
    ("to", "str", "actor id of the side receiving"),
    ("to_name", "str", "its name"),
    ("category", "category", "pows, civilians, bodies, hostages or prisoners"),
    ("best", "int", "best figure (see the module notes)"),
    ("low", "int", "lowest figure the wording allows (empty: not given)"),
    ("high", "int", "highest figure the wording allows (empty: not given)"),
    ("qualifier", "category", "exact, about, over, at_least, under, up_to or range"),
    ("n_reports", "int", "number of claims reporting this flow"),
    ("n_counted", "int", "of these, claims giving a figure"),
    ("agreed", "bool", "false when the sources' figures are not all compatible"),
    ("figures", "str", "every source's figure: '207 (1 report), 195 (1 report)'"),
)
SOURCE_COLUMNS = _cols(
    ("event_id", "str", "the event"),
    ("doc_id", "str", "the source article's id"),
    ("outlet", "str", "its outlet"),
    ("url", "str", "its URL"),
    ("headline", "str", "its title"),
    ("published", "str", "its publication date as given (YYYY-MM-DD, YYYY-MM or YYYY)"),
    ("claim_id", "str", "the claim of this article merged into the event"),
)
CLAIM_COLUMNS = _cols(
    ("claim_id", "str", "the claim (one extracted record)"),
    ("doc_id", "str", "its article"),
    ("event_id", "str", "the event it was merged into (empty: rejected by a correction)"),
    ("type", "category", "exchange, agreement or tally"),
    ("status", "category", "exchange: completed or planned"),
    ("date_start", "date", "first day of the record's date"),
    ("date_end", "date", "last day"),
    ("date_precision", "category", "day, week, month or year"),
    ("flows", "str", "the record's flows spelt out"),
    ("confidence", "float", "rule-based confidence in [0, 1] (not a calibrated probability)"),
    ("rules", "list", "ids of the rules that produced the record"),
    ("outlet", "str", "the article's outlet"),
    ("url", "str", "the article's URL"),
    ("headline", "str", "the article's title"),
    ("published", "str", "the article's publication date as given"),
    ("evidence", "str", "the evidence spans' text, ' | '-separated"),
)
TABLES: dict[str, tuple[Column, ...]] = {"events": EVENT_COLUMNS, "flows": FLOW_COLUMNS, "sources": SOURCE_COLUMNS,
                                          "claims": CLAIM_COLUMNS}
COLUMNS = tuple(c.name for c in EVENT_COLUMNS)


def figure_bounds(count: Count | None) -> tuple[int | None, int | None, int | None]:
    """(best, low, high) of a count, as UCDP reports them."""
    if count is None:
        return None, None, None
    q = count.qualifier
    if q == "exact":
        return count.value, count.value, count.value
    if q == "about":
        return count.value, count.min, count.max
    if q in ("over", "at_least"):
        return count.min, count.min, None
    if q in ("under", "up_to"):
        return count.max, count.min, count.max
    return count.min, count.min, count.max  # range


def figure_text(count: Count | None, *, thousands: bool = False) -> str:
    if count is None:
        return ""

    def n(x: int | None) -> str:
        return f"{x:,}" if thousands and x is not None else str(x)

    q = count.qualifier
    return {"exact": lambda: n(count.value), "about": lambda: f"about {n(count.value)}",
            "over": lambda: f"over {n((count.min or 1) - 1)}", "at_least": lambda: f"at least {n(count.min)}",
            "under": lambda: f"under {n((count.max or 0) + 1)}", "up_to": lambda: f"up to {n(count.max)}",
            "range": lambda: f"{n(count.min)}-{n(count.max)}"}[q]()


def _flow_text(f: EventFlow) -> str:
    fig = figure_text(f.count)
    mark = "" if f.agreed else " (disputed)"
    return f"{f.from_ or '?'}->{f.to or '?'} {f.category}{' ' + fig if fig else ''}{mark}"


def sides(ev: EventRecord) -> tuple[str | None, str | None]:
    givers = sorted({f.from_ for f in ev.flows if f.from_})
    if len(givers) == 2:
        return givers[0], givers[1]
    if len(givers) == 1:
        receivers = sorted({f.to for f in ev.flows if f.to and f.to != givers[0]})
        return givers[0], receivers[0] if len(receivers) == 1 else None
    parties = list(ev.parties)
    return (parties[0] if parties else None), (parties[1] if len(parties) > 1 else None)


def _handed(ev: EventRecord, giver: str | None) -> tuple[int | None, str | None]:
    if giver is None:
        return None, None
    flows = [f for f in ev.flows if f.from_ == giver]
    categories = sorted({f.category for f in flows})
    if len(categories) != 1:
        return None, "; ".join(categories) or None
    best = [figure_bounds(f.count)[0] for f in flows]
    return (best[0] if len(best) == 1 else None), categories[0]


def _name(ident: str | None) -> str:
    return actor_name(ident) if ident else "an unnamed side"


def describe(ev: EventRecord) -> str:
    """One line: 'Russia handed 1,000 bodies to Ukraine; Ukraine handed 19 to Russia (3 reports)'."""
    verb = {"exchange": "handed" if ev.status != "planned" else "is to hand", "agreement": "to hand",
            "tally": "has handed"}[ev.kind]
    parts, last_category = [], None
    for f in ev.flows:
        fig = figure_text(f.count, thousands=True)
        what = CATEGORY_WORDS[f.category] if f.category != last_category or not fig else ""
        thing = " ".join(x for x in (fig, what) if x)
        parts.append(f"{_name(f.from_)} {verb} {thing} to {_name(f.to)}")
        last_category = f.category
    head = {"exchange": "", "agreement": "Agreement: ", "tally": "Running total: "}[ev.kind]
    text = head + ("; ".join(parts) if parts else f"{ev.kind} between " + ", ".join(map(_name, ev.parties)))
    if ev.kind == "tally" and ev.date and ev.date.end:
        text += f" as of {ev.date.end.isoformat()}"
    n = len(ev.sources)
    return f"{text} ({n} report{'s' if n != 1 else ''})"


def event_row(ev: EventRecord) -> dict[str, object]:
    a1, a2 = sides(ev)
    c12, k12 = _handed(ev, a1)
    c21, k21 = _handed(ev, a2)
    start = ev.date.start if ev.date else None
    return {
        "event_id": ev.event_id,
        "event_date": start,
        "date_end": ev.date.end if ev.date else None,
        "year": start.year if start else (ev.date.end.year if ev.date and ev.date.end else None),
        "time_precision": TIME_PRECISION[ev.date.precision] if ev.date else None,
        "date_precision": ev.date.precision if ev.date else None,
        "event_type": ev.kind,
        "status": ev.status,
        "parties": list(ev.parties),
        "parties_names": [actor_name(p) for p in ev.parties],
        "actor1": a1, "actor1_name": actor_name(a1),
        "actor2": a2, "actor2_name": actor_name(a2),
        "count_1_to_2": c12, "category_1_to_2": k12,
        "count_2_to_1": c21, "category_2_to_1": k21,
        "categories": sorted({f.category for f in ev.flows}),
        "flows": "; ".join(_flow_text(f) for f in ev.flows),
        "location": ev.location.name if ev.location else None,
        "country": ev.location.country if ev.location else None,
        "country_name": actor_name(ev.location.country) if ev.location else None,
        "mediators": list(ev.mediators),
        "mediators_names": [actor_name(m) for m in ev.mediators],
        "agreement": ev.agreement,
        "sources": [s.outlet or s.doc_id for s in ev.sources],
        "source_urls": [s.url or "" for s in ev.sources],
        "n_sources": len(ev.sources),
        "n_claims": len(ev.claims),
        "first_seen": ev.first_seen,
        "last_seen": ev.last_seen,
        "n_conflicts": len(ev.conflicts),
        "conflicts": " | ".join(f"{c.kind}: {c.detail}" for c in ev.conflicts),
        "n_corrections": len(ev.corrections),
        "notes": describe(ev),
    }


def flow_rows(ev: EventRecord) -> Iterable[dict[str, object]]:
    start = ev.date.start if ev.date else None
    for f in ev.flows:
        best, low, high = figure_bounds(f.count)
        texts: dict[str, int] = {}
        for fig in f.figures:
            if fig.count is not None:
                t = figure_text(fig.count)
                texts[t] = texts.get(t, 0) + 1
        yield {
            "event_id": ev.event_id, "event_type": ev.kind, "status": ev.status, "event_date": start,
            "year": start.year if start else None,
            "from": f.from_, "from_name": actor_name(f.from_), "to": f.to, "to_name": actor_name(f.to),
            "category": f.category, "best": best, "low": low, "high": high,
            "qualifier": f.count.qualifier if f.count else None,
            "n_reports": len({fig.claim_id for fig in f.figures}),
            "n_counted": sum(1 for fig in f.figures if fig.count is not None),
            "agreed": f.agreed,
            "figures": ", ".join(f"{t} ({n} report{'s' if n > 1 else ''})" for t, n in texts.items()),
        }


def source_rows(ev: EventRecord, claims: Mapping[str, Mapping]) -> Iterable[dict[str, object]]:
    for s in ev.sources:
        for claim_id in s.claim_ids:
            body = claims.get(claim_id, {})
            yield {"event_id": ev.event_id, "doc_id": s.doc_id, "outlet": s.outlet, "url": s.url,
                   "headline": body.get("title"), "published": s.published, "claim_id": claim_id}


def claim_row(body: Mapping, event_id: str | None) -> dict[str, object]:
    kind = body.get("type")
    date = body.get("as_of") if kind == "tally" else body.get("date")
    date = date if isinstance(date, Mapping) else {}
    flows = [body["flow"]] if kind == "tally" and body.get("flow") else \
        list(body.get("terms" if kind == "agreement" else "flows") or ())
    texts = []
    for f in flows:
        count = Count.model_validate(f["count"]) if f.get("count") else None
        fig = figure_text(count)
        texts.append(f"{f.get('from') or '?'}->{f.get('to') or '?'} {f.get('category')}{' ' + fig if fig else ''}")
    return {
        "claim_id": body.get("claim_id"), "doc_id": body.get("doc_id"), "event_id": event_id, "type": kind,
        "status": body.get("status"),
        "date_start": leading_day(date.get("start")), "date_end": leading_day(date.get("end")),
        "date_precision": date.get("precision"), "flows": "; ".join(texts),
        "confidence": body.get("confidence"), "rules": list(body.get("rules") or ()),
        "outlet": body.get("outlet"), "url": body.get("url"), "headline": body.get("title"),
        "published": body.get("published"),
        "evidence": " | ".join(str(e.get("text", "")) for e in body.get("evidence") or () if isinstance(e, Mapping)),
    }


def csv_cell(value: object) -> object:
    """A typed value as a CSV cell: lists '; '-joined (empty items kept, so lists stay aligned), dates ISO."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join("" if v is None else str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
