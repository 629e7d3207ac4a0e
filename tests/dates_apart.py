"""The reference for what `blocking.scan` never pairs for its dates (it tests the same inline)."""

from __future__ import annotations

from extractor.reconciling.claims import Claim
from extractor.reconciling.evidence import tolerant_interval


def apart(c: Claim, d: Claim) -> bool:
    """Whether the scorer blocks the pair for its dates, with a score of 0 (`scoring.DATES_APART`, or
    `scoring.AFTER_PUBLICATION`), so scoring it changes nothing: the days the two can lie on
    (`evidence.tolerant_interval`) do not meet, or an undated completed exchange was published before the
    other's first day."""
    if c.dated and d.dated:
        (a_lo, a_hi), (b_lo, b_hi) = tolerant_interval(c), tolerant_interval(d)
        return a_lo > b_hi or b_lo > a_hi
    if c.dated == d.dated:
        return False
    dated, undated = (c, d) if c.dated else (d, c)
    if undated.kind != "exchange" or undated.status != "completed" or undated.published is None:
        return False
    return (dated.start if dated.start is not None else dated.end) > undated.published + 1  # type: ignore[operator]
