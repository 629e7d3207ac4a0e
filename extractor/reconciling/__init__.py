"""Reconciling: claims from many articles into canonical events, one per real-world occasion.

`reconcile(claims)` is the library call; `extractor.storing.reconcile.reconcile_files` is the
command (files in, events file out, optionally through a store). How pairs are found and
scored: `blocking`, `evidence`, `scoring`; how they are merged: `clustering`; the merged
view: `building`; links and tally checks: `checks`; ids: `ids`. Claims are reconciled block by
block (`partition`: closed sets of claims, none larger than MAX_BLOCK; `blockrun`: a block's
events; `engines`: where blocks are clustered, here or on Ray; `streaming`: events spilled to disk
block by block, for large runs).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ..contract.events import EventRecord, SourceMeta
from ..memory import no_cyclic_gc
from .blockrun import IdState, TallyIndex, events_by_block
from .claims import Claim, ClaimInput, ClaimRecord, as_claim, parse_claim, read_claim_files, read_sources, to_claim
from .clustering import Clustering, Merge, Miss, cluster_claims
from .engines import BlockEngine, EngineName, block_engine
from .ids import event_id_for, retired_aliases
from .partition import partition_pairs, work
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
        c = as_claim(item, sources=sources)
        by_id[c.claim_id] = c
    return [by_id[k] for k in sorted(by_id)]


def reconcile(items: Iterable[ClaimInput | ClaimRecord | Claim], *, sources: Mapping[str, SourceMeta] | None = None,
              previous: Mapping[str, str] | None = None, reserved: Iterable[str] = (),
              near_misses_per_event: int = NEAR_MISSES_PER_EVENT, engine: EngineName | BlockEngine = "local"
              ) -> Reconciliation:
    """Group claims into events. `sources`: doc_id -> outlet/url/published for claims whose lines lack them;
    `previous`: claim id -> event id of an earlier run, whose ids are kept (see `ids.assign_ids`);
    `reserved`: retired event ids never handed out again; `engine`: where blocks are clustered (see
    `engines`: the events do not depend on it)."""
    with no_cyclic_gc():
        return _reconcile(items, sources=sources, previous=previous, reserved=reserved,
                          near_misses_per_event=near_misses_per_event, engine=engine)


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


def _reconcile(items, *, sources, previous, reserved, near_misses_per_event, engine) -> Reconciliation:
    claims = as_claims(items, sources=sources)
    blocks, pairs, _ = partition_pairs(claims)
    ids = IdState.of(previous, reserved)
    clusterings = block_engine(engine).cluster(work(claims, blocks, pairs))
    tallies = TallyIndex()
    events: list[EventRecord] = []
    for _, found, _ in events_by_block(claims, blocks, clusterings, ids, near_misses_per_event=near_misses_per_event):
        for ev in found:
            tallies.add(ev)
        events.extend(found)
    checked = tallies.checked()
    events = [checked.get(ev.event_id, ev) for ev in events]
    events.sort(key=lambda e: e.event_id)
    event_of = {cid: ev.event_id for ev in events for cid in ev.claims}
    aliases = retired_aliases(ids.previous, event_of, ids.used) if ids.previous else {}
    return Reconciliation(events=tuple(events), event_of=event_of, aliases=aliases)


__all__ = ["THRESHOLD", "Claim", "ClaimInput", "ClaimRecord", "PairScore", "Reconciliation", "as_claims", "cluster_blocks",
           "event_id_for", "parse_claim", "read_claim_files", "read_sources", "reconcile", "score_pair", "to_claim"]
