"""Candidate blocking: which claim pairs get scored at all, so the cost stays near-linear.

A claim is filed under blocks of (kind, category, parties): see `_blocks`. Within a block:

- dated claims sit in 7-day buckets and meet the dated claims of nearby buckets (their
  interval widened by WINDOW days);
- an undated claim meets the claims that give a figure of similar size for the same
  category (log-scale buckets), the claims with the same flows and status, and, when its
  article's publication day is known, the dated claims around that day; one without any
  figure also meets the nearest claims of its block (in time, else in claim-id order).

Every lookup is capped at CAP claims (the ones nearest in time), and an undated claim's
lookups together at 2 x CAP per block (nearest in time, else in claim-id order among them), so a
crowded block costs O(CAP) per claim rather than O(block size). `reach` gives what every lookup
finds (a dated lookup its CAP nearest, an undated claim's lookups their whole pool, before the 2 x CAP
cut): `partition` closes blocks over it, so a block gives the pairs the whole gives.
"""

from __future__ import annotations

import math
from array import array
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence

from .claims import Claim
from .evidence import INF, PUBDAY_SLACK, tolerant_interval

WEEK = 7
WINDOW = PUBDAY_SLACK + 2
OPEN_SPAN = 31  # an interval open on one side is searched this far from its known end
WIDE = 400  # intervals longer than this (days) are filed under their first and last weeks only
PUBLISHED_WINDOW = 14
CAP = 32
_NEAREST_KEPT = 200_000
_LOG_STEP = math.log(1.1)


def _blocks(c: Claim) -> list[tuple]:
    """The blocks a claim is filed under. Two claims that both name two or more parties must share
    two of them (as the scorer's party rule has it), so they meet under a party-pair block; a claim
    naming one party meets every claim naming it; a claim naming none meets every claim of its
    kind and category (those claims look it up, see `_lookups`)."""
    cats = sorted(c.categories) or ["*"]
    parties = sorted(c.parties)
    if not parties:
        return [(c.kind, cat, "*") for cat in cats]
    keys: list[tuple] = [(c.kind, cat, p, "+") for cat in cats for p in parties]  # every claim naming p
    if len(parties) == 1:
        keys += [(c.kind, cat, parties[0], "1") for cat in cats]  # claims naming p alone
    else:
        keys += [(c.kind, cat, p, q) for cat in cats for n, p in enumerate(parties) for q in parties[n + 1:]]
    return keys


def _lookups(c: Claim) -> list[tuple]:
    cats = sorted(c.categories) or ["*"]
    parties = sorted(c.parties)
    if not parties:
        return [(c.kind, cat, "*") for cat in cats]
    keys: list[tuple] = [(c.kind, cat, "*") for cat in cats]
    if len(parties) == 1:
        return keys + [(c.kind, cat, parties[0], "+") for cat in cats]
    keys += [(c.kind, cat, p, "1") for cat in cats for p in parties]
    keys += [(c.kind, cat, p, q) for cat in cats for n, p in enumerate(parties) for q in parties[n + 1:]]
    return keys


def _span(c: Claim) -> tuple[int, int]:
    lo = c.start if c.start is not None else c.end - OPEN_SPAN  # type: ignore[operator]
    hi = c.end if c.end is not None else c.start + OPEN_SPAN  # type: ignore[operator]
    return lo, hi


