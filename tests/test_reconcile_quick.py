"""The clustering's quick scorer gives what the reference scorer gives: same score, block and contradiction."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from extractor.reconciling.claims import make_claim
from extractor.reconciling import quick
from extractor.reconciling.quick import compatible, quick_score, remembered_scores
from extractor.reconciling.scoring import COPY_DAYS, _copies, score_pair

SIDES = ["NOR", "SWE", "FIN", "EST", "LVA"]
CATS = ["pows", "bodies", "civilians"]
PLACES = [("Tallinn", "EST"), ("Tallinn harbour", "EST"), ("Oslo", "NOR"), ("Turku", "FIN"), ("the border", None)]
NAMES = ["lind", "berg", "koskinen", "tamm"]
DAY0 = dt.date(2031, 3, 1).toordinal()


def _count(rng: random.Random):
    value = rng.choice([1, 2, 3, 7, 9, 10, 11, 40, 41, 44, 90, 100, 200, 207, 195, 300, 1200])
    q = rng.random()
    if q < 0.6:
        return value, value, value, "exact"
    if q < 0.7:
        return value, None, None, "about"
    if q < 0.8:
        return None, value, None, rng.choice(["over", "at_least"])
    if q < 0.9:
        return None, None, value, rng.choice(["under", "up_to"])
    return None, value, value + rng.choice([5, 50]), "range"


def _flow(rng: random.Random, a: str, b: str, cat: str) -> tuple:
    r = rng.random()
    src, dst = (a, b) if r > 0.25 else (b, a) if r > 0.15 else (a, None) if r > 0.08 else (None, None)
    if rng.random() < 0.15:
        return src, dst, cat, None, None, None, None
    value, lo, hi, q = _count(rng)
    return src, dst, cat, value, lo, hi, q


def _dates(rng: random.Random, day: int) -> tuple[int | None, int | None, str | None]:
    r = rng.random()
    if r < 0.25:
        return None, None, None
    if r < 0.6:
        return day, day, "day"
    if r < 0.7:
        return day, day + rng.choice([1, 2, 3, 5]), "day"
    if r < 0.78:
        return day, day + 6, "week"
    if r < 0.86:
        return day - day % 30, day - day % 30 + 29, "month"
    if r < 0.9:
        return day - 200, day + 160, "year"
    return (day, None, "day") if r < 0.95 else (None, day, "day")


def invented_claims(n: int, *, seed: int) -> list:
    """Claims of every shape the scorer tells apart, crowded into a few weeks and sides so that most
    pairs get past the first checks: one or several flows, sided or not, exact and qualified figures,
    all kinds of dates, publication days, named people, summed groups, places and mediators."""
    rng = random.Random(seed)
    out = []
    for k in range(n):
        a, b = ("NOR", "SWE") if rng.random() < 0.8 else rng.sample(SIDES, 2)
        day = DAY0 + rng.randrange(20)
        kind = rng.choices(["exchange", "agreement", "tally"], [0.8, 0.1, 0.1])[0]
        cats = rng.sample(CATS, 1 if rng.random() < 0.75 else 2)
        flows = [_flow(rng, a, b, cat) for cat in cats for _ in range(1 if rng.random() < 0.7 else 2)]
        if kind == "tally":
            flows = flows[:1]
        start, end, precision = _dates(rng, day)
        published = None if rng.random() < 0.2 else day + rng.randrange(4)
        people = frozenset(rng.sample(NAMES, rng.randrange(1, 3))) if kind == "exchange" and rng.random() < 0.15 \
            else frozenset()
        parts = frozenset()
        if kind == "exchange" and rng.random() < 0.1 and flows[0][3] is not None:
            f = flows[0]
            parts = frozenset({(f[0], f[1], f[2], rng.choice([f[3] // 2 or 1, 7, 40]))})
        parties = {p for f in flows for p in f[:2] if p is not None}
        if kind == "agreement":
            parties |= {a, b}
        out.append(make_claim(
            versions="v1\x00d1", claim_id=f"c{k:04d}", doc_id=f"d{rng.randrange(n // 4) if rng.random() < 0.15 else k + n}",
            kind=kind, status=(rng.choice(["completed", "completed", "planned"]) if kind == "exchange" else None),
            start=start, end=end, precision=precision, flows=tuple(flows),
            location=rng.choice(PLACES) if rng.random() < 0.2 else None,
            mediators=tuple(sorted(rng.sample(["QAT", "TUR", "ARE"], rng.randrange(0, 2)))),
            parties=frozenset(parties), scope=rng.choice([None, "since the war began", "Since the war began"])
            if kind == "tally" else None,
            published_raw=None if published is None else dt.date.fromordinal(published).isoformat(),
            published=published, people=people, parts=parts))
    return out


@pytest.mark.parametrize("seed", range(4))
def test_quick_scorer_equals_the_reference_scorer(seed):
    claims = invented_claims(160, seed=seed)
    checked = merged = 0
    for i, a in enumerate(claims):
        for b in claims[i + 1:]:
            if a.kind != b.kind:
                continue
            ref = score_pair(a, b, explain=False)
            quick = quick_score(a, b)
            assert quick == (ref.score, ref.blocked, ref.against), (a, b)
            assert compatible(quick) == ref.compatible
            checked += 1
            merged += ref.merges
    assert checked > 5000 and merged > 50  # the set reaches past the first checks


@pytest.mark.parametrize("seed", range(2))
def test_remembered_scores_are_the_scores(seed, monkeypatch):
    """Inside `remembered_scores`, each pair is scored once (up to MEMO_KEPT pairs) and gives what scoring it
    gives; outside, nothing is kept."""
    monkeypatch.setattr(quick, "MEMO_KEPT", 300)
    claims = invented_claims(60, seed=seed)
    pairs = [(a, b) for i, a in enumerate(claims) for b in claims[i + 1:] if a.kind == b.kind]
    plain = [quick_score(a, b) for a, b in pairs]
    with remembered_scores():
        first = [quick_score(a, b) for a, b in pairs]
        again = [quick_score(a, b) for a, b in reversed(pairs)][::-1]
        assert len(quick._MEMO) == 300 < len(pairs)
    assert first == again == plain
    assert quick._MEMO is None


@pytest.mark.parametrize("seed", range(4))
def test_pairs_never_paired_for_their_dates_score_nothing(seed):
    """`blocking.scan` never pairs what `dates_apart.apart` finds apart in time: the scorer blocks each such
    pair (for its dates, or a check made before them) with a score of 0, so the clustering, which keeps
    only pairs scoring NEAR_MISS or more and stages, does the same without scoring it."""
    from dates_apart import apart as dates_apart
    from extractor.reconciling.scoring import AFTER_PUBLICATION, DATES_APART, STAGE

    claims = invented_claims(160, seed=seed)
    apart = dates = 0
    for i, a in enumerate(claims):
        for b in claims[i + 1:]:
            if a.kind != b.kind or not dates_apart(a, b):
                continue
            ref = score_pair(a, b, explain=False)
            assert ref.score == 0.0 and ref.blocked is not None and ref.blocked != STAGE, (a, b, ref)
            apart += 1
            dates += ref.blocked in (DATES_APART, AFTER_PUBLICATION)
    assert apart > 500 and dates > 100


def _reference_copies_flows(a, b) -> bool:
    """The same compared flows in any order, told by their reprs (as `scoring._copies` told it before it
    compared two flows a side crosswise)."""
    return sorted(map(repr, a.compared)) == sorted(map(repr, b.compared))


def _undated(flows, claim_id="c1", doc_id="d1"):
    return make_claim(claim_id=claim_id, doc_id=doc_id, kind="exchange", status="completed", start=None, end=None,
                      precision=None, flows=tuple(flows), location=None, mediators=(),
                      parties=frozenset(p for f in flows for p in f[:2] if p is not None),
                      published_raw="2031-03-02", published=DAY0 + 1)


_TO_SWE = ("NOR", "SWE", "pows", 12, 12, 12, "exact")
_TO_NOR = ("SWE", "NOR", "pows", 14, 14, 14, "exact")
_TO_NOR_CIV = ("SWE", "NOR", "civilians", 3, 3, 3, "exact")


@pytest.mark.parametrize("flows_a, flows_b, copies", [
    ([_TO_SWE, _TO_NOR], [_TO_SWE, _TO_NOR], "possible"),  # the same two flows
    ([_TO_SWE, _TO_NOR], [_TO_NOR, _TO_SWE], "possible"),  # crosswise
    ([_TO_SWE, _TO_NOR, _TO_NOR_CIV], [_TO_NOR_CIV, _TO_SWE, _TO_NOR], "possible"),  # three, reordered
    # near misses: not the same flows
    ([_TO_SWE, _TO_NOR], [_TO_NOR, _TO_SWE[:3] + (13, 13, 13, "exact")], None),  # one figure differs
    ([_TO_SWE, _TO_NOR], [_TO_SWE, _TO_SWE], None),  # one of them twice
    ([_TO_SWE, _TO_NOR], [_TO_NOR, _TO_NOR_CIV], None),  # crosswise on one side only
    ([_TO_SWE, _TO_NOR, _TO_NOR_CIV], [_TO_NOR_CIV, _TO_SWE, _TO_NOR_CIV], None),
    ([_TO_SWE], [_TO_NOR], None),
    ([_TO_SWE, _TO_NOR], [_TO_SWE], None),
])
def test_copies_compares_flows_in_any_order(flows_a, flows_b, copies):
    a, b = _undated(flows_a), _undated(flows_b, claim_id="c2", doc_id="d2")
    assert _copies(a, b) == copies
    assert _copies(b, a) == copies


@pytest.mark.parametrize("seed", range(3))
def test_copies_tells_the_same_flows_as_their_reprs(seed):
    claims = [c for c in invented_claims(160, seed=seed) if c.kind == "exchange"]
    told = 0
    for n, a in enumerate(claims):
        for b in claims[n + 1:]:
            if a.signature != b.signature or (a.dated and b.dated) or a.status != b.status:
                continue
            if a.published is not None and b.published is not None and abs(a.published - b.published) > COPY_DAYS:
                continue  # None whatever the flows
            assert (_copies(a, b) is not None) == _reference_copies_flows(a, b), (a.claim_id, b.claim_id)
            told += 1
    assert told > 50
