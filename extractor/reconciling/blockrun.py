"""Reconciling block by block (see `partition`): the events of each block, in block order, and the one
check that spans blocks (running totals, `checks.tally_conflicts`) applied afterwards.

The scoring and clustering of a block (the costly part) runs on an engine (`engines`): here, in
worker processes, or on a Ray cluster; the driver then gives the block's events their ids, in block
order, and builds them, so every engine gives the same bytes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from ..contract.events import EventRecord, MergeReason, NearMiss
from .building import build_event
from .checks import agreement_links, exchange_spans, stage_links, tally_checks
from .claims import Claim
from .clustering import Clustering
from .construct import made
from .ids import assign_block_ids

TALLY_CHECKS = ("tally_decrease", "tally_exceeded")


@dataclass
class IdState:
    """What id assignment carries from block to block: the old ids (`previous`: claim id -> event id of
    an earlier run), the ids never handed out to a new event (`taken`), and those handed out so far."""

    previous: Mapping[str, str] = field(default_factory=dict)
    taken: set[str] = field(default_factory=set)
    used: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, previous: Mapping[str, str] | None, reserved: Iterable[str] = ()) -> "IdState":
        previous = previous or {}
        return cls(previous=previous, taken=set(previous.values()) | set(reserved))


def block_events(claims: Sequence[Claim], clustering: Clustering, ids: IdState, *,
                 near_misses_per_event: int, outside: Mapping[str, str] | None = None) -> list[EventRecord]:
    """The events of one block (`claims` sorted by claim id, `clustering` found on them), with every link
    inside the block (stages, agreements) but no tally check. `outside`: the event of each claim that
    `clustering` did not cluster (its `fixed` claims), named by their near misses."""
    groups = [[claims[i].claim_id for i in g] for g in clustering.groups]
    event_ids = assign_block_ids(groups, previous=ids.previous, taken=ids.taken, used=ids.used)
    event_of = {cid: event_ids[g] for g, members in enumerate(groups) for cid in members}

    merges: dict[str, list[MergeReason]] = defaultdict(list)
    for m in clustering.merges:
        a, b = claims[m.a], claims[m.b]
        merges[event_of[a.claim_id]].append(made(MergeReason,
            claim_id=b.claim_id, linked_to=a.claim_id, score=m.score, reasons=m.reasons, stage=m.stage))
    misses: dict[str, list[NearMiss]] = defaultdict(list)
    for m in clustering.misses:
        a, b = claims[m.a], claims[m.b]
        for x, y in ((a, b), (b, a)):
            if x.claim_id not in event_of:
                continue  # an event not built here
            misses[event_of[x.claim_id]].append(made(NearMiss,
                claim_id=x.claim_id, other_claim_id=y.claim_id, other_event_id=event_of.get(y.claim_id) or outside[y.claim_id],  # type: ignore[index]
                score=m.score, reasons=m.reasons, blocked_by=m.blocked_by))
    events = []
    for g, members in enumerate(clustering.groups):
        ev_id = event_ids[g]
        near = sorted(misses.get(ev_id, ()), key=lambda n: (-n.score, n.claim_id, n.other_claim_id))
        events.append(build_event(
            ev_id, [claims[i] for i in members],
            merges=sorted(merges.get(ev_id, ()), key=lambda m: (m.claim_id, m.linked_to)),
            near_misses=near[:near_misses_per_event]))
    part_of = stage_links(clustering.stage_links, event_of, claims, {e.event_id: e for e in events})
    parts: dict[str, list[str]] = defaultdict(list)
    for stage, whole in part_of.items():
        parts[whole].append(stage)
    links = agreement_links(events, {c.claim_id: c for c in claims})
    executed: dict[str, list[str]] = defaultdict(list)
    for ev_id, ag in links.items():
        executed[ag].append(ev_id)
    for n, ev in enumerate(events):
        update: dict[str, object] = {}
        if ev.event_id in links:
            update["agreement"] = links[ev.event_id]
        if ev.event_id in executed:
            update["executed_by"] = tuple(sorted(executed[ev.event_id]))
        if ev.event_id in part_of:
            update["part_of"] = part_of[ev.event_id]
        if ev.event_id in parts:
            update["parts"] = tuple(sorted(parts[ev.event_id]))
        if update:
            events[n] = ev.model_copy(update=update)
    return events


def events_by_block(claims: Sequence[Claim], blocks: Sequence[Sequence[int]], clusterings: Iterable[Clustering],
                    ids: IdState, *, near_misses_per_event: int,
                    skip: Callable[[int], Sequence[EventRecord] | None] | None = None,
                    outside: Mapping[str, str] | None = None) -> Iterator[tuple[int, list[EventRecord], bool]]:
    """(block number, its events, reused) in block order. `clusterings`: one per block not skipped, in
    order. `skip(n)`: the events of block n kept from an earlier run (their ids are marked used), or
    None to build them from the next clustering. `outside`: see `block_events`."""
    found = iter(clusterings)
    for n, block in enumerate(blocks):
        kept = skip(n) if skip is not None else None
        if kept is not None:
            ids.used.update(e.event_id for e in kept)
            yield n, list(kept), True
            continue
        yield n, block_events([claims[i] for i in block], next(found), ids,
                              near_misses_per_event=near_misses_per_event, outside=outside), False


class TallyIndex:
    """What the running-total check needs from every event, kept small: tally events whole (few), and
    of completed exchanges only their days and exact figures per flow (`checks.exchange_spans`)."""

    def __init__(self) -> None:
        self.tallies: list[EventRecord] = []
        self.spans: dict[tuple, list[tuple[int, int, int]]] = defaultdict(list)

    def add(self, ev: EventRecord) -> None:
        if ev.kind == "tally":
            self.tallies.append(without_tally_checks(ev))
        for key, span in exchange_spans(ev):
            self.spans[key].append(span)

    def checked(self) -> dict[str, EventRecord]:
        """tally event id -> the event with this run's tally conflicts added."""
        checks = tally_checks(self.tallies, self.spans)
        out = {}
        for ev in self.tallies:
            if ev.event_id in checks:
                ev = ev.model_copy(update={"conflicts": ev.conflicts + tuple(checks[ev.event_id])})
            out[ev.event_id] = ev
        return out


def without_tally_checks(ev: EventRecord) -> EventRecord:
    """A tally event as its block gives it: the conflicts found by an earlier tally check removed."""
    if any(c.kind in TALLY_CHECKS for c in ev.conflicts):
        return ev.model_copy(update={"conflicts": tuple(c for c in ev.conflicts if c.kind not in TALLY_CHECKS)})
    return ev


__all__ = ["IdState", "TallyIndex", "block_events", "events_by_block", "without_tally_checks"]
