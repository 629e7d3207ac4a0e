"""The early gate read from the text, before spaCy tokenises it (rule gate.cue_lines).

`about_exchanges` (gate.py) finds an article about exchanges only if one of its sentences passes one
of its tests (`handover_sentences`): a transfer or swap cue with a people word, a plural demonym, two
named persons or a 'handover' beside it. `TextGate` asks the same of the raw text, and passes every
article `about_exchanges` would pass (so every article that can have a record):

- the cue and actor phrases are those of the pipeline's own gazetteers (`exchange_cues`,
  `exchange_actors`), compared as runs of a-z in the lower-cased text: a phrase matched on tokens
  (LOWER or ORTH) always shows its words in that order in the text, so every span the gazetteers
  find is found here too (and some the longest-first choice would drop, which only lets more through);
- a sentence never runs over a line break (`exchange_sentences` ends one at every "\\n"), nor over a
  full stop, '!' or '?' that the tokenizer surely splits off a word ("said." but not "Mr." or "Jan.":
  the word with its stop is no special case of the tokenizer, and a space or the line's end
  follows, after closing quotes or brackets); the text is cut into pieces there, so a piece holds
  whole sentences (and maybe the closing marks of the one before): whatever a sentence holds, its
  piece holds;
- the tests are `about_exchanges`'s, each with fewer conditions (no actor spans, no figures beyond
  one overlapping the piece, no sides);
- a cue that `drop_false_cues` takes away before `about_exchanges` reads the cues ("exchanged fire",
  "an exchange fund", "released a statement", "in exchange for the lifting of sanctions", "found in a
  Lisbon home") gives no mark, where the tokens next to it prove it: the piece is tokenised by the
  pipeline's own tokenizer (whitespace-parted chunks are tokenised alone, so from a chunk's start the
  tokens are the doc's), and the words gate._false_cue reads are read the same way, with every token
  that might be part of a figure, an actor or a people cue, or lie past a sentence cut, keeping the
  cue. That is only done where a test would pass with the cue's marks;
- a piece whose every sentence that may pass a test is one `no_handover` surely refuses passes no
  test: by gate.recovery (bodies recovered by troops or rescuers, dug out of graves: its tests that
  need no figure), gate.clemency (a pardon, a ransom) or gate.hypothetical (a swap that may never
  happen, where the EXCHANGE cue is surely made by the gazetteer and kept by `drop_false_cues`). The
  piece's tokens are cut into sentences as `exchange_sentences` cuts them (the piece begins where the
  splitter waits for a sentence to begin), and a swap cue, a handover cue or a party actor that may
  stand in the sentence keeps it.

So an article it turns away would have had no record; the pipeline is not run on it at all.
`tests/normalising/test_text_gate.py` checks, on every article of the corpora, that each sentence
`handover_sentences` gives lies in a piece that passes, and the records with and without the gate.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.attrs import IDX, LENGTH, ORTH

from ..recognising.extensions import token_strings
from ..recognising.scanning import ASCII_CASE_TWINS
from ..recognising.gazetteer import ACTORS_GAZETTEER, CUES_GAZETTEER, matches_case_exactly
from ..running.prefilter import LETTERS_ONLY, lowering, lowers_bytewise, words_of
from ..recognising.sentences import CLOSERS, FINAL, SOFT_BREAKS
from .context import PARTY_LABELS
from .groups import RANK_ID
from .handover_tests import compile_tests
from .sentences import once
from .gate import (
    BETWEEN,
    CLEMENCY,
    DOMAIN_WORDS,
    EXHUMATION_VERBS,
    FORCE_WORDS,
    HANDOVER_KINDS,
    HELD_WORDS,
    MEMBER_NOUNS,
    MONEY_WORDS,
    HYPOTHETICAL,
    MOTION_BEFORE_HOME,
    NON_PERSON_OBJECTS,
    RECOVERY_VERBS,
    RELEASE_SKIPPABLE,
    RELEASED_THINGS,
    RESCUE_WORDS,
    RESPECTIVELY,
    SERVED_WORDS,
    SKIPPABLE,
    bought_with_money,
    hands_nationals,
)

TRANSFER = "T"        # GIVE, RECEIVE, HOME, EXCHANGE
GIVE_OR_TAKE = "V"    # GIVE, RECEIVE, HOME
SWAP = "S"            # EXCHANGE, or FOR other than a bare "for"
SWAP_FOR = "F"        # FOR other than a bare "for"
GIVE = "G"
GIVE_RECEIVE_SWAP = "R"  # GIVE, RECEIVE, EXCHANGE
HANDED = "H"          # a cue that hands nationals to their own side (gate.hands_nationals)
DOMAIN_SWAP = "D"     # an EXCHANGE phrase of more than one token holding a prisoner word
CATEGORY = "C"        # any CATEGORY
NAMED = "P"           # PERSON
SOLDIER = "J"         # PERSON with id "pows" (a rank, a soldier, a pilot)
EACH = "E"            # EACH with id "each"
DEMONYMS = "N"        # a DEMONYM ending in "s"
ANY_DEMONYM = "A"     # any DEMONYM ("Pakistani", "Armenians")
CAPTIVE = "K"         # CAPTIVITY, or a captive word (for the whole article)
CATEGORY_KIND = "c:"  # + the CATEGORY id
MEMBERS = "M"         # a member noun ("members", "elements", "cadres"): gate.members_handed
RESPECTIVE = "Y"      # 'respectively': gate.respective_releases
BETWEEN_SIDES = "B"   # 'between': gate.released_between_sides
HOMECOMING = "W"      # HOME, or ROUTE with id "destination" ('landed in'): gate.freed_home


# a word ending a sentence: a whole chunk (whitespace-parted) of opening marks, letters, the last one in
# lower case (the tokenizer's suffix rule splits a full stop after a lower-case letter), and a stop
# (_CHUNK_WORD); then closing marks and a space or the end of the line (_STOP, which finds the stop).
_STOP = re.compile(r"""[.!?](?<=[a-z].)(?=[)"'”’»\]]*(?:\s|\Z))""")
_CHUNK_WORD = re.compile(r"""["'“‘(\[«]*([A-Za-z]*[a-z][.!?])""")  # a whole chunk: group 1, the word with its stop
CHUNK_REACH = 64  # characters before a stop looked at for the start of its chunk


