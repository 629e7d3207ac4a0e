"""Event ids: derived from the earliest claim id of the event, and kept when a store already has one.

`event_id_for` is a pure function of a claim id, so a batch run always gives the same ids.
With `previous` (claim id -> event id from an earlier run), every event keeps the old id that
most of its claims had (on a tie, the one of its earliest claim); an old id whose claims now
sit in another event becomes an alias.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Container, Iterable, Mapping, Sequence


def event_id_for(claim_id: str) -> str:
    return "ev-" + hashlib.sha256(claim_id.encode("utf-8")).hexdigest()[:16]


def assign_ids(groups: Sequence[Sequence[str]], *, previous: Mapping[str, str] | None = None,
               reserved: Iterable[str] = ()) -> tuple[list[str], dict[str, str]]:
    """Event ids for `groups` (claim ids per event, each sorted) and the aliases of retired old ids.

    `reserved`: ids never to hand out to a new event (ids retired earlier)."""
    previous = previous or {}
    used: set[str] = set()
    final = assign_block_ids(groups, previous=previous, taken=set(previous.values()) | set(reserved), used=used)
    where = {c: final[g] for g, members in enumerate(groups) for c in members}
    return final, retired_aliases(previous, where, used)


def assign_block_ids(groups: Sequence[Sequence[str]], *, previous: Mapping[str, str], taken: Container[str],
                     used: set[str]) -> list[str]:
    """Event ids for the `groups` of one block. An event keeps the old id most of its claims had (on a
    tie, the one of its earliest claim) unless an earlier group or block took it; a new event gets the
    id of its earliest claim, never one in `taken` (every old and retired id) or `used` (ids handed out
    so far in this run, which this adds to)."""
    ids: list[str | None] = [None] * len(groups)
    if previous:
        offers = []
        for g, members in enumerate(groups):
            first: dict[str, str] = {}
            for c in members:  # sorted: the first claim seen per old id is its earliest here
                if c in previous:
                    first.setdefault(previous[c], c)
            for old, n in Counter(previous[c] for c in members if c in previous).items():
                offers.append((-n, first[old], old, g))
        offers.sort()
        for _, _, old, g in offers:
            if ids[g] is None and old not in used:
                ids[g] = old
                used.add(old)
    for g, members in enumerate(groups):
        if ids[g] is None:
            base = event_id_for(members[0])
            candidate, n = base, 1
            while candidate in taken or candidate in used:
                n += 1
                candidate = f"{base}-{n}"
            ids[g] = candidate
            used.add(candidate)
    return [i for i in ids if i is not None]


def retired_aliases(previous: Mapping[str, str], where: Mapping[str, str], used: Container[str]) -> dict[str, str]:
    """Old id no longer handed out -> the event that holds most of its claims now (on a tie, the lowest id)."""
    votes: dict[str, Counter] = {}
    for c, old in previous.items():
        if old not in used and c in where:
            votes.setdefault(old, Counter())[where[c]] += 1
    return {old: sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for old, counter in votes.items()}
