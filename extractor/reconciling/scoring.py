"""The pairwise decision: a score from weighted evidence, hard constraints, and the reasons in words.

Two claims are merged when their score reaches THRESHOLD and no constraint forbids it. The
weights, for exchanges:

- dates: same day (both day-precise) +3; one day apart +1.5; coarse dates that overlap +1;
  apart only by publication-day slack (a completed occasion dated to the publication day may
  lie up to PUBDAY_SLACK days earlier) +0.5; dated near the undated report's publication +1;
  dates further apart: never merged. A single day inside another claim's multi-day span is a
  stage of that swap: never merged with it, linked to it as a part (STAGE); two planned reports
  are not stages of each other (a plan for a day and one for two days around it). Dates one day
  apart merge only when a figure or a name agrees and one date may be a day off (it is its
  article's publication day, or was resolved in a later article): consecutive days of a truce
  with the same figures, each reported on its day, are two occasions.
- figures, per pair of matching flows: equal +2 (+1 under SMALL); compatible through a
  qualifier or rounding ("more than 1,200" and 1,212) +1; a close disagreement (207 vs 195,
  within 10%) -1; a clear mismatch -4 (-1 when both are planned), unless the totals per
  direction agree across categories (270 POWs + 120 civilians = 390); positive evidence
  from figures is capped at +4. Figures under SMALL (one person for another) recur across
  occasions: they count only when the dates agree, the same people are named, or the agreeing
  figures together count SMALL people or more.
- named people (the flows' optional `people`): a name in common +3; both name people and
  none is shared -5, and the two are never in one event (see `PairScore.compatible`).
- flows: same categories +1, +0.5 for each further shared category, up to +2; the flows
  of one a part of the other's (a partial report) +0.5; else 2 x Jaccard - 1. The same
  directed flows +0.5, or +1 when neither gives a figure or a date and both were
  published within COPY_DAYS (copies of one story).
- status: planned vs completed -2, and only with at least one equal figure, or with the
  same day-precise dates (a planned report of the day's swap meets the report that it was
  done). The event's status is then completed, with a status conflict listed. A swap planned
  and then called off has no completed report with equal figures or the same dates, so it
  stays apart from the swap that did take place later.
- place: same +1, different countries -2; a shared mediator +0.5.

Identifying evidence is required: a date that places both claims (same day, or narrow
overlapping intervals), an agreeing figure, the same place or a shared name. Categories and
flows alone never merge two claims (NO_IDENTIFYING) unless the two may be copies of one story
(same flows, figures and status, not both dated, published within COPY_DAYS where known); the
clustering's anchored pass may make up the lack with the article's other occasions, though not
where figures disagree (FIGURES_DIFFER): an article's other occasions may place a report in time,
they do not make up for its figures.

Never merged: two claims of one article read by one extractor version (the annotation
makes one record per occasion and article; the same article read again by another version
may merge), disjoint parties or categories, dates apart.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass

from .claims import Claim
from .evidence import (
    compare_counts,
    date_relation,
    direction_totals,
    narrow,
    off_by_one,
    pair_flows,
    parties_agree,
    same_place,
)

# the version of how claims are compared and clustered: bump it with any change that can change events, so that a
# store's blocks clustered by another version are not kept by an update (its next run re-reconciles every block)
SCORING_VERSION = "2"  # 2: a sideless total told beside the sided figures it sums is left out of the comparison

THRESHOLD = 2.0
NEAR_MISS = 0.5
SMALL = 10  # figures below this (one person for another) recur across occasions
NAMES_MATCH = 3.0
NAMES_DIFFER = 5.0
STAGE = "a single day inside the other's multi-day span: a stage of that swap, linked as a part"
NO_IDENTIFYING = "no date, figure, place or name in common"
FIGURES_DIFFER = "figures that differ and no date, place or name in common"
STATUS_NO_FIGURE = "planned and completed with no equal figure and not the same dates"
ONE_DAY_APART = "dates one day apart, each given as its own day"
DATES_APART = "dates apart"
AFTER_PUBLICATION = "dated after the undated report was published"
# What proves two claims are not one occasion: their times. Parties, categories and figures differ
# between partial reports of one occasion too often to rule a report out of an event.
CONTRADICTIONS = frozenset({DATES_APART, AFTER_PUBLICATION, STAGE, ONE_DAY_APART, "same article"})
COPY_DAYS = 7  # undated reports published further apart are not taken for copies
PUBLISHED_NEAR = (3, 1)  # a dated occasion up to 3 days before / 1 day after an undated report's publication


@dataclass(frozen=True, slots=True)
class PairScore:
    score: float
    reasons: tuple[str, ...]
    blocked: str | None = None  # a constraint that forbids the merge whatever the score
    against: str | None = None  # evidence that the two cannot be one occasion (see `compatible`)

    @property
    def compatible(self) -> bool:
        """Whether the two could be reports of one occasion: nothing contradicts it, though the evidence
        may be too thin to merge them on its own."""
        return self.against is None and self.blocked not in CONTRADICTIONS

    @property
    def merges(self) -> bool:
        return self.blocked is None and self.score >= THRESHOLD


def _interned(r: list[str] | None) -> tuple[str, ...]:
    """Reasons repeat across pairs ("same day (+3)"): one string object each keeps a million merges small."""
    return tuple(sys.intern(x) for x in r) if r else ()


def _blocked(reason: str) -> PairScore:
    return PairScore(0.0, (), reason)


_DATE_WEIGHTS = {"same_day": (3.0, "same day"), "adjacent": (1.5, "dates one day apart"),
                 "overlap": (1.0, "overlapping dates"), "pubday": (0.5, "dates apart by a publication-day date")}


def _day(n: int) -> str:
    return dt.date.fromordinal(n).isoformat()


def date_text(c: Claim) -> str:
    """A claim's date in words: '2025-05-25', '2025-05-23..2025-05-25', 'by 2025-06-15', 'from 2025-06-01'."""
    if c.start is not None and c.end is not None:
        return _day(c.start) if c.start == c.end else f"{_day(c.start)}..{_day(c.end)}"
    if c.end is not None:
        return f"by {_day(c.end)}"
    return f"from {_day(c.start)}" if c.start is not None else "undated"


