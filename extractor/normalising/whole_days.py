"""The days of a whole swap told with its length: 'the three-day exchange, which began on Friday',
'the swap that ended on Sunday ... the three-day operation'.

The annotation dates a sentence that sums up a multi-day swap with the span of its days. An article
that reports only the whole, with its number of days and its first or last day, places it: the
occasion dated to that last day (or to the publication day, by a lead that gives no date) runs
back over those days; one beside a first day runs forward from it.
"""

from __future__ import annotations

import datetime as dt

from ..contract import DateInterval, PartialDate
from .dating import resolve_span, usable_date
from .occasions import SUMMING_STAGES, Occasion, days_of
from .sentences import SentenceView

START_WORDS = frozenset({"started", "began", "begun", "beginning", "starting"})
END_WORDS = frozenset({"ended", "concluded", "finished", "completed", "ending", "concluding"})
REACH = 3  # "which ended on Sunday", "began early on Friday"


def _bounds(views: list[SentenceView], *, published: PartialDate | None, year_hint: int | None
            ) -> tuple[set[dt.date], set[dt.date]]:
    """First and last days the article gives a swap ('began on Friday', 'ended on Sunday')."""
    starts: set[dt.date] = set()
    ends: set[dt.date] = set()
    for view in views:
        for date in view.dates:
            if not usable_date(view, date):
                continue  # the day talks began, a capture: no day of a handover
            before = [view.lower[k] for k in range(max(view.start, date.start - REACH), date.start)]
            kind = starts if any(w in START_WORDS for w in before) else ends if any(w in END_WORDS for w in before) \
                else None
            if kind is None:
                continue
            day = resolve_span(date, published=published, status="completed", year_hint=year_hint)
            if day is not None and day.precision == "day" and day.start is not None and day.start == day.end:
                kind.add(day.start)
    return starts, ends


def span_told_whole(occasions: list[Occasion], views: list[SentenceView], *, published: PartialDate | None,
                    year_hint: int | None) -> None:
    """A completed occasion dated to one day, in an article that gives the swap's number of days and
    its first or last day, spans those days, when no other completed occasion falls within them (the
    article tells the whole, not its stages)."""
    lengths = {n for v in views if (n := days_of(v)) is not None}
    if len(lengths) != 1:
        return
    (days,) = lengths
    starts, ends = _bounds(views, published=published, year_hint=year_hint)
    if len(starts) > 1 or len(ends) > 1 or not (starts or ends):
        return
    if starts and ends:
        (first,), (last,) = starts, ends
        if (last - first).days != days - 1:
            return
        rule = "date.whole_began_and_ended_on"
    elif ends:
        (last,) = ends
        first = last - dt.timedelta(days=days - 1)
        rule = "date.whole_ended_on"
    else:
        (first,) = starts
        last = first + dt.timedelta(days=days - 1)
        rule = "date.whole_began_on"
    if published is not None and published.full is not None and last > published.full:
        return
    # the occasion dated to the last day, or by a lead without a date to the report's day after it
    after = last + dt.timedelta(days=1)
    near = [o for o in occasions if o.status == "completed" and o.date is not None and o.date.start is not None
            and first <= o.date.start <= after]
    if len(near) != 1:
        return
    (whole,) = near
    date = whole.date
    if date is None or date.precision != "day" or date.start != date.end:
        return
    if not (date.start == last or (date.start == after and any("date.same_day_lead" in m.rules
                                                                for m in whole.mentions))):
        return
    if any(_last_stage(m.group.view, m.group.start) for m in whole.mentions):
        for m in whole.mentions:
            m.rules.append("date.last_stage_day")
        return
    whole.date = DateInterval(start=first, end=last, precision="day")
    whole.key = f"{first}/{last}"
    for m in whole.mentions:
        m.rules.append(rule)


LAST_STAGE = frozenset((last, stage) for last in ("final", "last") for stage in SUMMING_STAGES | {"day"})


def _last_stage(view: SentenceView, start: int) -> bool:
    """The figure is the last day's own: 'freed 303 each on the final day', 'ended on Sunday, when 303 were freed
    on each side' (a when-clause after the swap's end tells what happened that day; rule date.last_stage_day)."""
    words = view.words
    if any(tuple(words[k:k + 2]) in LAST_STAGE for k in range(len(words) - 1)):
        return True
    return any(view.lower[k] == "when" and view.lower[k - 1] == "," and any(
        view.lower[m] in END_WORDS for m in range(max(view.start, k - 6), k)) for k in range(view.start + 1, start))

