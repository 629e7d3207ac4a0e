"""The early gate read from the text, before spaCy tokenises it (rule gate.cue_lines).

`may_be_about_exchanges` (gate.py) passes a doc only if one of its sentences holds a transfer or swap
cue with a people word, a plural demonym, two named persons or a 'handover' beside it. `TextGate` asks
the same of the raw text, and passes every article the doc gate would pass:

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
- the tests are the doc gate's, each with fewer conditions (no actor spans, no figures, no sides).

So an article it turns away would have been turned away by the doc gate, with no record; the
pipeline is not run on it at all. `tests/test_text_gate.py` checks this on every article of the
corpora and on invented hard cases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.attrs import ORTH

from ..running.prefilter import _LETTERS_ONLY, words_of
from .gate import DOMAIN_WORDS, HELD_WORDS, NATIONALS_HANDED

TRANSFER = "T"        # GIVE, RECEIVE, HOME, EXCHANGE
GIVE_OR_TAKE = "V"    # GIVE, RECEIVE, HOME
SWAP = "S"            # EXCHANGE, or FOR other than a bare "for"
SWAP_FOR = "F"        # FOR other than a bare "for"
GIVE = "G"
GIVE_RECEIVE_SWAP = "R"  # GIVE, RECEIVE, EXCHANGE
HANDED = "H"          # GIVE with an id in NATIONALS_HANDED
DOMAIN_SWAP = "D"     # an EXCHANGE phrase of more than one token holding a prisoner word
CATEGORY = "C"        # any CATEGORY
NAMED = "P"           # PERSON
EACH = "E"            # EACH with id "each"
DEMONYMS = "N"        # a DEMONYM ending in "s"
CAPTIVE = "K"         # CAPTIVITY, or a captive word (for the whole article)
CATEGORY_KIND = "c:"  # + the CATEGORY id


# a word ending a sentence: at the start of a chunk (after opening marks), letters, the last one in
# lower case (the tokenizer's suffix rule splits a full stop after a lower-case letter), a stop; then
# closing marks and a space or the end of the line. Group 1: the word with its stop.
_STOP = re.compile(r"""[.!?](?<=[a-z].)(?=[)"'”’»\]]*(?:\s|\Z))""")
_CHUNK_END = re.compile(r"""(?<!\S)["'“‘(\[«]*([A-Za-z]*[a-z][.!?])\Z""")
CHUNK_REACH = 64  # characters before a stop looked at for the start of its chunk


_PIECES = b"\x00" + _LETTERS_ONLY[1:]  # as words_of, with NULs kept


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
        marks |= {GIVE} | ({HANDED} if kb_id in NATIONALS_HANDED else set())
    if label == "EXCHANGE":
        marks |= {SWAP} | ({DOMAIN_SWAP} if len(tokens) > 1 and DOMAIN_WORDS & set(tokens) else set())
    if label == "FOR" and kb_id != "for":
        marks |= {SWAP, SWAP_FOR}
    if label == "CATEGORY":
        marks |= {CATEGORY, CATEGORY_KIND + kb_id}
    if label == "PERSON":
        marks |= {NAMED}
    if label == "EACH" and kb_id == "each":
        marks |= {EACH}
    if label == "CAPTIVITY":
        marks |= {CAPTIVE}
    return marks


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


