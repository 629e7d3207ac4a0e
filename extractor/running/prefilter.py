"""A cheap keyword test in front of spaCy: skip articles that cannot hold an exchange.

An exchange record needs someone handed over (prisoners, hostages, bodies, soldiers, civilians, "five
Americans"...) and a handover (a swap, an exchange, a release, a return, a repatriation...). The test, on
the lower-cased text:

1. a *strong* term anywhere lets the article through: words that are about captives whatever the
   sentence (swap, prisoner, POW, hostage, captive/captivity, detainee, repatriation, 'in exchange for',
   'all-for-all');
2. otherwise the article needs a *handover* word (exchange, release, return, free, hand over,
   transfer, bring home...) within `WINDOW` words of a *who* word (bodies, remains, soldiers,
   civilians, citizens...) or of a *counted* word: a plural demonym after a figure ("five Americans",
   "1,200 Eritreans"; "the Americans" alone is too common in other news).

The words are those of the pipeline's own lexicon (rule prefilter.lexicon): the cue gazetteer's
entries and the actor gazetteer's demonyms, each entry's part here given by its `prefilter` field or
by its label (CATEGORY, CAPTIVITY: who; EXCHANGE, GIVE, RECEIVE, HOME: handover; DEMONYM: counted),
and the quantity cues' number words. A word added to the lexicon is added here too: the prefilter
of a loaded pipeline is built from that pipeline's gazetteers (`Prefilter.for_pipeline`), the default
one from the package's data files. A phrase of several words counts by its first two words (a
handover "hand over", a who "border guards"), unless one of its words already counts alone; a strong
phrase that no strong word covers ("in exchange for") is searched for as it is written.

The text is split into words once; most articles are decided by set operations on its vocabulary,
and only those holding both kinds of word are walked for the distance between them.

An article failing both gets a `skipped` status line saying so, and spaCy never sees it. The terms
are broad and the window is wide (a long sentence): the prefilter is measured to skip no article
holding a gold record on the dev set, and no article of the project's corpora on which the
pipeline finds a record (tests/test_prefilter.py); it trades precision for that recall.
"""

from __future__ import annotations

import functools
from itertools import compress, count
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..recognising.gazetteer import ACTORS_GAZETTEER, CUES_GAZETTEER

PREFILTER_VERSION = "pf4"
WINDOW = 20
COUNT_REACH = 2  # words from a figure to the demonym it counts ("five Americans", "3 more Iranians")

STRONG, HANDOVER, WHO, COUNTED, NONE = "strong", "handover", "who", "counted", "none"
# the part of a gazetteer entry's words when its `prefilter` field is not set
LABEL_ROLES = {"CATEGORY": WHO, "CAPTIVITY": WHO, "EXCHANGE": HANDOVER, "GIVE": HANDOVER, "RECEIVE": HANDOVER,
               "HOME": HANDOVER, "DEMONYM": COUNTED}
CUE_FILES = ("cues.jsonl",)
ACTOR_FILES = ("states.jsonl", "actors.jsonl", "groups.jsonl")

# Words are runs of a-z in the lower-cased text, as with re.findall("[a-z]+"), found faster on its
# UTF-8 bytes: every byte but a-z becomes a space (non-ASCII bytes are all >= 0x80), then split. The
# text gate (normalising/text_gate.py) reads its words with the same table.
LETTERS_ONLY = bytes(c if 0x61 <= c <= 0x7A else 0x20 for c in range(256))
_B = "ascii"
# the same, with digits kept as words of their own: "1,200 Eritreans" -> b"1" b"200" b"eritreans"
LETTERS_AND_DIGITS = bytes(c if 0x61 <= c <= 0x7A or 0x30 <= c <= 0x39 else 0x20 for c in range(256))
# The two letters outside ASCII whose lower case holds an ASCII letter ('İ' -> 'i̇', the kelvin sign -> 'k'). In a
# text without them, the ASCII letters of `text.lower()` are those of its UTF-8 bytes lowered one by one (every
# other letter lower-cases to letters outside ASCII, whose bytes are all >= 0x80), and stand at the same places:
# `bytes.lower()` and a table that lower-cases A-Z give the words with no `str.lower()` of the whole text, which
# costs tens of instructions a character in a text with any letter outside Latin-1.
LOWERS_INTO_ASCII = "\u0130\u212a"


def lowers_bytewise(text: str) -> bool:
    """The text's ASCII letters lower-cased byte by byte are those of `text.lower()` (see LOWERS_INTO_ASCII)."""
    return LOWERS_INTO_ASCII[0] not in text and LOWERS_INTO_ASCII[1] not in text


