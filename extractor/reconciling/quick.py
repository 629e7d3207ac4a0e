"""The pairwise decision without its reasons, for the clustering's hot loop: `quick_score(a, b)` gives
`scoring.score_pair(a, b, explain=False)`'s score, block and contradiction, computed with fewer calls.

The rules live in `scoring`; this is the same arithmetic in the same order (so the same floats), with
the reasons left out and the commonest shapes (one flow a side, exact figures) taken inline. Claims of
other shapes go through `evidence.pair_flows` as in `scoring`. `tests/test_reconcile_quick.py` checks
that both give the same result on generated claim sets: a change to the rules in `scoring` must be made
here too, or that test fails.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from .claims import Claim
from .evidence import INF, NEAR_SHARE, PUBDAY_SLACK, compare_counts, direction_totals, narrow, off_by_one, pair_flows
from .scoring import (
    AFTER_PUBLICATION,
    CONTRADICTIONS,
    DATES_APART,
    FIGURES_DIFFER,
    NAMES_DIFFER,
    NAMES_MATCH,
    NO_IDENTIFYING,
    ONE_DAY_APART,
    PUBLISHED_NEAR,
    SMALL,
    STAGE,
    STATUS_NO_FIGURE,
    _copies,
    score_pair,
)

# (score, blocked, against): the fields of `scoring.PairScore` that clustering reads
Quick = tuple[float, "str | None", "str | None"]

_SAME_ARTICLE: Quick = (0.0, "same article", None)
_PARTIES: Quick = (0.0, "different parties", None)
_NO_CATEGORY: Quick = (0.0, "no shared category", None)
_STAGE: Quick = (0.0, STAGE, None)
_APART: Quick = (0.0, DATES_APART, None)
_AFTER: Quick = (0.0, AFTER_PUBLICATION, None)
_DIFFERENT_NAMES = "different people named"


def compatible(q: Quick) -> bool:
    """`PairScore.compatible` of a quick result."""
    return q[2] is None and q[1] not in CONTRADICTIONS


_MEMO: dict[tuple[str, str], Quick] | None = None
MEMO_KEPT = 600_000


@contextmanager
def remembered_scores() -> Iterator[None]:
    """Within the block, `quick_score` keeps what it gives per (claim id, claim id), up to MEMO_KEPT
    pairs: a store update scores the pairs around what it touches to find the parts it clusters again
    (`storing.parts.region`), then clusters those parts, scoring most of the same pairs again. A claim
    id names one claim throughout the block (the caller's claims do not change inside it)."""
    global _MEMO
    saved, _MEMO = _MEMO, {}
    try:
        yield
    finally:
        _MEMO = saved


def quick_score(a: Claim, b: Claim) -> Quick:
    memo = _MEMO
    if memo is not None:
        key = (a.claim_id, b.claim_id)
        found = memo.get(key)
        if found is None:
            found = _scored(a, b)
            if len(memo) < MEMO_KEPT:
                memo[key] = found
        return found
    return _scored(a, b)


def _scored(a: Claim, b: Claim) -> Quick:
    if a.kind == "exchange" and b.kind == "exchange":
        return _exchanges(a, b)
    ps = score_pair(a, b, explain=False)
    return ps.score, ps.blocked, ps.against


def _size(f) -> int:
    return f[3] or f[4] or f[5] or 0


def _dates(a: Claim, b: Claim) -> tuple[float, str | None, str]:
    """(date weight, block, relation) as `scoring._exchange_dates` gives them, from a score of 0."""
    a_start, a_end, b_start, b_end = a.start, a.end, b.start, b.end
    if (a_start is None and a_end is None) or (b_start is None and b_end is None):
        dated, undated = (a, b) if a.dated else (b, a)
        if dated.dated and undated.published is not None and undated.status == "completed":
            p = undated.published
            lo = dated.start if dated.start is not None else dated.end
            hi = dated.end if dated.end is not None else dated.start
            if lo > p + 1:  # type: ignore[operator]
                return 0.0, AFTER_PUBLICATION, "undated"
            if hi >= p - PUBLISHED_NEAR[0] and lo <= p + PUBLISHED_NEAR[1]:  # type: ignore[operator]
                return 1.0, None, "near_pub" if narrow(dated) else "undated"
        return 0.0, None, "undated"
    a_lo = a_start if a_start is not None else -INF
    a_hi = a_end if a_end is not None else INF
    b_lo = b_start if b_start is not None else -INF
    b_hi = b_end if b_end is not None else INF
    if a_lo <= b_hi and b_lo <= a_hi:
        a_day = a.precision == "day" and a_start is not None
        b_day = b.precision == "day" and b_start is not None
        if a_day and b_day and a_end is not None and b_end is not None \
                and ((a_start == a_end and b_end > b_start) or (b_start == b_end and a_end > a_start)) \
                and not a.status == b.status == "planned":
            return 0.0, STAGE, "stage"
        if a_day and b_day and a_end is not None and b_end is not None and a_end - a_start <= 3 \
                and b_end - b_start <= 3:
            return 3.0, None, "same_day"
        return 1.0, None, "overlap"
    if max(b_lo - a_hi, a_lo - b_hi) <= 1:
        return 1.5, None, "adjacent"
    ta, tb = _tolerant(a, a_lo, a_hi), _tolerant(b, b_lo, b_hi)
    if max(ta[0], tb[0]) <= min(ta[1], tb[1]):
        return 0.5, None, "pubday"
    return 0.0, DATES_APART, "apart"


def _tolerant(c: Claim, lo: int, hi: int) -> tuple[int, int]:
    """`evidence.tolerant_interval` of a dated claim."""
    if hi != INF:
        hi += 1
    if (c.published is not None and c.status != "planned" and c.precision == "day"
            and c.start == c.end == c.published):
        lo -= PUBDAY_SLACK
    return lo, hi


_FIGURES: dict[tuple, tuple[float, int, bool, bool, bool]] = {}
_FIGURES_KEPT = 50_000


def _figures(a: Claim, b: Claim, s: float, *, soft: bool, small_ok: bool) -> tuple[float, int, bool, bool, bool]:
    """`scoring._count_evidence` without reasons: (score, equal figures, identifying, against, differ).
    It reads only the two claims' flows and summed groups: the same figures recur across the reports of
    one occasion, so the result is kept per (flows, flows, parts, parts, soft, small_ok), as a change to
    the score. Every weight before and in it is a multiple of 0.5, so adding the change to `s` gives the
    float that adding the weights one by one gives."""
    key = (a.flows, b.flows, a.parts, b.parts, soft, small_ok)
    found = _FIGURES.get(key)
    if found is None:
        if len(_FIGURES) >= _FIGURES_KEPT:
            _FIGURES.clear()
        found = _FIGURES[key] = _figure_change(a, b, soft=soft, small_ok=small_ok)
    if found[0]:
        return (s + found[0],) + found[1:]  # type: ignore[return-value]
    return (s,) + found[1:]  # type: ignore[return-value]


def _figure_change(a: Claim, b: Claim, *, soft: bool, small_ok: bool) -> tuple[float, int, bool, bool, bool]:
    """`_figures` from a score of 0."""
    s = 0.0
    ka, kb = a.keyed, b.keyed
    if ka is not None and kb is not None:  # `evidence.pair_flows`'s match on (from, to, category)
        if len(ka) == 1 and len(kb) == 1:
            f, g = ka[0], kb[0]
            if f[0] != g[0] or f[1] != g[1] or f[2] != g[2]:
                return s, 0, False, False, False
            pairs = ((f, g),)
        else:
            pairs = [(f, g) for f in ka for g in kb if f[0] == g[0] and f[1] == g[1] and f[2] == g[2]]
            if not pairs:
                return s, 0, False, False, False
    else:
        pairs = pair_flows(a, b)  # type: ignore[assignment]
        if not pairs:
            return s, 0, False, False, False
    rels = []
    for fa, fb in pairs:
        if fa[6] == "exact" and fb[6] == "exact":
            x, y = fa[3], fb[3]
            if x == y:
                rels.append("equal")
            else:
                big = x if x > y else y
                diff = x - y if x > y else y - x
                rels.append("near" if diff <= NEAR_SHARE * big or (big >= 10 and diff <= 2) else "mismatch")
        else:
            rels.append(compare_counts(fa, fb))
    if not small_ok:
        small_ok = sum(max(_size(fa), _size(fb)) for (fa, fb), rel in zip(pairs, rels)
                       if rel == "equal" or rel == "compatible") >= SMALL
    pos = 0.0
    equal = 0
    identifying = False
    against = False
    differ = False
    mismatched = None
    for (fa, fb), rel in zip(pairs, rels):
        if (rel == "equal" or rel == "compatible") and not small_ok and max(_size(fa), _size(fb)) < SMALL:
            pass
        elif rel == "equal":
            equal += 1
            identifying = True
            pos += 2.0 if _size(fa) >= SMALL else 1.0
        elif rel == "compatible":
            identifying = True
            pos += 1.0
        elif (b.parts and fa[6] == "exact" and (fa[0], fa[1], fa[2], fa[3]) in b.parts) \
                or (a.parts and fb[6] == "exact" and (fb[0], fb[1], fb[2], fb[3]) in a.parts):
            identifying = True
            pos += 1.0
        elif rel == "near":
            differ = True
            s -= 1.0
        else:
            if mismatched is None:
                mismatched = []
            mismatched.append((fa, fb))
    if mismatched:
        ta, tb = direction_totals(a), direction_totals(b)
        dirs = {(fa[0], fa[1]) for fa, _ in mismatched} | {(fb[0], fb[1]) for _, fb in mismatched}
        if all(ta.get(d) is not None and ta.get(d) == tb.get(d) for d in dirs):
            pos += 2.0
            identifying = True
        else:
            w = 1.0 if soft else 4.0
            against = not soft
            differ = True
            for _ in mismatched:
                s -= w
    s += min(pos, 4.0)
    return s, equal, identifying, against, differ


def _exchanges(a: Claim, b: Claim) -> Quick:
    """`scoring.score_exchanges(a, b, explain=False)`."""
    if a.run_doc == b.run_doc:
        return _SAME_ARTICLE
    pa, pb = a.parties, b.parties  # equal sets of parties and of categories are mostly one object (`claims._shared`)
    if pa is not pb and pa and pb and len(pa & pb) < min(2, len(pa), len(pb)):
        return _PARTIES
    ca, cb = a.categories, b.categories
    if not (ca if ca is cb else ca & cb):
        return _NO_CATEGORY
    s, block, rel = _dates(a, b)
    if block is not None:
        return _STAGE if block == STAGE else _APART if block == DATES_APART else _AFTER
    dates_agree = rel == "same_day" or rel == "adjacent" or rel == "pubday" or rel == "near_pub" \
        or (rel == "overlap" and narrow(a) and narrow(b))
    named = None
    if a.people and b.people:
        if a.people & b.people:
            s += NAMES_MATCH
            named = True
        else:
            s -= NAMES_DIFFER
            named = False
    s, equal, identifying, _, differ = _figures(a, b, s, soft=a.status == b.status == "planned",
                                        small_ok=dates_agree or bool(named))
    # categories
    if ca or cb:
        if ca is cb or ca == cb:
            s += min(2.0, 0.5 + 0.5 * len(ca))
        elif a.sided and b.sided and (a.signature < b.signature or b.signature < a.signature):
            s += 0.5
        else:
            s += 2.0 * len(ca & cb) / len(ca | cb) - 1.0
    same_sig = a.signature == b.signature
    copies = _copies(a, b) if same_sig else None
    if same_sig:
        if copies == "copies" and not a.counted and not b.counted:
            s += 1.0
        else:
            s += 0.5
    place = None  # `evidence.same_place`, inline
    if a.location is not None and b.location is not None:
        (na, la), (nb, lb) = a.location, b.location
        first_a, first_b = na.lower().split()[:1], nb.lower().split()[:1]
        if first_a and first_a == first_b:
            place = True
            s += 1.0
        elif la and lb and la != lb:
            place = False
            s -= 2.0
    if a.mediators and b.mediators and set(a.mediators) & set(b.mediators):
        s += 0.5
    against = _DIFFERENT_NAMES if named is False else None
    blocked = None
    identifying_any = (identifying or bool(named) or place is True or rel == "same_day"
                       or (rel == "overlap" and narrow(a) and narrow(b)))
    if rel == "adjacent" and not ((identifying or named) and off_by_one(a, b)):
        blocked = ONE_DAY_APART
    elif rel == "pubday" and not (identifying or named):
        blocked = NO_IDENTIFYING
    elif not identifying_any and copies is None:
        blocked = FIGURES_DIFFER if differ else NO_IDENTIFYING
    if a.status != b.status:
        s -= 2.0
        twin = (a.start is not None and a.end is not None and a.start == b.start and a.end == b.end
                and a.precision == b.precision == "day")
        if not equal and not twin and blocked is None:
            blocked = STATUS_NO_FIGURE
    return round(s, 3), blocked, against


__all__ = ["MEMO_KEPT", "Quick", "compatible", "quick_score", "remembered_scores"]
