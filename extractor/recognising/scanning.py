"""Regular expressions tried only where their matches can begin (shared by the quantity and date
recognisers, and read by the text gate).

A pass of Python's `re` over a text tries the pattern at every character; where every match of a pattern
begins with one of a few strings, those places are found by substring search (`found`, well under one
instruction per character) and the pattern is tried there only (`matches_at`)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

# The characters outside ASCII that re.IGNORECASE matches to an ASCII letter ("ſ" to "s", the kelvin
# sign to "k"): where one stands, a lower-case copy of the text does not show every place a phrase
# can match.
ASCII_CASE_TWINS = "\u0130\u0131\u017f\u212a"


def found(text: str, words: Iterable[str]) -> Iterator[int]:
    """Every index of `text` where one of `words` stands."""
    for word in words:
        at = text.find(word)
        while at >= 0:
            yield at
            at = text.find(word, at + 1)


def matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` for a pattern each match of which begins at one of `starts`: the pattern
    is tried at those places only, in order, each after the end of the last match."""
    end = 0
    match = pattern.match
    for start in sorted(set(starts)):
        if start >= end and (m := match(text, start)) is not None:
            yield m
            end = m.end()
