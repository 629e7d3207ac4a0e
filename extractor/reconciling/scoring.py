"""The pairwise decision: a score from weighted evidence, hard constraints, and the reasons in words.

Two claims are merged when their score reaches THRESHOLD and no constraint forbids it. The
weights, for exchanges:

- dates: same day (both day-precise) +3; one day apart +1.5; coarse dates that overlap +1;
  apart only by publication-day slack (a completed occasion dated to the publication day may
  lie up to PUBDAY_SLACK days earlier) +0.5; dated near the undated report's publication +1;
  dates further apart: never merged.
- figures, per pair of matching flows: equal +2 (+1 under 10); compatible through a
  qualifier or rounding ("more than 1,200" and 1,212) +1; a close disagreement (207 vs 195,
  within 10%) -1; a clear mismatch -4 (-1 when both are planned), unless the totals per
  direction agree across categories (270 POWs + 120 civilians = 390); positive evidence
  from figures is capped at +4.
- flows: same categories +1, +0.5 for each further shared category, up to +2; the flows
  of one a part of the other's (a partial report) +0.5; else 2 x Jaccard - 1. The same
  directed flows +0.5, or +1 when neither gives a figure or a date and both were
  published within COPY_DAYS (copies of one story).
- status: planned vs completed -2, and only with at least one equal figure. A planned
  report and a completed report of one occasion ("1,000 for 1,000 will be exchanged", then
  "the 1,000-for-1,000 exchange was completed") are one event, as the gold's event keys
  group them; the event's status is then completed, with a status conflict listed. A
  swap planned and then called off has no completed report with equal figures and dates
  that fit, so it stays apart from the swap that did take place later.
- place: same +1, different countries -2; a shared mediator +0.5.

Never merged: two claims of one article read by one extractor version (the annotation
makes one record per occasion and article; the same article read again by another version
may merge), disjoint parties or categories, dates apart.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from .claims import Claim
from .evidence import (
    compare_counts,
    date_relation,
    direction_totals,
    flow_signature,
    pair_flows,
    parties_agree,
    same_place,
)

THRESHOLD = 2.0
NEAR_MISS = 0.5
COPY_DAYS = 7  # undated reports published further apart are not taken for copies
PUBLISHED_NEAR = (3, 1)  # a dated occasion up to 3 days before / 1 day after an undated report's publication


@dataclass(frozen=True, slots=True)
class PairScore:
    score: float
    reasons: tuple[str, ...]
    blocked: str | None = None  # a constraint that forbids the merge whatever the score

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


def _date_evidence(a: Claim, b: Claim, s: float, r: list[str] | None) -> tuple[float, str | None]:
    rel = date_relation(a, b)
    if rel == "apart":
        return s, "dates apart"
    if rel in _DATE_WEIGHTS:
        w, label = _DATE_WEIGHTS[rel]
        if r is not None:
            r.append(f"{label} (+{w:g})")
        return s + w, None
    dated, undated = (a, b) if a.dated else (b, a)
    if dated.dated and undated.published is not None and undated.kind == "exchange" and undated.status == "completed":
        p = undated.published
        lo = dated.start if dated.start is not None else dated.end
        hi = dated.end if dated.end is not None else dated.start
        if lo > p + 1:  # type: ignore[operator]
            return s, "dated after the undated report was published"
        if hi >= p - PUBLISHED_NEAR[0] and lo <= p + PUBLISHED_NEAR[1]:  # type: ignore[operator]
            if r is not None:
                r.append("dated near the undated report's publication (+1)")
            return s + 1.0, None
    return s, None


def _count_evidence(a: Claim, b: Claim, s: float, r: list[str] | None, *, soft: bool) -> tuple[float, int]:
    """Adds the figures' evidence; returns the new score and the number of equal figures."""
    pos, equal, mismatched = 0.0, 0, []
    for fa, fb in pair_flows(a, b):
        rel = compare_counts(fa, fb)
        if rel == "equal":
            equal += 1
            w = 2.0 if (fa[3] or fa[4] or fa[5] or 0) >= 10 else 1.0
            pos += w
            if r is not None:
                r.append(f"equal {fa[2]} figure {_fig(fa)} (+{w:g})")
        elif rel == "compatible":
            pos += 1.0
            if r is not None:
                r.append(f"compatible {fa[2]} figures {_fig(fa)} / {_fig(fb)} (+1)")
        elif rel == "near":
            s -= 1.0
            if r is not None:
                r.append(f"close {fa[2]} figures {_fig(fa)} vs {_fig(fb)} (-1)")
        else:
            mismatched.append((fa, fb))
    if mismatched:
        ta, tb = direction_totals(a), direction_totals(b)
        dirs = {(fa[0], fa[1]) for fa, _ in mismatched} | {(fb[0], fb[1]) for _, fb in mismatched}
        if all(ta.get(d) is not None and ta.get(d) == tb.get(d) for d in dirs):
            pos += 2.0
            if r is not None:
                r.append("equal totals per direction across categories (+2)")
        else:
            w = 1.0 if soft else 4.0
            for fa, fb in mismatched:
                s -= w
                if r is not None:
                    r.append(f"different {fa[2]} figures {_fig(fa)} vs {_fig(fb)} (-{w:g})")
    if pos > 4.0:
        if r is not None:
            r.append("figures capped at +4")
    return s + min(pos, 4.0), equal


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


