"""Which claims of a block an update clusters again: the parts it reaches (see `clustering.parts_of`).

A block's parts are joined by nothing that the merging reads: a part holds the claims joined by pairs
either pass can merge (and stages, articles, agreements; thin pairs where an undated claim may be
anchored), so clustering a union of parts alone gives the groups, merges and links that clustering the
block gives on them. Near misses (pairs scoring from NEAR_MISS) do cross parts; a pair is shown where it
is among the first MISSES_PER_CLUSTER of either of its clusters (tests/test_near_miss_locality.py), so a
cluster's near misses depend on its own pairs and its neighbours' only.

The store keeps, per claim, its part (`blocks.part`), a hash of the claims it was paired with
(`blocks.partners`: a sum of 64-bit hashes of their ids), one of the claims it was linked to by a pair
joining parts (`blocks.linked`), one of those a near miss can show it with (`blocks.near`), and whether
its strong set may anchor an undated claim (`blocks.anchored`). A stored part is kept when:

- none of its claims was added, changed or retracted, and each is linked to the claims it was linked
  to before, apart from touched claims: its partners' hash, less theirs, is the stored one (nothing
  to score), or, where it is not (the capped lookups found other claims), its pairs with untouched
  claims are scored and those joining parts give the stored linked hash;
- none of its claims is paired with a touched claim, or a claim of a part clustered again, by a pair
  that joins parts (scored again here; a thin pair joins where its undated claim's strong set may
  anchor, taken from above for the sets an update changes: any article of two exchanges in them);
- it lies whole in one block, and no article or agreement joins it to another part or a new claim.

Every other part is clustered again, and so is every kept part whose near misses may rank otherwise:
those holding a claim paired with a touched claim by a pair a near miss can show, or whose near hash
changed, and the parts next to those or to a part clustered again. Their events are built anew; the
stored clusters next to them take part as they are (`fixed`): a near miss with one of them is shown
from its side where it ranks no later than its cluster's stored fifth pair (`blocks.fifth`, see
`Clustering.fifth`), as that cluster's pairs are unchanged. The events of the other parts are what a full rebuild gives: their clusters, pairs,
neighbours' ranks and neighbours' event ids are as they were.

Why this is cheaper than clustering the closed sets again: docs/performance.md ("Store updates: part sizes").
"""

from __future__ import annotations

import hashlib
from array import array
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..reconciling.blocking import candidate_pairs
from ..reconciling.claims import Claim
from ..reconciling.clustering import anchoring, may_anchor
from ..reconciling.disjoint import DisjointSets, article_links
from ..reconciling.quick import quick_score
from ..reconciling.scoring import NEAR_MISS, NO_IDENTIFYING, STAGE, THRESHOLD

_MOD = 1 << 64


@lru_cache(maxsize=1 << 18)
def _hash(claim_id: str) -> int:
    return int.from_bytes(hashlib.blake2b(claim_id.encode("utf-8"), digest_size=8).digest(), "little")


def _signed(v: int) -> int:
    v %= _MOD
    return v - _MOD if v >= 1 << 63 else v  # SQLite integers are signed 64-bit


def block_pairs(claims: Sequence[Claim], pairs: array | None) -> array:
    """A block's candidate pairs packed as a * len(claims) + b (a < b): `pairs` as `partition_pairs` gives
    them, or looked up on the block (a block cut from a larger closed set)."""
    if pairs is not None:
        return pairs
    n = len(claims)
    return array("q", (i * n + j for i, j in candidate_pairs(claims)))


