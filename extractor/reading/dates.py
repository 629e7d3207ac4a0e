"""Strict publication dates: ISO 8601, or a full calendar date written out ("Thu, 22 May 2025
10:00:00 GMT", as RSS feeds give it); never a relative one ("yesterday"). The raw value is always kept."""

from __future__ import annotations

import re

from ..contract import PartialDate

_ISO = re.compile(
    r"^\d{4}(?:-\d{2}(?:-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?$"
)
_DIGITS = re.compile(r"^[+-]?\d+(?:\.\d+)?$")
_NUMERIC = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$")  # 19/01/2026, 01.19.2026, 19-01-2026
_YEAR = re.compile(r"\b(?:1[89]|20)\d{2}\b")
_MONTH_WORD = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b", re.IGNORECASE)
_DATEPARSER_SETTINGS = {"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"],
                        "RETURN_AS_TIMEZONE_AWARE": False}


def _written_date(text: str) -> PartialDate | None:
    """A full date written with a month name and a year, read by dateparser; anything it could only
    read relative to today ('3 days ago') has no year in it and is refused before."""
    if not (_YEAR.search(text) and _MONTH_WORD.search(text)):
        return None
    import dateparser

    parsed = dateparser.parse(text, languages=["en"], settings=_DATEPARSER_SETTINGS)
    if parsed is None:
        return None
    return PartialDate(year=parsed.year, month=parsed.month, day=parsed.day)


def _numeric_date(text: str, *, dayfirst: bool | None) -> tuple[PartialDate | None, str | None] | None:
    """19/01/2026 read with the order given; None when `text` is not such a date."""
    found = _NUMERIC.match(text)
    if found is None:
        return None
    a, b, year = int(found.group(1)), int(found.group(3)), int(found.group(4))
    if dayfirst is None:
        return None, ("a numeric date whose day and month order is unknown; give --dayfirst (19/01/2026) or "
                      "--monthfirst (01/19/2026), or write it as YYYY-MM-DD")
    day, month = (a, b) if dayfirst else (b, a)
    try:
        return PartialDate.parse(f"{year:04d}-{month:02d}-{day:02d}"), None
    except ValueError:
        return None, f"no such day ({'day first' if dayfirst else 'month first'})"


def parse_published(raw: object, *, dayfirst: bool | None = None) -> tuple[PartialDate | None, str | None, str | None]:
    """(parsed date or None, raw value as text or None, problem or None).

    'yesterday', a Unix timestamp, '2025-02-30', '2025-6-9' give a problem and no date; '19/01/2026'
    is read with `dayfirst` (True: day/month/year, False: month/day/year; None: a problem). A missing
    or empty value gives neither.
    """
    if raw is None:
        return None, None, None
    if isinstance(raw, bool) or not isinstance(raw, (str, int, float)):
        return None, str(raw), f"expected a date string, got {type(raw).__name__}"
    text = str(raw)
    stripped = text.strip()
    if not stripped:
        return None, text or None, None
    if isinstance(raw, (int, float)) or _DIGITS.match(stripped) and len(stripped) > 4:
        return None, text, "a number, perhaps a Unix timestamp; convert it to a calendar date"
    numeric = _numeric_date(stripped, dayfirst=dayfirst)
    if numeric is not None:
        return numeric[0], text, numeric[1]
    if not _ISO.match(stripped):
        written = _written_date(stripped)
        if written is not None:
            return written, text, None
        return None, text, "not an ISO 8601 calendar date"
    try:
        return PartialDate.parse(stripped), text, None
    except ValueError as exc:
        detail = str(exc).splitlines()[0] if str(exc) else "impossible date"
        return None, text, detail
