"""Which claims of a block an update clusters again: the parts it reaches (see `clustering.parts_of`).

A block's parts are joined by nothing that clustering reads (a pair scoring below NEAR_MISS only caches
whether two claims fit, which is computed again where needed), so clustering a union of parts alone gives
what clustering the block gives on them, and the events of a part that an update cannot reach are those
it has. The store keeps, per claim, its part (`blocks.part`), a hash of the claims it was paired
with (`blocks.partners`: a sum of 64-bit hashes of their ids) and one of the claims it was linked to
by a pair that joins parts (`blocks.linked`). A stored part is kept when:

- none of its claims was added, changed or retracted, and each is linked to the claims it was linked
  to before, apart from touched claims: its partners' hash, less theirs, is the stored one (nothing
  to score), or, where it is not (the capped lookups found other claims), its pairs with untouched
  claims are scored and those joining parts give the stored linked hash (a pair scoring below
  NEAR_MISS gained or lost changes nothing clustering reads);
- none of its claims is paired with a touched claim by a pair that joins parts (scored again here);
- it lies whole in one block, and no article or agreement joins it to another part or a new claim.

Then its claims' pairs, outside those with touched claims (which do not join parts), are those they
had, so its claims join nothing outside it and it is a part of the new block as it was. Every other
part, and the new claims, is clustered again (`region`).

Why parts are large, and a design for smaller ones: docs/performance.md ("Store updates: part sizes").
"""

from __future__ import annotations

import hashlib
from array import array
from collections.abc import Container, Iterable, Mapping, Sequence
from functools import lru_cache

from ..reconciling.blocking import candidate_pairs
from ..reconciling.claims import Claim
from ..reconciling.disjoint import DisjointSets, article_links
from ..reconciling.quick import quick_score
from ..reconciling.scoring import NEAR_MISS, STAGE

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


def _joins(a: Claim, b: Claim) -> bool:
    """Whether a pair joins parts (`clustering.cluster_claims`'s linked pairs)."""
    score, blocked, _ = quick_score(a, b)
    return blocked == STAGE or score >= NEAR_MISS


def region(claims: Sequence[Claim], pairs: Iterable[int], untouched_partners: Sequence[int],
           before: Mapping[str, tuple[str | None, int | None, int | None]], sizes: Mapping[str, int],
           touched: Container[str], gone_parts: Container[str]) -> list[int]:
    """The indices of a block's `claims` to cluster again (see the module): `before` gives a claim's
    stored (part, partners, linked), `sizes` the number of claims read per stored part, `touched` the ids
    of the claims added, changed or retracted, `gone_parts` the parts of retracted or changed claims."""
    n = len(claims)
    sets = DisjointSets(n)
    find, union = sets.find, sets.union

    seed = [False] * n
    recheck = [False] * n  # paired otherwise than before: linked as before?
    part_of: list[str | None] = [None] * n
    for i, c in enumerate(claims):
        old = before.get(c.claim_id)
        if c.claim_id in touched or old is None or old[0] is None or old[1] is None or old[0] in gone_parts:
            seed[i] = True
        elif untouched_partners[i] != old[1]:
            if old[2] is None:
                seed[i] = True
            else:
                recheck[i] = True
        if old is not None:
            part_of[i] = old[0]
    hit = [c.claim_id in touched for c in claims]
    linked = [0] * n
    for key in pairs:
        i, j = divmod(key, n)
        if hit[i] or hit[j]:
            if not (seed[i] and seed[j]) and _joins(claims[i], claims[j]):
                seed[i] = seed[j] = True
        elif (recheck[i] or recheck[j]) and _joins(claims[i], claims[j]):
            linked[i] += _hash(claims[j].claim_id)
            linked[j] += _hash(claims[i].claim_id)
    for i in range(n):
        if recheck[i] and _signed(linked[i]) != before[claims[i].claim_id][2]:
            seed[i] = True
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
    dirty = {find(i) for i in range(n) if seed[i]} | {find(i) for i in joined}
    return [i for i in range(n) if find(i) in dirty]


__all__ = ["block_pairs", "linked_hashes", "partner_hashes", "region"]