def lowering(table: bytes) -> bytes:
    """A bytes.translate table that lower-cases A-Z, then maps as `table` does."""
    return bytes(table[c + 0x20] if 0x41 <= c <= 0x5A else table[c] for c in range(256))


_LOWERED_LETTERS_AND_DIGITS = lowering(LETTERS_AND_DIGITS)


def words_of(low: str) -> list[bytes]:
    """The a-z words of lower-cased text, in order (ASCII bytes)."""
    return low.encode("utf-8", "surrogatepass").translate(LETTERS_ONLY).split()


def _words_and_figures(low: str) -> list[bytes]:
    return low.encode("utf-8", "surrogatepass").translate(LETTERS_AND_DIGITS).split()


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The prefilter's words (lower-case ASCII bytes), by their part in the test."""

    terms: tuple[str, ...]                        # strong phrases, searched for in the lower-cased text
    strong: frozenset[bytes]
    handover: frozenset[bytes]
    who: frozenset[bytes]
    counted: frozenset[bytes]                     # who only after a figure
    numbers: frozenset[bytes]                     # number words ("five", "dozens")
    handover_pairs: dict[bytes, frozenset[bytes]]  # first word -> the second words of a handover phrase
    who_pairs: dict[bytes, frozenset[bytes]]
    any: frozenset[bytes]                         # an article with none of these is skipped at once
    marked: frozenset[bytes]                      # every word the walk looks at
    # the terms as bytes, searched for in the text's bytes lowered one by one (None: a term is not ASCII)
    ascii_terms: tuple[bytes, ...] | None = field(init=False)

    def __post_init__(self) -> None:
        ascii_terms = tuple(t.encode(_B) for t in self.terms) if all(t.isascii() for t in self.terms) else None
        object.__setattr__(self, "ascii_terms", ascii_terms)


def role_of(entry) -> str:
    """The part of a gazetteer entry's words in the prefilter."""
    return entry.prefilter or LABEL_ROLES.get(entry.label, NONE)


def vocabulary_of(entries: Iterable, numbers: Iterable[str]) -> Vocabulary:
    """The prefilter's vocabulary from gazetteer entries (cues and actors) and number words."""
    phrases: list[tuple[str, str, tuple[bytes, ...]]] = []
    single: dict[str, set[bytes]] = {STRONG: set(), HANDOVER: set(), WHO: set(), COUNTED: set()}
    for entry in entries:
        role = role_of(entry)
        if role == NONE:
            continue
        for pattern in entry.patterns:
            low = pattern.lower()
            runs = tuple(words_of(low))
            if not runs:
                continue
            if role == COUNTED:  # its last word; of a demonym, only a plural: "Americans", "South Koreans"
                if entry.label != "DEMONYM" or runs[-1].endswith(b"s"):
                    single[COUNTED].add(runs[-1])
            elif len(runs) == 1 and low.encode(_B, "replace") == runs[0]:
                single[role].add(runs[0])
            else:
                phrases.append((role, low, runs))
    terms: set[str] = set()
    pairs: dict[str, dict[bytes, set[bytes]]] = {}
    for role, low, runs in phrases:
        if any(run in single[role] or run in single[STRONG] for run in runs):
            continue  # a word of it counts alone
        if role == STRONG:
            terms.add(low)
        elif len(runs) > 1:  # "hand over"; of a longer one its last two words ("were flown home")
            pairs.setdefault(role, {}).setdefault(runs[-2], set()).add(runs[-1])
    strong = frozenset(single[STRONG])
    handover = frozenset(single[HANDOVER]) - strong
    who = frozenset(single[WHO]) - strong
    handover_pairs = {k: frozenset(v) for k, v in sorted(pairs.get(HANDOVER, {}).items())}
    who_pairs = {k: frozenset(v) for k, v in sorted(pairs.get(WHO, {}).items())}
    counted = frozenset(single[COUNTED]) - strong - who
    return Vocabulary(terms=tuple(sorted(terms)), strong=strong, handover=handover, who=who, counted=counted,
                      numbers=frozenset(w.encode(_B) for w in numbers if w.isascii() and w.isalpha()),
                      handover_pairs=handover_pairs,
                      who_pairs=who_pairs,
                      any=strong | handover | frozenset(handover_pairs),
                      marked=handover | who | counted | frozenset(handover_pairs) | frozenset(who_pairs))


@functools.cache
def package_vocabulary() -> Vocabulary:
    """The vocabulary of the package's own data files (the default pipeline's lexicon)."""
    from ..recognising.gazetteer import package_entries
    from ..recognising.numbers import load_cues

    return vocabulary_of(package_entries(*CUE_FILES, *ACTOR_FILES), load_cues().words)


