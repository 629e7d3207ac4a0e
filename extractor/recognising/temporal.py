"""Pure-Python date recogniser and resolver (no spaCy here).

``find_dates(text)`` finds date expressions with precompiled regular expressions
and returns them sorted and non-overlapping (the longest wins).  Each match keeps
the parsed fields it needs; ``resolve(match, published=..., tense=...)`` turns one
into a contract ``DateInterval`` or ``None`` when it cannot be placed.  A date is
never silently replaced by the publication date.

Resolution rules (those of the record contract):

* a day is ``start == end``, precision ``day``; a range of days ("June 7-8") keeps
  both ends with precision ``day``;
* month parts: early = 1-10, mid = 11-20, late / end of = 21-last day, precision
  ``month``; a whole month ("in June 2025") is precision ``month``; a year is
  precision ``year`` (early / mid / late year = Jan-Apr / May-Aug / Sep-Dec);
* "by X" gives ``start=None, end=X.end``; "since X" gives ``start=X.start, end=None``;
* weekdays and relative expressions need a full publication date; past tense (or
  unknown) takes the most recent such weekday on or before the publication day,
  future tense the next one on or after it;
* a day or month without a year takes the publication year (even a partial
  publication date), else ``year_hint``, else nothing; a past date that would lie
  more than about two months after publication moves to the previous year (and a
  future date more than two months before publication to the next year).
"""

from __future__ import annotations

import bisect
import calendar
import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from extractor.contract.articles import PartialDate
from extractor.contract.records import DateInterval

from .scanning import found as _found
from .scanning import matches_at as _matches_at

__all__ = ["DateMatch", "find_dates", "resolve"]


@dataclass(frozen=True, slots=True)
class DateMatch:
    """One date expression found in a text; character offsets into that text.

    ``kind`` is one of ``absolute`` (a day with a year), ``month_day`` (a day
    without a year), ``month`` (a month, maybe with ``year`` and ``part``; a run
    of months or a season has ``end_month`` too),
    ``year``, ``weekday``, ``relative`` (``unit`` + ``offset``, e.g. last week is
    week/-1) and ``bounded`` ("by ..."/"since ...": ``bound`` plus the fields of
    the inner expression, whose kind is ``base_kind``).
    """

    start: int
    end: int
    text: str
    kind: str
    rule: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    end_year: int | None = None   # ranges: the last day (end_year may be None when no year is given)
    end_month: int | None = None
    end_day: int | None = None
    weekday: int | None = None    # 0 = Monday ... 6 = Sunday
    end_weekday: int | None = None  # "from Friday to Sunday": the last weekday of a run of days
    part: str | None = None       # early/mid/late/first_half/second_half; earlier/later/trailing/past for relatives
    unit: str | None = None       # relative: day/week/weekend/month/year
    offset: int | None = None     # relative: units from the published one; weekday/month: -1 last, +1 next, 0 this
    year_offset: int | None = None  # month: "April of this year" (0), "April last year" (-1)
    bound: str | None = None      # "by" or "since" for kind "bounded"
    base_kind: str | None = None  # kind of the expression inside a bounded one

    @property
    def has_year(self) -> bool:
        return self.year is not None


# --------------------------------------------------------------------------- vocabulary
#
# Every pattern starts with a literal or a character class so that the regex
# engine can skip ahead quickly; the words in front of a date ("in", "early",
# "last", "between", "by") are read afterwards from a short window before it.

_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")
_MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MAX_DAY = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                 "seven": 7, "eight": 8, "nine": 9, "ten": 10}

# Title case and upper case only: lower-case "may" and "march" are verbs.
_FULL_MONTHS = {w: i for i, name in enumerate(_MONTH_NAMES, start=1) for w in (name, name.upper())}
_ABBR_MONTHS = {w: _FULL_MONTHS[next(n for n in _MONTH_NAMES if n.startswith(a[:3]))]
                for a in _MONTH_ABBR for w in (a, a.upper())}
_WEEKDAY_NUM = {w: i for i, name in enumerate(_WEEKDAYS) for w in (name, name.upper())}

_M = r"(?P<m>[JFMASOND][a-zA-Z]{2,8})\b(?P<dot>\.)?"
_M2 = r"(?P<m2>[JFMASOND][a-zA-Z]{2,8})\b(?P<dot2>\.)?"
_D = r"(?P<d>\d\d?)(?:st|nd|rd|th)?(?![\d:])(?![,.]\d)\b"
_D2 = r"(?P<d2>\d\d?)(?:st|nd|rd|th)?(?![\d:])(?![,.]\d)\b"
_Y = r"(?P<y>(?:19|20)\d\d)(?:(?!\w)|(?=[A-Z][A-Za-z]))(?![,.]\d)"  # "4 March 2024AFP": a credit glued on
_Y1 = r"(?P<y1>(?:19|20)\d\d)(?!\w)(?![,.]\d)"
_SEP = r"(?P<sep>\s*[-\u2013\u2014]\s*|\s+(?:to|through|until|till|and)\s+)"
_TOD = r"(?i:morning|afternoon|evening|night)"


def _c(pattern: str) -> re.Pattern[str]:
    # Keep a character class first ("\d\d?", not "\d{1,2}"; "[MTWFS](?:...|...)", not "...|..."):
    # re then skips to the positions where that class matches instead of trying every position.
    return re.compile(pattern)