def _date_evidence(a: Claim, b: Claim, s: float, r: list[str] | None, *, rel: str) -> tuple[float, str | None]:
    """`rel`: `date_relation(a, b)`."""
    if rel == "apart":
        return s, DATES_APART
    if rel in _DATE_WEIGHTS:
        w, label = _DATE_WEIGHTS[rel]
        if r is not None:
            ta, tb = date_text(a), date_text(b)
            r.append(f"{label}, {ta} (+{w:g})" if ta == tb else f"{label}, {ta} / {tb} (+{w:g})")
        return s + w, None
    dated, undated = (a, b) if a.dated else (b, a)
    if dated.dated and undated.published is not None and undated.kind == "exchange" and undated.status == "completed":
        p = undated.published
        lo = dated.start if dated.start is not None else dated.end
        hi = dated.end if dated.end is not None else dated.start
        if lo > p + 1:  # type: ignore[operator]
            return s, AFTER_PUBLICATION
        if hi >= p - PUBLISHED_NEAR[0] and lo <= p + PUBLISHED_NEAR[1]:  # type: ignore[operator]
            if r is not None:
                r.append(f"dated {date_text(dated)}, near the undated report's publication on {_day(p)} (+1)")
            return s + 1.0, None
    return s, None


@dataclass(slots=True)
class _Figures:
    score: float
    equal: int = 0  # equal figures that were counted
    identifying: bool = False  # a figure counted for the merge (equal, compatible, or equal totals)
    against: bool = False  # a clear mismatch that no total explains
    differ: bool = False  # some figure disagrees (a close or a clear mismatch)


def _size(f) -> int:
    return f[3] or f[4] or f[5] or 0