_LOWERED_PIECES = lowering(b"\x00" + LETTERS_ONLY[1:])  # as words_of on the lower-cased text, with NULs kept
_DIGIT = re.compile(r"[0-9]")  # the quantity recogniser's digits are these


def number_runs(recogniser) -> frozenset[bytes] | None:
    """The runs of letters of a quantity recogniser's number words (None: not known, or a word with a letter
    outside a-z, which the runs would not show whole)."""
    words = getattr(getattr(recogniser, "cues", None), "words", None)
    if not words or not all(re.fullmatch(r"[a-z][a-z \-]*", word.lower()) for word in words):
        return None
    return frozenset(run for word in words for run in words_of(word.lower()))


@dataclass(frozen=True, slots=True)
class Phrase:
    words: tuple[bytes, ...]
    at: int  # the index of the word it is found by
    marks: frozenset[str]


def _marks(label: str, kb_id: str, tokens: list[str]) -> set[str]:
    marks: set[str] = set()
    if label in ("GIVE", "RECEIVE", "HOME", "EXCHANGE"):
        marks |= {TRANSFER}
    if label in ("GIVE", "RECEIVE", "HOME"):
        marks |= {GIVE_OR_TAKE}
    if label in ("GIVE", "RECEIVE", "EXCHANGE"):
        marks |= {GIVE_RECEIVE_SWAP}
    if label == "GIVE":
        marks |= {GIVE}
    if hands_nationals(label, kb_id, tokens[0] if tokens else ""):
        marks |= {HANDED}
    if label == "HOME" or (label == "ROUTE" and kb_id == "destination"):
        marks |= {HOMECOMING}
    if label == "EXCHANGE":
        marks |= {SWAP} | ({DOMAIN_SWAP} if len(tokens) > 1 and DOMAIN_WORDS & set(tokens) else set())
    if label == "FOR" and kb_id != "for":
        marks |= {SWAP, SWAP_FOR}
    if label == "CATEGORY":
        marks |= {CATEGORY, CATEGORY_KIND + kb_id}
    if label == "PERSON":
        marks |= {NAMED} | ({SOLDIER} if kb_id in ("pows", RANK_ID) else set())
    if label == "EACH" and kb_id == "each":
        marks |= {EACH}
    if label == "CAPTIVITY":
        marks |= {CAPTIVE}
    return marks


# Cue senses that `drop_false_cues` (gate.py) takes away before `about_exchanges` reads the cues, read
# here from the tokens next to the cue (kind of a cue pattern -> the test of gate._false_cue it meets):
OBJECT_4 = "object4"     # an EXCHANGE cue: _object_is_not_people(reach=4)
OBJECT_6 = "object6"     # a FOR cue other than a bare "for": _object_is_not_people(reach=6, scan=True)
HOUSE = "house"          # the HOME cue "home" with no word of motion before it
THING = "thing"          # a GIVE cue of kind "release", "releas..." with a thing after it: _released_thing


def _drop_kind(label: str, kb_id: str, tokens: list[str]) -> str | None:
    """The test by which `drop_false_cues` may take away a cue of this pattern, or None. Only patterns
    of letters alone: a cue of them ends where its last run of letters ends, and no sentence ends inside it."""
    if not all(t.isascii() and t.isalpha() for t in tokens):
        return None
    if label == "EXCHANGE":
        return OBJECT_4
    if label == "FOR" and kb_id != "for":
        return OBJECT_6
    if label == "HOME" and tokens == ["home"]:
        return HOUSE
    if label == "GIVE" and kb_id == "release" and tokens[0].startswith("releas"):
        return THING
    return None


# the words whose presence lets a cue be dropped: a piece with none of them keeps all its marks
THING_WORDS = frozenset(w for w in NON_PERSON_OBJECTS if w.isascii() and w.isalpha())
DROP_WORDS = frozenset(w.encode() for w in THING_WORDS | {w for w in RELEASED_THINGS if w.isascii() and w.isalpha()}
                       | {"home"})


@dataclass(frozen=True, slots=True)
class DroppablePhrase:
    tokens: tuple[str, ...]  # the lower-case texts of the pattern's tokens
    kind: str
    marks: frozenset[str]
    lower: bool  # matched on LOWER (in any case), not on ORTH


@dataclass(frozen=True, slots=True)
class Occurrence:
    """A droppable phrase found at tokens [start, end) of a piece; `dropped`: its cue, if the gazetteer
    made one there, is surely taken away by `drop_false_cues`."""

    phrase: DroppablePhrase
    start: int
    end: int
    dropped: bool


class _Vocabulary:
    """Phrases (a-z runs) -> marks: one-word phrases decided by set operations, longer ones found by
    their longest word (a rare one)."""

    def __init__(self, found: dict[tuple[bytes, ...], set[str]]) -> None:
        self.single: dict[bytes, frozenset[str]] = {}
        self.phrases: dict[bytes, list[Phrase]] = {}
        for words, marks in found.items():
            if len(words) == 1:
                self.single[words[0]] = frozenset(marks)
            else:
                at = max(range(len(words)), key=lambda i: (len(words[i]), -i))
                self.phrases.setdefault(words[at], []).append(Phrase(words, at, frozenset(marks)))
        self.keys = frozenset(self.single) | frozenset(self.phrases)

    def marks_of_key(self, key: bytes) -> set[str]:
        """The marks of the phrases found by this key run."""
        return set(self.single.get(key, ())) | {m for phrase in self.phrases.get(key, ()) for m in phrase.marks}

    def marks(self, words: list[bytes]) -> set[str]:
        marks: set[str] = set()
        present = self.keys.intersection(words)
        if not present:
            return marks
        single, phrases = self.single, self.phrases
        for word in present:
            if word in single:
                marks |= single[word]
            if word in phrases:
                i = -1
                while True:
                    try:
                        i = words.index(word, i + 1)
                    except ValueError:
                        break
                    for phrase in phrases[word]:
                        start = i - phrase.at
                        if start >= 0 and tuple(words[start:start + len(phrase.words)]) == phrase.words:
                            marks |= phrase.marks
        return marks