def _place_evidence(a: Claim, b: Claim, s: float, r: list[str] | None) -> float:
    place = same_place(a, b)
    if place is True:
        if r is not None:
            r.append("same place (+1)")
        return s + 1.0
    if place is False:
        if r is not None:
            r.append("places in different countries (-2)")
        return s - 2.0
    return s


def score_exchanges(a: Claim, b: Claim, *, explain: bool = True) -> PairScore:
    if a.run_doc == b.run_doc:
        return _blocked("same article")
    r: list[str] | None = [] if explain else None
    s, block = _date_evidence(a, b, 0.0, r)
    if block:
        return _blocked(block)
    if not parties_agree(a.parties, b.parties):
        return _blocked("different parties")
    if not a.categories & b.categories:
        return _blocked("no shared category")
    s, equal = _count_evidence(a, b, s, r, soft=a.status == b.status == "planned")
    s = _category_evidence(a, b, s, r)
    if flow_signature(a) == flow_signature(b):
        copies = (not a.counted and not b.counted and not a.dated and not b.dated
                  and a.published is not None and b.published is not None
                  and abs(a.published - b.published) <= COPY_DAYS)
        if copies:
            s += 1.0
            if r is not None:
                r.append("same flows, no figures, no dates: copies of one report (+1)")
        else:
            s += 0.5
            if r is not None:
                r.append("same flows (+0.5)")
    s = _place_evidence(a, b, s, r)
    if a.mediators and b.mediators and set(a.mediators) & set(b.mediators):
        s += 0.5
        if r is not None:
            r.append("shared mediator (+0.5)")
    blocked = None
    if a.status != b.status:
        s -= 2.0
        if r is not None:
            r.append("planned and completed reports (-2)")
        if not equal:
            blocked = "planned and completed with no equal figure"
    return PairScore(round(s, 3), _interned(r), blocked)


def score_agreements(a: Claim, b: Claim, *, explain: bool = True) -> PairScore:
    if a.run_doc == b.run_doc:
        return _blocked("same article")
    if not parties_agree(a.parties, b.parties):
        return _blocked("different parties")
    r: list[str] | None = [] if explain else None
    s, block = _date_evidence(a, b, 0.0, r)
    if block:
        return _blocked(block)
    s, _ = _count_evidence(a, b, s, r, soft=True)
    s = _category_evidence(a, b, s, r)
    s = _place_evidence(a, b, s, r)
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
    s, block = _date_evidence(a, b, 1.0, r)
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