def _count_evidence(a: Claim, b: Claim, s: float, r: list[str] | None, *, soft: bool, small_ok: bool = True) -> _Figures:
    """Adds the figures' evidence. Figures under SMALL (a swap of one person for another) recur across
    occasions; they count only when `small_ok` (the dates agree, or the same people are named), or when
    the agreeing figures together name SMALL people or more (nine soldiers for one mayor)."""
    pos, out, mismatched = 0.0, _Figures(s), []
    pairs = pair_flows(a, b)
    rels = [compare_counts(fa, fb) for fa, fb in pairs]
    if not small_ok:
        agreeing = [max(_size(fa), _size(fb)) for (fa, fb), rel in zip(pairs, rels) if rel in ("equal", "compatible")]
        small_ok = sum(agreeing) >= SMALL
    for (fa, fb), rel in zip(pairs, rels):
        if rel in ("equal", "compatible") and not small_ok and max(_size(fa), _size(fb)) < SMALL:
            if r is not None:
                r.append(f"{rel} small {_what(fa)} figure {_fig(fa)} not counted: no agreeing dates or names (0)")
        elif rel == "equal":
            out.equal += 1
            out.identifying = True
            w = 2.0 if _size(fa) >= SMALL else 1.0
            pos += w
            if r is not None:
                r.append(f"equal {_what(fa)} figure {_fig(fa)} (+{w:g})")
        elif rel == "compatible":
            out.identifying = True
            pos += 1.0
            if r is not None:
                r.append(f"compatible {_what(fa)} figures {_fig(fa)} / {_fig(fb)} (+1)")
        elif _told_part(fa, b) or _told_part(fb, a):
            # "175 brought home" beside "175 plus an additional 22 wounded = 197": the first group alone
            out.identifying = True
            pos += 1.0
            if r is not None:
                r.append(f"{_what(fa)} figure {_fig(fa)} / {_fig(fb)}: one is a group summed into the other (+1)")
        elif rel == "near":
            out.differ = True
            out.score -= 1.0
            if r is not None:
                r.append(f"close {_what(fa)} figures {_fig(fa)} vs {_fig(fb)} (-1)")
        else:
            mismatched.append((fa, fb))
    if mismatched:
        ta, tb = direction_totals(a), direction_totals(b)
        dirs = {(fa[0], fa[1]) for fa, _ in mismatched} | {(fb[0], fb[1]) for _, fb in mismatched}
        if all(ta.get(d) is not None and ta.get(d) == tb.get(d) for d in dirs):
            pos += 2.0
            out.identifying = True
            if r is not None:
                r.append("equal totals per direction across categories (+2)")
        else:
            w = 1.0 if soft else 4.0
            out.against = not soft
            out.differ = True
            for fa, fb in mismatched:
                out.score -= w
                if r is not None:
                    r.append(f"different {_what(fa)} figures {_fig(fa)} vs {_fig(fb)} (-{w:g})")
    if pos > 4.0:
        if r is not None:
            r.append("figures capped at +4")
    out.score += min(pos, 4.0)
    return out


def _told_part(f, other: Claim) -> bool:
    """The exact figure of flow `f` is one of the groups the other claim summed into the same flow."""
    return f[6] == "exact" and (f[0], f[1], f[2], f[3]) in other.parts


def _what(f) -> str:
    """A flow in words: 'RUS->UKR pows', or just 'pows' when neither side is known."""
    if f[0] is None and f[1] is None:
        return f[2]
    return f"{f[0] or '?'}->{f[1] or '?'} {f[2]}"


def _fig(f) -> str:
    q, value, lo, hi = f[6], f[3], f[4], f[5]
    if q == "exact" or q == "about":
        return f"{'~' if q == 'about' else ''}{value}"
    if q in ("over", "at_least"):
        return f">{lo - 1}" if q == "over" else f">={lo}"
    if q in ("under", "up_to"):
        return f"<{hi + 1}" if q == "under" else f"<={hi}"
    return f"{lo}-{hi}"


def _category_evidence(a: Claim, b: Claim, s: float, r: list[str] | None) -> float:
    ca, cb = a.categories, b.categories
    if not ca and not cb:
        return s
    if ca == cb:
        w = min(2.0, 0.5 + 0.5 * len(ca))
        if r is not None:
            r.append(f"same categories (+{w:g})")
        return s + w
    if a.sided and b.sided and (a.signature < b.signature or b.signature < a.signature):
        if r is not None:
            r.append("the flows of one are a part of the other's (+0.5)")
        return s + 0.5
    w = 2.0 * len(ca & cb) / len(ca | cb) - 1.0
    if r is not None:
        r.append(f"partly different categories ({w:+.2g})")
    return s + w


