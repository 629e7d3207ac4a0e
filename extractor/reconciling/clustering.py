"""Greedy, constrained merging of scored pairs into clusters (one cluster = one occasion).

Pass 1 merges candidate pairs best score first (ties by claim ids, so the result does not
depend on input order). A merge is refused when the two clusters share an article or when
the days their members can lie on (see `evidence.tolerant_interval`) no longer overlap, so
a chain of one-day steps cannot join the stages of a multi-day swap.

Reports placed loosely in time (undated, or dated to a month or a year) join a cluster only
when they fit every member of it (complete linkage: see `PairScore.compatible`), so an undated
report cannot be the hub that chains two occasions. One that fits two more closely placed,
mutually incompatible claims equally well (within MARGIN) joins neither, in either pass.

A single day inside another claim's multi-day span is a stage of that swap: the pair is never
merged, and the two events are linked (`stage_links`).

Pass 2 places clusters that are still undated: an article's undated claims are taken to lie
near the occasions its other claims were placed at (its anchor). A pair scoring at least
THRESHOLD - 1 gets +1 when the other side is dated to within PRECISE_DAYS and lies within
ANCHOR_DAYS of that anchor (which also counts as the identifying evidence the pair lacked),
-1 when it lies more than FAR_DAYS away, and is merged if it then reaches THRESHOLD, unless
another event fits the undated cluster as well (within MARGIN).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from .blocking import candidate_pairs
from .claims import Claim
from .disjoint import DisjointSets, article_links
from .evidence import placement, tolerant_interval
from .quick import compatible, quick_score
from .scoring import CONTRADICTIONS, NEAR_MISS, NO_IDENTIFYING, STAGE, THRESHOLD, score_pair

ANCHOR_DAYS = 7
FAR_DAYS = 60
ANCHOR_WIDTH = 62  # an article whose placed occasions span more days gives no anchor
PRECISE_DAYS = 7  # only an event dated to within a week can be placed near an anchor


@dataclass(frozen=True, slots=True)
class Merge:
    a: int
    b: int
    score: float
    reasons: tuple[str, ...]
    stage: str


@dataclass(frozen=True, slots=True)
class Miss:
    a: int
    b: int
    score: float
    reasons: tuple[str, ...]
    blocked_by: str | None


@dataclass
class Clustering:
    """`groups`: claim indices per cluster, each sorted, clusters ordered by their first claim."""

    groups: list[list[int]]
    merges: list[Merge] = field(default_factory=list)
    misses: list[Miss] = field(default_factory=list)
    stage_links: list[tuple[int, int]] = field(default_factory=list)  # (stage claim, whole-swap claim) indices
    parts: list[int] = field(default_factory=list)  # per claim, the first claim of its part (see `parts_of`)
    linked: list[tuple[int, int]] = field(default_factory=list)  # the pairs joining parts (see `parts_of`)
    near: list[tuple[int, int]] = field(default_factory=list)  # the pairs a near miss can show (and stages)
    anchored: list[bool] = field(default_factory=list)  # per claim: its part may place an undated claim
    # per claim, the last of the first MISSES_PER_CLUSTER pairs of its cluster with others (`_rank_key`), or
    # () where it has fewer: a near miss of the cluster is shown from its side where it ranks no later
    fifth: list[tuple | None] = field(default_factory=list)


LOOSE = 1  # placement at or below this (a month, a year, an open interval, no date) fits only where it fits everyone
LINKAGE_LIMIT = 4096  # cross pairs checked per merge; beyond, only the first members' (sorted) are checked


class _Clusters:
    def __init__(self, claims: Sequence[Claim]) -> None:
        n = len(claims)
        self.claims = claims
        self.loose = [placement(c) <= LOOSE or bool(c.people) for c in claims]
        self.any_loose = list(self.loose)
        self._fits: dict[tuple[int, int], bool] = {}
        self.parent = list(range(n))
        self.members: list[list[int] | None] = [[i] for i in range(n)]
        self.docs: list[set[str] | None] = [{c.run_doc} for c in claims]
        spans = [tolerant_interval(c) for c in claims]
        self.lo = [s[0] for s in spans]
        self.hi = [s[1] for s in spans]
        self.dated = [c.dated for c in claims]
        self.hull: list[tuple[int, int] | None] = [_hull(c) for c in claims]

    def find(self, i: int) -> int:
        root = i
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[i] != root:
            self.parent[i], i = root, self.parent[i]
        return root

    def conflict(self, ra: int, rb: int) -> str | None:
        da, db = self.docs[ra], self.docs[rb]
        small, big = (da, db) if len(da) <= len(db) else (db, da)  # type: ignore[arg-type]
        if any(d in big for d in small):  # type: ignore[union-attr]
            return "an article already in the other event"
        if max(self.lo[ra], self.lo[rb]) > min(self.hi[ra], self.hi[rb]):
            return "the events' dates no longer overlap"
        if self.any_loose[ra] or self.any_loose[rb]:
            misfit = self.misfit(ra, rb)
            if misfit is not None:
                return f"an undated, loosely dated or named report that does not fit {self.claims[misfit].claim_id}"
        return None

    def known(self, i: int, j: int, compatible: bool) -> None:
        """A pair's `fits`, scored already (i < j)."""
        self._fits[(i, j)] = compatible

    def fits(self, i: int, j: int) -> bool:
        key = (i, j) if i < j else (j, i)
        found = self._fits.get(key)
        if found is None:
            found = self._fits[key] = compatible(quick_score(self.claims[key[0]], self.claims[key[1]]))
        return found

    def misfit(self, ra: int, rb: int) -> int | None:
        """A member of one cluster that some loose member of the other does not fit (complete linkage)."""
        loose = self.loose
        mb = sorted(self.members[rb])  # type: ignore[arg-type]
        loose_b = [y for y in mb if loose[y]]
        checked = 0
        for x in sorted(self.members[ra]):  # type: ignore[arg-type]
            for y in (mb if loose[x] else loose_b):  # pairs of two closely placed members need not fit
                checked += 1
                if checked > LINKAGE_LIMIT:
                    return None
                if not self.fits(x, y):
                    return y if loose[x] else x
        return None

    def union(self, ra: int, rb: int) -> None:
        if len(self.members[ra]) < len(self.members[rb]):  # type: ignore[arg-type]
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra].extend(self.members[rb])  # type: ignore[union-attr]
        self.docs[ra].update(self.docs[rb])  # type: ignore[union-attr]
        self.members[rb] = self.docs[rb] = None
        self.lo[ra] = max(self.lo[ra], self.lo[rb])
        self.hi[ra] = min(self.hi[ra], self.hi[rb])
        self.dated[ra] = self.dated[ra] or self.dated[rb]
        self.any_loose[ra] = self.any_loose[ra] or self.any_loose[rb]
        ha, hb = self.hull[ra], self.hull[rb]
        self.hull[ra] = hb if ha is None else ha if hb is None else (min(ha[0], hb[0]), max(ha[1], hb[1]))


