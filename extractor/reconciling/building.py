"""From a cluster of claims to the merged view of one event: chosen figures, date, place, sources, conflicts."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence

from ..contract.events import Conflict, EventFlow, EventRecord, EventSource, Figure, MergeReason, NearMiss
from ..contract.records import Count, DateInterval, Location
from .claims import Claim, FlowT
from .construct import made
from .evidence import compare_counts, publication_day

_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


_COUNTS: dict[tuple, Count] = {}


def _count(f: FlowT) -> Count | None:
    """Counts are frozen, so one instance serves every flow with the same figure."""
    if f[6] is None:
        return None
    key = f[3:]
    found = _COUNTS.get(key)
    if found is None:
        if len(_COUNTS) > 100_000:
            _COUNTS.clear()
        found = _COUNTS[key] = made(Count, value=f[3], min=f[4], max=f[5], qualifier=f[6])
    return found


def _fig_text(f: FlowT) -> str:
    q = f[6]
    if q in ("exact", "about"):
        return f"{'about ' if q == 'about' else ''}{f[3]}"
    return {"over": f"over {(f[4] or 1) - 1}", "at_least": f"at least {f[4]}", "under": f"under {(f[5] or 0) + 1}",
            "up_to": f"up to {f[5]}"}.get(q, f"{f[4]}-{f[5]}")  # type: ignore[arg-type]


def _side(x: str | None) -> str:
    return x or "?"


def merged_flows(members: Sequence[Claim]) -> tuple[list[EventFlow], list[Conflict]]:
    by_key: dict[tuple, list[tuple[Claim, FlowT]]] = {}
    for c in members:
        for f in c.flows:
            by_key.setdefault(f[:3], []).append((c, f))
    flows, conflicts = [], []
    for key in sorted(by_key, key=lambda k: (k[2], k[0] or "~", k[1] or "~")):
        items = by_key[key]
        counted = [(c, f) for c, f in items if f[6] is not None]
        chosen = None
        if counted:
            tally = Counter(f[3:] for _, f in counted)
            first = {}
            for c, f in counted:
                first.setdefault(f[3:], c.claim_id)
            best = sorted(tally, key=lambda k: (-tally[k], k[3] != "exact", first[k]))[0]
            chosen = next(f for _, f in counted if f[3:] == best)
        # `compare_counts` reads only the figure, and finds a figure equal to itself: each two figures once
        shown = list({f[3:]: f for _, f in counted}.values())
        agreed = all(compare_counts(f, g) in ("equal", "compatible") for n, f in enumerate(shown) for g in shown[n + 1:])
        figures = tuple(made(Figure, claim_id=c.claim_id, doc_id=c.doc_id, count=_count(f)) for c, f in items)
        flows.append(made(EventFlow, from_=key[0], to=key[1], category=key[2],
                                               count=_count(chosen) if chosen else None, figures=figures, agreed=agreed))
        if not agreed:
            seen = Counter(_fig_text(f) for _, f in counted)
            detail = ", ".join(f"{t} ({n} report{'s' if n > 1 else ''})" for t, n in sorted(seen.items(), key=lambda kv: (-kv[1], kv[0])))
            conflicts.append(made(Conflict,
                kind="count", detail=f"{_side(key[0])}->{_side(key[1])} {key[2]}: {detail}",
                claim_ids=tuple(sorted({c.claim_id for c, _ in counted}))))
    return flows, conflicts


def _interval(members: Sequence[Claim]) -> tuple[int | None, int | None, bool] | None:
    """The overlap of the members' dates: (start, end, found); None when no member is dated."""
    dated = [c for c in members if c.dated]
    if not dated:
        return None
    starts = [c.start for c in dated if c.start is not None]
    ends = [c.end for c in dated if c.end is not None]
    lo, hi = (max(starts) if starts else None), (min(ends) if ends else None)
    return lo, hi, lo is None or hi is None or lo <= hi


