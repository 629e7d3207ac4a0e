"""Strict publication dates: ISO 8601 only, the raw value always kept."""

from __future__ import annotations

import re

from ..contract import PartialDate

_ISO = re.compile(
    r"^\d{4}(?:-\d{2}(?:-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?$"
)
_DIGITS = re.compile(r"^[+-]?\d+(?:\.\d+)?$")


def parse_published(raw: object) -> tuple[PartialDate | None, str | None, str | None]:
    """(parsed date or None, raw value as text or None, problem or None).

    'yesterday', a Unix timestamp, '2025-02-30', '2025-6-9' give a problem and no date. A missing or
    empty value gives neither.
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
    if not _ISO.match(stripped):
        return None, text, "not an ISO 8601 calendar date"
    try:
        return PartialDate.parse(stripped), text, None
    except ValueError as exc:
        detail = str(exc).splitlines()[0] if str(exc) else "impossible date"
        return None, text, detail