class _PatternIndex:
    """Token texts -> the patterns that hold them, each filed under its neighbouring token (the one
    before, or for a pattern that opens with the token, the one after), so that a token is looked up
    with its neighbours in one step."""

    def __init__(self) -> None:
        self.alone: set[str] = set()  # one-token patterns
        self.by_before: dict[str, dict[str, list[tuple[tuple[str, ...], int]]]] = {}
        self.by_after: dict[str, dict[str, list[tuple[tuple[str, ...], int]]]] = {}

    def add(self, tokens: tuple[str, ...]) -> None:
        if len(tokens) == 1:
            self.alone.add(tokens[0])
            return
        for at, token in enumerate(tokens):
            if at:
                self.by_before.setdefault(token, {}).setdefault(tokens[at - 1], []).append((tokens, at))
            else:
                self.by_after.setdefault(token, {}).setdefault(tokens[1], []).append((tokens, at))

    def any_over(self, lower: list[str], lo: int, hi: int) -> bool:
        """A pattern may stand over one of the tokens lo..hi-1."""
        return any(next(self.over(lower, k), None) is not None for k in range(lo, hi))

    def over(self, lower: list[str], k: int):
        """(start, tokens) of every pattern that may stand over token k: it matches the tokens read
        around k, as far as they go (it may run past them)."""
        word = lower[k]
        if word in self.alone:
            yield k, (word,)
        for table, other in ((self.by_before, k - 1), (self.by_after, k + 1)):
            found = table.get(word)
            if not found:
                continue
            if 0 <= other < len(lower):
                candidates = found.get(lower[other], ())
            else:  # the neighbour is not read: any pattern may run there
                candidates = [c for cs in found.values() for c in cs]
            for tokens, at in candidates:
                if _reads_as(lower, k - at, tokens):
                    yield k - at, tokens


def _split_specials(rules: dict) -> dict[tuple[bytes, ...], tuple[bytes, ...]]:
    """The tokenizer's special cases whose tokens cut a run of letters ("cannot" -> "can" "not",
    "don't" -> "do" "n't"): their a-z runs -> the runs of their tokens."""
    out = {}
    for key, pieces in rules.items():
        orths = [piece.get(ORTH, piece.get("ORTH", "")) for piece in pieces]
        runs = tuple(words_of(key.lower()))
        split = tuple(run for orth in orths for run in words_of(orth.lower()))
        if runs != split and runs:
            out[runs] = split
    return out


GATE_GAZETTEERS = (CUES_GAZETTEER, ACTORS_GAZETTEER)  # what the text gate is built from