def merged_date(members: Sequence[Claim]) -> tuple[DateInterval | None, list[Conflict]]:
    dated = [c for c in members if c.dated]
    if not dated:
        return None, []
    conflicts: list[Conflict] = []
    lo, hi, ok = _interval(dated)  # type: ignore[misc]
    used = dated
    if not ok:
        rest = [c for c in dated if not publication_day(c)]
        if rest and len(rest) < len(dated):
            lo, hi, ok = _interval(rest)  # type: ignore[misc]
            used = rest
        if not ok:
            votes = Counter((c.start, c.end, c.precision) for c in dated)
            first = {}
            for c in dated:
                first.setdefault((c.start, c.end, c.precision), c.claim_id)
            lo, hi, _ = sorted(votes, key=lambda k: (-votes[k], (k[1] or 0) - (k[0] or 0), first[k]))[0]
            used = [c for c in dated if (c.start, c.end) == (lo, hi)]
        shown = sorted({_date_text(c) for c in dated})
        conflicts.append(made(Conflict, kind="date", detail="sources give " + ", ".join(shown),
                                                  claim_ids=tuple(c.claim_id for c in dated)))
    if lo is not None and hi is not None and lo == hi:
        precision = "day"
    else:
        narrow = min(used, key=lambda c: (_PRECISION_RANK.get(c.precision or "year", 3), c.claim_id))
        precision = narrow.precision or "day"
    start = dt.date.fromordinal(lo) if lo is not None else None
    end = dt.date.fromordinal(hi) if hi is not None else None
    return made(DateInterval, start=start, end=end, precision=precision), conflicts


def _date_text(c: Claim) -> str:
    s = dt.date.fromordinal(c.start).isoformat() if c.start is not None else "..."
    e = dt.date.fromordinal(c.end).isoformat() if c.end is not None else "..."
    return s if s == e else f"{s}/{e}"


def merged_location(members: Sequence[Claim]) -> tuple[Location | None, list[Conflict]]:
    located = [c for c in members if c.location is not None]
    if not located:
        return None, []
    votes = Counter(c.location for c in located)
    first = {}
    for c in located:
        first.setdefault(c.location, c.claim_id)
    name, country = sorted(votes, key=lambda k: (-votes[k], first[k]))[0]
    conflicts = []
    countries = sorted({c.location[1] for c in located if c.location[1]})  # type: ignore[index]
    if len(countries) > 1:
        conflicts.append(made(Conflict, kind="location", detail="places in " + ", ".join(countries),
                                                  claim_ids=tuple(c.claim_id for c in located)))
    return made(Location, name=name, country=country), conflicts


def merged_sources(members: Sequence[Claim]) -> list[EventSource]:
    by_doc: dict[str, list[Claim]] = {}
    for c in members:
        by_doc.setdefault(c.doc_id, []).append(c)
    out = []
    for doc in sorted(by_doc):
        cs = by_doc[doc]
        pick = lambda attr: next((getattr(c, attr) for c in cs if getattr(c, attr)), None)  # noqa: E731
        out.append(made(EventSource, doc_id=doc, claim_ids=tuple(sorted(c.claim_id for c in cs)),
                                               outlet=pick("outlet"), url=pick("url"), published=pick("published_raw")))
    return out


def build_event(event_id: str, members: Sequence[Claim], *, merges: Sequence[MergeReason] = (),
                near_misses: Sequence[NearMiss] = (), agreement: str | None = None,
                executed_by: Sequence[str] = (), extra_conflicts: Sequence[Conflict] = ()) -> EventRecord:
    """The merged view of one cluster (members sorted by claim id, all of one kind)."""
    kind = members[0].kind
    flows, conflicts = merged_flows(members)
    date, date_conflicts = merged_date(members)
    location, place_conflicts = merged_location(members)
    status = None
    if kind == "exchange":
        statuses = Counter(c.status for c in members)
        status = "completed" if statuses.get("completed") else "planned"
        if len(statuses) > 1:
            conflicts.append(made(Conflict,
                kind="status", detail=f"planned in {statuses['planned']} report(s), completed in {statuses['completed']}",
                claim_ids=tuple(c.claim_id for c in members if c.status == "planned")))
    parties = sorted({p for c in members for p in c.parties})
    scopes = Counter(c.scope for c in members if c.scope)
    published = [c.published for c in members if c.published is not None]
    return made(EventRecord,
        type="event", event_id=event_id, kind=kind, claims=tuple(c.claim_id for c in members), status=status,
        parties=tuple(parties), flows=tuple(flows), date=date, location=location, agreement=agreement,
        executed_by=tuple(executed_by), mediators=tuple(sorted({m for c in members for m in c.mediators})),
        scope=sorted(scopes, key=lambda s: (-scopes[s], s))[0] if scopes else None,
        sources=tuple(merged_sources(members)),
        first_seen=dt.date.fromordinal(min(published)) if published else None,
        last_seen=dt.date.fromordinal(max(published)) if published else None,
        conflicts=tuple(conflicts + date_conflicts + place_conflicts + list(extra_conflicts)),
        merges=tuple(merges), near_misses=tuple(near_misses),
    )