def _hull(c: Claim) -> tuple[int, int] | None:
    if c.start is None and c.end is None:
        return None
    lo = c.start if c.start is not None else c.end
    hi = c.end if c.end is not None else c.start
    return lo, hi  # type: ignore[return-value]


class _Pairs:
    """Scored candidate pairs packed into ints (score key, i, j), so a million claims' pairs fit in memory.

    Sorting the ints orders pairs best score first, then by claim ids; reasons are recomputed only
    for the pairs that end up in the output (merges and near-misses)."""

    def __init__(self, n: int) -> None:
        self.bits = max(1, n.bit_length())
        self.mask = (1 << self.bits) - 1
        self.keys: list[int] = []
        self.blocked: set[int] = set()
        self.thin: set[int] = set()  # blocked only for want of identifying evidence

    def add(self, score: float, i: int, j: int, blocked: str | None) -> None:
        key = ((round((_SCORE_CEILING - score) * 1000) << self.bits | i) << self.bits) | j
        self.keys.append(key)
        if blocked:
            self.blocked.add(key & ((1 << 2 * self.bits) - 1))
            if blocked == NO_IDENTIFYING:
                self.thin.add(key & ((1 << 2 * self.bits) - 1))

    def is_thin(self, key: int) -> bool:
        return (key & ((1 << 2 * self.bits) - 1)) in self.thin

    def sorted(self) -> list[int]:
        self.keys.sort()
        return self.keys

    def unpack(self, key: int) -> tuple[float, int, int, bool]:
        j = key & self.mask
        i = (key >> self.bits) & self.mask
        score = _SCORE_CEILING - (key >> 2 * self.bits) / 1000
        return score, i, j, (key & ((1 << 2 * self.bits) - 1)) in self.blocked


_SCORE_CEILING = 1000.0
MARGIN = 0.5
AMBIGUOUS = "undated, and fits events on different dates equally well"