# core patterns (one per rule family)
_ISO = _c(r"(?P<y>[12]\d{3})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?![\d-])")
_DMY = _c(r"(?P<d>\d\d?)(?P<sep>[-.])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})(?![\d/-])(?!\.\d)")
_SLASH = _c(r"(?P<a>\d\d?)/(?P<b>\d{1,2})/(?P<y>\d{4})(?![\d/])")
_MONTH_DAY = _c(rf"{_M}\s+(?:the\s+)?{_D}(?:(?:,\s*|\s+){_Y})?")
_DAY_MONTH = _c(rf"{_D}\s+(?:of\s+)?{_M}(?:,?\s+{_Y})?")
_RANGE_MDD = _c(rf"{_M}\s+{_D}{_SEP}{_D2}(?:(?:,\s*|\s+){_Y})?")
_RANGE_DDM = _c(rf"{_D}{_SEP}{_D2}\s+(?:of\s+)?{_M}(?:,?\s+{_Y})?")
_RANGE_MDMD = _c(rf"{_M}\s+{_D}(?:(?:,\s*|\s+){_Y1})?{_SEP}{_M2}\s+{_D2}(?:(?:,\s*|\s+){_Y})?")
_RANGE_DMDM = _c(rf"{_D}\s+{_M}(?:\s+{_Y1})?{_SEP}{_D2}\s+{_M2}(?:,?\s+{_Y})?")
_MONTH_RANGE = _c(rf"{_M}(?P<sep>\s*[-\u2013\u2014]\s*|\s+(?:to|through|until|till|and)\s+){_M2}"
                  rf"(?:(?:,\s*|\s+of\s+|\s+){_Y})?(?![-\u2013]\d)")
_SEASON = _c(rf"(?P<season>[SsAaFf](?:(?<=[Ss])(?:pring|ummer)|(?<=[Aa])utumn|(?<=[Ff])all|(?<=S)(?:PRING|UMMER)"
             rf"|(?<=A)UTUMN))\b(?:(?:\s+of)?\s+{_Y})?")
_S_YEAR_REL = _c(r"(?:\s+of)?\s+(?P<rel>this|last|next)\s+year\b")
_MONTH_YEAR = _c(rf"{_M}(?:,\s*|\s+of\s+|\s+){_Y}(?![-\u2013]\d)")
_MONTH_BARE = _c(rf"{_M}(?!\s+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b(?![,.]\d))")
_YEAR = _c(r"(?P<y>(?:19|20)\d\d)(?!\w)(?![,.]\d)(?![-\u2013/]\d)")
_WEEKDAY = _c(rf"(?P<w>[MTWFS](?:[a-z]{{2,5}}day|[A-Z]{{2,5}}DAY))\b(?:\s+{_TOD}\b)?")
_UNIT = _c(r"(?P<unit>weekend|week|month|year|days|hours)\b(?!-)")
_AGO = _c(r"ago\b")
_DAY_WORD = _c(rf"(?P<w>yesterday|Yesterday|today|Today|tonight|Tonight|tomorrow|Tomorrow|night|morning|afternoon"
               rf"|evening)\b(?:\s+(?P<tod>{_TOD})\b)?")

# prefixes, searched in a short window that ends where the core starts
_P_BETWEEN = _c(r"\b(?P<w>(?i:between|from))\s+\Z")
_P_PART = _c(r"\b(?P<part>(?i:early|mid|late|(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle)\s+of"
             r"|(?:the\s+)?(?:first|second)\s+half\s+of))(?:[-\u2010\u2011]|\s+)(?:(?i:in)\s+)?\Z")
_P_MONTH_PREP = _c(r"\b(?P<prep>(?i:in|during|since|until|till|by|from|through|throughout|before|after|of|to|for"
                   r"|last|this|next))\s+\Z")
_P_THE = _c(r"\b(?i:the)\s+\Z")
_P_ON = _c(r"\b(?i:on)\s+\Z")
# what may follow "June 7 and 8" for the two to be days: the end of a phrase, not a noun they count
_AND_DAY_END = _c(r"(?:\s*(?:[,.;:)\u2013\u2014-]|\Z)"
                  r"|\s+(?:in|at|when|as|after|before|during|with|under|near|to|and|from|amid)\b)")
_A_SWAP_NOUN = _c(r"\s+(?i:(?:prisoner\s+|hostage\s+|detainee\s+)?(?:swap|exchange|trade|deal|arrangement|handover|agreement|accord|release))\b")
_P_YEAR_PREP = _c(r"\b(?i:in|during|since|until|till|by|through|throughout|before|after)\s+(?:(?i:the\s+year)\s+)?\Z")
_P_WEEKDAY = _c(r"\b(?:(?P<rel>(?i:this\s+past|this\s+coming|last|past|next|this|coming))\s+)?"
                r"(?:(?i:early|late)\s+(?:(?i:on)\s+)?)?(?:(?i:the)\s+(?i:morning|afternoon|evening|night)\s+(?i:of)\s+)?\Z")
# "Good Friday Agreement", "Bloody Sunday", "The Sunday Times", "Mail on Sunday": names, not dates
_P_NOT_WEEKDAY = _c(r"\b(?:Good|Black|Bloody|Holy|Palm|Easter|Cyber|Mail\s+on)\s+\Z")
# "from Friday to Sunday", "between Friday and Sunday": a run of days (rule date.weekday_range)
_P_FROM_BETWEEN = _c(r"\b(?P<w>(?i:between|from))\s+\Z")
_WEEKDAY_RANGE_TAIL = _c(r"(?P<sep>\s*[-\u2013]\s*|\s+(?:to|through|until|till|and)\s+)"
                         r"(?P<w2>[MTWFS](?:[a-z]{2,5}day|[A-Z]{2,5}DAY))\b")
_NOT_WEEKDAY_AFTER = _c(r"\s+(?:Times|Telegraph|Express|Mirror|Post|Herald|People|Independent|Agreement)\b")
_P_SEASON = _c(r"\b(?:(?P<rel>(?i:last|this|next|past))\s+|(?i:the\s+)|(?i:in|during|by|since|until)\s+)\Z")
_P_TRAILING = _c(r"\b(?i:the\s+(?:past|last))\s+(?:(?P<n>(?i:seven|7|thirty|30|24))\s+)?\Z")
_P_UNIT = _c(r"\b(?:(?P<part>(?i:early|mid|late|(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle)\s+of))(?:[-\u2010\u2011]|\s+))?"
             r"(?P<rel>(?i:this\s+past|this\s+coming|last|this|next|(?:the\s+)?previous|earlier\s+this|later\s+this"
             r"|the\s+coming|the))\s+\Z")