class TextGate:
    """`admits(text)`: False only for a text whose doc the early gate would turn away. Built from
    the entries of a loaded pipeline's cue and actor gazetteers, once."""

    def __init__(self, nlp, *, cues: str = "exchange_cues", actors: str = "exchange_actors",
                 quantities: str = "exchange_quantities") -> None:
        # the figures of a text, as the quantity recogniser finds them (None: every piece may hold one)
        self.find_quantities = getattr(nlp.get_pipe(quantities), "find", None) if quantities in nlp.pipe_names else None
        found: dict[tuple[bytes, ...], set[str]] = {}

        def add(tokens: list[str], marks: set[str]) -> None:
            # the a-z runs of the pattern's tokens: "cannot" is two tokens, "can" and "not"
            words = tuple(run for token in tokens for run in words_of(token))
            if words and marks:
                found.setdefault(words, set()).update(marks)

        for entry in nlp.get_pipe(cues).entries:
            for pattern in entry.patterns:
                tokens = [t.lower_ for t in nlp.make_doc(pattern)]
                add(tokens, _marks(entry.label, entry.id, tokens))
        for entry in nlp.get_pipe(actors).entries:
            if entry.label == "DEMONYM":
                for pattern in entry.patterns:
                    if pattern.lower().endswith("s"):  # the gate reads `actor.text.endswith("s")`
                        add([t.lower_ for t in nlp.make_doc(pattern)], {DEMONYMS})
        for word in HELD_WORDS:  # the gate reads any of these words anywhere as people held
            add([word], {CAPTIVE})
        self.single: dict[bytes, frozenset[str]] = {}  # one-word phrases: decided by set operations
        self.phrases: dict[bytes, list[Phrase]] = {}  # longer ones, by their longest word (a rare one)
        triggers = set()
        for words, marks in found.items():
            if len(words) == 1:
                key = words[0]
                self.single[key] = frozenset(marks)
            else:
                at = max(range(len(words)), key=lambda i: (len(words[i]), -i))
                key = words[at]
                self.phrases.setdefault(key, []).append(Phrase(words, at, frozenset(marks)))
            if marks & {TRANSFER, SWAP, CAPTIVE}:
                triggers.add(key)
        self.keys = frozenset(self.single) | frozenset(self.phrases)
        self.triggers = frozenset(triggers)
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
        low = text.lower()
        if len(low) == len(text) and "\x00" not in text:  # one pass over the text: pieces parted by NULs
            joined = "\x00".join(low[lo:hi] for lo, hi in ranges).encode("utf-8", "surrogatepass")
            return [(words.split(), lo, hi) for words, (lo, hi) in zip(joined.translate(_PIECES).split(b"\x00"), ranges)]
        return [(words_of(text[lo:hi].lower()), lo, hi) for lo, hi in ranges]  # a letter lower-cased into two

    def _stops(self, text: str) -> list[int]:
        """Where sure sentence ends stop: after a stop that ends a chunk made of opening marks and a
        word, when the word with its stop is no special case of the tokenizer."""
        cuts = []
        for stop in _STOP.finditer(text):
            end = stop.end()
            chunk = _CHUNK_END.search(text, max(0, end - CHUNK_REACH), end)
            if chunk is not None and chunk.group(1) not in self.specials:
                cuts.append(end)
        return cuts

    def marks_of(self, words: list[bytes]) -> set[str]:
        """The marks of every phrase in a piece's runs; where the piece holds a word the tokenizer
        splits inside its letters ("cannot", "gonna"), those of the runs read with it split."""
        if self.splits.keys().isdisjoint(words):
            return self._marks(words)
        cut = self._cut(words)
        return self._marks(cut) | self._marks(words) if self.both_ways else self._marks(cut)

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

    def admits(self, text: str) -> bool:
        # only pieces holding a transfer, swap or captive word (or a word the tokenizer cuts) are read
        triggers = self.triggers
        pieces = [(self.marks_of(words), lo, hi) for words, lo, hi in self.pieces(text)
                  if not triggers.isdisjoint(words)]
        lines = [m for m, _, _ in pieces]
        if any(DOMAIN_SWAP in m for m in lines):
            return True
        swapping = any(SWAP in m for m in lines)
        captive = any(CAPTIVE in m for m in lines)
        kinds = {CATEGORY_KIND + "generic"} if swapping else {CATEGORY_KIND + "generic", CATEGORY_KIND + "prisoners"}
        figures: list[tuple[int, int]] | None = None

        def counted(lo: int, hi: int) -> bool:
            """A figure of the text overlaps the piece: its sentence may hold a quantity span."""
            nonlocal figures
            if self.find_quantities is None:
                return True
            if figures is None:
                figures = [(q.start, q.end) for q in self.find_quantities(text)]
            return any(start < hi and end > lo for start, end in figures)

        for m, lo, hi in pieces:
            if TRANSFER not in m and SWAP not in m:
                continue
            if TRANSFER in m and any(x.startswith(CATEGORY_KIND) and x not in kinds for x in m):
                return True
            if SWAP in m and (CATEGORY in m or DEMONYMS in m) and counted(lo, hi):
                return True
            if SWAP_FOR in m and NAMED in m and GIVE_RECEIVE_SWAP in m:
                return True
            if SWAP_FOR in m and GIVE in m and captive:
                return True
            if GIVE_OR_TAKE in m and EACH in m and CATEGORY in m and counted(lo, hi):
                return True
            if HANDED in m and DEMONYMS in m and counted(lo, hi):
                return True
        return False