class TextGate:
    """`admits(text)`: False only for a text in which `about_exchanges` would find no sentence about a
    handover of people (so no record). Built from the entries of a loaded pipeline's cue and actor
    gazetteers, once."""

    def __init__(self, nlp, *, cues: str = CUES_GAZETTEER, actors: str = ACTORS_GAZETTEER,
                 quantities: str = "exchange_quantities", sentences: str = "exchange_sentences") -> None:
        # the figures of a text, as the quantity recogniser finds them (None: every piece may hold one)
        self.find_quantities = getattr(nlp.get_pipe(quantities), "find", None) if quantities in nlp.pipe_names else None
        # the runs of the recogniser's number words (None: figures are always read, see `_Reading.counted`)
        self.number_runs = number_runs(nlp.get_pipe(quantities)) if self.find_quantities is not None else None
        self.tokenizer = nlp.tokenizer
        # the longest sentence the splitter leaves whole (None: cues are never read as dropped)
        self.max_tokens = getattr(nlp.get_pipe(sentences), "max_tokens", None) if sentences in nlp.pipe_names else None
        found: dict[tuple[bytes, ...], set[str]] = {}
        firm: dict[tuple[bytes, ...], set[str]] = {}  # the marks of the patterns `drop_false_cues` never drops

        def add(tokens: list[str], marks: set[str], *, droppable: bool = False) -> None:
            # the a-z runs of the pattern's tokens: "cannot" is two tokens, "can" and "not"
            words = tuple(run for token in tokens for run in words_of(token))
            if words and marks:
                found.setdefault(words, set()).update(marks)
                if not droppable:
                    firm.setdefault(words, set()).update(marks)

        self.droppable: dict[str, list[DroppablePhrase]] = {}  # by the text of their last token
        # every actor and people cue pattern, by the texts of its tokens
        self.coverers = _PatternIndex()
        specials = getattr(nlp.tokenizer, "rules", None) or {}
        # token text -> (tokens, index of the token) of every cue pattern holding it (BLOCK ones too): the
        # matches the gazetteer chooses among
        self.cue_cover = _PatternIndex()

        # what gate.recovery reads of a sentence beyond its words (see `_recovery`)
        self.swap_cues, self.handover_cues = _PatternIndex(), _PatternIndex()
        self.party_actors, self.aid_actors = _PatternIndex(), _PatternIndex()
        # EXCHANGE patterns matched in any case, by their last token (see `_hypothetical`)
        self.exchange_phrases: dict[str, list[tuple[str, ...]]] = {}
        self.cue_keys: dict[tuple[str, ...], set[tuple[str, str]]] = {}  # the entries of each cue pattern

        def cover(pattern: str) -> tuple[str, ...]:
            words = pattern.lower().split()
            if not all(w.isascii() and w.isalpha() for w in words) or any(w in specials for w in pattern.split()):
                words = [t.lower_ for t in nlp.make_doc(pattern)]  # marks, or a special case: the tokenizer's tokens
            self.coverers.add(tuple(words))
            return tuple(words)

        for entry in nlp.get_pipe(cues).entries:
            for pattern in entry.patterns:
                tokens = [t.lower_ for t in nlp.make_doc(pattern)]
                marks = _marks(entry.label, entry.id, tokens)
                kind = _drop_kind(entry.label, entry.id, tokens)
                add(tokens, marks, droppable=kind is not None)
                if kind is not None:
                    lower = not matches_case_exactly(pattern, entry.case)
                    self.droppable.setdefault(tokens[-1], []).append(DroppablePhrase(tuple(tokens), kind,
                                                                                     frozenset(marks), lower))
                self.cue_cover.add(tuple(tokens))
                if entry.label in ("CATEGORY", "PERSON"):
                    cover(pattern)
                if entry.label == "EXCHANGE" or (entry.label == "FOR" and entry.id != "for"):
                    self.swap_cues.add(tuple(tokens))
                self.cue_keys.setdefault(tuple(tokens), set()).add((entry.label, entry.id))
                if entry.label == "EXCHANGE" and not matches_case_exactly(pattern, entry.case):
                    self.exchange_phrases.setdefault(tokens[-1], []).append(tuple(tokens))
                if entry.label == "GIVE" and entry.id in HANDOVER_KINDS:
                    self.handover_cues.add(tuple(tokens))
        actor_gazetteer = nlp.get_pipe(actors)
        helpers = getattr(actor_gazetteer, "helper_labels", frozenset())  # rule words of the actor recogniser, no names
        for entry in actor_gazetteer.entries:
            if entry.label in helpers:
                continue
            for pattern in entry.patterns:
                words = cover(pattern)
                if entry.label in PARTY_LABELS:
                    self.party_actors.add(words)
                if entry.id in ("ICRC", "UN"):
                    self.aid_actors.add(words)
                if entry.label == "DEMONYM":  # the gate reads `actor.text.endswith("s")` for a plural
                    add([t.lower_ for t in nlp.make_doc(pattern)],
                        {ANY_DEMONYM, DEMONYMS} if pattern.lower().endswith("s") else {ANY_DEMONYM})
        for word in HELD_WORDS:  # the gate reads any of these words anywhere as people held
            add([word], {CAPTIVE})
        for word in MEMBER_NOUNS:
            add([word], {MEMBERS})
        add([RESPECTIVELY], {RESPECTIVE})
        add([BETWEEN], {BETWEEN_SIDES})
        self.vocabulary = _Vocabulary(found)
        self.firm = _Vocabulary(firm)
        self.single, self.phrases, self.keys = self.vocabulary.single, self.vocabulary.phrases, self.vocabulary.keys
        self.triggers = frozenset(key for key in self.keys
                                  if self.vocabulary.marks_of_key(key) & {TRANSFER, SWAP, CAPTIVE})
        # the runs of droppable phrases: a piece with none of them has all its marks from firm phrases
        self.droppable_words = frozenset(run for phrases in self.droppable.values() for p in phrases
                                         for token in p.tokens for run in words_of(token))
        rules = getattr(nlp.tokenizer, "rules", None)
        self.specials = frozenset(rules or ()) if rules is not None else None
        split_specials = _split_specials(rules or {})
        self.splits: dict[bytes, list[tuple[tuple[bytes, ...], tuple[bytes, ...]]]] = {}
        for runs, split in sorted(split_specials.items(), key=lambda kv: -len(kv[0])):
            self.splits.setdefault(runs[0], []).append((runs, split))
        # runs such a special case cuts ("cannot", "don"): if no phrase holds one, the text read with
        # every special case cut gives every match; otherwise it is read both ways
        cut = {run for runs, split in split_specials.items() for run in runs if run not in split}
        self.both_ways = any(cut & set(words) for words in found)
        self.triggers |= frozenset(self.splits)
        # the runs without one of which a piece's marks hold no DOMAIN_SWAP, SWAP or CAPTIVE (a phrase is
        # found by its key run; a piece holding a run a special case cuts is read in full)
        self.marking = {mark: self._keys_with(mark) | frozenset(self.splits) for mark in (DOMAIN_SWAP, SWAP, CAPTIVE)}

    def _keys_with(self, mark: str) -> frozenset[bytes]:
        """The vocabulary's key runs whose own phrases give `mark`."""
        return frozenset(key for key in self.keys if mark in self.vocabulary.marks_of_key(key))

    def pieces(self, text: str) -> list[tuple[list[bytes], int, int]]:
        """(a-z runs, start, end) of the pieces of the text: cut after each line break and at each sure
        sentence end; the runs are those of the lower-cased piece."""
        bounds = [0]
        if self.specials is not None:
            bounds += self._stops(text)
        start = text.find("\n")
        while start >= 0:
            bounds.append(start + 1)
            start = text.find("\n", start + 1)
        bounds = sorted(set(bounds) | {len(text)})
        ranges = list(zip(bounds, bounds[1:])) or [(0, 0)]
        if "\x00" not in text and lowers_bytewise(text):  # one pass over the text's bytes: pieces parted by NULs
            joined = "\x00".join(text[lo:hi] for lo, hi in ranges).encode("utf-8", "surrogatepass")
            return [(words.split(), lo, hi)
                    for words, (lo, hi) in zip(joined.translate(_LOWERED_PIECES).split(b"\x00"), ranges)]
        return [(words_of(text[lo:hi].lower()), lo, hi) for lo, hi in ranges]

    def _stops(self, text: str) -> list[int]:
        """Where sure sentence ends stop: after a stop that ends a chunk made of opening marks and a
        word, when the word with its stop is no special case of the tokenizer."""
        cuts = []
        for stop in _STOP.finditer(text):
            end = stop.end()
            # the chunk the stop ends: the last whitespace-parted run of the CHUNK_REACH characters before
            # it (and one more, to see the whitespace before a chunk of exactly that length); a chunk
            # that starts before them is too long
            chunk = text[max(0, end - CHUNK_REACH - 1):end].rsplit(None, 1)[-1]
            start = end - len(chunk)
            if len(chunk) > CHUNK_REACH or (start > 0 and not text[start - 1].isspace()):
                continue
            word = _CHUNK_WORD.fullmatch(chunk)
            if word is not None and word.group(1) not in self.specials:
                cuts.append(end)
        return cuts

    def marks_of(self, words: list[bytes], vocabulary: _Vocabulary | None = None) -> set[str]:
        """The marks of every phrase in a piece's runs; where the piece holds a word the tokenizer
        splits inside its letters ("cannot", "gonna"), those of the runs read with it split."""
        vocabulary = vocabulary or self.vocabulary
        if self.splits.keys().isdisjoint(words):
            return vocabulary.marks(words)
        cut = self._cut(words)
        return vocabulary.marks(cut) | vocabulary.marks(words) if self.both_ways else vocabulary.marks(cut)

    def _cut(self, words: list[bytes]) -> list[bytes]:
        """The runs with every special case that cuts a run read as its tokens' runs."""
        out: list[bytes] = []
        i, n = 0, len(words)
        while i < n:
            for runs, split in self.splits.get(words[i], ()):
                if tuple(words[i:i + len(runs)]) == runs:
                    out.extend(split)
                    i += len(runs)
                    break
            else:
                out.append(words[i])
                i += 1
        return out

    def _marks(self, words: list[bytes]) -> set[str]:
        return self.vocabulary.marks(words)

    def admits(self, text: str) -> bool:
        return next(self.passing(text), None) is not None

    def reading(self, text: str) -> "_Reading":
        """The text as the gate reads it: `passing()` gives the pieces that pass (see `passing`), and
        `every_piece`, `counted` serve the record sources (record_gate.py) without reading it again."""
        return _Reading(self, text)

    def passing(self, text: str):
        """The (start, end) of pieces that pass a test, each at most once, in the order they are
        decided (the first suffices for `admits`)."""
        return _Reading(self, text).passing()

    # -- cues `drop_false_cues` takes away, read from the tokens of a piece

    def read_tokens(self, text: str, lo: int, hi: int) -> "_Tokens | None":
        """The tokenizer's own tokens of piece (lo, hi) (see `token_range`); None without the pipeline's
        tokenizer and sentence splitter (nothing is then read from tokens)."""
        if self.max_tokens is None or self.tokenizer is None:
            return None
        start, end = self.token_range(text, lo, hi)
        doc = self.tokenizer(text[start:end])
        texts = token_strings(doc, ORTH)
        offsets = [(start + i, start + i + n) for i, n in doc.to_array([IDX, LENGTH]).tolist()]
        first = next((k for k, (s, _) in enumerate(offsets) if s >= lo), len(offsets))
        return _Tokens(texts, list(map(str.lower, texts)), offsets, first, lo == 0)

    def kept_marks(self, tokens: "_Tokens", figures: Callable[[], list[tuple[int, int]] | None]) -> set[str]:
        """The marks of the droppable phrases of a piece whose cues `drop_false_cues` would not surely take
        away. The tokens before the piece's own (the start of the chunk it opens in) only add phrases, and
        the cue's sentence begins at or after the first token read."""
        lower, offsets = tokens.lower, tokens.offsets
        found: list[Occurrence] = []
        for j, word in enumerate(lower):
            for phrase in self.droppable.get(word, ()):
                n = len(phrase.tokens)
                if j + 1 >= n and tuple(lower[j + 1 - n:j + 1]) == phrase.tokens:
                    found.append(Occurrence(phrase, j + 1 - n, j + 1,
                                            self._dropped(phrase.kind, lower, offsets, j, 0, figures)))
        kept: set[str] = set()
        for occurrence in found:
            if not occurrence.dropped and not any(self._hides(o, occurrence, lower) for o in found):
                kept |= occurrence.phrase.marks
        return kept

    def sentences(self, tokens: "_Tokens") -> list[tuple[int, int]] | None:
        """The token ranges of the sentences of a piece, as `exchange_sentences` cuts them (None where the
        splitter's state at the piece's start is not known). A piece opens after a sure stop or a line
        break, where the splitter waits for a token that may begin a sentence (its tokens before `first`
        end the sentence before), or at the text's start, with its first token."""
        texts, n, first = tokens.texts, len(tokens.texts), tokens.first
        if tokens.opens_text and (first != 0 or not tokens.offsets or tokens.offsets[0][0] != 0):
            return None  # the text opens with whitespace: a token the splitter counts is not read
        longest, half = self.max_tokens, self.max_tokens // 2  # type: ignore[operator]
        starts: list[int] = []
        pending, length = not tokens.opens_text, 1
        for i in range(first, n):
            if i > first:
                prev = texts[i - 1]
                if "\n" in prev or prev in FINAL:
                    pending = True
                elif length >= longest or (length >= half and prev in SOFT_BREAKS):
                    pending = True
            text = texts[i]
            if (i == first and tokens.opens_text) or (
                    pending and not text.isspace() and text not in CLOSERS and text not in FINAL):
                starts.append(i)
                pending, length = False, 1
            else:
                length += 1
        return list(zip(starts, starts[1:] + [n]))

    def no_handover(self, tokens: "_Tokens", lo: int, hi: int, figures) -> bool:
        """gate.no_handover surely holds for the sentence of tokens lo..hi-1 (by recovery, clemency or
        hypothetical: the tests read here)."""
        return self.recovery(tokens, lo, hi) or self.clemency(tokens, lo, hi) \
            or self.hypothetical(tokens, lo, hi, figures)

    def clemency(self, tokens: "_Tokens", lo: int, hi: int) -> bool:
        """gate.clemency: a word of pardon, amnesty or bail ('sentences' aside: served ones are no
        clemency), or a ransom not denied, and no swap cue that may stand in the sentence."""
        lower = tokens.lower
        words = set(lower[lo:hi])
        return bool(words & (CLEMENCY - {"sentences"}) or bought_with_money(lower, lo, hi)) and not self.swap_cues.any_over(lower, lo, hi)

    def hypothetical(self, tokens: "_Tokens", lo: int, hi: int, figures) -> bool:
        """gate.hypothetical: an EXCHANGE cue with a word of a swap that may never happen among the four
        tokens before it ('to lead to a new prisoner exchange'). The cue must surely be there after
        drop_false_cues: its pattern matches in any case, no rival match may keep the gazetteer from
        choosing it (see `_hides`), and the token after it is no thing `drop_false_cues` reads (a word
        that is none of a figure, an actor or a people cue, nor a skippable word or a thing), or the
        sentence ends with it."""
        lower = tokens.lower
        for j in range(lo, hi):
            for phrase in self.exchange_phrases.get(lower[j], ()):
                start = j + 1 - len(phrase)
                if start < lo or tuple(lower[start:j + 1]) != phrase:
                    continue
                if not any(lower[k] in HYPOTHETICAL for k in range(max(lo, start - 4), start)):
                    continue
                if self._chosen(lower, start, j + 1) and self._kept(tokens, j + 1, hi, figures):
                    return True
        return False

    def _chosen(self, lower: list[str], start: int, end: int) -> bool:
        """The gazetteer surely keeps a match at tokens start..end-1, of its one entry: no other entry has
        the same pattern, and no other cue pattern as long or longer may match over its first or last token."""
        if len(self.cue_keys.get(tuple(lower[start:end]), ())) != 1:
            return False
        return self._longest_over(lower, start, end - start, tuple(lower[start:end]))

    def _longest_over(self, lower: list[str], start: int, size: int, tokens: tuple[str, ...]) -> bool:
        """No cue pattern but `tokens` at `start`, as long or longer, may match over its first or last
        token (the gazetteer keeps the longest match, the earlier among equals)."""
        for q in (start, start + size - 1):
            for at, other in self.cue_cover.over(lower, q):
                if len(other) >= size and (at, other) != (start, tokens):
                    return False
        return True

    def _kept(self, tokens: "_Tokens", k: int, hi: int, figures) -> bool:
        """gate._object_is_not_people(reach=4) is surely False for an EXCHANGE cue ending at token k of a
        sentence ending at token hi: the sentence ends there, or token k is read as neither a figure, an
        actor, a people cue, a thing nor a skippable word."""
        if k >= hi:
            return True
        lower, offsets = tokens.lower, tokens.offsets
        word = lower[k]
        if word in NON_PERSON_OBJECTS or word in SKIPPABLE or "-" in word or self._covered(lower, k):
            return False
        found = figures()
        return found is not None and not any(s < offsets[k][1] and e > offsets[k][0] for s, e in found)

    def recovery(self, tokens: "_Tokens", lo: int, hi: int) -> bool:
        """gate.recovery holds for the sentence of tokens lo..hi-1, by its tests that need no figure: no
        swap cue and no handover cue may stand there, and no party actor (or no ICRC or UN actor)."""
        lower = tokens.lower
        words = set(lower[lo:hi])
        if self.swap_cues.any_over(lower, lo, hi) or self.handover_cues.any_over(lower, lo, hi):
            return False
        if words & EXHUMATION_VERBS:
            return True
        if words & RECOVERY_VERBS and not self.party_actors.any_over(lower, lo, hi):
            return True
        if not words & FORCE_WORDS:
            return False
        if any(w.startswith("repatriat") for w in words) or self.aid_actors.any_over(lower, lo, hi):
            return False
        return bool(words & RECOVERY_VERBS or words & RESCUE_WORDS)

    @staticmethod
    def token_range(text: str, lo: int, hi: int) -> tuple[int, int]:
        """The whole chunks (whitespace-parted) of piece (lo, hi): from the start of the chunk it opens in
        (a piece may open inside a chunk, after a stop) to the end of the chunk it ends in, without the
        whitespace around them. The tokenizer tokenises each chunk alone, so the tokens of
        text[start:end] are those of the whole text there."""
        start = lo
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        while start < hi and text[start].isspace():
            start += 1  # a run of whitespace is a token of its own, which may begin before the piece
        end = hi
        while end < len(text) and not text[end].isspace():
            end += 1
        while end > start and text[end - 1].isspace():
            end -= 1  # and may end after it
        return start, end

    def _hides(self, longer: Occurrence, shorter: Occurrence, lower: list[str]) -> bool:
        """The gazetteer surely makes a cue of `longer` (a dropped one), so none of `shorter` inside it
        ("exchange" in "in exchange for"): `longer` matches whatever the case, and no other cue pattern as
        long or longer matches over its first or last token (the gazetteer keeps the longest match, the
        earlier among equals, and drops a match whose first or last token a kept one holds)."""
        if not longer.dropped or not longer.phrase.lower or longer.end - longer.start <= shorter.end - shorter.start \
                or not (longer.start <= shorter.start and shorter.end <= longer.end):
            return False
        return self._longest_over(lower, longer.start, longer.end - longer.start, longer.phrase.tokens)

    def _dropped(self, kind: str, lower: list[str], offsets: list[tuple[int, int]], j: int, before: int,
                 figures: Callable[[], list[tuple[int, int]] | None]) -> bool:
        """A cue of this kind ending at token j is surely taken away by `drop_false_cues`."""
        if kind == HOUSE:
            # gate._false_cue: no word of motion among the two tokens before "home" in its sentence (tokens
            # before the first one read are marks without letters, or in another sentence)
            return not any(lower[k] in MOTION_BEFORE_HOME for k in range(max(0, j - 2), j))
        if kind == THING:
            # gate._released_thing: the first word after the verb past RELEASE_SKIPPABLE, within four tokens
            for k in range(j + 1, j + 5):
                if not self._in_sentence(k, len(lower), before):
                    return False
                if lower[k] in RELEASE_SKIPPABLE:
                    continue
                return lower[k] in RELEASED_THINGS
            return False
        return self._thing_after(lower, offsets, j, 4 if kind == OBJECT_4 else 6, before, figures)

    def _covered(self, lower: list[str], k: int) -> bool:
        """Token k may be part of an actor or of a people cue: the tokens around it read as a pattern that
        holds its text (as far as the tokens read go: the pattern may run past them)."""
        return next(self.coverers.over(lower, k), None) is not None

    def _in_sentence(self, k: int, n: int, before: int) -> bool:
        """Token k of those read exists and no sentence begins at or before it after the cue: the words
        walked over are no stops or line breaks, so only a sentence cut at `max_tokens` could end it, and
        the cue's sentence begins at or after the piece's start."""
        return k < n and before + k + 1 < self.max_tokens  # type: ignore[operator]

    def _thing_after(self, lower: list[str], offsets: list[tuple[int, int]], j: int, reach: int, before: int,
                     figures: Callable[[], list[tuple[int, int]] | None]) -> bool:
        """gate._object_is_not_people from token j + 1: words of SKIPPABLE, then a word of
        NON_PERSON_OBJECTS, within `reach` tokens, none of them part of a figure, an actor or a people cue
        (a scan past other words, as for "in exchange for", is not followed here: such a cue is kept)."""
        for k in range(j + 1, j + 1 + reach):
            if not self._in_sentence(k, len(lower), before):
                return False
            word = lower[k]
            thing = word in THING_WORDS
            if not (thing or word in SKIPPABLE or ("-" in word and word.replace("-", "").isalpha())):
                return False
            if self._covered(lower, k):
                return False  # maybe part of an actor or of a people cue
            if thing:
                # no figure over the words walked (the figures are read only now, when they decide)
                found = figures()
                lo, hi = offsets[j + 1][0], offsets[k][1]
                return found is not None and not any(s < hi and e > lo for s, e in found)
        return False


