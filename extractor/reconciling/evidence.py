"""The evidence two claims give of being one occasion: dates, figures, flows, status and place.

Every comparison returns a small label that ends up, in words, in the merge reasons, so a
reviewer can follow each decision. Dates are day ordinals (`datetime.date.toordinal`).
"""

from __future__ import annotations

from .claims import Claim, FlowT

INF = 10**9
PUBDAY_SLACK = 5  # a completed occasion dated to the publication day may lie up to 5 days earlier (not a week:
# weekly releases with the same figures, 3 hostages for 183 prisoners on 1 and 8 February 2025, stay apart)
NEAR_SHARE = 0.10  # two exact figures this close are a disagreement about one flow, not two flows


def precise(c: Claim) -> bool:
    """A day-precision date of at most a few days."""
    return (c.precision == "day" and c.start is not None and c.end is not None and c.end - c.start <= 3)


def publication_day(c: Claim) -> bool:
    """A completed occasion dated to the article's publication day: possibly the report's day, not the
    occasion's, which may lie up to PUBDAY_SLACK days earlier."""
    return (c.published is not None and c.status != "planned" and c.precision == "day"
            and c.start == c.end == c.published)


def tolerant_interval(c: Claim) -> tuple[int, int]:
    """The days the claim's occasion can lie on, with one day's tolerance and publication-day slack.

    Undated completed exchanges cannot lie after their article's publication day.
    """
    if c.dated:
        lo = c.start if c.start is not None else -INF
        hi = c.end + 1 if c.end is not None else INF
        if publication_day(c):
            lo -= PUBDAY_SLACK
        return lo, hi
    if c.kind == "exchange" and c.status == "completed" and c.published is not None:
        return -INF, c.published + 1
    return -INF, INF


def single_day(c: Claim) -> bool:
    return c.precision == "day" and c.start is not None and c.start == c.end


def multi_day(c: Claim) -> bool:
    """A day-precise span of several days with both ends known: a swap carried out in stages."""
    return c.precision == "day" and c.start is not None and c.end is not None and c.end > c.start


NARROW_DAYS = 31  # an interval this long or shorter places an occasion; a longer one (a year) does not


def narrow(c: Claim) -> bool:
    return c.start is not None and c.end is not None and c.end - c.start <= NARROW_DAYS


_RANK = {"day": 3, "week": 2, "month": 1, "year": 0}


def placement(c: Claim) -> int:
    """How closely a claim is placed in time: 4 a day, 3 a few days, 2 a week, 1 a month, 0 a year
    or an open interval, -1 no date."""
    if not c.dated:
        return -1
    if c.start is None or c.end is None:
        return 0
    if c.precision == "day":
        return 4 if c.end - c.start <= 3 else (1 if narrow(c) else 0)
    return _RANK.get(c.precision or "year", 0) if narrow(c) else 0


def date_relation(a: Claim, b: Claim) -> str:
    """'undated', 'same_day', 'stage' (a single day inside the other's multi-day span, unless both are
    planned: a plan for 'Saturday' and one for 'Saturday or Sunday' are one plan, told more or less
    closely), 'overlap' (coarse dates that overlap), 'adjacent', 'pubday' or 'apart'."""
    if not a.dated or not b.dated:
        return "undated"
    a_lo, a_hi = (a.start if a.start is not None else -INF), (a.end if a.end is not None else INF)
    b_lo, b_hi = (b.start if b.start is not None else -INF), (b.end if b.end is not None else INF)
    if a_lo <= b_hi and b_lo <= a_hi:
        if ((single_day(a) and multi_day(b)) or (single_day(b) and multi_day(a))) \
                and not a.status == b.status == "planned":
            return "stage"
        return "same_day" if precise(a) and precise(b) else "overlap"
    if max(b_lo - a_hi, a_lo - b_hi) <= 1:
        return "adjacent"
    ta, tb = tolerant_interval(a), tolerant_interval(b)
    if max(ta[0], tb[0]) <= min(ta[1], tb[1]):
        return "pubday"
    return "apart"


