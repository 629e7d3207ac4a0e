"""Publication dates at the edge: ISO, or a full date written out; never a relative one."""

from __future__ import annotations

import pytest

from extractor.reading.dates import parse_published

CASES = [
    ("2025-06-09", (2025, 6, 9), None),
    ("2024-02", (2024, 2, None), None),
    ("Thu, 22 May 2025 10:00:00 GMT", (2025, 5, 22), None),
    ("May 22, 2025", (2025, 5, 22), None),
    ("22 May 2025", (2025, 5, 22), None),
    ("yesterday", None, "not an ISO 8601 calendar date"),
    ("3 days ago", None, "not an ISO 8601 calendar date"),
    ("Friday", None, "not an ISO 8601 calendar date"),
    ("2025-02-30", None, "day is out of range for month"),
    ("1717891200", None, "a number, perhaps a Unix timestamp; convert it to a calendar date"),
]


@pytest.mark.parametrize(("raw", "expected", "problem"), CASES)
def test_publication_dates(raw: str, expected, problem) -> None:
    parsed, kept, found = parse_published(raw)
    assert kept == raw
    assert found == problem
    if expected is None:
        assert parsed is None
    else:
        assert (parsed.year, parsed.month, parsed.day) == expected
