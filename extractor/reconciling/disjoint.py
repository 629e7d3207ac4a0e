"""Disjoint sets (union-find) over the indices 0..n-1, for joining claims into blocks and parts, and the
links of articles and agreements that join claims whatever they score (`article_links`)."""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence

from .claims import Claim


class DisjointSets:
    """Union-find with path halving over integer arrays (a million claims take 16 bytes each); a set's
    root is always its smallest member, so the roots do not depend on the order of the unions, and
    `size[root]` is the size of its set."""

    __slots__ = ("parent", "size")

    def __init__(self, n: int) -> None:
        self.parent = array("l", range(n))
        self.size = array("l", [1]) * n

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            if rj < ri:
                ri, rj = rj, ri
            self.parent[rj] = ri
            self.size[ri] += self.size[rj]

    def union_all(self, i: int, js: Iterable[int]) -> None:
        """`union(i, j)` for every j of `js`."""
        parent, size = self.parent, self.size
        ri = self.find(i)
        for j in js:
            rj = j
            while parent[rj] != rj:  # `find`, inline: it runs once per claim reached
                parent[rj] = parent[parent[rj]]
                rj = parent[rj]
            if rj == ri:
                continue
            if rj < ri:
                ri, rj = rj, ri
            parent[rj] = ri
            size[ri] += size[rj]


def article_links(claims: Sequence[Claim]) -> Iterator[tuple[int, int]]:
    """(i, j) index pairs that join claims whatever they score: each claim with the first claim of its
    article (an article's other occasions place its undated claims), and an exchange with the agreement
    its line names (when that agreement is among `claims`)."""
    first_of_doc: dict[str, int] = {}
    agreements = {c.claim_id: i for i, c in enumerate(claims) if c.kind == "agreement"}
    for i, c in enumerate(claims):
        k = first_of_doc.setdefault(c.doc_id, i)
        if k != i:
            yield k, i
        if c.agreement_ref is not None:
            j = agreements.get(c.agreement_ref)
            if j is not None:
                yield i, j


__all__ = ["DisjointSets", "article_links"]