def partner_hashes(claims: Sequence[Claim], pairs: Iterable[int], *, touched: Container[str] | None = None
                   ) -> tuple[list[int], list[int] | None]:
    """Per claim, the hash of the claims it is paired with (packed `pairs`), and, when `touched` is given,
    that hash less the touched claims' (the hash its untouched partners give; else None)."""
    n = len(claims)
    h = [_hash(c.claim_id) for c in claims]
    whole = [0] * n
    if touched is None:
        for key in pairs:
            i, j = divmod(key, n)
            whole[i] += h[j]
            whole[j] += h[i]
        return [_signed(v) for v in whole], None
    hit = [c.claim_id in touched for c in claims]
    less = [0] * n
    for key in pairs:
        i, j = divmod(key, n)
        whole[i] += h[j]
        whole[j] += h[i]
        if not hit[j]:
            less[i] += h[j]
        if not hit[i]:
            less[j] += h[i]
    return [_signed(v) for v in whole], [_signed(v) for v in less]


def linked_hashes(claims: Sequence[Claim], linked: Iterable[tuple[int, int]]) -> list[int]:
    """Per claim, the hash of the claims it is `linked` to (index pairs joining parts, see `parts_of`)."""
    h = [0] * len(claims)
    for i, j in linked:
        h[i] += _hash(claims[j].claim_id)
        h[j] += _hash(claims[i].claim_id)
    return [_signed(v) for v in h]


def _pair_kind(a: Claim, b: Claim) -> int:
    """What a pair is to parts (`clustering.parts_of`): STRONG (joins them), THIN (blocked for want of
    identifying evidence: joins them where an undated claim of it may be anchored), NEAR (a near miss
    can show it) or 0."""
    score, blocked, _ = quick_score(a, b)
    if blocked == STAGE:
        return STRONG
    if score < NEAR_MISS:
        return 0
    if score >= THRESHOLD - 1:
        if not blocked:
            return STRONG
        if blocked == NO_IDENTIFYING and may_anchor(a, b):
            return THIN
    return NEAR


STRONG, THIN, NEAR = 3, 2, 1


@dataclass
class Region:
    """What an update re-clusters in one block: `again`, the claims of the parts it reaches, clustered
    with the claims of `fixed` (index -> the claim's stored event) ranking their near misses."""

    again: list[int]
    fixed: dict[int, str]  # the claims paired with them in other parts -> their stored events


