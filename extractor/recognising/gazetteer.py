"""A rule-data recogniser: JSONL gazetteer entries compiled into phrase matchers, spans stored in doc.spans.

One small symmetrical component serves the actor, cue and place gazetteers (as spaCy's
SpanRuler serves patterns): entries are validated on load, written by `to_disk`, read back by
`from_disk`. Each span carries the entry's label and its id as `kb_id_`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Literal

import srsly
from pydantic import BaseModel, ConfigDict, Field
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from ..datalines import read_model_lines
from .extensions import keep_spans, kept_span
from .tokenizer import LinearTokenizer

ENTRIES_FILE = "entries.jsonl"
# Entries with this label are matched so that, being longer, they shadow a shorter name inside them
# ("New Jersey" over "Jersey"), and are then left out of doc.spans.
BLOCK_LABEL = "BLOCK"
# the rule id a span of an entry with a context carries as its `id_` (a record naming its actor lists it)
CONTEXT_RULE = "actors.context_name"
# the names of the cue and actor gazetteers in the default pipeline (data/pipeline.cfg), which the prefilter and the
# text gate read their words from
CUES_GAZETTEER = "exchange_cues"
ACTORS_GAZETTEER = "exchange_actors"
_PLAIN_WORDS = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*\Z")  # ASCII letters, words parted by one space


class GazetteerEntry(BaseModel):
    """One line of a gazetteer file: a label, an id, and the phrases that name it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    label: str = Field(pattern=r"^[A-Z][A-Z_]*$")
    id: str = Field(min_length=1)
    patterns: tuple[str, ...] = Field(min_length=1)
    case: Literal["auto", "lower", "exact"] = "auto"
    # the entry's words in the keyword prefilter (running/prefilter.py); None: the default of its label
    prefilter: Literal["strong", "handover", "who", "counted", "none"] | None = None
    # ids of which one must be named elsewhere in the doc (by an entry without context) for these
    # patterns to name `id`: an ambiguous short name ("CMA" in Mali, "the Maoists" in Nepal or India)
    context: tuple[str, ...] = ()


def read_entries(lines: Iterable[str], *, origin: str) -> list[GazetteerEntry]:
    """Parse and validate JSONL lines; comment lines start with '//' ."""
    return [entry for _, entry in read_model_lines(lines, GazetteerEntry, origin=origin)]


def package_entries(*names: str) -> list[GazetteerEntry]:
    """Entries of the gazetteer files shipped in the package's data folder, in the order named."""
    entries: list[GazetteerEntry] = []
    for name in names:
        source = resources.files("extractor.data").joinpath(name)
        entries += read_entries(source.read_text(encoding="utf-8").splitlines(), origin=f"extractor/data/{name}")
    return entries


def matches_case_exactly(pattern: str, case: str) -> bool:
    """The pattern is matched on ORTH (its case as written), not LOWER."""
    if case != "auto":
        return case == "exact"
    return not any(ch.islower() for ch in pattern)


