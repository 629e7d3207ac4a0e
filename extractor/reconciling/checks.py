"""Cross-event checks: exchanges linked to the agreement they execute, running totals checked.

Links: an exchange claim line may name the claim id of the agreement it executes
(`"agreement": CLAIM_ID`); otherwise an exchange is linked to the one agreement reported in
the same article when that agreement has the same parties, covers the exchange's categories,
and is not dated after it.

Tallies (running totals of one flow): a later total lower than an earlier one is flagged
`tally_decrease`; completed exchanges of that flow dated up to the tally's date whose chosen
figures sum beyond the tally's upper bound are flagged `tally_exceeded`.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Mapping, Sequence

from ..contract.events import Conflict, EventRecord
from .claims import Claim


def agreement_links(claims: Sequence[Claim], event_of: Mapping[str, str]) -> dict[str, str]:
    """exchange event id -> agreement event id."""
    agreements_by_doc: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.kind == "agreement":
            agreements_by_doc[c.doc_id].append(c)
    votes: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for c in claims:
        if c.kind != "exchange":
            continue
        target = None
        if c.agreement_ref and c.agreement_ref in event_of:
            target = event_of[c.agreement_ref]
        else:
            found = agreements_by_doc.get(c.doc_id, [])
            if len(found) == 1 and _executes(c, found[0]):
                target = event_of.get(found[0].claim_id)
        if target:
            votes[event_of[c.claim_id]][target] += 1
    return {ev: sorted(v.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for ev, v in votes.items()}


def _executes(exchange: Claim, agreement: Claim) -> bool:
    if not exchange.parties or not agreement.parties or not exchange.parties <= agreement.parties:
        return False
    if not exchange.categories <= agreement.categories:
        return False
    if agreement.start is not None and exchange.dated:
        ex_end = exchange.end if exchange.end is not None else exchange.start
        return ex_end >= agreement.start  # type: ignore[operator]
    return True


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


def tally_conflicts(events: Sequence[EventRecord]) -> dict[str, list[Conflict]]:
    """event id -> conflicts found by the tally checks (on the tally events)."""
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
                out[ev.event_id].append(Conflict.model_construct(
                    kind="tally_decrease",
                    detail=f"total {hi:g} as of {dt.date.fromordinal(day)} is lower than {highest[0]:g} "
                           f"reported as of {dt.date.fromordinal(highest[2])} ({highest[1].event_id})",
                    claim_ids=ev.claims))
            if highest is None or lo > highest[0]:
                highest = (lo, ev, day)
    # events summing beyond a total
    sums: dict[tuple, list[tuple[int, int]]] = defaultdict(list)
    for ev in events:
        if ev.kind != "exchange" or ev.status != "completed" or ev.date is None:
            continue
        day = _day(ev.date.end) or _day(ev.date.start)
        for f in ev.flows:
            key = (f.from_, f.to, f.category)
            if key in tallies and f.count is not None and f.count.qualifier == "exact" and day is not None:
                sums[key].append((day, f.count.value))  # type: ignore[arg-type]
    for key, items in sums.items():
        items.sort()
        days = [d for d, _ in items]
        prefix = [0]
        for _, v in items:
            prefix.append(prefix[-1] + v)
        for day, ev, (lo, hi) in tallies[key]:
            total = prefix[bisect_right(days, day)]
            if total > hi:
                out[ev.event_id].append(Conflict.model_construct(
                    kind="tally_exceeded",
                    detail=f"completed exchanges dated up to {dt.date.fromordinal(day)} sum to {total}, "
                           f"beyond the total of {hi:g}",
                    claim_ids=ev.claims))
    return dict(out)