@dataclass(frozen=True, slots=True)
class _Tokens:
    texts: list[str]
    lower: list[str]
    offsets: list[tuple[int, int]]  # character offsets in the text
    first: int  # the first token of the piece (those before end the sentence before it)
    opens_text: bool


@dataclass(slots=True)
class _Piece:
    marks: set[str] | None  # None until first read (`_Reading.marks`)
    lo: int
    hi: int
    words: list[bytes]
    settled: bool  # `marks` hold no droppable phrase's marks that were not read again from the tokens
    firm: set[str] | None = None
    tokens: _Tokens | None = None
    read: bool = False  # `tokens` were read
    refused: bool | None = None


PRISONERS_KIND = CATEGORY_KIND + "prisoners"
ONE_SIDED_KINDS = frozenset({CATEGORY_KIND + "generic", PRISONERS_KIND})  # no people word of a handover alone


# the words without one of which no refusal read from a piece's tokens (`TextGate.no_handover`) can hold
REFUSAL_WORDS = frozenset(w.encode() for w in EXHUMATION_VERBS | RECOVERY_VERBS | RESCUE_WORDS | CLEMENCY
                          | MONEY_WORDS | HYPOTHETICAL)
# gate.clemency holds for a sentence holding one of these tokens wherever no swap cue stands ('sentences' only where
# no word of a sentence served stands among the three tokens before it: `_Reading.one_sided`)
SENTENCES = "sentences"
CLEMENCY_TOKENS = CLEMENCY - {SENTENCES}
CLEMENCY_RUNS = frozenset(w.encode() for w in CLEMENCY if w.isascii() and w.isalpha())


