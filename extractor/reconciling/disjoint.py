"""Disjoint sets (union-find) over the indices 0..n-1, for joining claims into parts."""

from __future__ import annotations


class DisjointSets:
    """Union-find with path halving; a set's root is always its smallest member, so the roots
    do not depend on the order of the unions."""

    __slots__ = ("_parent",)

    def __init__(self, n: int) -> None:
        self._parent = list(range(n))

    def find(self, i: int) -> int:
        parent = self._parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self._parent[max(ri, rj)] = min(ri, rj)


__all__ = ["DisjointSets"]
