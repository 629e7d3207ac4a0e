"""The recognisers' shortcuts give what the plain regex scans give.

The quantity recogniser tries its number-word pattern only where a number word can begin, and its
phrases before a figure only where the word before it can end one; the date recogniser tries the
patterns whose matches begin with a known word or figure only where those stand; the tokenizer rules
out very long runs without a space by a few substring tests. Each shortcut is compared here with the
scan it replaces, on invented texts and on generated ones.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.recognising import temporal
from extractor.recognising.numbers import ASCII_CASE_TWINS, _number_word_runs, load_cues
from extractor.recognising.tokenizer import _RUN, LONG_RUN, _holds_long_run

CUES = load_cues()

PIECES = ["one", "One", "ONE", "a", "A", "dozen", "hundred", "and", "twenty", "seventy", "Thousand",
          "MILLION", "bn", "mln", "fifty", "ten", "eleven", "often", "someone", "tens", "zero",
          "\u017fix", "\u212aen", "\u0130", "\u0131", "more than", "aged", "$", "US$", "over", "about",
          "No.", "those under", "some", "nearly", "an estimated", "5", "1,000", "x", "_one", "(", ",",
          ".", "\u2019", "-", "\u2013", "\n", "\t", "\u00a0", "  ", " "]


def _runs(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _number_word_runs(text, CUES)]


def _plain_runs(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in CUES.word_seq_re.finditer(text)]


@pytest.mark.parametrize("text", [
    "Kenya freed twenty-one fishermen and a dozen traders.",
    "A\u00a0hundred and five soldiers came home; someone said often ten more.",
    "Two thousand three hundred, then a  dozen, then a\tdozen",
    "one",
    "a one",
    "the tens of thousands",
    "Seventy-SEVEN men and eleven women",
    "\u017fix hundred",          # a long s: re.IGNORECASE reads it as 's'
    "\u212aen dozen",            # not a number word, whatever the kelvin sign matches
    "gone bone tone alone",
    "_one one_ one",
    "",
])
def test_number_word_runs_are_finditer_runs(text):
    assert _runs(text) == _plain_runs(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=16), st.lists(st.sampled_from(["", " ", "-", "  "]), max_size=16))
def test_number_word_runs_on_generated_text(pieces, gaps):
    text = "".join(p + (gaps[i] if i < len(gaps) else " ") for i, p in enumerate(pieces))
    assert _runs(text) == _plain_runs(text)


def test_the_case_twins_are_every_letter_ignorecase_matches_to_ascii():
    every = "".join(chr(c) for c in range(0x80, 0x110000) if not 0xD800 <= c < 0xE000)
    found = "".join(m.group() for m in re.finditer("[a-z]", every, re.IGNORECASE))
    assert found == ASCII_CASE_TWINS


@pytest.mark.parametrize("window", [
    "freed more than ", "freed more  than\t", "at least", "paid US$", "paid $", "aged ", "Aged\u00a0",
    "No.", "those UNDER ", "the ", "", "   ", "handed over ", "some ", "an estimated ", "thanks ",
    "(about ", "weight ", "\u2019nearly ",
])
@pytest.mark.parametrize("field", ["qual_before_re", "skip_before_re"])
def test_phrases_before_search_as_the_pattern(window, field):
    phrases = getattr(CUES, field)
    text = window + "40 prisoners"
    end = len(window)
    for lo in range(0, end + 1):
        got, want = phrases.search(text, lo, end), phrases.pattern.search(text, lo, end)
        assert (got and got.span()) == (want and want.span())


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=10), st.integers(min_value=0, max_value=40))
def test_phrases_before_on_generated_windows(pieces, back):
    text = " ".join(pieces) + " 40"
    end = len(text) - 2
    lo = max(0, end - back)
    for phrases in (CUES.qual_before_re, CUES.skip_before_re):
        got, want = phrases.search(text, lo, end), phrases.pattern.search(text, lo, end)
        assert (got and got.span()) == (want and want.span())


@pytest.mark.parametrize("run", [LONG_RUN - 2, LONG_RUN - 1, LONG_RUN, LONG_RUN + 1, LONG_RUN + 2, 3 * LONG_RUN])
@pytest.mark.parametrize("offset", [0, 1, 37, 99, 100, 101, 250])
@pytest.mark.parametrize("blank", [" ", "\n", "\u00a0"])
def test_long_runs_found_as_the_pattern_finds_them(run, offset, blank):
    text = ("word" + blank) * (offset // 5) + "x" * run + blank + "tail " * 60
    assert _holds_long_run(text) == (_RUN.search(text) is not None)


DATE_PIECES = ["spring", "Spring", "SPRING", "sPRING", "Fall", "fall", "FALL", "autumn", "summer", "of", "2024",
               "1999", "20", "19", "2019", "202", "12", "3", "-", ".", "/", "\u0661\u0662", "today", "Today",
               "TODAY", "tonight", "Tonight", "night", "morning", "week", "weekend", "Week", "month", "year",
               "days", "hours", "the", "\u0130", "2023-05-04", "12.05.2023", "4-5-2022", "x", "\n", "Monday"]


def _date_scans(text: str):
    """(pattern, the shortcut's starts) for each date pattern tried only at its places."""
    lower = text.lower()
    pairs = [(temporal._ISO, temporal._iso_starts(text)), (temporal._DMY, temporal._dmy_starts(text)),
             (temporal._YEAR, temporal._found(text, temporal._CENTURIES)),
             (temporal._UNIT, temporal._found(text, temporal._UNIT_WORDS))]
    if len(lower) == len(text):
        pairs += [(temporal._SEASON, temporal._found(lower, temporal._SEASON_WORDS)),
                  (temporal._DAY_WORD, temporal._found(lower, temporal._DAY_WORD_STARTS))]
    return pairs


@pytest.mark.parametrize("text", [
    "In the spring of 2024 and again last Fall, on 2023-05-04 and 12.05.2023, tonight or tomorrow morning.",
    "Talks this week, next month, the past 30 days, 24 hours, the 1999 accord, the 2019-2020 season.",
    "\u0661\u0662-05-2023 and 4-5-2022 and 1.2.2021 and 2020-1-1-1",
    "SPRING SUMMER AUTUMN FALL Today TODAY weekend",
])
def test_date_patterns_tried_at_their_places_as_finditer(text):
    for pattern, starts in _date_scans(text):
        assert [m.span() for m in temporal._matches_at(pattern, text, starts)] == \
            [m.span() for m in pattern.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(DATE_PIECES), max_size=14), st.lists(st.sampled_from(["", " ", "-", "."]), max_size=14))
def test_date_patterns_on_generated_text(pieces, gaps):
    text = "".join(p + (gaps[i] if i < len(gaps) else " ") for i, p in enumerate(pieces))
    for pattern, starts in _date_scans(text):
        assert [m.span() for m in temporal._matches_at(pattern, text, starts)] == \
            [m.span() for m in pattern.finditer(text)]


def test_re_digits_are_the_decimal_characters():
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    assert "".join(re.findall(r"\d", every)) == "".join(c for c in every if c.isdecimal())