def _reads_as(lower: list[str], start: int, tokens: tuple[str, ...]) -> bool:
    """The tokens read match the pattern placed at `start`, as far as they go (it may run past them)."""
    lo, hi = max(start, 0), min(start + len(tokens), len(lower))
    return tuple(lower[lo:hi]) == tokens[lo - start:hi - start]


class _Reading:
    """One text read by the gate: its pieces with trigger words, their marks and its figures. A piece's
    marks are read first with every droppable phrase's marks (`marks`); where a test would pass with
    them, with the firm phrases' alone (`firm`, a cheap second look), and only then with the droppable
    phrases read again from the tokens (`settled`). Every test is monotone in the marks, and
    firm <= settled <= marks, so a test that passes on `firm` passes on `settled`."""

    def __init__(self, gate: TextGate, text: str) -> None:
        self.gate = gate
        self.text = text
        triggers = gate.triggers
        self.every_piece = gate.pieces(text)
        self._numeric: dict[int, tuple[bool, bool, int]] | None = None  # piece start -> (number, text, index)
        self.pieces = [_Piece(None, lo, hi, words, gate.droppable_words.isdisjoint(words) or DROP_WORDS.isdisjoint(words))
                       for words, lo, hi in self.every_piece if not triggers.isdisjoint(words)]
        self._needs = _MarkNeeds(self)

    def marks(self, piece: "_Piece") -> set[str]:
        """The piece's marks as they stand (read when first asked for: `admits` stops at the first piece
        that passes)."""
        if piece.marks is None:
            piece.marks = self.gate.marks_of(piece.words)
        return piece.marks

    def may_hold(self, piece: "_Piece", mark: str) -> bool:
        """The piece holds a run that may give `mark` (DOMAIN_SWAP, SWAP or CAPTIVE) and holds the mark."""
        return not self.gate.marking[mark].isdisjoint(piece.words) and mark in self.marks(piece)

    @once
    def swapping(self) -> bool:
        """Some piece holds a swap cue (`about_exchanges`: an article with no swap anywhere reads 'prisoners'
        freed as a one-sided release)."""
        return any(self.may_hold(p, SWAP) and self.holds(p, SWAP) for p in self.pieces)

    @once
    def one_sided(self) -> bool:
        """gate.one_sided_article surely holds, so `about_exchanges` turns the article down (rule
        gate.one_sided_article, read from the text): no swap cue anywhere (`swapping`), and a sentence that
        `gate.clemency` reads as a pardon, an amnesty, bail or parole: one holding a token of CLEMENCY_TOKENS,
        or 'sentences' with no word of a sentence served among the three tokens before it (read from the
        tokenizer's own tokens of a piece whose runs hold one of those words)."""
        if self.swapping:
            return False
        gate, text = self.gate, self.text
        for words, lo, hi in self.every_piece:
            if CLEMENCY_RUNS.isdisjoint(words):
                continue
            tokens = gate.read_tokens(text, lo, hi)
            if tokens is None:
                return False
            lower = tokens.lower
            for k, word in enumerate(lower):
                if word in CLEMENCY_TOKENS or (word == SENTENCES and k >= tokens.first and not any(
                        lower[m] in SERVED_WORDS for m in range(max(0, k - 3), k))):
                    return True
        return False

    @once
    def captive(self) -> bool:
        return any(self.may_hold(p, CAPTIVE) for p in self.pieces)  # no droppable phrase marks CAPTIVE

    @once
    def figures(self) -> list[tuple[int, int]] | None:
        """The character ranges of the text's figures, read when a test first needs them (None: no
        quantity recogniser, so any piece may hold one)."""
        find = self.gate.find_quantities
        return None if find is None else [(q.start, q.end) for q in find(self.text)]

    def counted(self, lo: int, hi: int) -> bool:
        """A figure of the text overlaps the piece (`lo`..`hi`, one of `every_piece`): its sentence may hold a
        quantity span. The text's figures are read only for a piece near a number (`near_a_number`)."""
        if not self.near_a_number(lo):
            return False
        figures = self.figures
        return figures is None or any(start < hi and end > lo for start, end in figures)

    def near_a_number(self, lo: int) -> bool:
        """The piece starting at `lo`, or the nearest piece with text before or after it, holds a digit or a
        number word of the quantity recogniser. Every figure holds one (its digits or number words), and
        none runs over a whole piece (a sentence), so a figure overlapping a piece far from every number
        cannot be."""
        numbers = self.gate.number_runs
        if numbers is None:
            return True
        if self._numeric is None:
            text = self.text
            # four letters outside a-z match a-z in the recogniser's case-blind patterns: a text holding one
            # is read as if every piece held a number word
            odd = any(ch in text for ch in ASCII_CASE_TWINS)
            self._numeric = {start: (odd or _DIGIT.search(text, start, end) is not None
                                     or not numbers.isdisjoint(words), bool(text[start:end].strip()), k)
                             for k, (words, start, end) in enumerate(self.every_piece)}
        numeric, blank_free = self._numeric, self.every_piece
        found, _, k = numeric[lo]
        if found:
            return True
        for step in (-1, 1):  # the nearest piece with text before and after it
            j = k + step
            while 0 <= j < len(blank_free) and not numeric[blank_free[j][1]][1]:
                j += step
            if 0 <= j < len(blank_free) and numeric[blank_free[j][1]][0]:
                return True
        return False

    def firm(self, piece: "_Piece") -> set[str]:
        if piece.settled:
            return self.marks(piece)
        if piece.firm is None:
            piece.firm = self.gate.marks_of(piece.words, self.gate.firm)
        return piece.firm

    def tokens(self, piece: "_Piece") -> _Tokens | None:
        if not piece.read:
            piece.tokens = self.gate.read_tokens(self.text, piece.lo, piece.hi)
            piece.read = True
        return piece.tokens

    def settled(self, piece: "_Piece") -> set[str]:
        """The piece's marks, with the droppable phrases read again from its tokens (once)."""
        if not piece.settled:
            tokens = self.tokens(piece)
            if tokens is not None:
                piece.marks = self.firm(piece) | self.gate.kept_marks(tokens, lambda: self.figures)
            piece.settled = True
        return self.marks(piece)

    def refused(self, piece: "_Piece") -> bool:
        """Every sentence of the piece that may pass a test is one `no_handover` surely refuses (bodies
        recovered by troops or rescuers, a pardon, a swap that may never happen): no handover sentence
        lies in it."""
        if piece.refused is None:
            piece.refused = False
            tokens = None if REFUSAL_WORDS.isdisjoint(piece.words) else self.tokens(piece)
            if tokens is not None:
                gate, text = self.gate, self.text
                sentences = gate.sentences(tokens)
                piece.refused = sentences is not None and all(
                    gate.triggers.isdisjoint(words_of(text[tokens.offsets[lo][0]:tokens.offsets[hi - 1][1]].lower()))
                    or gate.no_handover(tokens, lo, hi, lambda: self.figures) for lo, hi in sentences)
        return piece.refused

    def holds(self, piece: "_Piece", mark: str) -> bool:
        return mark in self.marks(piece) and (mark in self.firm(piece) or mark in self.settled(piece))

    def passing(self):
        """The whole article's readings (`swapping`, `captive`) are made only when a piece's test needs
        them, and a piece's marks only when it is looked at; each test gives what it gives with all of
        them made first (so `admits`, which stops at the first piece, reads less)."""
        pieces = self.pieces
        passed = set()
        for piece in pieces:  # the cheapest test first, over every piece
            if self.may_hold(piece, DOMAIN_SWAP) and self.holds(piece, DOMAIN_SWAP) and not self.refused(piece):
                passed.add((piece.lo, piece.hi))
                yield piece.lo, piece.hi
        for piece in pieces:
            lo, hi = piece.lo, piece.hi
            if not (passed and (lo, hi) in passed) and self._passes(self.marks(piece), lo, hi) and (
                    self._passes(self.firm(piece), lo, hi)
                    or self._passes(self.settled(piece), lo, hi)) and not self.refused(piece):
                passed.add((lo, hi))
                yield lo, hi
        # a piece's marks below are those it holds once `swapping` has read the pieces it reads
        self.swapping  # noqa: B018
        # gate.reciprocal_releases, without its sides: two counted pieces releasing people
        releasing = [p for p in pieces if GIVE in self.marks(p) and CATEGORY in self.marks(p)]
        if len(releasing) < 2 and not any(self._gives_twice(p) for p in releasing):
            return  # (without reading the figures of the text for one piece that could not pass alone)
        releasing = [p for p in releasing if self.counted(p.lo, p.hi) and not self.refused(p)]
        if len(releasing) >= 2 or any(self._gives_twice(p) for p in releasing):
            for piece in releasing:
                if (piece.lo, piece.hi) not in passed:
                    yield piece.lo, piece.hi

    def _gives_twice(self, piece: "_Piece") -> bool:
        """Two runs of the piece may be release words ('India freed 14 ..., and Pakistan freed 22 ...'): the
        two releases of gate.reciprocal_releases may stand in one sentence, in clauses of their own."""
        vocabulary = self.gate.vocabulary
        return sum(1 for w in piece.words if GIVE in vocabulary.marks_of_key(w)) >= 2

    def _passes(self, m: set[str], lo: int, hi: int) -> bool:
        """The tests of `about_exchanges` for a sentence (handover_tests.py), each with fewer conditions, on a
        piece's marks."""
        needs = self._needs
        needs.m, needs.lo, needs.hi = m, lo, hi
        return _MARK_TESTS(needs)