def _ambiguous(claims: Sequence[Claim], pairs: _Pairs, keys: list[int], state: _Clusters) -> dict[int, set[int] | None]:
    """Loosely placed claims (undated, a month, a year) whose best more closely placed partner is matched,
    within MARGIN, by another such partner that cannot be the same occasion: the same figures on
    different dates (1,000 bodies for 19 in July and again in August) leave an undated report of them
    unplaced rather than placed at random. When the articles backing one placement outnumber those
    backing the other by more than two to one (a lone misdated report is no rival), only the weaker
    side's partners are refused. Returns claim -> refused partners (None: every more closely placed one)."""
    partners: dict[int, list[tuple[float, int]]] = {}
    rank = [placement(c) for c in claims]
    for key in keys:
        s, i, j, blocked = pairs.unpack(key)
        if s < THRESHOLD:
            break
        if blocked:
            continue
        for u, d in ((i, j), (j, i)):
            if rank[u] <= LOOSE and rank[d] > rank[u]:
                partners.setdefault(u, []).append((s, d))
    out: dict[int, set[int] | None] = {}
    for u, found in partners.items():
        # among partners scoring alike, the most closely placed is the one the others are tested against
        # (a report dated 'by June 15' fits both of two days that a day-dated pair tells apart)
        found.sort(key=lambda p: (-p[0], -rank[p[1]]))
        best_score, best = found[0]
        rivals = [(s, d) for s, d in found[1:]
                  if claims[best].run_doc == claims[d].run_doc or not state.fits(best, d)]
        if not rivals or rivals[0][0] < best_score - MARGIN:
            continue
        rival_ids = {d for _, d in rivals}
        side = {d for _, d in found if d not in rival_ids}
        backing = len({claims[d].run_doc for d in side})
        against = len({claims[d].run_doc for d in rival_ids})
        if backing > 2 * against:
            out[u] = rival_ids
        elif against > 2 * backing:
            out[u] = side
        else:
            out[u] = None
    return out


def _refused(claims: Sequence[Claim], ambiguous: dict[int, set[int] | None], i: int, j: int) -> bool:
    for u, d in ((i, j), (j, i)):
        if u in ambiguous and placement(claims[d]) > placement(claims[u]):
            banned = ambiguous[u]
            if banned is None or d in banned:
                return True
    return False


MISSES_PER_CLUSTER = 5


def _packed(pairs: Iterable[int], n: int) -> Iterator[tuple[int, int]]:
    for key in pairs:
        yield divmod(key, n)


OUTSIDE = "outside the claims clustered"  # a pair with a claim of `fixed`: weighed for near misses only