_P_WEEKEND = _c(r"\b(?i:over|at|on|during)\s+(?P<the>(?i:the))\s+\Z")
_P_AGO = _c(r"\b(?P<n>(?i:\d{1,2}|an|a|one|two|three|four|five|six|seven|eight|nine|ten))\s+"
            r"(?P<unit>(?i:days?|weeks?|months?|years?))\s+\Z")
_AHEAD = _c(r"\b[Ii]n\s+(?:(?i:about|around|some|roughly|approximately)\s+)?"
            r"(?P<n>(?i:\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten))\s+(?P<unit>(?i:days?|weeks?|months?))\b"
            r"(?!\s+(?i:of|after|before|later|earlier|ago|since|from)\b)(?![-\u2010\u2011])")
# a word of what is to come before "in two months" in its clause: "are to be freed", "will", "is due", "expected"
_P_AHEAD_VERB = _c(r"\b(?i:will|shall|to\s+be|is\s+to|are\s+to|due|expected|would|set\s+to|scheduled|planned|plans?)"
                   r"\b[^.;:!?]*\Z")
_P_DAY_WORD = _c(r"\b(?P<p>(?i:the\s+day\s+before|the\s+day\s+after|earlier|later|last|this)|Russia|USA)\s+\Z")
_P_TOD = _c(r"\b(?i:the\s+)(?i:morning|afternoon|evening|night)\s+(?i:of)\s+\Z")
_P_WD = _c(r"\b(?P<w>[MTWFS][a-z]{2,5}day|[MTWFS][A-Z]{2,5}DAY)(?:\s*,\s*|\s*\(\s*|\s+)\Z")
_P_BOUND = _c(r"\b(?P<b>(?i:by|no\s+later\s+than|not\s+later\s+than|since))\s+(?:(?i:the)\s+)?\Z")
_CLOSE_PAREN = _c(r"\s*\)")

_DAY_KINDS = frozenset({"absolute", "month_day"})
_BOUNDABLE = frozenset({"absolute", "month_day", "month", "year", "weekday", "relative"})
_MAY_UNSAFE_PREPS = frozenset({"by", "to", "of", "from", "after", "before", "for"})  # "said by May": the surname
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}
_REL = {"last": -1, "past": -1, "this": 0, "next": 1}
_UNIT_REL = {"last": -1, "previous": -1, "the previous": -1, "this past": -1, "next": 1, "this coming": 1,
             "the coming": 1, "this": 0, "the": 0, "earlier this": 0, "later this": 0}
_WD_REL = {"last": -1, "past": -1, "this past": -1, "next": 1, "coming": 1, "this coming": 1, "this": 0}
# "Wednesday last week", "on Tuesday of next week", "Friday this week": the weekday inside a named week
_WEEKDAY_OF_WEEK = _c(r"\s+(?:(?i:of)\s+)?(?P<rel>(?i:last|next|this|the\s+previous|the\s+following))\s+(?i:week)\b")
_WEEK_REL = {"last": -1, "the previous": -1, "next": 1, "the following": 1, "this": 0}


def _before(pattern: re.Pattern[str], text: str, start: int, *, width: int) -> re.Match[str] | None:
    """A match of an end-anchored ``pattern`` in the ``width`` characters before ``start``."""
    return pattern.search(text, max(0, start - width), start)


def _norm(token: str | None) -> str:
    return " ".join((token or "").lower().split())


def _glued(text: str, start: int) -> bool:
    """True when the core starts inside a word or number."""
    return start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_")


def _month_of(m: re.Match[str], group: str = "m", *, dot_ends: bool = False) -> int | None:
    """Month number of a matched token; None when it is no month.

    A full name followed by a full stop ends a sentence: it cannot take a day or
    year after the stop, so it is refused unless ``dot_ends`` (a bare month).
    """
    token = m.group(group)
    dot = m.group("dot" if group == "m" else "dot2")
    if token in _ABBR_MONTHS:
        return _ABBR_MONTHS[token]
    if token in _FULL_MONTHS and (dot_ends or not dot):
        return _FULL_MONTHS[token]
    return None


def _end(m: re.Match[str]) -> int:
    """End of a match without a full stop that closes it ('on 24 January.')."""
    for group in ("dot2", "dot"):
        if group in m.re.groupindex and m.group(group) and m.end(group) == m.end():
            return m.start(group)
    return m.end()


def _part(token: str | None) -> str | None:
    t = _norm(token)
    for prefix in ("the ", "very "):
        if t.startswith(prefix):
            t = t[len(prefix):]
    if t in ("early", "beginning of", "start of"):
        return "early"
    if t in ("mid", "middle of"):
        return "mid"
    if t in ("late", "end of"):
        return "late"
    if t.startswith("first"):
        return "first_half"
    if t.startswith("second"):
        return "second_half"
    return None