class _MarkNeeds:
    """The needs of the handover tests (handover_tests.py) read on a piece's marks: the cue and actor phrases
    it may hold, the text's figures over it (`_Reading.counted`) and the article's swap and captive readings.
    Sides, the persons around a pivot, a release verb's kind and war words are read as present. One per
    reading; `m`, `lo` and `hi` are the marks and bounds of the piece being read."""

    __slots__ = ("reading", "m", "lo", "hi")
    # the needs read as a mark of the piece (or one of several marks)
    MARKS = {"handover_cue": (TRANSFER, SWAP), "people": (CATEGORY, DEMONYMS), "transfer": TRANSFER, "domain_swap": DOMAIN_SWAP, "swap": SWAP, "pivot": SWAP_FOR, "two_persons": NAMED,
             "give_receive_swap": GIVE_RECEIVE_SWAP, "give": GIVE, "person": NAMED, "soldier": SOLDIER,
             "give_or_take": GIVE_OR_TAKE, "each": EACH, "people_word": CATEGORY, "handed_verb": HANDED,
             "demonym": ANY_DEMONYM, "members": MEMBERS,
             "respectively": RESPECTIVE, "between": BETWEEN_SIDES, "homecoming": HOMECOMING}
    PRESENT = frozenset({"person_for_person", "freed_held_or_at_war", "names_a_dyad", "both_sides", "handed_home",
                         "counted_members", "respective_sides", "between_sides", "freed_home",
                         "received_from_other_side", "two_peoples"})

    def __init__(self, reading: _Reading) -> None:
        self.reading = reading
        self.m: set[str] = set()
        self.lo = self.hi = 0

    def specific_people(self) -> bool:
        # a people word of a kind other than 'generic' beside a transfer cue; 'prisoners' only where some piece
        # holds a swap cue
        m = self.m
        return any(x.startswith(CATEGORY_KIND) and x not in ONE_SIDED_KINDS for x in m) \
            or (PRISONERS_KIND in m and self.reading.swapping)

    def counted(self) -> bool:
        return self.reading.counted(self.lo, self.hi)

    def released_in_swap(self) -> bool:
        return GIVE_RECEIVE_SWAP in self.m and self.reading.swapping

    def held_anywhere(self) -> bool:
        return self.reading.captive

    def give_or_receive(self) -> bool:
        return GIVE_OR_TAKE in self.m and GIVE_RECEIVE_SWAP in self.m  # a GIVE or RECEIVE phrase gives both

    def exchanging(self) -> bool:
        return self.reading.swapping


_MARK_TESTS = compile_tests(_MarkNeeds)