def cluster_claims(claims: Sequence[Claim], pairs: Iterable[int] | None = None,
                   fixed: Sequence[tuple | None] | None = None) -> Clustering:
    """Cluster claims (sorted by claim id; pairs never cross kinds). `pairs`: the candidate pairs when
    known (`partition.partition_pairs`: i < j packed as i * len(claims) + j), else looked up here.

    `fixed`: per claim, None for a claim to cluster, else the `Clustering.fifth` of the cluster it
    already is in (a claim of a part not clustered again, see `storing.parts`): such a claim only
    ranks the near misses of the clusters next to it, and only its pairs with clustered claims are
    read; the result holds the clustered claims' groups, merges, links and near misses."""
    state = _Clusters(claims)
    found = candidate_pairs(claims) if pairs is None else _packed(pairs, len(claims))
    pairs = _Pairs(len(claims))
    stages: list[tuple[int, int]] = []
    loose = state.loose
    strong: list[tuple[int, int]] = []
    thin: list[tuple[int, int]] = []
    near: list[tuple[int, int]] = []
    out = [f is not None for f in fixed] if fixed is not None else None
    for i, j in found:
        score, blocked, against = quick_score(claims[i], claims[j])  # `score_pair(explain=False)`, faster
        if out is not None and (out[i] or out[j]):
            if blocked != STAGE and score >= NEAR_MISS and not (out[i] and out[j]):
                pairs.add(score, i, j, OUTSIDE)
                near.append((i, j))
            continue
        if loose[i] or loose[j]:
            state.known(i, j, against is None and blocked not in CONTRADICTIONS)
        if blocked == STAGE:
            stages.append((i, j) if claims[i].start == claims[i].end else (j, i))
            strong.append((i, j))
            near.append((i, j))
        elif score >= NEAR_MISS:
            pairs.add(score, i, j, blocked)
            near.append((i, j))
            if score >= THRESHOLD - 1:
                if not blocked:
                    strong.append((i, j))
                elif blocked == NO_IDENTIFYING and may_anchor(claims[i], claims[j]):
                    thin.append((i, j))
    keys = pairs.sorted()
    merged: list[tuple[int, int, float, str, str | None]] = []
    refused: dict[tuple[int, int], str] = {}
    ambiguous = _ambiguous(claims, pairs, keys, state)

    for key in keys:
        s, i, j, blocked = pairs.unpack(key)
        if s < THRESHOLD:
            break
        if blocked:
            continue
        if _refused(claims, ambiguous, i, j):
            refused[(i, j)] = AMBIGUOUS
            continue
        ri, rj = state.find(i), state.find(j)
        if ri == rj:
            continue
        why = state.conflict(ri, rj)
        if why:
            refused[(i, j)] = why
            continue
        state.union(ri, rj)
        merged.append((i, j, s, "pairwise", None))

    _anchored_pass(claims, state, pairs, keys, merged, refused, ambiguous)

    merges = []
    for i, j, s, stage, extra in merged:
        reasons = score_pair(claims[i], claims[j]).reasons + ((extra,) if extra else ())
        merges.append(Merge(i, j, s, reasons, stage))
    # a pair is shown where it is among the first MISSES_PER_CLUSTER pairs (best first) between its cluster
    # and others, of either of its clusters (tests/test_near_miss_locality.py)
    n = len(claims)
    misses = []
    seen: dict[int, int] = {}
    fifth: dict[int, tuple] = {}  # cluster -> its last pair among those first ones
    for key in keys:
        s, i, j, blocked = pairs.unpack(key)
        ri, rj = state.find(i), state.find(j)  # a `fixed` claim is alone
        if ri == rj:
            continue
        shown = False
        for r in (ri, rj):
            if out is not None and out[r]:
                last = fixed[r]  # type: ignore[index]
                shown = shown or not last or _rank_key(key, pairs, claims) <= last
                continue
            k = seen[r] = seen.get(r, 0) + 1
            if k <= MISSES_PER_CLUSTER:
                shown = True
                if k == MISSES_PER_CLUSTER:
                    fifth[r] = _rank_key(key, pairs, claims)
        if shown:
            ps = score_pair(claims[i], claims[j])
            misses.append(Miss(i, j, s, ps.reasons, ps.blocked or refused.get((i, j))))
    free = range(n) if out is None else [i for i in range(n) if not out[i]]
    roots = sorted({state.find(i) for i in free}, key=lambda r: min(state.members[r]))  # type: ignore[arg-type]
    groups = [sorted(state.members[r]) for r in roots]  # type: ignore[arg-type]
    links = sorted({(a, b) for a, b in stages if state.find(a) != state.find(b)})
    parts, anchored, linked = parts_of(claims, strong, thin)
    last = [None if out is not None and out[i] else fifth.get(state.find(i), ()) for i in range(n)]
    return Clustering(groups=groups, merges=merges, misses=misses, stage_links=links,
                      parts=parts, linked=linked, near=near, anchored=anchored, fifth=last)


def _rank_key(key: int, pairs: _Pairs, claims: Sequence[Claim]) -> tuple:
    """A pair's place among pairs ranked for near misses, the same in any clustering: (score key, first
    claim id, second claim id)."""
    j = key & pairs.mask
    i = (key >> pairs.bits) & pairs.mask
    return (key >> 2 * pairs.bits, claims[i].claim_id, claims[j].claim_id)


def may_anchor(a: Claim, b: Claim) -> bool:
    """Whether a pair blocked for want of identifying evidence may be merged by the anchored pass: two
    exchanges, one of them undated (an undated cluster placed near its article's other occasions)."""
    return a.kind == "exchange" and not (a.dated and b.dated)


def anchoring(claims: Sequence[Claim]) -> list[bool]:
    """Per claim: whether its article holds another exchange, which can place it (`_anchors`)."""
    count: dict[str, int] = {}
    for c in claims:
        if c.kind == "exchange":
            count[c.doc_id] = count.get(c.doc_id, 0) + 1
    return [c.kind == "exchange" and count[c.doc_id] > 1 for c in claims]


