"""spaCy's lexical attribute getters, with a short way for the common words and the same values.

The vocab runs every getter of `lex_attr_getters` once for each word it meets for the first time: about
90,000 machine instructions a word, most of them in a few pure-Python getters that walk the word
character by character or through word lists (`word_shape`, `is_ascii`, `like_url`, English `like_num`). A news text brings a dozen or more
new words, and a run over a fresh archive meets new words all along. The getters below give what spaCy's
give, for every string: they answer the plain cases (ASCII letters or digits, no full stop) directly and
hand every other string to spaCy's own getter.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy import attrs
from spacy.lang import lex_attrs as spacy_attrs
from spacy.lang.en import lex_attrs as english_attrs

SHAPE_RUN = 4  # spaCy's word_shape keeps at most four characters of a run of one kind
SHAPE_LONG = 100  # and names any string this long "LONG"


def word_shape(text: str) -> str:
    """`spacy.lang.lex_attrs.word_shape`: x for a lower-case letter, X for a capital, d for a digit, runs of
    one kind cut after four."""
    if len(text) < SHAPE_LONG and text.isascii():
        if text.isalpha():
            if text.islower():
                return "x" * min(len(text), SHAPE_RUN)
            if text.isupper():
                return "X" * min(len(text), SHAPE_RUN)
            if len(text) > 1 and text[0].isupper() and text[1:].islower():
                return "X" + "x" * min(len(text) - 1, SHAPE_RUN)
        elif text.isdigit():
            return "d" * min(len(text), SHAPE_RUN)
    return spacy_attrs.word_shape(text)


def is_ascii(text: str) -> bool:
    """`spacy.lang.lex_attrs.is_ascii`: every character below 128."""
    return text.isascii()


def like_url(text: str) -> bool:
    """`spacy.lang.lex_attrs.like_url`: a string without a full stop is like a URL only when it opens with
    'http://' or 'https://'."""
    if text and "." not in text:
        return text.startswith("http://") or text.startswith("https://")
    return spacy_attrs.like_url(text)


# the number and ordinal words of spaCy's English like_num (None where that module no longer holds both lists)
_NUMBER_LISTS = (getattr(english_attrs, "_num_words", None), getattr(english_attrs, "_ordinal_words", None))
ENGLISH_NUMBER_WORDS = frozenset(w for words in _NUMBER_LISTS for w in words) \
    if all(isinstance(words, list) for words in _NUMBER_LISTS) else None


def like_num(text: str) -> bool:
    """`spacy.lang.en.lex_attrs.like_num`: a word of ASCII letters is like a number only when it is one of
    its number or ordinal words, in any case ('Seven', 'third')."""
    if text.isascii() and text.isalpha():
        return text.lower() in ENGLISH_NUMBER_WORDS
    return english_attrs.like_num(text)


# attribute -> (spaCy's getter, the getter with the short way)
SHORT_WAYS: dict[int, tuple[Callable, Callable]] = {
    attrs.SHAPE: (spacy_attrs.word_shape, word_shape),
    attrs.IS_ASCII: (spacy_attrs.is_ascii, is_ascii),
    attrs.LIKE_URL: (spacy_attrs.like_url, like_url),
}
if ENGLISH_NUMBER_WORDS is not None:
    SHORT_WAYS[attrs.LIKE_NUM] = (english_attrs.like_num, like_num)


def use_short_ways(vocab) -> None:
    """Put the getters above in place of spaCy's own in the vocab's `lex_attr_getters` (a language that
    has a getter of its own for one of these attributes keeps it)."""
    getters = vocab.lex_attr_getters
    if getters is None:
        return
    for attr, (spacy_getter, short) in SHORT_WAYS.items():
        if getters.get(attr) is spacy_getter:
            getters[attr] = short