def pipeline_vocabulary(nlp, *, cues: str = CUES_GAZETTEER, actors: str = ACTORS_GAZETTEER,
                        quantities: str = "exchange_quantities") -> Vocabulary:
    """The vocabulary of a loaded pipeline's own gazetteers and number words (the package's where it
    has no such component)."""
    names = getattr(nlp, "pipe_names", ())
    entries = []
    for name in (cues, actors):
        if name not in names or not hasattr(nlp.get_pipe(name), "entries"):
            return package_vocabulary()
        entries += nlp.get_pipe(name).entries
    quantity = nlp.get_pipe(quantities) if quantities in names else None
    cue_data = getattr(quantity, "cues", None)
    if cue_data is None:
        from ..recognising.numbers import load_cues
        cue_data = load_cues()
    return vocabulary_of(entries, cue_data.words)


def _is_figure(word: bytes, numbers: frozenset[bytes]) -> bool:
    return word.isdigit() or word in numbers


@dataclass(frozen=True, slots=True)
class Verdict:
    """`keep`: send the article to the pipeline; `reason`: why not, for the status line."""

    keep: bool
    reason: str = ""


_NO_WORDS = Verdict(False, "prefilter: no word of swap, exchange, release, return or captivity")


class Prefilter:
    """`check(text)` -> Verdict. Stateless and cheap: substring searches, then one pass over the words.
    `vocabulary`: the words (the package's lexicon when None; `for_pipeline` reads a pipeline's)."""

    version = PREFILTER_VERSION

    def __init__(self, *, window: int = WINDOW, vocabulary: Vocabulary | None = None) -> None:
        self.window = window
        self.vocabulary = vocabulary if vocabulary is not None else package_vocabulary()

    @classmethod
    def for_pipeline(cls, nlp, *, window: int = WINDOW) -> "Prefilter":
        """The prefilter with the words of a loaded pipeline's gazetteers."""
        return cls(window=window, vocabulary=pipeline_vocabulary(nlp))

    def check(self, text: str) -> Verdict:
        vocab = self.vocabulary
        if vocab.ascii_terms is not None and lowers_bytewise(text):
            raw = text.encode("utf-8", "surrogatepass")
            low = raw.lower()  # ASCII only: the terms are ASCII (`ascii_terms`)
            if any(term in low for term in vocab.ascii_terms):
                return Verdict(True)
            words = raw.translate(_LOWERED_LETTERS_AND_DIGITS).split()
        else:
            low = text.lower()
            if any(term in low for term in vocab.terms):
                return Verdict(True)
            words = _words_and_figures(low)  # figures are words too, to find the demonyms they count
        if vocab.any.isdisjoint(words):
            return _NO_WORDS  # the common case, decided without a loop in Python
        if not vocab.strong.isdisjoint(words):
            return Verdict(True)
        handover, who = self._positions(words, counted=not vocab.counted.isdisjoint(words))
        if not handover:
            return _NO_WORDS
        first = words[handover[0]].decode(_B)
        if not who:
            return Verdict(False, f"prefilter: {first!r} but no word of prisoners, hostages, "
                                  "bodies, soldiers or civilians")
        j = 0
        for i in handover:  # both lists are sorted: a merge walk finds the nearest pair
            while j < len(who) and who[j] < i - self.window:
                j += 1
            if j < len(who) and who[j] <= i + self.window:
                return Verdict(True)
        return Verdict(False, f"prefilter: {first!r} but no word of prisoners, hostages, bodies, "
                              f"soldiers or civilians within {self.window} words of it")

    def _positions(self, words: list[bytes], *, counted: bool) -> tuple[list[int], list[int]]:
        """The indices of the handover words and of the who words."""
        vocab = self.vocabulary
        handover_pairs, who_pairs = vocab.handover_pairs, vocab.who_pairs
        handover: list[int] = []
        who: list[int] = []
        last = len(words) - 1
        # the indices of the marked words, found without a step of Python per word (most words are none)
        for i in compress(count(), map(vocab.marked.__contains__, words)):
            word = words[i]
            after = words[i + 1] if i < last else b""
            if word in vocab.handover or (word in handover_pairs and after in handover_pairs[word]):
                handover.append(i)
            if word in vocab.who or (word in who_pairs and after in who_pairs[word]):
                who.append(i)
            elif counted and word in vocab.counted and any(
                    _is_figure(words[k], vocab.numbers) for k in range(max(0, i - COUNT_REACH), i)):
                who.append(i)
        return handover, who

    def keeps(self, text: str) -> bool:
        return self.check(text).keep