def off_by_one(a: Claim, b: Claim) -> bool:
    """Whether dates one day apart may be one occasion: the later date is its article's publication day
    (or the article's day is unknown), or the earlier one was resolved in an article published later."""
    early, late = (a, b) if (a.end or a.start) <= (b.start or b.end) else (b, a)  # type: ignore[operator]
    if late.published is None or late.start == late.published:
        return True
    return early.published is not None and early.end is not None and early.published > early.end


def count_bounds(f: FlowT) -> tuple[float, float]:
    value, lo, hi, q = f[3], f[4], f[5], f[6]
    if q == "exact":
        return float(value), float(value)  # type: ignore[arg-type]
    if q == "about":
        return value * (1 - NEAR_SHARE), value * (1 + NEAR_SHARE)  # type: ignore[operator]
    if q in ("over", "at_least"):
        return float(lo), float(INF)  # type: ignore[arg-type]
    if q in ("under", "up_to"):
        return 0.0, float(hi)  # type: ignore[arg-type]
    return float(lo if lo is not None else 0), float(hi if hi is not None else INF)


def compare_counts(fa: FlowT, fb: FlowT) -> str:
    """'equal', 'compatible' (a qualifier or rounding covers the other figure), 'near' (a disagreement) or 'mismatch'."""
    if fa[6] == "exact" and fb[6] == "exact":
        a, b = fa[3], fb[3]
        if a == b:
            return "equal"
        big = max(a, b)  # type: ignore[type-var]
        diff = abs(a - b)  # type: ignore[operator]
        if diff <= NEAR_SHARE * big or (big >= 10 and diff <= 2):
            return "near"
        return "mismatch"
    if fa[6] == fb[6] and fa[3:6] == fb[3:6]:
        return "equal"
    a_lo, a_hi = count_bounds(fa)
    b_lo, b_hi = count_bounds(fb)
    if a_lo <= b_hi and b_lo <= a_hi:
        return "compatible"
    gap = max(b_lo - a_hi, a_lo - b_hi)
    if gap <= NEAR_SHARE * max(a_hi if a_hi < INF else a_lo, b_hi if b_hi < INF else b_lo):
        return "near"
    return "mismatch"


def _sides_match(fa: FlowT, fb: FlowT) -> bool:
    return ((fa[0] is None or fb[0] is None or fa[0] == fb[0]) and (fa[1] is None or fb[1] is None or fa[1] == fb[1]))


def _uncounted_mention(f: FlowT) -> bool:
    """A flow with neither sides nor a figure ('a prisoner swap'): it names the occasion, not people of its own."""
    return f[0] is None and f[1] is None and f[6] is None


def _total(c: Claim, category: str) -> FlowT | None:
    """All flows of a category summed into one sideless flow, when every one is an exact figure (an
    uncounted mention of the swap beside them adds nobody)."""
    fs = [f for f in c.compared if f[2] == category and not _uncounted_mention(f)]
    if len(fs) < 2 or any(f[6] != "exact" for f in fs):
        return None
    n = sum(f[3] for f in fs)  # type: ignore[misc]
    return (None, None, category, n, n, n, "exact")


def _beside_sides(fs: list[FlowT]) -> FlowT | None:
    """A lone figure naming neither side beside flows that name the sides but give no figure ("the two
    sides swapped 240 prisoners"): the sided flows say who took part, the figure is for the swap. It
    may be the total, each side's figure or one group of it ("five commanders among them"), so it
    counts where it agrees with the other claim's total or each side's figure and is no evidence
    against a merge where it does not."""
    counted = [f for f in fs if f[6] is not None]
    if len(counted) == 1 and len(fs) > 1 and counted[0][0] is None and counted[0][1] is None:
        return counted[0]
    return None