def _place_evidence(s: float, r: list[str] | None, *, place: bool | None) -> float:
    """`place`: `same_place` of the two claims."""
    if place is True:
        if r is not None:
            r.append("same place (+1)")
        return s + 1.0
    if place is False:
        if r is not None:
            r.append("places in different countries (-2)")
        return s - 2.0
    return s


def _exchange_dates(a: Claim, b: Claim, s: float, r: list[str] | None) -> tuple[float, str | None, str]:
    """Date evidence for two exchanges: the new score, a block, and the dates' relation ('near_pub':
    an undated report published just after the other's narrow date)."""
    rel = date_relation(a, b)
    if rel == "stage":
        return s, STAGE, rel
    new, block = _date_evidence(a, b, s, r, rel=rel)
    if rel == "undated" and new > s:
        rel = "near_pub" if narrow(a if a.dated else b) else "undated"
    return new, block, rel


def _names(a: Claim, b: Claim, s: float, r: list[str] | None) -> tuple[float, bool | None]:
    """Named people: True when both name someone in common, False when both name people and none is
    shared, None when either names nobody."""
    if not a.people or not b.people:
        return s, None
    shared = a.people & b.people
    if shared:
        if r is not None:
            r.append(f"same people named: {', '.join(sorted(shared))} (+{NAMES_MATCH:g})")
        return s + NAMES_MATCH, True
    if r is not None:
        r.append(f"different people named: {', '.join(sorted(a.people))} vs {', '.join(sorted(b.people))} "
                 f"(-{NAMES_DIFFER:g})")
    return s - NAMES_DIFFER, False


def _copies(a: Claim, b: Claim) -> str | None:
    """Whether two reports with the same flow signature may be copies of one story: the same flows and
    status, not both dated, and published within COPY_DAYS of each other where both publication days
    are known. 'copies' when neither is dated nor gives a figure and both were published within
    COPY_DAYS; 'possible' otherwise; None when they are not. Callers check the signatures first;
    `quick` calls this too, so it stays cheap (no repr for the common one-flow claim)."""
    if (a.dated and b.dated) or a.status != b.status:
        return None
    fa, fb = a.compared, b.compared
    # the same flows in any order, told by their reprs. A flow holds only strings, ints and None, so two
    # flows are equal exactly where their reprs are: one flow each, unequal, differs; two each, unequal,
    # are the same two only crosswise. Neither needs a repr (two flows a side are the commonest swap).
    if fa != fb and (len(fa) != len(fb) or len(fa) == 1
                     or (fa[0] != fb[1] or fa[1] != fb[0] if len(fa) == 2
                         else sorted(map(repr, fa)) != sorted(map(repr, fb)))):
        return None
    if a.published is not None and b.published is not None:
        if abs(a.published - b.published) > COPY_DAYS:
            return None
        if not a.dated and not b.dated and not a.counted and not b.counted:
            return "copies"
    return "possible"


