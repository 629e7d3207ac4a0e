"""Quantity recogniser on invented phrases: number words, qualifiers, deal formulas, glued forms,
and the guards against numbers that are not counts of people (L4)."""

from __future__ import annotations

import pytest

from extractor.recognising.numbers import find_quantities


def figures(text: str) -> list[tuple[str, int | None, int | None, int | None, str, bool]]:
    return [(m.text, m.value, m.min, m.max, m.qualifier, m.per_side) for m in find_quantities(text)]


TABLE = [
    ("Nineteen Malian soldiers were freed.", [("Nineteen", 19, 19, 19, "exact", False)]),
    ("a dozen Chadian herders", [("a dozen", 12, 12, 12, "exact", False)]),
    ("dozens of prisoners were freed", []),
    ("hundreds of detainees", []),
    ("1.2 thousand bodies were returned", [("1.2 thousand", 1200, 1200, 1200, "exact", False)]),
    ("some 260 captives", [("some 260", 260, None, None, "about", False)]),
    ("Item 1 of 5 Armenian prisoners of war wave on arrival", []),
    ("Slide 3 of 7 freed soldiers board a bus", []),
    ("some twelve or more Peruvians", [("some twelve or more", None, 12, None, "at_least", False)]),
    ("some 400-odd fishermen", [("some 400-odd", 400, None, None, "about", False)]),
    ("forty-three servicemen", [("forty-three", 43, 43, 43, "exact", False)]),
    ("three hundred and twelve prisoners", [("three hundred and twelve", 312, 312, 312, "exact", False)]),
    ("\u017fix thousand twenty one prisoners", [("\u017fix thousand twenty one", 6021, 6021, 6021, "exact", False)]),
    ("\u017feven hundred and \u017fix detainees", [("\u017feven hundred and \u017fix", 706, 706, 706, "exact", False)]),
    ("more than 1,500 detainees", [("more than 1,500", None, 1501, None, "over", False)]),
    ("at least 27 fishermen", [("at least 27", None, 27, None, "at_least", False)]),
    ("up to 4,000 bodies on each side", [("up to 4,000 bodies on each side", None, None, 4000, "up_to", True)]),
    ("between 40 and 45 sailors", [("between 40 and 45", None, 40, 45, "range", False)]),
    ("a 500-for-500 swap", [("500-for-500", 500, 500, 500, "exact", True)]),
    ("Bolivia and Peru exchanged 9 conscripts each", [("9 conscripts each", 9, 9, 9, "exact", True)]),
    ("a 130-for-85 exchange", [("130", 130, 130, 130, "exact", False), ("85", 85, 85, 85, "exact", False)]),
    # a timeline's date, a dash, then a count in words: the date takes no partner, and no range is read
    ("March 25 - Four soldiers were freed", [("Four", 4, 4, 4, "exact", False)]),
    ("May 3 – Six hostages were freed", [("Six", 6, 6, 6, "exact", False)]),
    ("January 9 - Twelve bodies were returned", [("Twelve", 12, 12, 12, "exact", False)]),
    # guards: not counts of people
    ("prisoners aged under 30 were first", []),
    ("a 45-year-old pilot", []),
    ("held for 3 years", []),
    ("after two exchanges and three rounds of talks", []),
    ("the swap took place in 2 stages", []),
    ("on 14 March 2024", []),
    ("a $5 million ransom", []),
    ("the Mi-24 helicopter", []),
]


@pytest.mark.parametrize(("text", "expected"), TABLE, ids=[t for t, _ in TABLE])
def test_quantity_table(text, expected):
    assert figures(text) == expected


GAPS = [
    ("the junta agreed to free 23-detainees", [("23", 23, 23, 23, "exact", False)],
     "a count noun glued by a hyphen is read as a compound ('25-year-old'); reading it as a count is ready "
     "but makes the reconciler split a planned report from the completed reports of one swap (error analysis L4)"),
    ("a thousand-for-thousand exchange", [("thousand-for-thousand", 1000, 1000, 1000, "exact", True)],
     "spelled-out deal formulas are read as two words, not as one per-side figure (error analysis L4)"),
    ("some ten or more prisoners", [("some ten or more", None, 10, None, "at_least", False)],
     "a qualifier before the figure wins over one after it; 'some N or more' needs both read (error analysis L4)"),
    ("Photo 1 of 8 Bolivian prisoners board a bus", [],
     "gallery captions ('Photo N of M') need the caption dropped before reading; skipping the figures alone "
     "today moves the day's counts to a wrongly dated occasion (error analysis X1)"),
    ("two earlier body exchanges", [],
     "'N <modifier> exchanges' is not caught by the guard, which reads only the word right after the figure"),
]


@pytest.mark.parametrize(("text", "expected", "reason"), GAPS, ids=[t for t, _, _ in GAPS])
def test_quantity_gaps(text, expected, reason):
    if figures(text) != expected:
        pytest.xfail(reason)
    assert figures(text) == expected
