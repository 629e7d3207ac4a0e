"""The inputs that once made a path super-linear in the text length (issue 14 row 5), kept in one place:
tests/test_hardening_budget.py runs them for their output only, bench/linear_paths.py times them at n and 2n.

Each case is (the path, the text of size n with a salt in it, n): the salt keeps texts of one size
apart (the tokenizer caches what it has seen).
"""

from __future__ import annotations

from collections.abc import Callable

import spacy

from extractor.recognising import tokenizer as _tokenizer  # noqa: F401  (registers the tokenizer)
from extractor.recognising.numbers import find_quantities
from extractor.recognising.temporal import find_dates

_NLP: dict[str, object] = {}


def make_doc(text: str):
    """The project's tokenizer on a blank English pipeline (built once)."""
    if "nlp" not in _NLP:
        _NLP["nlp"] = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "extractor.tokenizer.v1"}}})
    return _NLP["nlp"].make_doc(text)  # type: ignore[attr-defined]


SLOW_INPUTS: dict[str, tuple[Callable[[str], object], Callable[[int, str], str], int]] = {
    "number words (was cubic)": (find_quantities, lambda n, s: f"Officials {s} counted " + "twenty " * n, 400),
    "weekday lists (was quadratic)": (find_dates, lambda n, s: f"Talks {s} on " + "Monday, Tuesday, " * n, 1000),
    "punctuation run, no spaces (was quadratic)": (make_doc, lambda n, s: f"Talks. {s}" + "!?" * n, 6000),
    "emoji run, no spaces (was quadratic)": (make_doc, lambda n, s: f"Talks. {s}" + "\U0001F600" * n, 12000),
    "runs of 190 punctuation marks": (make_doc, lambda n, s: " ".join(f"{s}{i}" + "!?.," * 47 for i in range(n)), 15),
}
