"""Cross-event checks: stages linked to their multi-day swap, exchanges linked to the agreement they
execute, running totals checked.

Stages: a single-day exchange event whose claims lie inside a multi-day swap's span (see
`scoring.STAGE`) is a part of that swap, when the merged events still say so: the stage's date is
one day inside the whole's span. A stage found inside several wholes is linked to the one most of
its claims point to (on a tie, the lowest event id).

Links: an exchange claim line may name the claim id of the agreement it executes
(`"agreement": CLAIM_ID`); otherwise an exchange event is linked to a dated agreement event
reported in one of its articles that names its parties, covers its categories and precedes
it by at most LINK_DAYS.

Tallies (running totals of one flow): a later total lower than an earlier one is flagged
`tally_decrease`; completed exchanges of that flow whose chosen figures sum beyond the
tally's upper bound are flagged `tally_exceeded`. The sum runs over the exchanges dated up to
the tally's date: all of them when its scope says "since the start" (or the invasion, the war,
a year), else those of the SCOPE_DAYS before it; an event that spans several days and
contains two or more other events of the flow (a summary of a multi-day swap) is left out.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Mapping, Sequence

from ..contract.events import Conflict, EventRecord
from .claims import Claim
from .construct import made


def stage_links(pairs: Sequence[tuple[int, int]], event_of: Mapping[str, str], claims: Sequence[Claim],
                events: Mapping[str, EventRecord]) -> dict[str, str]:
    """stage event id -> whole-swap event id, from (stage claim, whole claim) index pairs."""
    votes: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for i, j in pairs:
        stage, whole = event_of[claims[i].claim_id], event_of[claims[j].claim_id]
        if stage != whole and _inside(events[stage], events[whole]):
            votes[stage][whole] += 1
    return {s: sorted(v.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for s, v in votes.items()}


def _inside(stage: EventRecord, whole: EventRecord) -> bool:
    a, b = stage.date, whole.date
    if a is None or b is None or None in (a.start, a.end, b.start, b.end):
        return False
    return a.start == a.end and b.start < b.end and b.start <= a.start <= b.end  # type: ignore[operator]


def agreement_links(events: Sequence[EventRecord], claims: Mapping[str, Claim]) -> dict[str, str]:
    """exchange event id -> agreement event id.

    An explicit reference (the claim line's `agreement`) wins. Otherwise an exchange event is linked
    to an agreement event reported in one of the same articles when the agreement is dated, names
    every party of the exchange, covers its categories, and the exchange falls within
    LINK_DAYS after it."""
    event_of = {c: ev.event_id for ev in events for c in ev.claims}
    agreements = {ev.event_id: ev for ev in events if ev.kind == "agreement"}
    by_doc: dict[str, set[str]] = defaultdict(set)
    for ev in agreements.values():
        for c in ev.claims:
            by_doc[claims[c].doc_id].add(ev.event_id)
    out: dict[str, str] = {}
    for ev in events:
        if ev.kind != "exchange":
            continue
        votes: dict[str, int] = defaultdict(int)
        for c in ev.claims:
            ref = claims[c].agreement_ref
            if ref and event_of.get(ref) in agreements:
                votes[event_of[ref]] += 1
        if not votes:
            for c in ev.claims:
                for ag in by_doc.get(claims[c].doc_id, ()):
                    if _executes(ev, agreements[ag]):
                        votes[ag] += 1
        if votes:
            out[ev.event_id] = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    return out


LINK_DAYS = 90


def _executes(exchange: EventRecord, agreement: EventRecord) -> bool:
    if exchange.date is None or agreement.date is None or agreement.date.start is None:
        return False
    if not exchange.parties or not set(exchange.parties) <= set(agreement.parties):
        return False
    if not {f.category for f in exchange.flows} <= {f.category for f in agreement.flows}:
        return False
    day = exchange.date.start or exchange.date.end
    return 0 <= (day - agreement.date.start).days <= LINK_DAYS  # type: ignore[operator]


SCOPE_DAYS = 31
SINCE_START = re.compile(r"\b(since|from) (the )?(start|beginning|invasion|war|full-scale|outbreak|19\d\d|20\d\d)|"
                         r"\bin total\b|\baltogether\b|\bso far\b", re.I)


def _bounds(ev: EventRecord) -> tuple[float, float] | None:
    c = ev.flows[0].count if ev.flows else None
    if c is None:
        return None
    q = c.qualifier
    if q == "exact":
        return c.value, c.value  # type: ignore[return-value]
    if q == "about":
        return c.value * 0.9, c.value * 1.1  # type: ignore[operator]
    if q in ("over", "at_least"):
        return c.min, float("inf")  # type: ignore[return-value]
    if q in ("under", "up_to"):
        return 0, c.max  # type: ignore[return-value]
    return (c.min or 0), (c.max if c.max is not None else float("inf"))


def _day(d: dt.date | None) -> int | None:
    return d.toordinal() if d is not None else None


def exchange_spans(ev: EventRecord) -> list[tuple[tuple, tuple[int, int, int]]]:
    """What the tally checks need from an exchange event: (flow key, (last day, first day, figure)) for
    each exact figure of a completed, dated exchange."""
    if ev.kind != "exchange" or ev.status != "completed" or ev.date is None:
        return []
    lo_day, hi_day = _day(ev.date.start), _day(ev.date.end)
    if lo_day is None or hi_day is None:
        return []
    return [((f.from_, f.to, f.category), (hi_day, lo_day, f.count.value)) for f in ev.flows  # type: ignore[misc]
            if f.count is not None and f.count.qualifier == "exact"]


def tally_conflicts(events: Sequence[EventRecord]) -> dict[str, list[Conflict]]:
    """event id -> conflicts found by the tally checks (on the tally events)."""
    spans: dict[tuple, list[tuple[int, int, int]]] = defaultdict(list)
    for ev in events:
        for key, span in exchange_spans(ev):
            spans[key].append(span)
    return tally_checks([ev for ev in events if ev.kind == "tally"], spans)


def tally_checks(events: Sequence[EventRecord], exchanges: Mapping[tuple, Sequence[tuple[int, int, int]]]
                 ) -> dict[str, list[Conflict]]:
    """event id -> conflicts of the tally `events`, given the completed exchanges' (last day, first day,
    figure) per flow key (see `exchange_spans`)."""
    out: dict[str, list[Conflict]] = defaultdict(list)
    tallies: dict[tuple, list[tuple[int, EventRecord, tuple[float, float]]]] = defaultdict(list)
    for ev in events:
        if ev.kind != "tally" or not ev.flows or ev.date is None:
            continue
        day = _day(ev.date.end) or _day(ev.date.start)
        b = _bounds(ev)
        if day is not None and b is not None:
            f = ev.flows[0]
            tallies[(f.from_, f.to, f.category)].append((day, ev, b))
    if not tallies:
        return {}
    for key, items in tallies.items():
        items.sort(key=lambda t: (t[0], t[1].event_id))
        highest = None  # (lower bound, event) of the highest earlier total
        for day, ev, (lo, hi) in items:
            if highest is not None and hi < highest[0] and highest[2] < day:
                out[ev.event_id].append(made(Conflict,
                    kind="tally_decrease",
                    detail=f"total {hi:g} as of {dt.date.fromordinal(day)} is lower than {highest[0]:g} "
                           f"reported as of {dt.date.fromordinal(highest[2])} ({highest[1].event_id})",
                    claim_ids=ev.claims))
            if highest is None or lo > highest[0]:
                highest = (lo, ev, day)
    # events summing beyond a total
    spans = {key: sorted(exchanges[key]) for key in tallies if key in exchanges}
    for key, items in spans.items():
        ends = [e for e, _, _ in items]
        kept = []
        for end, start, value in items:
            if end > start:
                inside = bisect_right(ends, end) - bisect_left(ends, start)
                if inside - 1 >= 2:  # itself excluded
                    continue
            kept.append((end, value))
        days = [d for d, _ in kept]
        prefix = [0]
        for _, v in kept:
            prefix.append(prefix[-1] + v)
        for day, ev, (lo, hi) in tallies[key]:
            since = None if SINCE_START.search(ev.scope or "") else day - SCOPE_DAYS
            first = 0 if since is None else bisect_left(days, since)
            total = prefix[bisect_right(days, day)] - prefix[first]
            if total > hi:
                out[ev.event_id].append(made(Conflict,
                    kind="tally_exceeded",
                    detail=f"completed exchanges dated up to {dt.date.fromordinal(day)} sum to {total}, "
                           f"beyond the total of {hi:g}",
                    claim_ids=ev.claims))
    return dict(out)
