"""English tokenizer with extra infixes: figures glued to words by hyphens are split.

"1,000-for-1,000" becomes "1,000 - for - 1,000" and "under-25" becomes "under - 25", so the
quantity and date recognisers see whole numbers as tokens; a full stop that lost its space
("2025.Read also") still ends the sentence, and a photo credit glued to a caption's year
("4 March 2024AFP/Getty") leaves the year a token of its own.

Linear on any text: spaCy strips suffixes one at a time and searches the whole remaining string
for each, so a run of punctuation or emoji without spaces costs its length squared (20,000
characters: half a minute). The suffix search here looks only at the end of the string (a suffix
is a few characters), and a run of more than `LONG_RUN` characters without a space is cut into
words and single characters before spaCy sees it.
"""

from __future__ import annotations

import re

import spacy
from spacy.tokens import Doc
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from .lexeme_attrs import use_short_ways

EXTRA_INFIXES = (
    r"(?<=[A-Za-z])-(?=[0-9])",
    r"(?<=[0-9])-(?=[A-Za-z])",
    r"(?<=[0-9])[–—](?=[0-9])",
    r"(?<=[A-Za-z])[–—](?=[0-9])",  # "were returned—270 soldiers"
    r"(?<=[0-9])[–—](?=[A-Za-z])",
    r"(?<=[0-9])\.(?=[A-Z][a-z])",  # "on May 16, 2025.Read also": a full stop with its space lost
    r"(?<=[a-z]{2})\.(?=[A-Z][a-z])",  # "in Kyiv.The exchange"
    r"(?<=\b(?:19|20)[0-9]{2})(?=[A-Z][A-Za-z])",  # "Photo: 4 March 2024AFP/Getty": a credit glued to the year
)


LONG_RUN = 200  # characters without a space: longer than any word, figure or usual URL
SUFFIX_WINDOW = 32  # the end of a string the suffix search looks at (suffixes are a few characters)
_RUN = re.compile(r"\S{%d,}" % (LONG_RUN + 1))
_BLOCK = (LONG_RUN + 1) // 2  # a run of 2 * _BLOCK - 1 characters or more holds a whole block
_PIECE = re.compile(r"\w+|\S")


def _holds_long_run(string: str) -> bool:
    """Whether `_RUN` finds a run in `string`. Its search tries every character and counts on through
    each word; a run of more than LONG_RUN characters holds a whole block of `_BLOCK` characters that
    starts at a multiple of `_BLOCK`, so blocks that each hold a space rule it out at a few
    substring tests per article."""
    for i in range(0, len(string) - _BLOCK + 1, _BLOCK):
        if " " not in string[i:i + _BLOCK]:
            return _RUN.search(string) is not None
    return False


def _end_search(search):
    """`pattern.search` on the last SUFFIX_WINDOW characters only (the same match for any suffix
    shorter than the window); `__self__` is the pattern, as spaCy's serialisation expects. A plain
    function, not an object with `__call__`: the tokenizer calls it for every affix it tries."""
    pattern = search.__self__

    def end_search(string: str, _search=pattern.search, _window=SUFFIX_WINDOW):
        return _search(string, max(len(string) - _window, 0))

    end_search.__self__ = pattern  # type: ignore[attr-defined]
    end_search.bounded = True  # type: ignore[attr-defined]
    return end_search


WARM_CHUNK = 48  # the longest chunk (whitespace-parted) `LinearTokenizer._warm` tokenises alone
# the shortest text whose chunks are tokenised alone first: in a short text (a gazetteer's pattern, a sentence the
# text gate reads) few chunks follow a special case, and tokenising them alone would cost more than it saves
WARM_TEXT = 200


class LinearTokenizer(Tokenizer):
    """spaCy's Tokenizer with the suffix search bounded, very long runs pre-split, and its chunk cache
    filled (see above and `_warm`)."""

    def __call__(self, string):
        search = self.suffix_search
        if search is not None and not getattr(search, "bounded", False) and hasattr(search, "__self__"):
            self.suffix_search = _end_search(search)  # after from_disk/from_bytes set a plain one
        if len(string) > WARM_TEXT:
            self._warm(string)
        if len(string) <= LONG_RUN or not _holds_long_run(string):
            return super().__call__(string)
        docs, pos = [], 0
        for run in _RUN.finditer(string):
            if run.start() > pos:
                docs.append(super().__call__(string[pos:run.start()]))
            words = _PIECE.findall(run.group())
            spaces = [False] * len(words)
            end = run.end()
            if string.startswith(" ", end):
                spaces[-1], end = True, end + 1
            docs.append(Doc(self.vocab, words=words, spaces=spaces))
            pos = end
        if pos < len(string):
            docs.append(super().__call__(string[pos:]))
        return Doc.from_docs(docs, ensure_whitespace=False)

    def _warm(self, string: str) -> None:
        """Tokenise alone each chunk of `string` not met before, so that spaCy caches it. spaCy tokenises
        each whitespace-parted chunk alone and keeps its tokens in a cache, but within one call it caches
        no chunk after the first that holds a special case ("—", "'", "Jan.", "n't": its `has_special`
        is set for the rest of the text; #1250 keeps a chunk holding one out of the cache): in a text
        with one early on, every later chunk is split again by the affix and infix patterns on every
        call (about 20 times the cost of a cached one). A chunk tokenised alone is cached unless it
        holds a special case itself, and a cached chunk gives the tokens its own tokenising gives, so
        the tokens are the same. Chunks are met once (`_met`, in text order) and no more are tokenised
        once as many as the cache holds (`max_cache_size`) have been; the chunks of ASCII letters that are no
        special case are tokenised together, in one call (no special case stands in them)."""
        met = self.__dict__.setdefault("_met", set())
        if len(met) >= self.max_cache_size:
            return
        chunks = string.split()
        if met.issuperset(chunks):
            return
        fresh = set(chunks).difference(met)
        alone = super().__call__
        rules = self.rules
        plain = []  # chunks of ASCII letters that are no special case: no special case stands in them
        for chunk in chunks:
            if chunk in fresh:
                fresh.discard(chunk)
                met.add(chunk)
                if chunk.isascii() and chunk.isalpha() and chunk not in rules:
                    plain.append(chunk)
                elif len(chunk) <= WARM_CHUNK:
                    alone(chunk)
        if plain:
            alone(" ".join(plain))  # in one call: none sets has_special, so each is cached


@spacy.registry.tokenizers("extractor.tokenizer.v1")
def create_tokenizer():
    def make(nlp):
        use_short_ways(nlp.vocab)  # the same lexical attributes, made faster for a word met the first time
        # built in one go: setting infix_finditer or suffix_search afterwards reloads every special case
        defaults = nlp.Defaults
        return LinearTokenizer(
            nlp.vocab,
            rules=defaults.tokenizer_exceptions,
            prefix_search=compile_prefix_regex(defaults.prefixes).search if defaults.prefixes else None,
            suffix_search=_end_search(compile_suffix_regex(defaults.suffixes).search) if defaults.suffixes else None,
            infix_finditer=compile_infix_regex(list(defaults.infixes) + list(EXTRA_INFIXES)).finditer,
            token_match=defaults.token_match,
            url_match=defaults.url_match,
        )

    return make
