"""Reconciling: claims from many articles into canonical events, one per real-world occasion.

`reconcile(claims)` is the library call; `extractor.storing.reconcile.reconcile_files` is the
command (files in, events file out, optionally through a store). How pairs are found and
scored: `blocking`, `evidence`, `scoring`; how they are merged: `clustering`; the merged
view: `building`; links and tally checks: `checks`; ids: `ids`.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from ..contract.events import EventRecord, MergeReason, NearMiss, SourceMeta
from .building import build_event
from .checks import agreement_links, stage_links, tally_conflicts
from .claims import Claim, ClaimInput, ClaimRecord, parse_claim, read_claim_files, read_sources, to_claim
from .clustering import Clustering, Merge, Miss, cluster_claims
from .ids import assign_ids, event_id_for
from .partition import partition
from .scoring import THRESHOLD, PairScore, score_pair

NEAR_MISSES_PER_EVENT = 5


@dataclass(frozen=True)
class Reconciliation:
    """`events` sorted by event id; `event_of`: claim id -> event id; `aliases`: retired event id -> event id."""

    events: tuple[EventRecord, ...]
    event_of: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)


def as_claims(items: Iterable[ClaimInput | ClaimRecord | Claim], *, sources: Mapping[str, SourceMeta] | None = None
              ) -> list[Claim]:
    """Compact claims sorted by claim id; a claim id given twice keeps its last version."""
    by_id: dict[str, Claim] = {}
    for item in items:
        if isinstance(item, Claim):
            c = item
        else:
            c = to_claim(item if isinstance(item, ClaimInput) else ClaimInput(record=item), sources=sources)
        by_id[c.claim_id] = c
    return [by_id[k] for k in sorted(by_id)]


def reconcile(items: Iterable[ClaimInput | ClaimRecord | Claim], *, sources: Mapping[str, SourceMeta] | None = None,
              previous: Mapping[str, str] | None = None, reserved: Iterable[str] = (),
              near_misses_per_event: int = NEAR_MISSES_PER_EVENT) -> Reconciliation:
    """Group claims into events. `sources`: doc_id -> outlet/url/published for claims whose lines lack them;
    `previous`: claim id -> event id of an earlier run, whose ids are kept (see `ids.assign_ids`);
    `reserved`: retired event ids never handed out again."""
    with _no_cyclic_gc():
        return _reconcile(items, sources=sources, previous=previous, reserved=reserved,
                          near_misses_per_event=near_misses_per_event)


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """The reconciler allocates millions of small acyclic objects; the cyclic collector's passes over
    them cost more than the whole matching at a million claims. Reference counting still frees them."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def cluster_blocks(claims: Sequence[Claim], blocks: Iterable[Sequence[int]]) -> Clustering:
    """`cluster_claims` on each block alone (see `partition`), in the indices of `claims`."""
    groups: list[list[int]] = []
    merges: list[Merge] = []
    misses: list[Miss] = []
    stages: list[tuple[int, int]] = []
    for block in blocks:
        part = cluster_claims([claims[i] for i in block])
        groups += [[block[k] for k in g] for g in part.groups]
        merges += [Merge(block[m.a], block[m.b], m.score, m.reasons, m.stage) for m in part.merges]
        misses += [Miss(block[m.a], block[m.b], m.score, m.reasons, m.blocked_by) for m in part.misses]
        stages += [(block[a], block[b]) for a, b in part.stage_links]
    groups.sort(key=lambda g: g[0])
    return Clustering(groups=groups, merges=merges, misses=misses, stage_links=sorted(stages))


def _reconcile(items, *, sources, previous, reserved, near_misses_per_event) -> Reconciliation:
    claims = as_claims(items, sources=sources)
    clustering = cluster_blocks(claims, partition(claims))
    groups = [[claims[i].claim_id for i in g] for g in clustering.groups]
    ids, aliases = assign_ids(groups, previous=previous, reserved=reserved)
    event_of = {cid: ids[g] for g, members in enumerate(groups) for cid in members}

    merges: dict[str, list[MergeReason]] = defaultdict(list)
    for m in clustering.merges:
        a, b = claims[m.a], claims[m.b]
        merges[event_of[a.claim_id]].append(MergeReason.model_construct(
            claim_id=b.claim_id, linked_to=a.claim_id, score=m.score, reasons=m.reasons, stage=m.stage))
    misses: dict[str, list[NearMiss]] = defaultdict(list)
    for m in clustering.misses:
        a, b = claims[m.a], claims[m.b]
        for x, y in ((a, b), (b, a)):
            misses[event_of[x.claim_id]].append(NearMiss.model_construct(
                claim_id=x.claim_id, other_claim_id=y.claim_id, other_event_id=event_of[y.claim_id],
                score=m.score, reasons=m.reasons, blocked_by=m.blocked_by))
    events = []
    for g, members in enumerate(clustering.groups):
        ev_id = ids[g]
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
    checks = tally_conflicts(events)
    for n, ev in enumerate(events):
        update: dict[str, object] = {}
        if ev.event_id in links:
            update["agreement"] = links[ev.event_id]
        if ev.event_id in executed:
            update["executed_by"] = tuple(sorted(executed[ev.event_id]))
        if ev.event_id in checks:
            update["conflicts"] = ev.conflicts + tuple(checks[ev.event_id])
        if ev.event_id in part_of:
            update["part_of"] = part_of[ev.event_id]
        if ev.event_id in parts:
            update["parts"] = tuple(sorted(parts[ev.event_id]))
        if update:
            events[n] = ev.model_copy(update=update)
    events.sort(key=lambda e: e.event_id)
    return Reconciliation(events=tuple(events), event_of=event_of, aliases=aliases)


__all__ = ["THRESHOLD", "Claim", "ClaimInput", "ClaimRecord", "PairScore", "Reconciliation", "as_claims", "cluster_blocks",
           "event_id_for", "parse_claim", "read_claim_files", "read_sources", "reconcile", "score_pair", "to_claim"]