def score_exchanges(a: Claim, b: Claim, *, explain: bool = True) -> PairScore:
    """See the module docstring. Beyond the weights, a merge needs identifying evidence: a date that
    places both on one day (or in one narrow interval), a figure, a place or a name in common; flows and
    categories alone identify only copies of one story."""
    if a.run_doc == b.run_doc:
        return _blocked("same article")
    r: list[str] | None = [] if explain else None
    if not parties_agree(a.parties, b.parties):
        return _blocked("different parties")
    if not a.categories & b.categories:
        return _blocked("no shared category")
    s, block, rel = _exchange_dates(a, b, 0.0, r)
    if block:
        return _blocked(block)
    dates_agree = rel in ("same_day", "adjacent", "pubday", "near_pub") or (rel == "overlap" and narrow(a) and narrow(b))
    s, named = _names(a, b, s, r)
    figs = _count_evidence(a, b, s, r, soft=a.status == b.status == "planned", small_ok=dates_agree or bool(named))
    s = _category_evidence(a, b, figs.score, r)
    same_flows = a.signature == b.signature
    copies = _copies(a, b) if same_flows else None
    if same_flows:
        if copies == "copies" and not a.counted and not b.counted:
            s += 1.0
            if r is not None:
                r.append("same flows, no figures, no dates: copies of one report (+1)")
        else:
            s += 0.5
            if r is not None:
                r.append("same flows (+0.5)")
    place = same_place(a, b)
    s = _place_evidence(s, r, place=place)
    if a.mediators and b.mediators and set(a.mediators) & set(b.mediators):
        s += 0.5
        if r is not None:
            r.append("shared mediator (+0.5)")
    # Figures are not taken as proof against: reports of one occasion disagree on them too often.
    against = "different people named" if named is False else None
    blocked = None
    identifying = (figs.identifying or bool(named) or place is True or rel == "same_day"
                   or (rel == "overlap" and narrow(a) and narrow(b)))
    if rel == "adjacent" and not ((figs.identifying or named) and off_by_one(a, b)):
        blocked = ONE_DAY_APART
    elif rel == "pubday" and not (figs.identifying or named):
        blocked = NO_IDENTIFYING
    elif not identifying and copies is None:
        blocked = FIGURES_DIFFER if figs.differ else NO_IDENTIFYING
    if a.status != b.status:
        s -= 2.0
        if r is not None:
            r.append("planned and completed reports (-2)")
        twin = (a.start is not None and a.end is not None and a.start == b.start and a.end == b.end
                and a.precision == b.precision == "day")
        if twin and not figs.equal and r is not None:
            r.append("a planned and a completed report on the same dates")
        if not figs.equal and not twin and blocked is None:
            blocked = STATUS_NO_FIGURE
    return PairScore(round(s, 3), _interned(r), blocked, against)


def score_agreements(a: Claim, b: Claim, *, explain: bool = True) -> PairScore:
    if a.run_doc == b.run_doc:
        return _blocked("same article")
    if not parties_agree(a.parties, b.parties):
        return _blocked("different parties")
    r: list[str] | None = [] if explain else None
    s, block = _date_evidence(a, b, 0.0, r, rel=date_relation(a, b))
    if block:
        return _blocked(block)
    s = _count_evidence(a, b, s, r, soft=True).score
    s = _category_evidence(a, b, s, r)
    s = _place_evidence(s, r, place=same_place(a, b))
    if a.parties and a.parties == b.parties:
        s += 0.5
        if r is not None:
            r.append("same parties (+0.5)")
    return PairScore(round(s, 3), _interned(r))


def score_tallies(a: Claim, b: Claim, *, explain: bool = True) -> PairScore:
    if a.run_doc == b.run_doc:
        return _blocked("same article")
    fa, fb = a.flows[0], b.flows[0]
    if fa[:3] != fb[:3]:
        return _blocked("different flows")
    r: list[str] | None = ["same flow (+1)"] if explain else None
    s, block = _date_evidence(a, b, 1.0, r, rel=date_relation(a, b))
    if block:
        return _blocked(block)
    if fa[6] is None or fb[6] is None:
        return PairScore(round(s, 3), _interned(r), "a total without a figure")
    rel = compare_counts(fa, fb)
    if rel == "mismatch" or rel == "near":
        return PairScore(round(s, 3), _interned(r), "different totals")
    w = 2.0 if rel == "equal" else 1.0
    if r is not None:
        r.append(f"{rel} totals {_fig(fa)} / {_fig(fb)} (+{w:g})")
    s += w
    if a.scope and b.scope and a.scope.strip().lower() == b.scope.strip().lower():
        s += 1.0
        if r is not None:
            r.append("same scope (+1)")
    return PairScore(round(s, 3), _interned(r))


def score_pair(a: Claim, b: Claim, *, explain: bool = True) -> PairScore:
    """The evidence that `a` and `b` report one occasion; `explain=False` skips writing the reasons."""
    if a.kind != b.kind:
        return _blocked("different kinds")
    if a.kind == "exchange":
        return score_exchanges(a, b, explain=explain)
    if a.kind == "agreement":
        return score_agreements(a, b, explain=explain)
    return score_tallies(a, b, explain=explain)