def region(claims: Sequence[Claim], pairs: Sequence[int], untouched_partners: Sequence[int],
           before: Mapping[str, tuple], sizes: Mapping[str, int], touched: Container[str],
           gone_parts: Container[str], events_of: Callable[[list[str]], Mapping[str, str]]) -> Region:
    """The parts of a block's `claims` to cluster again (see the module): `before` gives a claim's stored
    (part, partners, linked, near, anchored, fifth), `sizes` the number of claims read per stored part,
    `touched` the ids of the claims added, changed or retracted, `gone_parts` the parts of retracted or
    changed claims; `events_of(ids)` gives the stored event of claims."""
    n = len(claims)
    hit = [c.claim_id in touched for c in claims]
    seed = [False] * n
    recheck = [False] * n  # paired otherwise than before: linked as before?
    close = [False] * n  # its near misses may rank otherwise
    part_of: list[str | None] = [None] * n
    anchored = [True] * n  # may its strong set anchor an undated claim (unknown: True)
    for i, c in enumerate(claims):
        old = before.get(c.claim_id)
        if old is not None:
            part_of[i] = old[0]
        if hit[i] or old is None or None in old or old[0] in gone_parts:
            seed[i] = True
            continue
        anchored[i] = bool(old[4])
        if untouched_partners[i] != old[1]:
            recheck[i] = True
    adjacent: dict[int, list[int]] = {}
    kinds: dict[int, int] = {}

    def kind(key: int) -> int:
        found = kinds.get(key)
        if found is None:
            i, j = divmod(key, n)
            found = kinds[key] = _pair_kind(claims[i], claims[j])
        return found

    for key in pairs:
        i, j = divmod(key, n)
        adjacent.setdefault(i, []).append(j)
        adjacent.setdefault(j, []).append(i)
    # strong sets bounded from above: stored parts, articles, and the strong pairs of touched claims
    sets = DisjointSets(n)
    find, union = sets.find, sets.union
    first: dict[str, int] = {}
    count: dict[str, int] = {}
    for i, p in enumerate(part_of):
        if p is not None:
            union(first.setdefault(p, i), i)
            count[p] = count.get(p, 0) + 1
    for p, k in count.items():
        if k != sizes.get(p):  # some of its claims are in another block now
            seed[first[p]] = True
    joined = set()  # claims that an article or agreement joined across stored parts (or to a new claim)
    for i, j in article_links(claims):
        if part_of[j] != part_of[i] or part_of[i] is None:
            joined.update((i, j))
        union(i, j)
    linked = [0] * n
    nearby = [0] * n
    for key in pairs:
        i, j = divmod(key, n)
        if hit[i] or hit[j]:
            k = kind(key)
            if k == STRONG:
                seed[i] = seed[j] = True
                union(i, j)
            elif k:
                close[i] = close[j] = True
        elif recheck[i] or recheck[j]:
            k = kind(key)
            if k == STRONG:
                union(i, j)  # new or not, within the bound of the strong sets
            if k == STRONG or (k == THIN and ((anchored[i] and not claims[i].dated)
                                              or (anchored[j] and not claims[j].dated))):
                linked[i] += _hash(claims[j].claim_id)
                linked[j] += _hash(claims[i].claim_id)
            if k:
                nearby[i] += _hash(claims[j].claim_id)
                nearby[j] += _hash(claims[i].claim_id)
    for i in range(n):
        if recheck[i]:
            old = before[claims[i].claim_id]
            if _signed(linked[i]) != old[2]:
                seed[i] = True
            elif _signed(nearby[i]) != old[3]:
                close[i] = True
    flag = anchoring(claims)
    rooted: dict[int, bool] = {}
    for i in range(n):
        if flag[i]:
            rooted[find(i)] = True
    # the parts re-clustered: those of the seeds, and those their thin pairs may join (to a fixed point)
    dirty = {find(i) for i in range(n) if seed[i]} | {find(i) for i in joined}
    members: dict[int, list[int]] = {}
    for i in range(n):
        members.setdefault(find(i), []).append(i)
    changed = set(dirty)  # strong sets whose anchoring is unknown: bounded by the set's articles
    for r in changed:
        for i in members[r]:
            anchored[i] = rooted.get(r, False)
    todo = list(dirty)
    while todo:
        r = todo.pop()
        for i in members[r]:
            for j in adjacent.get(i, ()):
                rj = find(j)
                if rj in dirty:
                    continue
                # a strong pair here is already a seed's (new) or within a stored part: only thin pairs can
                # join, and only where an undated claim of the pair may be anchored
                if ((anchored[i] and not claims[i].dated) or (anchored[j] and not claims[j].dated)) \
                        and kind(i * n + j if i < j else j * n + i) == THIN:
                    dirty.add(rj)
                    todo.append(rj)
    # the parts whose near misses may rank otherwise: those next to a dirty or close part
    core = set(dirty) | {find(i) for i in range(n) if close[i]}
    ranked = set(core)
    for r in core:
        for i in members[r]:
            for j in adjacent.get(i, ()):
                rj = find(j)
                if rj not in ranked:
                    key = i * n + j if i < j else j * n + i
                    if kind(key):
                        ranked.add(rj)
    again = sorted(i for r in ranked for i in members[r])
    if not again:
        return Region(again=[], fixed={})
    inside = set(again)
    ring = sorted({j for i in again for j in adjacent.get(i, ()) if j not in inside})
    index = {c.claim_id: k for k, c in enumerate(claims)}
    events = events_of([claims[j].claim_id for j in ring])
    return Region(again=again, fixed={index[cid]: event_id for cid, event_id in events.items()})


__all__ = ["Region", "block_pairs", "linked_hashes", "partner_hashes", "region"]