def pair_flows(a: Claim, b: Claim) -> list[tuple[FlowT, FlowT]]:
    """Counted flows of `a` paired one-to-one with counted flows of `b`: same category, agreeing sides
    (an unknown side matches any), exact sides first. Where a flow names neither side ("a swap of
    300 prisoners") and the other claim has several flows of its category, the category's totals
    are compared instead, or nothing when a total is unknown (a lone such figure beside flows naming the
    sides without figures is the total: see `_beside_sides`). A mention of the swap with neither sides
    nor a figure ("a prisoner swap") is no such flow: it hides none of the figures beside it. A claim's
    flows here are its `compared` flows: a sideless total of its sided flows is left out."""
    if a.sided and b.sided and len(a.compared) == 1 and len(b.compared) == 1:  # the commonest case, as below
        f, g = a.compared[0], b.compared[0]
        return [(f, g)] if f[6] is not None and g[6] is not None and f[:3] == g[:3] else []
    out: list[tuple[FlowT, FlowT]] = []
    if a.sided and b.sided:  # the common case: match on (from, to, category)
        by_key = {f[:3]: f for f in b.compared if f[6] is not None}
        if len(by_key) == sum(1 for f in b.compared if f[6] is not None):
            for f in a.compared:
                if f[6] is not None:
                    g = by_key.pop(f[:3], None)
                    if g is not None:
                        out.append((f, g))
            return out
    as_totals: set[str] = set()
    for cat in sorted(a.categories & b.categories):
        fa = [f for f in a.compared if f[2] == cat and not _uncounted_mention(f)]
        fb = [f for f in b.compared if f[2] == cat and not _uncounted_mention(f)]
        if (len(fa) > 1 or len(fb) > 1) and any(f[0] is None and f[1] is None for f in fa + fb):
            as_totals.add(cat)
            lone_a, lone_b = _beside_sides(fa), _beside_sides(fb)
            ta = fa[0] if len(fa) == 1 else lone_a or _total(a, cat)
            tb = fb[0] if len(fb) == 1 else lone_b or _total(b, cat)
            if ta is not None and tb is not None and ta[6] is not None and tb[6] is not None:
                pair = _per_side(fa, fb) or (ta, tb)
                if (lone_a or lone_b) and compare_counts(*pair) not in ("equal", "compatible"):
                    continue
                out.append(pair)
    fa = sorted((f for f in a.compared if f[6] is not None and f[2] not in as_totals),
                key=lambda f: (f[0] is None) + (f[1] is None))
    fb = [f for f in b.compared if f[6] is not None and f[2] not in as_totals]
    used: set[int] = set()
    for f in fa:
        best = None
        for j, g in enumerate(fb):
            if j in used or g[2] != f[2] or not _sides_match(f, g):
                continue
            rank = (g[0] != f[0]) + (g[1] != f[1])
            if best is None or rank < best[0]:
                best = (rank, j)
        if best is not None:
            used.add(best[1])
            out.append((f, fb[best[1]]))
    return out


def _per_side(fa: list[FlowT], fb: list[FlowT]) -> tuple[FlowT, FlowT] | None:
    """'A swap of 103' may give each side's figure of a 103-for-103 swap rather than its total: a lone
    sideless figure pairs with the per-side figure when every side of the other claim gives that same figure."""
    for one, many, flip in ((fa, fb, False), (fb, fa, True)):
        one = [f for f in one if f[6] is not None]  # sides named without a figure add nobody
        if len(one) == 1 and len(many) > 1 and one[0][0] is None and one[0][1] is None and one[0][6] == "exact":
            if all(f[6] == "exact" and f[3] == one[0][3] for f in many):
                return (many[0], one[0]) if flip else (one[0], many[0])
    return None


def direction_totals(c: Claim) -> dict[tuple[str | None, str | None], int | None]:
    """People per direction summed over categories; None where a flow of that direction is not an exact figure."""
    out: dict[tuple[str | None, str | None], int | None] = {}
    for f in c.compared:
        key = (f[0], f[1])
        if f[6] != "exact" or key in out and out[key] is None:
            out[key] = None
        else:
            out[key] = out.get(key, 0) + f[3]  # type: ignore[operator]
    return out


def parties_agree(a: frozenset[str], b: frozenset[str]) -> bool:
    """A side named by neither accepts any; otherwise two shared parties, or all of the smaller set."""
    if not a or not b:
        return True
    return len(a & b) >= min(2, len(a), len(b))


def flow_signature(c: Claim) -> frozenset[tuple[str | None, str | None, str]]:
    return c.signature


def same_place(a: Claim, b: Claim) -> bool | None:
    """True: the same place (same first word); False: different countries; None: cannot tell."""
    if a.location is None or b.location is None:
        return None
    (na, ca), (nb, cb) = a.location, b.location
    first_a, first_b = na.lower().split()[:1], nb.lower().split()[:1]
    if first_a and first_a == first_b:
        return True
    if ca and cb and ca != cb:
        return False
    return None