def parts_of(claims: Sequence[Claim], strong: Iterable[tuple[int, int]], thin: Iterable[tuple[int, int]] = ()
             ) -> tuple[list[int], list[bool], list[tuple[int, int]]]:
    """Per claim, the first claim of its part; per claim, whether its strong set may anchor; and the
    pairs joining parts.

    A part holds the claims joined by `strong` pairs (stages, pairs scoring at least THRESHOLD - 1
    unblocked: every pair either pass can merge), by their article, and an exchange with the agreement
    it names; and two such sets joined by a `thin` pair (blocked for want of identifying evidence,
    which only the anchored pass merges) where an undated claim of the pair lies in a set holding an
    article with two exchanges: an undated cluster is placed only through such an article (its members
    all lie in one strong set). Nothing of a claim's clustering, merges and links reaches outside its
    part, so clustering a union of parts alone gives what clustering the whole gives on them; the near
    misses, which pairs scoring from NEAR_MISS show across parts, are ranked again around the parts an
    update re-clusters (see `storing.parts`)."""
    n = len(claims)
    sets = DisjointSets(n)
    find, union = sets.find, sets.union
    linked = list(strong)
    for i, j in linked:
        union(i, j)
    for i, j in article_links(claims):
        union(i, j)
    flag = anchoring(claims)
    rooted = [False] * n
    for i in range(n):
        if flag[i]:
            rooted[find(i)] = True
    anchored = [rooted[find(i)] for i in range(n)]
    for i, j in thin:
        if (anchored[i] and not claims[i].dated) or (anchored[j] and not claims[j].dated):
            linked.append((i, j))
            union(i, j)
    return [find(i) for i in range(n)], anchored, linked


def _anchors(claims: Sequence[Claim], state: _Clusters) -> dict[str, tuple[int, int]]:
    spans: dict[str, tuple[int, int]] = {}
    for i, c in enumerate(claims):
        if c.kind != "exchange":
            continue
        h = state.hull[state.find(i)]
        if h is None:
            continue
        old = spans.get(c.doc_id)
        spans[c.doc_id] = h if old is None else (min(old[0], h[0]), max(old[1], h[1]))
    return {d: s for d, s in spans.items() if s[1] - s[0] <= ANCHOR_WIDTH}


def _anchor_of(claims: Sequence[Claim], state: _Clusters, root: int, anchors: dict[str, tuple[int, int]]):
    found = [anchors[claims[m].doc_id] for m in state.members[root] if claims[m].doc_id in anchors]  # type: ignore[union-attr]
    if not found:
        return None
    return min(a[0] for a in found), max(a[1] for a in found)


def _anchored_pass(claims, state: _Clusters, pairs: _Pairs, keys: list[int], merged: list, refused: dict,
                   ambiguous: dict[int, set[int] | None]) -> None:
    anchors = _anchors(claims, state)
    if not anchors:
        return
    near = f"the article's other occasions are dated within {ANCHOR_DAYS} days (+1)"
    far = f"the article's other occasions are over {FAR_DAYS} days away (-1)"
    cands = []
    for key in keys:
        s, i, j, blocked = pairs.unpack(key)
        if s < THRESHOLD - 1:
            break
        if (blocked and not pairs.is_thin(key)) or claims[i].kind != "exchange" or _refused(claims, ambiguous, i, j):
            continue
        ri, rj = state.find(i), state.find(j)
        if ri == rj or (state.dated[ri] and state.dated[rj]):
            continue
        undated, other = (ri, rj) if not state.dated[ri] else (rj, ri)
        anchor = _anchor_of(claims, state, undated, anchors)
        if anchor is None:
            continue
        target = state.hull[other] if state.dated[other] else _anchor_of(claims, state, other, anchors)
        if target is None or target[1] - target[0] > PRECISE_DAYS:
            continue
        if blocked and anchor[1] - anchor[0] > PRECISE_DAYS:
            continue  # thin evidence is made up only by an anchor as precise as the event
        gap = max(target[0] - anchor[1], anchor[0] - target[1], 0)
        if gap <= ANCHOR_DAYS:
            cands.append((-(s + 1.0), i, j, near, undated, other))
        elif gap > FAR_DAYS and not blocked:
            cands.append((-(s - 1.0), i, j, far, undated, other))
    best: dict[int, tuple[float, int]] = {}
    unsure: set[int] = set()
    for neg, _, _, _, undated, other in sorted(cands):
        if not state.dated[other]:
            continue  # another undated report placed near the same anchor: a copy, not a rival
        if undated not in best:
            best[undated] = (-neg, other)
        elif -neg >= best[undated][0] - MARGIN and other != best[undated][1]:
            unsure.add(undated)  # fits two events as well: placed with neither
    cands.sort()
    for neg, i, j, extra, undated, _ in cands:
        s = -neg
        if s < THRESHOLD:
            break
        if undated in unsure:
            refused.setdefault((i, j), AMBIGUOUS)
            continue
        ri, rj = state.find(i), state.find(j)
        if ri == rj:
            continue
        why = state.conflict(ri, rj)
        if why:
            refused.setdefault((i, j), why)
            continue
        state.union(ri, rj)
        merged.append((i, j, s, "anchored", extra))


__all__ = ["ANCHOR_DAYS", "Clustering", "Merge", "Miss", "cluster_claims", "parts_of"]
