"""Blocks: sets of claims that are reconciled on their own, so memory and time are bounded by the largest block.

A block is a closed set: the claims that reach one another through the candidate lookups (see
`blocking.reach`), the claims of one article (an article's other occasions place its undated
claims, and its agreements are linked to its exchanges), and an exchange with the agreement its line
names. Reconciling each block alone gives the same events as reconciling the whole at once.

A closed set larger than MAX_BLOCK claims (one pair of sides reported every week for years, or a pile
of undated claims chained by their figures) is cut in time: its claims in time order (undated and
unpublished last, by claim id) are cut into runs of at most MAX_BLOCK, each run ending at the widest
gap in time of its second half. Pairs across a cut are not scored; the cuts are a pure function of
the claims, so a full run and an incremental one cut alike.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence

from .blocking import ClaimFacts, group_members, scan
from .claims import Claim
from .disjoint import DisjointSets, article_links
from .evidence import INF

MAX_BLOCK = 5000


def partition(claims: Sequence[Claim], *, max_block: int | None = None) -> list[list[int]]:
    """Blocks of indices into `claims` (sorted by claim id): each block sorted, blocks ordered by
    their first claim."""
    return partition_pairs(claims, max_block=max_block, with_pairs=False)[0]


def partition_pairs(claims: Sequence[Claim], *, max_block: int | None = None, with_pairs: bool = True
                    ) -> tuple[list[list[int]], list[array | None], list[int]]:
    """`partition`'s blocks; for each block the pairs `blocking.candidate_pairs` gives on it, found
    by the same lookups that close the blocks (so they run once): each pair of block indices a < b packed
    as a * len(block) + b; None for a block cut from a larger closed set (`cut_in_time`): its pairs are
    not those of the whole and are looked up on the block alone. Third, per block, the first claim of
    the closed set it was cut from (its own first claim when it was not cut)."""
    if max_block is None:
        max_block = MAX_BLOCK
    n = len(claims)
    uf = DisjointSets(n)
    found = array("q")  # i * n + j: claim i's lookups give the pair of i and j
    twice: set[int] = set()  # the same for claims sharing several (kind, category) groups, which may both give it
    several = [len(c.categories) > 1 for c in claims]
    union_all = uf.union_all
    facts = ClaimFacts(claims)
    members = group_members(claims)
    find, size = uf.find, uf.size

    def wanted(i: int) -> bool:  # sets only grow: a claim already in a set past max_block is in a cut block,
        return size[find(i)] <= max_block  # whose pairs are looked up on the block alone

    for group in sorted(members):
        for i, reached, paired in scan(claims, group=group, facts=facts, members=members.pop(group),
                                       pairs=with_pairs, wanted=wanted):
            union_all(i, set(reached))
            if with_pairs:
                if several[i]:
                    twice.update(i * n + j for j in paired if several[j])
                    found.extend(i * n + j for j in paired if not several[j])
                else:
                    found.extend(i * n + j for j in paired)
    del several, facts
    for i, j in article_links(claims):
        uf.union(i, j)
    members: dict[int, list[int]] = {}
    for i in range(n):
        members.setdefault(uf.find(i), []).append(i)
    del uf
    made: list[tuple[list[int], int]] = []
    for group in members.values():
        if len(group) <= max_block:
            made.append((group, -1))
        else:
            made.extend((run, group[0]) for run in cut_in_time(claims, group, max_block=max_block))
    del members
    made.sort(key=lambda b: b[0][0])
    blocks = [b for b, _ in made]
    groups = [b[0] if whole < 0 else whole for b, whole in made]
    if not with_pairs:
        return blocks, [None] * len(blocks), groups
    pairs: list[array | None] = [array("q") if whole < 0 else None for _, whole in made]
    del made
    block_of = array("l", [0]) * n
    local = array("l", [0]) * n
    for k, block in enumerate(blocks):
        for a, i in enumerate(block):
            block_of[i] = k
            local[i] = a
    for keys in (found, sorted(twice)):
        for key in keys:
            i, j = divmod(key, n)
            k = block_of[i]
            out = pairs[k]
            if out is not None:
                a, b = local[i], local[j]
                out.append(a * len(blocks[k]) + b if a < b else b * len(blocks[k]) + a)
    del found, twice
    return blocks, pairs, groups


def work(claims: Sequence[Claim], blocks: Sequence[Sequence[int]], pairs: list[array | None]
         ) -> Iterator[tuple[list[Claim], array | None]]:
    """Each block's claims and pairs, for an engine (see `engines`); a block's pairs are let go once handed out."""
    for n, block in enumerate(blocks):
        found, pairs[n] = pairs[n], None
        yield [claims[i] for i in block], found


def _when(c: Claim) -> int:
    if c.start is not None:
        return c.start
    if c.end is not None:
        return c.end
    return c.published if c.published is not None else INF


def cut_in_time(claims: Sequence[Claim], group: Sequence[int], *, max_block: int) -> list[list[int]]:
    """`group` cut into runs of at most `max_block` claims in time order, each cut at the widest gap
    of the run's second half (the first such gap when several are as wide)."""
    order = sorted(group, key=lambda i: (_when(claims[i]), i))
    times = [_when(claims[i]) for i in order]
    runs = []
    start = 0
    while len(order) - start > max_block:
        lo, hi = start + max_block // 2, start + max_block
        cut = max(range(lo, hi + 1), key=lambda k: (times[k] - times[k - 1], -k))
        runs.append(sorted(order[start:cut]))
        start = cut
    runs.append(sorted(order[start:]))
    return runs


__all__ = ["MAX_BLOCK", "cut_in_time", "partition", "partition_pairs", "work"]