def _valid_day(month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= _MAX_DAY[month - 1]


def _make(text: str, start: int, end: int, rule: str, **fields: object) -> DateMatch:
    return DateMatch(start=start, end=end, text=text[start:end], rule=rule, **fields)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- rules

def _numeric(rule: str, pattern: re.Pattern[str], text: str,
             starts: Iterable[int] | None = None) -> Iterator[DateMatch]:
    for m in pattern.finditer(text) if starts is None else _matches_at(pattern, text, starts):
        if _glued(text, m.start()) or text[m.start() - 1: m.start()] in ("-", ".", "/", ","):
            continue
        year = int(m.group("y"))
        if not 1900 <= year <= 2099:
            continue
        if rule == "date.slash":
            a, b = int(m.group("a")), int(m.group("b"))
            month, day = (b, a) if a > 12 else (a, b)   # M/D/YYYY (US) unless the first number cannot be a month
        else:
            month, day = int(m.group("m")), int(m.group("d"))
        if _valid_day(month, day):
            yield _make(text, m.start(), m.end(), rule, kind="absolute", year=year, month=month, day=day)


def _single_days(rule: str, pattern: re.Pattern[str], text: str) -> Iterator[DateMatch]:
    for m in pattern.finditer(text):
        if _glued(text, m.start()) or (rule == "date.day_month" and text[m.start() - 1: m.start()] in (",", ".")):
            continue
        end = _end(m)
        month, day = _month_of(m, dot_ends=end < m.end()), int(m.group("d"))
        if month is None or not _valid_day(month, day):
            continue
        year = int(m.group("y")) if m.group("y") else None
        yield _make(text, m.start(), end, rule, kind="absolute" if year else "month_day", year=year,
                    month=month, day=day)


AND_DAYS_REACH = 3  # "on 6 and 7 May": days a few apart; "on June 3 and 24" is no span of days


def _two_days_on(m: re.Match[str], text: str, start: int) -> bool:
    """'on 6 and 7 May', 'on June 7 and 8.': two days after 'on', a few days apart, the month beside the
    last day or the day ending the phrase (not 'on June 7 and 8 prisoners'): the span of those days
    (rule date.two_days_on)."""
    if not _before(_P_ON, text, start, width=4):
        return False
    if not 0 < int(m.group("d2")) - int(m.group("d")) <= AND_DAYS_REACH:
        return False
    return "m2" in m.re.groupindex or m.re is _RANGE_DDM or _AND_DAY_END.match(text, m.end()) is not None


def _ranges(rule: str, pattern: re.Pattern[str], text: str) -> Iterator[DateMatch]:
    for m in pattern.finditer(text):
        if _glued(text, m.start()) or text[m.start() - 1: m.start()] in (",", "."):
            continue
        start = m.start()
        between = _before(_P_BETWEEN, text, start, width=9)
        rule_here = rule
        if _norm(m.group("sep")) == "and" and not (between and between.group("w").lower() == "between"):
            if not _two_days_on(m, text, start):
                continue
            rule_here = "date.two_days_on"
        if between:
            start = between.start()
        end = _end(m)
        two = "m2" in pattern.groupindex
        month = _month_of(m, dot_ends=end < m.end() and not two)
        month2 = _month_of(m, "m2", dot_ends=end < m.end()) if two else month
        if month is None or month2 is None:
            continue
        day, day2 = int(m.group("d")), int(m.group("d2"))
        if not (_valid_day(month, day) and _valid_day(month2, day2)):
            continue
        year2 = int(m.group("y")) if m.group("y") else None
        year1 = int(m.group("y1")) if "y1" in pattern.groupindex and m.group("y1") else None
        year = year1 if year1 is not None else (None if year2 is None else year2 - (1 if month2 < month else 0))
        if year is not None and year2 is None:
            year2 = year + (1 if month2 < month else 0)
        if year is None and (month2, day2) <= (month, day) and month2 >= month:
            continue
        if year is not None and year2 is not None and (year2, month2, day2) <= (year, month, day):
            continue
        yield _make(text, start, end, rule_here, kind="absolute" if year else "month_day", year=year,
                    month=month, day=day, end_year=year2, end_month=month2, end_day=day2)


# "January saw ...", "March brought ...": a month that opens its sentence as the subject of a verb
# of happening (not "May", a verb and a name, nor any month before another word: "June Smith")
_S_MONTH_SUBJECT = _c(r"\s+(?:saw|witnessed|brought)\b")
_SENTENCE_END = _c(r"(?:[.!?][\"\u201d\u2019']?\s+|\n\s*)\Z")


def _sentence_start(text: str, start: int) -> bool:
    return start == 0 or _SENTENCE_END.search(text, max(0, start - 4), start) is not None


def _months(text: str) -> Iterator[DateMatch]:
    for rule, pattern in (("date.month_year", _MONTH_YEAR), ("date.month_prep", _MONTH_BARE)):
        for m in pattern.finditer(text):
            if _glued(text, m.start()):
                continue
            month = _month_of(m, dot_ends=rule == "date.month_prep")
            if month is None:
                continue
            start, end = m.start(), m.end()
            if rule == "date.month_prep" and m.group("m") in _FULL_MONTHS:
                end = m.end("m")   # "in June." : the full stop ends the sentence; "in Jan." keeps it
            year = int(m.group("y")) if rule == "date.month_year" else None
            part = _before(_P_PART, text, start, width=30)
            if part:
                yield _make(text, part.start(), end, "date.month_part", kind="month", year=year, month=month,
                            part=_part(part.group("part")))
                continue
            if year is not None:
                yield _make(text, start, end, rule, kind="month", year=year, month=month)
                continue
            prep = _before(_P_MONTH_PREP, text, start, width=14)
            if not prep and rule == "date.month_prep" and month != 5 and m.group("m") in _FULL_MONTHS \
                    and _sentence_start(text, start) and _S_MONTH_SUBJECT.match(text, end):
                # "January saw the biggest swap of the war": the month is the subject of its sentence
                yield _make(text, start, end, "date.month_subject", kind="month", month=month)
                continue
            if not prep or (m.group("m") not in _FULL_MONTHS and not m.group("dot")):   # "by Jan Novak": a name
                continue
            word = prep.group("prep").lower()
            if month == 5 and word in _MAY_UNSAFE_PREPS:
                continue
            if word in ("last", "this", "next"):
                yield _make(text, prep.start(), end, rule, kind="month", month=month, offset=_REL[word])
                continue
            suffix = _S_YEAR_REL.match(text, end)
            if suffix:   # "in April of this year", "in May last year"
                yield _make(text, start, suffix.end(), rule, kind="month", month=month,
                            year_offset=_REL[suffix.group("rel")])
            else:
                yield _make(text, start, end, rule, kind="month", month=month)


def _month_ranges(text: str) -> Iterator[DateMatch]:
    for m in _MONTH_RANGE.finditer(text):
        if _glued(text, m.start()):
            continue
        end = _end(m)
        month, month2 = _month_of(m), _month_of(m, "m2", dot_ends=end < m.end())
        if month is None or month2 is None or month2 == month:
            continue
        start = m.start()
        between = _before(_P_BETWEEN, text, start, width=9)
        # "May and June 1979": two months running under one year are one span (date.month_range); "March and June
        # 2022", "in May and June" stay apart
        pair = _norm(m.group("sep")) == "and" and bool(m.group("y")) and month2 == month + 1
        if _norm(m.group("sep")) == "and" and not (between and between.group("w").lower() == "between") and not pair:
            continue
        if between:
            start = between.start()
        elif not m.group("y"):
            continue
        year2 = int(m.group("y")) if m.group("y") else None
        year = None if year2 is None else year2 - (1 if month2 < month else 0)
        yield _make(text, start, end, "date.month_range", kind="month", year=year, month=month,
                    end_year=year2, end_month=month2)


def _seasons(text: str, lower: str | None) -> Iterator[DateMatch]:
    starts = None if lower is None else _found(lower, _SEASON_WORDS)
    for m in _SEASON.finditer(text) if starts is None else _matches_at(_SEASON, text, starts):
        if _glued(text, m.start()):
            continue
        month, month2 = _SEASONS[m.group("season").lower()]
        prefix = _before(_P_SEASON, text, m.start(), width=12)
        if m.group("y"):
            start = prefix.start() if prefix and prefix.group("rel") is None and "the" in prefix.group().lower() \
                else m.start()
            year = int(m.group("y"))
            yield _make(text, start, m.end(), "date.season", kind="month", year=year, month=month, end_month=month2)
        elif prefix and prefix.group("rel"):
            yield _make(text, prefix.start(), m.end("season"), "date.season", kind="month", month=month,
                        end_month=month2, offset=_REL[prefix.group("rel").lower()])


def _years(text: str) -> Iterator[DateMatch]:
    for m in _matches_at(_YEAR, text, _found(text, _CENTURIES)):
        before = text[m.start() - 1: m.start()]
        if _glued(text, m.start()) or before in (",", ".", "/", "\u2013"):
            continue
        year = int(m.group("y"))
        part = _before(_P_PART, text, m.start(), width=30)
        if before == "-" and not part:   # "2023-2024", but "mid-2024"
            continue
        if part:
            yield _make(text, part.start(), m.end(), "date.year_part", kind="year", year=year,
                        part=_part(part.group("part")))
        elif _before(_P_YEAR_PREP, text, m.start(), width=24):
            yield _make(text, m.start(), m.end(), "date.year_prep", kind="year", year=year)
        elif _before(_P_THE, text, m.start(), width=8) and _A_SWAP_NOUN.match(text, m.end()):
            # "the 2023 arrangement under which five Americans were freed": the year of that swap
            yield _make(text, m.start(), m.end(), "date.year_attributive", kind="year", year=year)


def _weekdays(text: str) -> Iterator[DateMatch]:
    for m in _WEEKDAY.finditer(text):
        weekday = _WEEKDAY_NUM.get(m.group("w"))
        if weekday is None or _glued(text, m.start()):
            continue
        if _before(_P_NOT_WEEKDAY, text, m.start(), width=10) or _NOT_WEEKDAY_AFTER.match(text, m.end("w")):
            continue
        prefix = _before(_P_WEEKDAY, text, m.start(), width=48)
        start = prefix.start() if prefix else m.start()
        week = _WEEKDAY_OF_WEEK.match(text, m.end("w")) if not (prefix and prefix.group("rel")) else None
        if week is not None:  # "on Wednesday last week": that week's Wednesday (rule date.weekday_of_week)
            yield _make(text, start, week.end(), "date.weekday_of_week", kind="weekday", weekday=weekday,
                        unit="week", offset=_WEEK_REL[_norm(week.group("rel"))])
            continue
        offset = _WD_REL.get(_norm(prefix.group("rel"))) if prefix else None
        tail = _WEEKDAY_RANGE_TAIL.match(text, m.end("w"))
        opening = _before(_P_FROM_BETWEEN, text, m.start(), width=9) if tail else None
        last = _WEEKDAY_NUM.get(tail.group("w2")) if tail else None
        if opening and last is not None and last != weekday \
                and (_norm(tail.group("sep")) != "and" or opening.group("w").lower() == "between"):
            yield _make(text, opening.start(), tail.end(), "date.weekday_range", kind="weekday", weekday=weekday,
                        end_weekday=last, offset=offset)
        yield _make(text, start, m.end(), "date.weekday", kind="weekday", weekday=weekday, offset=offset)


def _units(text: str) -> Iterator[DateMatch]:
    for m in _matches_at(_UNIT, text, _found(text, _UNIT_WORDS)):
        unit, start = m.group("unit"), m.start()
        if _glued(text, start):
            continue
        trailing = _before(_P_TRAILING, text, start, width=24)
        if trailing:
            n = _norm(trailing.group("n"))
            kinds = {("week", ""): "week", ("month", ""): "month", ("year", ""): "year", ("days", "seven"): "week",
                     ("days", "7"): "week", ("days", "thirty"): "month", ("days", "30"): "month",
                     ("hours", "24"): "day"}
            if (unit, n) in kinds:
                yield _make(text, trailing.start(), m.end(), "date.relative_trailing", kind="relative",
                            unit=kinds[(unit, n)], offset=0, part="trailing")
            continue
        if unit in ("days", "hours"):
            continue
        rel = _before(_P_UNIT, text, start, width=40)
        if rel and (_norm(rel.group("rel")) != "the" or rel.group("part")):   # "the end of the year", not "the year"
            word = _norm(rel.group("rel"))
            part = _part(rel.group("part"))
            offset: int | None = _UNIT_REL[word]
            if word == "earlier this":
                part = part or "earlier"
            elif word == "later this":
                part = part or "later"
            elif word == "this past" and unit == "weekend":
                offset, part = None, "past"
            yield _make(text, rel.start(), m.end(), "date.relative_unit", kind="relative", unit=unit,
                        offset=offset, part=part)
        elif unit == "weekend":
            the = _before(_P_WEEKEND, text, start, width=16)
            if the:
                yield _make(text, the.start("the"), m.end(), "date.relative_weekend", kind="relative",
                            unit="weekend")


def _agos(text: str) -> Iterator[DateMatch]:
    for m in _AGO.finditer(text):
        if _glued(text, m.start()):
            continue
        p = _before(_P_AGO, text, m.start(), width=24)
        if p:
            n = p.group("n").lower()
            count = int(n) if n.isdigit() else _NUMBER_WORDS[n]
            unit = p.group("unit").lower().rstrip("s")
            yield _make(text, p.start(), m.end(), "date.relative_ago", kind="relative", unit=unit, offset=-count)


AHEAD_VERB_REACH = 60  # characters before "in two months" where its clause's verb of the future stands


def _aheads(text: str) -> Iterator[DateMatch]:
    """'are to be freed in about two months', 'will cross in three weeks': a time ahead of the report, after a verb
    of the future (not 'freed in two days', 'in two days of talks'); it dates only what is still to come."""
    for m in _AHEAD.finditer(text):
        if not _before(_P_AHEAD_VERB, text, m.start(), width=AHEAD_VERB_REACH):
            continue
        n = m.group("n").lower()
        count = int(n) if n.isdigit() else _NUMBER_WORDS[n]
        unit = m.group("unit").lower().rstrip("s")
        yield _make(text, m.start(), m.end(), "date.time_ahead", kind="relative", unit=unit, offset=count,
                    part="ahead")


def _day_words(text: str, lower: str | None) -> Iterator[DateMatch]:
    starts = None if lower is None else _found(lower, _DAY_WORD_STARTS)
    for m in _DAY_WORD.finditer(text) if starts is None else _matches_at(_DAY_WORD, text, starts):
        word, start = m.group("w").lower(), m.start()
        if _glued(text, start):
            continue
        p = _before(_P_DAY_WORD, text, start, width=24)
        pre = p.group("p") if p else ""
        low = _norm(pre)
        end = m.end() if word in ("yesterday", "today", "tomorrow") else m.end("w")
        if word in ("night", "morning", "afternoon", "evening"):
            if (word, low) == ("night", "last"):
                yield _make(text, p.start(), end, "date.relative_day", kind="relative", unit="day", offset=-1)
            elif low == "this" and word != "night":
                yield _make(text, p.start(), end, "date.relative_day", kind="relative", unit="day", offset=0)
            continue
        if word == "today" and pre in ("Russia", "USA"):   # the broadcasters
            continue
        offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[word]
        if (word, low) == ("yesterday", "the day before"):
            offset = -2
        elif (word, low) == ("tomorrow", "the day after"):
            offset = 2
        elif not (word == "today" and low in ("earlier", "later")):
            p = None
        yield _make(text, p.start() if p else start, end, "date.relative_day", kind="relative", unit="day",
                    offset=offset)


# Words one of which every match of a pattern holds: a text without any of them is not searched with it
# (a full pass of a pattern that starts with a common letter costs more than these substring tests).
# Where every match also begins with one of them, the pattern is tried only where they stand (_matches_at).
_SEASON_WORDS = ("spring", "summer", "autumn", "fall")  # in the lower-cased text; every match begins with one
_DAY_WORDS = ("yesterday", "today", "night", "tomorrow", "morning", "afternoon", "evening")  # lower-cased text
_DAY_WORD_STARTS = _DAY_WORDS + ("tonight",)  # every match of _DAY_WORD begins with one, lower-cased
_AHEAD_UNITS = (" day", " week", " month")  # "in two days", "in a week": every match of _AHEAD holds one
_UNIT_WORDS = ("week", "month", "year", "days", "hours")  # as written: the pattern is lower case; every match
# begins with one
_CENTURIES = ("19", "20")  # every match of _YEAR begins with one
# every month a rule accepts (`_month_of`) begins with one of these, as written
_MONTH_STARTS = tuple(w for name in _MONTH_NAMES for w in (name[:3], name[:3].upper()))


def _holds(text: str, words: tuple[str, ...]) -> bool:
    return any(word in text for word in words)


def _iso_starts(text: str) -> Iterator[int]:
    """Where an ISO date (`_ISO`) can begin: four characters before a hyphen, at a 1 or a 2."""
    for at in _found(text, ("-",)):
        if at >= 4 and text[at - 4] in "12":
            yield at - 4


def _dmy_starts(text: str) -> Iterator[int]:
    """Where a day-month-year date (`_DMY`) can begin: its day is one or two digits (re's \\d: a
    decimal character) before a hyphen or a full stop."""
    for at in _found(text, ("-", ".")):
        if at >= 1 and text[at - 1].isdecimal():
            yield at - 1
            if at >= 2 and text[at - 2].isdecimal():
                yield at - 2


def _candidates(text: str) -> Iterator[DateMatch]:
    lower = text.lower()
    if "-" in text:
        yield from _numeric("date.iso", _ISO, text, _iso_starts(text))
    yield from _numeric("date.dmy_numeric", _DMY, text, _dmy_starts(text))
    if "/" in text:
        yield from _numeric("date.slash", _SLASH, text)
    if _holds(text, _MONTH_STARTS):  # the rules below yield nothing without a month name
        yield from _single_days("date.month_day", _MONTH_DAY, text)
        yield from _single_days("date.day_month", _DAY_MONTH, text)
        yield from _ranges("date.range_month_days", _RANGE_MDD, text)
        yield from _ranges("date.range_days_month", _RANGE_DDM, text)
        yield from _ranges("date.range_month_day_month_day", _RANGE_MDMD, text)
        yield from _ranges("date.range_day_month_day_month", _RANGE_DMDM, text)
        yield from _months(text)
        yield from _month_ranges(text)
    # where a letter's lower case is longer ("İ"), `lower` does not show where words stand in the text
    at = lower if len(lower) == len(text) else None
    if _holds(lower, _SEASON_WORDS):
        yield from _seasons(text, at)
    yield from _years(text)
    yield from _weekdays(text)
    if _holds(text, _UNIT_WORDS):
        yield from _units(text)
    if _holds(text, _AHEAD_UNITS):
        yield from _aheads(text)
    if "ago" in text:
        yield from _agos(text)
    if _holds(lower, _DAY_WORDS):
        yield from _day_words(text, at)


def _extend(match: DateMatch, text: str) -> DateMatch:
    """Absorb 'the night of' and a weekday before an explicit date, and a 'by'/'since' bound."""
    start, end = match.start, match.end
    changes: dict[str, object] = {}
    if match.kind in _DAY_KINDS:
        p = _before(_P_TOD, text, start, width=24)
        if p:
            start = p.start()
        p = _before(_P_WD, text, start, width=14)
        if p and p.group("w") in _WEEKDAY_NUM:
            if "(" in text[p.end("w"):start]:
                close = _CLOSE_PAREN.match(text, end)
                if close:
                    end = close.end()
            start = p.start()
            changes.update(weekday=_WEEKDAY_NUM[p.group("w")], rule=match.rule + "+weekday")
    if match.kind in _BOUNDABLE:
        p = _before(_P_BOUND, text, start, width=22)
        if p:
            start = p.start()
            bound = "since" if p.group("b").lower() == "since" else "by"
            changes.update(kind="bounded", bound=bound, base_kind=match.kind,
                           rule=str(changes.get("rule", match.rule)) + "+" + bound)
    if start == match.start and end == match.end and not changes:
        return match
    return dataclasses.replace(match, start=start, end=end, text=text[start:end], **changes)  # type: ignore[arg-type]


def find_dates(text: str) -> list[DateMatch]:
    """All date expressions in ``text``: sorted by position, non-overlapping, the longest wins."""
    if not text:
        return []
    cands = [_extend(c, text) for c in _candidates(text)]
    cands.sort(key=lambda c: (c.start - c.end, c.start))
    # chosen spans are disjoint: kept sorted by start, their ends are sorted too, so a candidate
    # overlaps one of them exactly when it overlaps the last one starting before its end (linear
    # in the number of candidates where comparing with every chosen span was quadratic)
    chosen: list[DateMatch] = []
    starts: list[int] = []
    for c in cands:
        if c.start >= c.end:
            if all(c.end <= k.start or c.start >= k.end for k in chosen):
                at = bisect.bisect_right(starts, c.start)
                chosen.insert(at, c)
                starts.insert(at, c.start)
            continue
        at = bisect.bisect_left(starts, c.end)
        if at and chosen[at - 1].end > c.start:
            continue
        chosen.insert(at, c)
        starts.insert(at, c.start)
    return chosen


# --------------------------------------------------------------------------- resolution

_ROLLOVER = dt.timedelta(days=62)


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _month_span(year: int, month: int, part: str | None) -> tuple[dt.date, dt.date]:
    last = _last_day(year, month)
    lo, hi = {"early": (1, 10), "mid": (11, 20), "late": (21, last), "first_half": (1, 15),
              "second_half": (16, last)}.get(part or "", (1, last))
    return dt.date(year, month, lo), dt.date(year, month, hi)


def _year_span(year: int, part: str | None) -> tuple[dt.date, dt.date]:
    lo, hi = {"early": (1, 4), "mid": (5, 8), "late": (9, 12), "first_half": (1, 6),
              "second_half": (7, 12)}.get(part or "", (1, 12))
    return dt.date(year, lo, 1), dt.date(year, hi, _last_day(year, hi))


def _week_span(day: dt.date, part: str | None) -> tuple[dt.date, dt.date]:
    monday = day - dt.timedelta(days=day.weekday())
    lo, hi = {"early": (0, 2), "mid": (1, 3), "late": (3, 6), "first_half": (0, 3),
              "second_half": (3, 6)}.get(part or "", (0, 6))
    return monday + dt.timedelta(days=lo), monday + dt.timedelta(days=hi)


def _shift_month(year: int, month: int, offset: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + offset
    return index // 12, index % 12 + 1


def _reference(published: PartialDate) -> tuple[dt.date, dt.date] | None:
    """The earliest and latest day the publication date can stand for (None: year only)."""
    if published.month is None:
        return None
    if published.day is not None:
        day = dt.date(published.year, published.month, published.day)
        return day, day
    return (dt.date(published.year, published.month, 1),
            dt.date(published.year, published.month, _last_day(published.year, published.month)))


def _choose_year(span: Callable[[int], tuple[dt.date, dt.date]], published: PartialDate | None, tense: str | None,
                 year_hint: int | None) -> int | None:
    """Year for a date stated without one; ``span(year)`` gives its (start, end) in that year."""
    if published is None:
        return year_hint
    year = published.year
    ref = _reference(published)
    if ref is None:
        return year
    lo, hi = span(year)
    if tense == "future":
        if hi < ref[0] - _ROLLOVER:
            return year + 1
    elif lo > ref[1] + _ROLLOVER:
        return year - 1
    return year


def _days(match: DateMatch, published: PartialDate | None, tense: str | None,
          year_hint: int | None) -> tuple[dt.date, dt.date, str] | None:
    if match.month is None or match.day is None:
        return None
    end_month = match.end_month or match.month
    end_day = match.end_day or match.day

    def span(year: int) -> tuple[dt.date, dt.date]:
        lo = dt.date(year, match.month, match.day)
        hi_year = year + (1 if end_month < match.month else 0)
        return lo, dt.date(hi_year, end_month, end_day)

    year = match.year if match.year is not None else _choose_year(span, published, tense, year_hint)
    if year is None:
        return None
    lo, hi = span(year)
    if match.end_year is not None and match.year is not None:
        hi = dt.date(match.end_year, end_month, end_day)
    return lo, hi, "day"


def _weekday(match: DateMatch, today: dt.date, tense: str | None) -> tuple[dt.date, dt.date, str] | None:
    if match.weekday is None:
        return None
    if match.unit == "week":  # "Wednesday last week": the weekday of the week before the published one
        day = today - dt.timedelta(days=today.weekday()) + dt.timedelta(days=7 * (match.offset or 0) + match.weekday)
        return day, day, "day"
    if match.end_weekday is not None:
        # "from Friday to Sunday": the run ending on the most recent such last day (the next such first day
        # ahead, in the future)
        length = (match.end_weekday - match.weekday) % 7
        if tense == "future":
            first = today + dt.timedelta(days=(match.weekday - today.weekday()) % 7)
            return first, first + dt.timedelta(days=length), "day"
        last = today - dt.timedelta(days=(today.weekday() - match.end_weekday) % 7)
        return last - dt.timedelta(days=length), last, "day"
    back = (today.weekday() - match.weekday) % 7
    ahead = (match.weekday - today.weekday()) % 7
    if match.offset == -1:
        day = today - dt.timedelta(days=back or 7)
    elif match.offset == 1:
        day = today + dt.timedelta(days=ahead or 7)
    elif tense == "future":
        day = today + dt.timedelta(days=ahead)
    else:
        day = today - dt.timedelta(days=back)
    return day, day, "day"


def _relative(match: DateMatch, today: dt.date, tense: str | None) -> tuple[dt.date, dt.date, str] | None:
    unit, offset, part = match.unit, match.offset, match.part
    if part == "ahead":  # "in two months": a time to come; "freed in two days" tells how long it took
        if tense != "future":
            return None
        part = None
    if unit == "day":
        if part == "trailing":
            return today - dt.timedelta(days=1), today, "day"
        day = today + dt.timedelta(days=offset or 0)
        return day, day, "day"
    if unit == "weekend":
        saturday = today + dt.timedelta(days=5 - today.weekday())
        if offset is None:
            past = part == "past" or tense != "future"
            if past and today.weekday() < 5:
                saturday -= dt.timedelta(days=7)
            elif not past and today.weekday() == 6:
                saturday += dt.timedelta(days=7)
        else:
            saturday += dt.timedelta(days=7 * offset)
        return saturday, saturday + dt.timedelta(days=1), "day"
    if unit == "week":
        if part == "trailing":
            return today - dt.timedelta(days=6), today, "week"
        lo, hi = _week_span(today + dt.timedelta(days=7 * (offset or 0)), None if part in ("earlier", "later") else part)
        if part == "earlier":
            hi = today
        elif part == "later":
            lo = today
        return lo, hi, "week"
    if unit == "month":
        if part == "trailing":
            return today - dt.timedelta(days=29), today, "month"
        year, month = _shift_month(today.year, today.month, offset or 0)
        lo, hi = _month_span(year, month, None if part in ("earlier", "later") else part)
        if part == "earlier":
            hi = today
        elif part == "later":
            lo = today
        return lo, hi, "month"
    if unit == "year":
        if part == "trailing":
            return today - dt.timedelta(days=364), today, "year"
        lo, hi = _year_span(today.year + (offset or 0), None if part in ("earlier", "later") else part)
        if part == "earlier":
            hi = today
        elif part == "later":
            lo = today
        return lo, hi, "year"
    return None


_Got = tuple[dt.date | None, dt.date | None, str]


def _interval(match: DateMatch, published: PartialDate | None, tense: str | None, year_hint: int | None) -> _Got | None:
    kind = match.base_kind if match.kind == "bounded" else match.kind
    today = published.full if published is not None else None
    if kind in _DAY_KINDS:
        return _days(match, published, tense, year_hint)
    if kind == "month":
        if match.month is None:
            return None
        last_month = match.end_month or match.month

        def span(year: int) -> tuple[dt.date, dt.date]:
            if match.end_month is None:
                return _month_span(year, match.month, match.part)
            hi_year = year + (1 if last_month < match.month else 0)
            return dt.date(year, match.month, 1), dt.date(hi_year, last_month, _last_day(hi_year, last_month))

        if match.offset is not None or match.year_offset is not None:   # last June, April of this year
            if today is None:
                return None
            year = today.year + (match.year_offset or 0)
            if match.offset == -1 and last_month >= today.month:
                year -= 1
            elif match.offset == 1 and match.month <= today.month:
                year += 1
        else:
            year = match.year if match.year is not None else _choose_year(span, published, tense, year_hint)
        if year is None:
            return None
        lo, hi = span(year)
        return lo, hi, "month"
    if kind == "year":
        if match.year is None:
            return None
        lo, hi = _year_span(match.year, match.part)
        return lo, hi, "year"
    if today is None:
        return None
    if kind == "weekday":
        return _weekday(match, today, tense)
    if kind == "relative":
        return _relative(match, today, tense)
    return None


def resolve(match: DateMatch, *, published: PartialDate | None, tense: str | None = None,
            year_hint: int | None = None) -> DateInterval | None:
    """The interval a match stands for, or None when it cannot be placed.

    ``tense`` is "past", "future" or None (treated as past); ``year_hint`` is a year
    stated elsewhere in the article, used only when ``published`` is missing.
    """
    try:
        got = _interval(match, published, tense, year_hint)
        if got is None:
            return None
        lo, hi, precision = got
        if match.kind == "bounded":
            lo, hi = (None, hi) if match.bound == "by" else (lo, None)
        return DateInterval(start=lo, end=hi, precision=precision)
    except (ValueError, OverflowError):   # impossible day (February 29, 2025), or beyond year 9999
        return None