def _weeks(lo: int, hi: int) -> list[int]:
    if hi - lo > WIDE:
        return sorted({lo // WEEK, hi // WEEK})
    return list(range(lo // WEEK, hi // WEEK + 1))


def _time(c: Claim) -> int | None:
    if c.start is not None:
        return c.start
    if c.end is not None:
        return c.end
    return c.published


def _magnitudes(c: Claim) -> set[tuple[str, int]]:
    out = set()
    for f in c.flows:
        v = f[3] if f[3] is not None else (f[4] if f[4] is not None else f[5])
        if v is not None and v > 0:
            out.add((f[2], int(math.log(v) / _LOG_STEP)))
    return out


def _longs() -> array:
    return array("q")


class _Sorted:
    """Claim indices ordered by time (undated and unpublished last, by claim id), for nearest-in-time lookups."""

    __slots__ = ("entries", "scale")

    def __init__(self, entries: array, scale: int) -> None:
        """`entries`: (time, index) packed as time * scale + index (`scale` above every index), so a
        million claims' entries take 8 bytes each rather than a tuple each."""
        self.entries = array("q", sorted(entries))
        self.scale = scale

    def nearest(self, t: int | None, i: int) -> list[int]:
        n = len(self.entries)
        scale = self.scale
        if n <= CAP:
            return [e % scale for e in self.entries]
        pos = bisect_left(self.entries, (t if t is not None else INF) * scale + i)
        lo = max(0, min(pos - CAP // 2, n - CAP))
        return [e % scale for e in self.entries[lo:lo + CAP]]


def candidate_pairs(claims: Sequence[Claim]) -> Iterator[tuple[int, int]]:
    """Index pairs (i < j) worth scoring; each pair once."""
    for i, _, paired in scan(claims):
        for j in paired:
            yield (i, j) if i < j else (j, i)


def reach(claims: Sequence[Claim], *, group: tuple[str, str] | None = None) -> Iterator[tuple[int, int]]:
    """(i, j): claim j is found by claim i's lookups: for a dated claim, each lookup's CAP nearest (the
    capped list, as the pairs are taken from it); for an undated one, the whole pool of its lookups
    (each list's nearest, and the claims around its publication day), before the pool is cut to the
    2 x CAP nearest. Claims that reach each other, transitively, form a closed set: `candidate_pairs`
    on it gives exactly the pairs it gives on the whole (each cap keeps the nearest of what the lookup
    finds, and a closed set holds everything its claims' lookups find on the whole).
    `group` (kind, category): only the lookups of that kind and category (each lookup is capped on its
    own, so the groups together give the whole; one at a time holds only one group's index)."""
    for i, reached, _ in scan(claims, group=group, pairs=False):
        for j in reached:
            yield i, j


def group_members(claims: Sequence[Claim]) -> dict[tuple[str, str], list[int]]:
    """The claims of each (kind, category) group (the groups `reach` can be run on one at a time), as
    increasing indices."""
    out: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        for cat in (c.categories or ("*",)):
            out[(c.kind, cat)].append(i)
    return out


class ClaimFacts:
    """What `scan` reads of every claim, found once for all the groups a caller scans one at a time."""

    __slots__ = ("times", "spans", "no_parties", "tolerant", "first_day", "published_by")

    def __init__(self, claims: Sequence[Claim]) -> None:
        self.times = [_time(c) for c in claims]
        self.spans = [_span(c) if c.dated else None for c in claims]
        self.no_parties = [not c.parties for c in claims]
        # What proves a pair apart in time, so it is never paired: the scorer blocks it with a score of 0
        # (`scoring.DATES_APART`, or `scoring.AFTER_PUBLICATION`: `quick._dates`), so scoring it changes nothing
        self.tolerant = [tolerant_interval(c) if c.dated else None for c in claims]
        self.first_day = [(c.start if c.start is not None else c.end) if c.dated else None for c in claims]
        self.published_by = [c.published + 1 if not c.dated and c.status == "completed" and c.published is not None
                             and c.kind == "exchange" else None for c in claims]


def scan(claims: Sequence[Claim], *, group: tuple[str, str] | None = None, facts: ClaimFacts | None = None,
         members: Sequence[int] | None = None, pairs: bool = True, wanted: Callable[[int], bool] | None = None
         ) -> Iterator[tuple[int, list[int], list[int]]]:
    """Per claim i, in order: the claims its lookups find before the caps (as `reach` gives them, with
    repeats), and the claims j it is paired with (`candidate_pairs` gives the pair of i and j from i's
    side; always empty with `pairs=False`, for callers that need only what is reached, and for a claim
    whose pairs are not `wanted`, asked just before its lookups). `group`: as for `reach`; `members`: the
    group's claims when known (`group_members`), and `facts`: `ClaimFacts(claims)` when known."""
    by_week: dict[tuple, array] = defaultdict(_longs)
    by_size: dict[tuple, array] = defaultdict(_longs)  # (time, index) packed as in `_Sorted`
    by_sig: dict[tuple, array] = defaultdict(_longs)
    by_block: dict[tuple, array] = defaultdict(_longs)
    scale = len(claims) + 1
    if members is None:
        if group is None:
            members = range(len(claims))
        else:
            kind, cat = group
            members = [i for i, c in enumerate(claims)
                       if c.kind == kind and (cat in c.categories or (cat == "*" and not c.categories))]
    keys_of = _KeysOf(group)
    # A claim is filed only under the keys some claim looks up (the rest is never read): under a key's
    # weeks where a dated claim, or an undated one with a publication day, looks it up; in its sorted
    # lists where an undated claim does.
    by_weeks: set[tuple] = set()
    by_order: set[tuple] = set()
    for i in members:
        c = claims[i]
        looked = keys_of.lookups(c)
        if not c.dated:
            by_order.update(looked)
        if c.dated or c.published is not None:
            by_weeks.update(looked)
    for i in members:
        c = claims[i]
        filed = keys_of.blocks(c)
        if c.dated and not by_weeks.isdisjoint(filed):
            for w in _weeks(*_span(c)):
                for b in filed:
                    if b in by_weeks:
                        by_week[(b, w)].append(i)
        if by_order.isdisjoint(filed):
            continue
        t = _time(c)
        tkey = (t if t is not None else INF) * scale + i
        sig = (c.status, c.signature)
        magnitudes = _magnitudes(c)
        for b in filed:
            if b not in by_order:
                continue
            for m in magnitudes:
                by_size[(b, m)].append(tkey)
            by_sig[(b, sig)].append(tkey)
            by_block[b].append(tkey)
    del by_weeks, by_order
    sizes = {k: _Sorted(v, scale) for k, v in by_size.items()}
    sigs = {k: _Sorted(v, scale) for k, v in by_sig.items()}
    blocks = {k: _Sorted(v, scale) for k, v in by_block.items()}
    weeks = by_week  # indices in increasing order, as added
    del by_size, by_sig, by_block
    if facts is None:
        facts = ClaimFacts(claims)
    times, spans, no_parties = facts.times, facts.spans, facts.no_parties
    tolerant, first_day, published_by = facts.tolerant, facts.first_day, facts.published_by
    nearest: dict[tuple, list[int]] = {}  # (block, lo, hi) -> a dated lookup's claims: claims of one day share it
    timed: dict[tuple, array] = {}  # (block, week) -> its claims as (time, index) packed, sorted (`_nearest_dated`)

    for i in members:
        c = claims[i]
        reached: list[int] = []
        seen: set[int] = set()
        pair_i = pairs and (wanted is None or wanted(i))
        t = times[i]
        span_i = spans[i]
        if span_i is None:
            near_sizes = [(m[0], m[1] + dm) for m in _magnitudes(c) for dm in (-1, 0, 1)]
            sig = (c.status, c.signature)
            published_weeks = () if c.published is None else \
                _weeks(c.published - PUBLISHED_WINDOW, c.published + PUBLISHED_WINDOW)
        for b in keys_of.lookups(c):
            if span_i is not None:
                lo, hi = span_i
                found = nearest.get((b, lo, hi))
                if found is None:
                    found = []
                    looked_weeks = _weeks(lo - WINDOW, hi + WINDOW)
                    for w in looked_weeks:
                        found.extend(weeks.get((b, w), ()))
                    if len(found) > CAP:
                        found = _nearest_dated(weeks, timed, times, b, looked_weeks, lo, hi, scale)
                    if len(nearest) >= _NEAREST_KEPT:
                        nearest.clear()
                    nearest[(b, lo, hi)] = found
                reached.extend(found)
                if pair_i:
                    seen.update(found)
            else:
                pool: set[int] = set()
                for m in near_sizes:
                    s = sizes.get((b, m))
                    if s is not None:
                        pool.update(s.nearest(t, i))
                s = sigs.get((b, sig))
                if s is not None:
                    pool.update(s.nearest(t, i))
                if not c.counted:  # nothing to go by but the block: its nearest claims
                    s = blocks.get(b)
                    if s is not None:
                        pool.update(s.nearest(t, i))
                for w in published_weeks:
                    pool.update(weeks.get((b, w), ()))
                reached.extend(pool)
                if pair_i:
                    if len(pool) > 2 * CAP:
                        pool = set(_nearest_of_pool(times, pool, i, t, scale))
                    seen.update(pool)
        paired: list[int] = []
        seen.discard(i)
        if pair_i and span_i is not None:
            lo_i, hi_i = span_i
            tlo_i, thi_i = tolerant[i]  # type: ignore[misc]
            day_i = first_day[i]
            has_parties = bool(c.parties)
            for j in sorted(seen):
                if not (j > i or (has_parties and no_parties[j])):  # or d is found one-sidedly: it names no party (it looks up only its like)
                    continue
                span_j = spans[j]
                if span_j is not None:
                    if span_j[0] - hi_i > WINDOW or lo_i - span_j[1] > WINDOW:
                        continue
                    t_j = tolerant[j]
                    if t_j[0] > thi_i or tlo_i > t_j[1]:  # type: ignore[index]
                        continue  # the days the two can lie on do not meet (`evidence.tolerant_interval`)
                elif published_by[j] is not None and day_i > published_by[j]:  # type: ignore[operator]
                    continue  # dated after the undated completed report was published
                paired.append(j)
        elif pair_i:  # found one-sidedly: d is dated (dated claims do not look undated ones up), or names no party while c names some
            has_parties = bool(c.parties)
            by = published_by[i]
            for j in sorted(seen):
                if j > i or spans[j] is not None or (has_parties and no_parties[j]):
                    if by is not None and spans[j] is not None and first_day[j] > by:  # type: ignore[operator]
                        continue  # dated after the undated completed report was published
                    paired.append(j)
        yield i, reached, paired


class _KeysOf:
    """`_blocks` and `_lookups` of a claim within one (kind, category) group (or all of them), found once
    per kind, categories and parties: claims share these, and so then do their keys."""

    __slots__ = ("group", "_blocks", "_lookups")

    def __init__(self, group: tuple[str, str] | None) -> None:
        self.group = group
        self._blocks: dict[tuple, list[tuple]] = {}
        self._lookups: dict[tuple, list[tuple]] = {}

    def _within(self, keys: list[tuple]) -> list[tuple]:
        return keys if self.group is None else [b for b in keys if b[:2] == self.group]

    def blocks(self, c: Claim) -> list[tuple]:
        found = self._blocks.get((c.kind, c.categories, c.parties))
        if found is None:
            found = self._blocks[(c.kind, c.categories, c.parties)] = self._within(_blocks(c))
        return found

    def lookups(self, c: Claim) -> list[tuple]:
        found = self._lookups.get((c.kind, c.categories, c.parties))
        if found is None:
            found = self._lookups[(c.kind, c.categories, c.parties)] = self._within(_lookups(c))
        return found


def _nearest_dated(weeks: dict[tuple, array], timed: dict[tuple, array], times: Sequence[int | None], b: tuple,
                   looked_weeks: Sequence[int], lo: int, hi: int, scale: int) -> list[int]:
    """The CAP claims filed under key `b` in `looked_weeks` nearest in time to the days lo..hi: fewest days
    away (`times`: each claim's `_time`), ties by index, each once. Each week's claims are kept sorted by
    (time, index) in `timed` (made on first use), so only the claims that can be among the CAP nearest are
    looked at: those inside lo..hi (no day away); when fewer than CAP, then of each week the `need` (CAP
    less those) first after hi (in (days away, index) order as they stand) and the `need` last before lo,
    with every claim of the same day as the farthest of them (before lo, fewer days away is a later day,
    and a day's claims go by index)."""
    inside: set[int] = set()
    sides: list[tuple[array, int, int]] = []
    lo_key, past_hi = lo * scale, (hi + 1) * scale
    for w in looked_weeks:
        bucket = weeks.get((b, w))
        if not bucket:
            continue
        ordered = timed.get((b, w))
        if ordered is None:
            ordered = timed[(b, w)] = array("q", sorted(times[j] * scale + j for j in bucket))  # type: ignore[operator]
        before = bisect_left(ordered, lo_key)
        after = bisect_left(ordered, past_hi, before)
        if after > before:
            inside.update(e % scale for e in ordered[before:after])
        sides.append((ordered, before, after))
    if len(inside) >= CAP:
        return sorted(inside)[:CAP]
    need = CAP - len(inside)
    keys = inside  # (days away, index) packed as days * scale + index: index alone inside lo..hi
    hi_key = hi * scale
    for ordered, before, after in sides:
        keys.update(e - hi_key for e in ordered[after:after + need])
        if before:
            start = before - need
            if start <= 0:
                start = 0
            else:
                day = ordered[start] // scale
                while start and ordered[start - 1] // scale == day:
                    start -= 1
            for e in ordered[start:before]:
                t, j = divmod(e, scale)
                keys.add((lo - t) * scale + j)
    return [k % scale for k in sorted(keys)[:CAP]]


def _nearest_of_pool(times: Sequence[int | None], pool: set[int], i: int, t: int | None, scale: int) -> list[int]:
    """The 2 x CAP claims of an undated claim's pool nearest to it: in time (`times`: each claim's
    `_time`; no time counts as none away), else in claim-id order among the pool (ranks within the
    pool, so the choice does not depend on claims outside it). Ties by index: (distance, index) packed
    as distance * `scale` + index (`scale` above every index)."""
    if t is not None:
        return [k % scale for k in sorted([(abs(times[j] - t) if times[j] else 0) * scale + j  # type: ignore[operator]
                                           for j in pool])[:2 * CAP]]
    ordered = sorted(pool | {i})
    at = ordered.index(i)
    return [k % scale for k in sorted([abs(r - at) * scale + j for r, j in enumerate(ordered) if j != i])[:2 * CAP]]


def filed_keys(c: Claim) -> list[tuple]:
    """The lookup keys a claim is filed under (others find it through them)."""
    return _blocks(c)


def lookup_keys(c: Claim) -> list[tuple]:
    """The lookup keys a claim looks up."""
    return _lookups(c)