def _longest_first(matches: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """spaCy's `filter_spans` on (match_id, start, end) matches, before any Span is made: longest
    first (the earlier start, then the earlier match, among equals), no token taken twice; by start."""
    kept = []
    seen: set[int] = set()
    for match in sorted(matches, key=lambda m: (m[2] - m[1], -m[1]), reverse=True):
        _, start, end = match
        if start not in seen and end - 1 not in seen:
            kept.append(match)
            seen.update(range(start, end))
    kept.sort(key=lambda m: m[1])
    return kept


class GazetteerRecogniser:
    """Marks every gazetteer phrase in the doc; overlapping matches keep the longest. Entries with a
    `helper_labels` label are matched apart, for a subclass's `_extend`, and never written to doc.spans."""

    helper_labels: frozenset[str] = frozenset()

    def __init__(self, nlp: Language, name: str, *, spans_key: str, entries: Iterable[GazetteerEntry]) -> None:
        self.nlp = nlp
        self.name = name
        self.spans_key = spans_key
        self.entries: list[GazetteerEntry] = []
        self._lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._helper_lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._helper_exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._keys: dict[int, tuple[int, int]] = {}
        self._texts: dict[int, str] = {}  # string id -> string, of the labels and entry ids in `_keys`
        self._contexts: dict[int, frozenset[str]] = {}  # match id -> the context ids of its entry
        self.has_context = False  # some entry has a context
        self._block = nlp.vocab.strings[BLOCK_LABEL]  # its id (hash), not added to the strings
        self.state_ids: frozenset[str] = frozenset()  # the ids of its STATE entries
        self.add_entries(entries)

    def add_entries(self, entries: Iterable[GazetteerEntry]) -> None:
        # the tokenizer's special cases; None: not our tokenizer, whose affix rules are known
        special = self.nlp.tokenizer.rules if isinstance(self.nlp.tokenizer, LinearTokenizer) else None
        states = set(self.state_ids)
        for entry in entries:
            self.entries.append(entry)
            if entry.label == "STATE":
                states.add(entry.id)
            key = f"{entry.label}\t{entry.id}"
            self.has_context = self.has_context or bool(entry.context)
            if entry.context:  # a key of its own, so that its matches can be told from the plain entry's
                key += "\t" + " ".join(entry.context)
            exact = [p for p in entry.patterns if matches_case_exactly(p, entry.case)]
            lower = [p for p in entry.patterns if not matches_case_exactly(p, entry.case)]
            helper = entry.label in self.helper_labels
            if exact:
                (self._helper_exact if helper else self._exact).add(
                    key, [self._pattern_keys(p, special, lower=False) for p in exact])
            if lower:
                (self._helper_lower if helper else self._lower).add(
                    key, [self._pattern_keys(p, special, lower=True) for p in lower])
        self.state_ids = frozenset(states)
        self.check_references()

    def check_references(self) -> None:
        """Hook: raise a coded error if an entry names an id that means nothing to this component."""

    def _pattern_keys(self, pattern: str, special: dict | None, *, lower: bool) -> Doc | list[int]:
        """The pattern as the tokenizer splits it, for PhraseMatcher.add. Our tokenizer leaves words of
        letters alone unless they are a special case ("cannot"), so such patterns go in as the ORTH or
        LOWER ids of their words' lexemes, the keys PhraseMatcher would read from a Doc of them: no
        Doc to build and check for annotations, over the ~2,400 patterns loaded with every pipeline."""
        words = pattern.split(" ")
        if special is None or _PLAIN_WORDS.match(pattern) is None or any(w in special for w in words):
            return self.nlp.make_doc(pattern)
        vocab = self.nlp.vocab
        return [vocab[w].lower if lower else vocab[w].orth for w in words]

    def _reset(self, entries: list[GazetteerEntry]) -> None:
        self.entries = []
        self.state_ids = frozenset()
        self._keys = {}
        self._texts = {}
        self._contexts = {}
        self._lower = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self._exact = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self._helper_lower = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self._helper_exact = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self.add_entries(entries)

    def __call__(self, doc: Doc) -> Doc:
        matches = [match for matcher in (self._exact, self._lower) for match in matcher(doc)]
        if self.has_context:
            matches = self._in_context(matches)
        spans = []
        texts = self._texts
        for match_id, start, end in _longest_first(matches):
            label, kb_id = self._keys.get(match_id) or self._key_of(match_id)
            if label != self._block:
                span_id = CONTEXT_RULE if self._contexts.get(match_id) else 0
                spans.append(kept_span(doc, start, end, texts[label], texts[kb_id], label_id=label, kb_id_id=kb_id,
                                       span_id=span_id))
        if self.helper_labels:
            spans = self._extend(doc, spans)
        keep_spans(doc, self.spans_key, spans)  # the Span objects kept for the normaliser
        return doc

    def _extend(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """The spans to keep, from the gazetteer's own and the helper entries' matches (`_helper_matches`)."""
        return spans

    def _helper_matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(match_id, start, end) of the helper entries in the doc, by start."""
        return sorted((m for matcher in (self._helper_exact, self._helper_lower) for m in matcher(doc)),
                      key=lambda m: (m[1], m[2]))

    def _key_of(self, match_id: int) -> tuple[int, int]:
        """The string ids of the label and the entry id behind a match id, looked up once."""
        strings = self.nlp.vocab.strings
        label, kb_id, *context = strings[match_id].split("\t")
        self._keys[match_id] = found = (strings.add(label), strings.add(kb_id))
        self._texts.update(zip(found, (label, kb_id)))
        self._contexts[match_id] = frozenset(context[0].split(" ")) if context else frozenset()
        return found

    def _in_context(self, matches: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
        """Matches of entries with a context, kept only where the doc names a context id elsewhere
        (by a match of an entry without context), as one of its two most named ids; of two kept on one stretch, the one whose context id
        the doc names more often, then the earlier entry (CONTEXT_RULE). A kept one takes the place of a
        plain entry's match of the same words: a global name read as its local affiliate."""
        named: dict[int, int] = {}
        for match in matches:
            if match[0] not in self._keys:
                self._key_of(match[0])
            if not self._contexts[match[0]]:
                kb_id = self._keys[match[0]][1]
                named[kb_id] = named.get(kb_id, 0) + 1
        strings = self.nlp.vocab.strings
        # only the doc's two most named ids (and those named as often) give a context: a state named in passing
        # does not turn the doc's "Islamic State" into that state's affiliate
        second = sorted(named.values(), reverse=True)[1:2] or [1]
        kept: dict[tuple[int, int], tuple[int, tuple[int, int, int]]] = {}
        plain = []
        for match in matches:
            context = self._contexts[match[0]]
            if not context:
                plain.append(match)
                continue
            weight = max((named.get(strings[c], 0) for c in context if c in strings), default=0)
            weight = weight if weight >= second[0] else 0
            if weight and (match[1:] not in kept or weight > kept[match[1:]][0]):
                kept[match[1:]] = (weight, match)
        # a context entry read in its context beats a plain entry of the same words ("al-Qaeda" in Mali: JNIM)
        return [m for m in plain if m[1:] not in kept] + [match for _, match in kept.values()]

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(sorted({e.label for e in self.entries}))

    def to_bytes(self, *, exclude: Iterable[str] = tuple()) -> bytes:
        return srsly.msgpack_dumps({"spans_key": self.spans_key, "entries": [e.model_dump() for e in self.entries]})

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = tuple()) -> "GazetteerRecogniser":
        msg = srsly.msgpack_loads(data)
        self.spans_key = msg["spans_key"]
        self._reset([GazetteerEntry.model_validate(e) for e in msg["entries"]])
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = tuple()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        lines = [json.dumps(e.model_dump(exclude_defaults=True), ensure_ascii=False) for e in self.entries]
        (path / ENTRIES_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")
        srsly.write_json(path / "cfg", {"spans_key": self.spans_key})

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = tuple()) -> "GazetteerRecogniser":
        path = Path(path)
        if (path / "cfg").exists():
            self.spans_key = srsly.read_json(path / "cfg")["spans_key"]
        file = path / ENTRIES_FILE
        self._reset(read_entries(file.read_text(encoding="utf-8").splitlines(), origin=str(file)))
        return self
